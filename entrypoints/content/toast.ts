/** A short notice in the page (one shadow host, reused), e.g. "Публикация записана". */
import { t } from '@/lib/i18n';
import { attachOurShadow, HOST_ATTR } from './shadow';

let host: HTMLElement | undefined;
let box: HTMLElement | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

export function toast(text: string, tone: 'ok' | 'error' = 'ok', ms = 8000): void {
  if (!host?.isConnected) {
    host = document.createElement('div');
    host.setAttribute(HOST_ATTR, 'toast');
    const shadow = attachOurShadow(host);
    box = document.createElement('div');
    box.className = 'aot-toast';
    box.setAttribute('role', 'status');
    shadow.append(box);
    document.body.append(host);
  }
  const message = document.createElement('span');
  message.textContent = text; // page-independent text, still never HTML
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'aot-icon-button';
  close.setAttribute('aria-label', t('inpage.close'));
  close.textContent = '×';
  close.addEventListener('click', () => box?.replaceChildren());
  box!.dataset.tone = tone;
  box!.replaceChildren(message, close);
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(() => box?.replaceChildren(), ms);
}

/** Takes the toast away for good (the content script's context was invalidated). */
export function disposeToast(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  host?.remove();
  host = undefined;
  box = undefined;
}
