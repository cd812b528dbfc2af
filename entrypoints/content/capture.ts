/**
 * The page side of capture: one MutationObserver for the page (throttled) that tracks items
 * by their canonical key, one IntersectionObserver that mounts a small button host only on
 * items near the viewport, and one batched lookup per scan that turns the buttons of captured
 * items into their state (step and working time left). VK removes posts that scroll away and
 * re-adds them as new nodes: the entry follows the key, so nothing is duplicated or leaked.
 */
import { formatMinutes } from '@/components/format';
import { urgencyOf } from '@/lib/worktime/left';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '@/lib/i18n';
import { siteRequest as request } from '@/lib/messaging/site-client';
import { ChannelError } from '@/lib/messaging/channel';
import type { CapturedItem } from '@/lib/model/message';
import type { PageItem, SiteAdapter } from '@/lib/sites';
import type { Step } from '@/lib/workflow/model';
import { openForm } from './form';
import { attachOurShadow, HOST_ATTR } from './shadow';

const SCAN_DELAY_MS = 100;
const LOOKUP_DELAY_MS = 50;
const REFRESH_MS = 60_000;
/** Items this far outside the viewport get their button ahead of time. */
const NEAR_MARGIN = '800px 0px';

interface Found {
  id: string;
  step: Step;
  workingMsLeft?: number;
}

