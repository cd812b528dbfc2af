/**
 * The page side of capture: one MutationObserver for the page (throttled), a light button
 * host per post keyed by the post's canonical key, and one form host for the whole page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '@/lib/i18n';
import { siteRequest as request } from '@/lib/messaging/site-client';
import { ChannelError } from '@/lib/messaging/channel';
import type { CapturedItem } from '@/lib/model/message';
import type { PageItem, SiteAdapter } from '@/lib/sites';
import { openForm } from './form';
import { HOST_ATTR, styleShadow } from './shadow';

const SCAN_DELAY_MS = 100;

interface Mounted {
  host: HTMLElement;
  button: HTMLButtonElement;
  item: PageItem;
}

export function toCaptured(item: PageItem): CapturedItem {
  return {
    site: item.site,
    kind: item.kind,
    key: item.key,
    url: item.url,
    ...(item.parentKey ? { parentKey: item.parentKey } : {}),
    author: item.author.url ? { name: item.author.name, url: item.author.url } : { name: item.author.name },
    text: item.text,
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
    attachments: item.attachments.map((a) => (a.url ? { type: a.type, url: a.url } : { type: a.type })),
  };
}

export function startCapture(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  const mounted = new Map<string, Mounted>();
  const captured = new Set<string>();

  const setCaptured = (key: string) => {
    captured.add(key);
    const entry = mounted.get(key);
    if (!entry) return;
    entry.button.dataset.state = 'captured';
    entry.button.textContent = ` ${t('capture.captured')}`;
    entry.button.title = t('capture.capturedTitle');
  };

  const mount = (item: PageItem): Mounted => {
    const host = document.createElement('div');
    host.setAttribute(HOST_ATTR, 'capture');
    host.style.display = 'block';
    const root = host.attachShadow({ mode: 'open' });
    styleShadow(root);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'aot-capture';
    button.textContent = t('capture.button');
    button.title = t('capture.buttonTitle');
    button.dataset.state = 'new';
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      const detectedAt = Date.now();
      const entry = mounted.get(item.key);
      if (!entry) return;
      // Read the post again: VK expands text and loads media after the first scan.
      const fresh = adapter.findItems(entry.item.element.parentElement ?? document).find((i) => i.key === entry.item.key);
      openForm({
        item: toCaptured(fresh ?? entry.item),
        detectedAt,
        alreadyCaptured: captured.has(entry.item.key),
        onSaved: setCaptured,
      });
    });
    root.append(button);
    const { parent, before } = adapter.buttonAnchor(item);
    parent.insertBefore(host, before);
    return { host, button, item };
  };

  const scan = async () => {
    const fresh: string[] = [];
    for (const item of adapter.findItems(document)) {
      const known = mounted.get(item.key);
      if (known && known.host.isConnected && item.element.contains(known.host)) {
        known.item = item;
        continue;
      }
      known?.host.remove();
      // A post VK removed and re-added still carries the host we forgot: drop it, mount afresh.
      for (const stale of item.element.querySelectorAll(`[${HOST_ATTR}="capture"]`)) stale.remove();
      const entry = mount(item);
      mounted.set(item.key, entry);
      if (captured.has(item.key)) setCaptured(item.key);
      else fresh.push(item.key);
    }
    // VK removes posts that scroll away; forget their hosts (they come back on re-add).
    for (const [key, entry] of mounted) if (!entry.host.isConnected) mounted.delete(key);
    if (fresh.length === 0) return;
    try {
      const { found } = await request('capture.lookup', { keys: fresh });
      for (const f of found) setCaptured(f.key);
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      console.warn('[aot] lookup failed:', error.message);
    }
  };

  let pending: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (pending !== undefined || !ctx.isValid) return;
    pending = setTimeout(() => {
      pending = undefined;
      void scan();
    }, SCAN_DELAY_MS);
  };

  // Only mutations that add a post (or remove one of ours) are worth a scan: VK changes
  // counters, dates and players all the time.
  const relevant = (node: Node) =>
    node instanceof Element &&
    !node.hasAttribute(HOST_ATTR) &&
    (node.matches(adapter.rootSelector) || node.querySelector(adapter.rootSelector) !== null);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (relevant(node)) return schedule();
      for (const node of record.removedNodes) {
        if (node instanceof Element && (node.hasAttribute(HOST_ATTR) ? node.getAttribute(HOST_ATTR) === 'capture' : relevant(node)))
          return schedule();
      }
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  ctx.onInvalidated(() => {
    observer.disconnect();
    if (pending !== undefined) clearTimeout(pending);
    for (const entry of mounted.values()) entry.host.remove();
    mounted.clear();
  });
  void scan();
}
