/**
 * The reply checker in the site's own reply boxes: when the user types in a VK or OK reply
 * box, the checker's findings are underlined in place (the editor's DOM is never modified)
 * and a compact panel beside the box lists them, with forbidden content found in the post
 * being answered. The rules run in the background (one request per pause in typing), so the
 * content script carries no rule data. Switched off per site in the options.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { attachHighlighter, type Highlighter } from '@/components/inplace/highlighter';
import { t } from '@/lib/i18n';
import type { Finding } from '@/lib/lint/types';
import { ChannelError } from '@/lib/messaging/channel';
import { siteRequest as request } from '@/lib/messaging/site-client';
import { CHECKER_SITES_KEY } from '@/lib/sites/hosts';
import type { SiteAdapter } from '@/lib/sites';
import { HOST_ATTR, styleShadow } from './shadow';

const MAX_LISTED = 5;

interface Attached {
  box: HTMLElement;
  highlighter: Highlighter;
  panel: HTMLElement;
  follow: () => void;
}

/** The text of the item a box answers, read from the nearest ancestor that holds it (not the whole page). */
function answeredText(box: HTMLElement, key: string, adapter: SiteAdapter): string | undefined {
  let reads = 0;
  for (let scope: Element | null = box.parentElement; scope && reads < 3; scope = scope.parentElement) {
    if (!scope.querySelector(adapter.rootSelector) && !scope.matches(adapter.rootSelector)) continue;
    reads += 1;
    const found = adapter.findItems(scope).find((i) => i.key === key);
    if (found) return found.text;
  }
  return undefined;
}

export function startChecker(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  let enabled = true;
  let current: Attached | null = null;

  const detach = () => {
    if (!current) return;
    current.highlighter.detach();
    current.panel.remove();
    window.removeEventListener('scroll', current.follow, { capture: true });
    window.removeEventListener('resize', current.follow);
    current = null;
  };

  void browser.storage.local
    .get(CHECKER_SITES_KEY)
    .then((stored) => {
      const sites = stored[CHECKER_SITES_KEY] as Partial<Record<'vk' | 'ok', boolean>> | undefined;
      enabled = sites?.[adapter.site] !== false;
    })
    .catch(() => undefined);
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(CHECKER_SITES_KEY in changes)) return;
    const sites = changes[CHECKER_SITES_KEY]?.newValue as Partial<Record<'vk' | 'ok', boolean>> | undefined;
    enabled = sites?.[adapter.site] !== false;
    if (!enabled) detach();
  };
  browser.storage.onChanged.addListener(onStorage);

  const attach = (box: HTMLElement) => {
    if (current?.box === box) return;
    detach();
    const answersKey = adapter.findReplyBoxes(box.parentElement ?? document).find((b) => b.element === box)?.answersKey;
    const answering = answersKey ? answeredText(box, answersKey, adapter) : undefined;

    const panelHost = document.createElement('div');
    panelHost.setAttribute(HOST_ATTR, 'checker');
    Object.assign(panelHost.style, { position: 'absolute', zIndex: '2147483645', top: '0', left: '0' });
    const shadow = panelHost.attachShadow({ mode: 'open' });
    styleShadow(shadow);
    const panel = document.createElement('section');
    panel.className = 'aot-checker';
    panel.setAttribute('aria-label', t('checker.title'));
    panel.setAttribute('aria-live', 'polite');
    panel.hidden = true;
    shadow.append(panel);
    document.body.append(panelHost);

    const follow = () => {
      const rect = box.getBoundingClientRect();
      panelHost.style.top = `${rect.bottom + window.scrollY + 4}px`;
      panelHost.style.left = `${rect.left + window.scrollX}px`;
      panelHost.style.width = `${Math.max(260, Math.min(rect.width, 420))}px`;
    };

    let incoming: Finding[] = [];
    let score = 10;
    const render = (findings: Finding[], text: string) => {
      if (!text.trim() && incoming.length === 0) {
        panel.hidden = true;
        return;
      }
      const parts: Node[] = [];
      const head = document.createElement('header');
      const title = document.createElement('strong');
      title.textContent = `${t('checker.title')} · ${t('checker.score', { score })}`;
      const hide = document.createElement('button');
      hide.type = 'button';
      hide.className = 'aot-icon-button';
      hide.setAttribute('aria-label', t('checker.hide'));
      hide.textContent = '×';
      hide.addEventListener('click', detach);
      head.append(title, hide);
      parts.push(head);
      if (incoming.length) {
        const warn = document.createElement('p');
        warn.className = 'aot-checker__incoming';
        warn.textContent = `${t('checker.incoming')} ${[...new Set(incoming.map((f) => f.message))].join('; ')}`;
        parts.push(warn);
      }
      const list = document.createElement('ul');
      for (const f of findings.slice(0, MAX_LISTED)) {
        const li = document.createElement('li');
        li.dataset.category = f.category;
        const quote = text.slice(f.start, f.end);
        li.textContent = quote ? `«${quote}» — ${f.message}` : f.message; // page text: textContent only
        list.append(li);
      }
      if (findings.length > MAX_LISTED) {
        const more = document.createElement('li');
        more.textContent = t('checker.more', { count: findings.length - MAX_LISTED });
        list.append(more);
      }
      if (!findings.length) {
        const ok = document.createElement('p');
        ok.textContent = t('checker.clean');
        parts.push(ok);
      } else parts.push(list);
      panel.replaceChildren(...parts);
      panel.hidden = false;
      follow();
    };

    const lint = async (text: string): Promise<Finding[]> => {
      if (!text.trim()) return [];
      try {
        const reply = await request('lint.check', { text, ...(answering ? { answering } : {}) });
        if (!reply.enabled) {
          enabled = false;
          queueMicrotask(detach);
          return [];
        }
        incoming = reply.incoming;
        score = reply.score;
        return reply.findings;
      } catch (error) {
        if (!(error instanceof ChannelError)) throw error;
        return [];
      }
    };
    const highlighter = attachHighlighter(box, { lint, delay: 300, onResult: render, name: 'aot-reply' });
    window.addEventListener('scroll', follow, { passive: true, capture: true });
    window.addEventListener('resize', follow, { passive: true });
    current = { box, highlighter, panel: panelHost, follow };
  };

  const boxOf = (target: EventTarget | null): HTMLElement | null => {
    if (!(target instanceof HTMLElement)) return null;
    const box = target.closest<HTMLElement>(adapter.replyBoxSelector);
    return box && adapter.findReplyBoxes(box.parentElement ?? document).some((b) => b.element === box) ? box : null;
  };
  // Runs on every keystroke in the page: typing in the box already checked costs one contains().
  const onActivity = (event: Event) => {
    if (!enabled) return;
    if (current && event.target instanceof Node && current.box.contains(event.target)) return;
    const box = boxOf(event.target);
    if (box) attach(box);
  };
  document.addEventListener('focusin', onActivity, true);
  document.addEventListener('input', onActivity, true);
  // The site may remove the box (sent, collapsed): let go of it.
  const sweep = setInterval(() => {
    if (current && !current.box.isConnected) detach();
  }, 2000);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorage);
    document.removeEventListener('focusin', onActivity, true);
    document.removeEventListener('input', onActivity, true);
    clearInterval(sweep);
    detach();
  });
}