interface Entry {
  item: PageItem;
  host?: HTMLElement;
  button?: HTMLButtonElement;
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

/** What the button of a captured item says and how urgent it looks. */
export function stateView(found: Found): { label: string; title: string; urgency: 'calm' | 'soon' | 'overdue' | 'done' } {
  const step = t(`step.${found.step}`);
  const left = found.workingMsLeft;
  if (left === undefined) return { label: step, title: t('capture.stateTitle'), urgency: 'done' };
  const time = left < 0 ? t('countdown.overdue', { time: formatMinutes(left) }) : t('countdown.left', { time: formatMinutes(left) });
  return {
    label: t('capture.state', { step, time: left < 0 ? `−${formatMinutes(left)}` : formatMinutes(left) }),
    title: `${t('capture.stateTitle')} — ${time}`,
    urgency: urgencyOf(left),
  };
}

export interface CaptureController {
  /** The tracked items, by key (for publishing and health). */
  items(): PageItem[];
  /** Re-reads the whole page (after a navigation inside the site). */
  rescan(): void;
  /** Number of our button hosts in the page (tests and diagnostics). */
  mountedCount(): number;
}

export function startCapture(ctx: ContentScriptContext, adapter: SiteAdapter): CaptureController {
  const entries = new Map<string, Entry>();
  const keyOf = new WeakMap<Element, string>();
  const found = new Map<string, Found>();
  const observedSent = new Map<string, string>();
  let lookupQueue = new Set<string>();
  let lookupTimer: ReturnType<typeof setTimeout> | undefined;

  const paint = (entry: Entry) => {
    const { button } = entry;
    if (!button) return;
    const state = found.get(entry.item.key);
    if (!state) {
      button.dataset.state = 'new';
      button.textContent = t('capture.button');
      button.title = t('capture.buttonTitle');
      delete button.dataset.urgency;
      return;
    }
    const view = stateView(state);
    button.dataset.state = 'captured';
    button.dataset.urgency = view.urgency;
    button.textContent = ` ${view.label}`;
    button.title = view.title;
  };

  /** One batched request for the keys queued since the last one. */
  const flushLookup = async () => {
    lookupTimer = undefined;
    const keys = [...lookupQueue];
    lookupQueue = new Set();
    if (!keys.length || !ctx.isValid) return;
    try {
      const reply = await request('capture.lookup', { keys });
      const seen: Array<{ key: string; text: string }> = [];
      for (const f of reply.found) {
        found.set(f.key, { id: f.id, step: f.step, ...(f.workingMsLeft !== undefined ? { workingMsLeft: f.workingMsLeft } : {}) });
        const entry = entries.get(f.key);
        if (entry) {
          paint(entry);
          // What the page shows now on a captured item: the background notes edits.
          if (observedSent.get(f.key) !== entry.item.text) {
            observedSent.set(f.key, entry.item.text);
            seen.push({ key: f.key, text: entry.item.text });
          }
        }
      }
      if (seen.length) await request('page.observed', { seen, missing: [] });
    } catch (error) {
      if (!(error instanceof ChannelError)) throw error;
      console.warn('[aot] lookup failed:', error.message);
    }
  };
  const lookup = (keys: Iterable<string>) => {
    for (const k of keys) lookupQueue.add(k);
    if (lookupTimer === undefined && lookupQueue.size) lookupTimer = setTimeout(() => void flushLookup(), LOOKUP_DELAY_MS);
  };

  const setCaptured = (key: string) => {
    found.set(key, found.get(key) ?? { id: '', step: 'routed' });
    lookup([key]);
  };

  const mount = (entry: Entry) => {
    if (entry.host?.isConnected && entry.item.element.contains(entry.host)) return;
    entry.host?.remove();
    const { item } = entry;
    const host = document.createElement('span');
    host.setAttribute(HOST_ATTR, 'capture');
    host.dataset.aotKey = item.key;
    host.style.display = item.kind === 'post' ? 'block' : 'inline-block';
    const root = attachOurShadow(host);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'aot-capture';
    button.dataset.kind = item.kind;
    button.addEventListener('click', (event) => {
      event.preventDefault();
      event.stopPropagation();
      // Only a person's click captures: a page script's synthetic click does nothing.
      if (!event.isTrusted) return;
      const detectedAt = Date.now();
      const current = entries.get(item.key);
      if (!current) return;
      // Read the item again: VK expands text and loads media after the first scan.
      const fresh = adapter.findItems(current.item.element).find((i) => i.key === item.key) ?? current.item;
      openForm({ item: toCaptured(fresh), detectedAt, alreadyCaptured: found.has(item.key), onSaved: setCaptured });
    });
    root.append(button);
    const { parent, before } = adapter.buttonAnchor(item);
    parent.insertBefore(host, before);
    entry.host = host;
    entry.button = button;
    paint(entry);
  };

  const near = new IntersectionObserver(
    (records) => {
      const fresh: string[] = [];
      for (const record of records) {
        if (!record.isIntersecting) continue;
        const key = keyOf.get(record.target);
        const entry = key ? entries.get(key) : undefined;
        if (!entry || entry.item.element !== record.target) continue;
        const had = !!entry.host?.isConnected;
        mount(entry);
        if (!had) fresh.push(entry.item.key);
      }
      lookup(fresh);
    },
    { rootMargin: NEAR_MARGIN },
  );

  const track = (items: PageItem[]) => {
    for (const item of items) {
      const entry = entries.get(item.key);
      if (entry && entry.item.element === item.element) {
        entry.item = item;
        continue;
      }
      if (entry) {
        near.unobserve(entry.item.element);
        entry.host?.remove();
      }
      // A re-added node may still carry a host of ours for this key: drop it, mount afresh.
      for (const stale of item.element.querySelectorAll(`[${HOST_ATTR}="capture"]`)) {
        if ((stale as HTMLElement).dataset.aotKey === item.key) stale.remove();
      }
      entries.set(item.key, { item });
      keyOf.set(item.element, item.key);
      near.observe(item.element);
    }
  };

  /** Entries whose node left the page: forget them (the key comes back with the node). */
  const sweep = () => {
    for (const [key, entry] of entries) {
      if (entry.item.element.isConnected) continue;
      near.unobserve(entry.item.element);
      entries.delete(key);
    }
  };

  let pendingRoots = new Set<Element>();
  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  let needsSweep = false;
  const flushScan = () => {
    scanTimer = undefined;
    const roots = [...pendingRoots].filter((r) => r.isConnected);
    pendingRoots = new Set();
    // Scan each added subtree once: skip roots inside another added root.
    const top = roots.filter((r) => !roots.some((o) => o !== r && o.contains(r)));
    for (const root of top) track(adapter.findItems(root));
    if (needsSweep) sweep();
    needsSweep = false;
  };
  const schedule = () => {
    if (scanTimer === undefined && ctx.isValid) scanTimer = setTimeout(flushScan, SCAN_DELAY_MS);
  };

  // Only mutations that add an item (or remove a tracked one) are worth work: VK changes
  // counters, dates and players all the time.
  const itemish = (node: Node): node is Element =>
    node instanceof Element && !node.hasAttribute(HOST_ATTR) && (node.matches(adapter.rootSelector) || node.querySelector(adapter.rootSelector) !== null);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (itemish(node)) {
          pendingRoots.add(node);
          schedule();
        }
      }
      if (!needsSweep) {
        for (const node of record.removedNodes) {
          if (itemish(node) || (node instanceof Element && node.getAttribute(HOST_ATTR) === 'capture')) {
            needsSweep = true;
            schedule();
            break;
          }
        }
      }
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });

  // Countdowns on the buttons: one refresh a minute for the captured items in view.
  const refresh = setInterval(() => {
    if (document.visibilityState !== 'visible') return;
    lookup([...entries.values()].filter((e) => e.host?.isConnected && found.has(e.item.key)).map((e) => e.item.key));
  }, REFRESH_MS);

  ctx.onInvalidated(() => {
    observer.disconnect();
    near.disconnect();
    clearInterval(refresh);
    if (scanTimer !== undefined) clearTimeout(scanTimer);
    if (lookupTimer !== undefined) clearTimeout(lookupTimer);
    for (const entry of entries.values()) entry.host?.remove();
    entries.clear();
  });

  const rescan = () => {
    sweep();
    track(adapter.findItems(document));
  };
  rescan();

  return {
    items: () => [...entries.values()].map((e) => e.item),
    rescan,
    mountedCount: () => document.querySelectorAll(`[${HOST_ATTR}="capture"]`).length,
  };
}
