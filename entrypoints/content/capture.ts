/**
 * The page side of capture: a «Взять в работу» button on every post and comment as it comes near
 * the viewport, the state of captured items on their buttons (step and working time left), and
 * the capture form on a person's click. Items are tracked by their canonical key: VK removes
 * posts that scroll away and re-adds them as new nodes, and the entry follows the key, so nothing
 * is duplicated or leaked.
 *
 * Invisible in the page (issue #21): the parts, each in capture/, keep every task of ours short
 * and the page's own frames cheap. Only what comes near the viewport is read:
 * - units.ts: the page is cut into units, its outermost item roots (a post with its comments);
 * - near.ts: one IntersectionObserver watches the units, only those near the viewport and a few
 *   beyond; none while the user types. A unit near means every item in it is near: its items get
 *   their buttons together (items themselves are never observed); close.ts hurries the buttons
 *   of a unit about to be seen before its batch;
 * - slicer.ts: a unit that comes near is read (the adapter's findItems) in idle slices of a few ms,
 *   none while the page is flung (fling.ts);
 * - mutations.ts: one MutationObserver hands on added units and removals in batches;
 * - painter.ts: buttons go in without moving the page (their hosts take no room from the flow),
 *   in batches at most every BATCH_MS, writing only, and not while the page is flung (fling.ts);
 * - lookup.ts: one batched request says which of the items read are captured.
 */
import { formatMinutes } from '@/components/format';
import { urgencyOf } from '@/lib/worktime/left';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { hasOwnPages, isOwnAuthor } from './own';
import { t } from '@/lib/i18n';
import { siteRequest as request } from '@/lib/messaging/site-client';
import type { CapturedItem } from '@/lib/model/message';
import type { PageItem, SiteAdapter } from '@/lib/sites';
import type { Step } from '@/lib/model/step';
import { createLookupBatcher } from './capture/lookup';
import { watchClose } from './capture/close';
import { flingGate } from './capture/fling';
import { observePage } from './capture/mutations';
import { watchNear } from './capture/near';
import { createPainter, type ButtonView, type Mountable } from './capture/painter';
import { idleWait, sliceQueue } from './capture/slicer';
import { outermostRoots } from './capture/units';
import { openForm } from './form';
import { attachOurShadow, HOST_ATTR } from './shadow';

const SCAN_DELAY_MS = 100;
/** Keys of the units read within this pause go in one lookup (well before their buttons' batch). */
const LOOKUP_DELAY_MS = 200;
const REFRESH_MS = 60_000;
/**
 * Units this far above or below the viewport are read and get their buttons ahead of time, px:
 * wide enough that buttons, put in by batches at most every BATCH_MS (each batch costs the page a
 * fixed layout walk, so the fewer the better), are there before a unit scrolls into view at a
 * brisk 3,000 px/s. Measured on the 28,600-element wall: 3,000 px / 800 ms cost a 5-s scroll
 * ~40 ms more than these.
 */
const NEAR_PX = 4000;
const BATCH_MS = 1200;
/** A unit this close to the viewport gets its buttons in the next frame (a faster scroll, a jump), px. */
const URGENT_PX = 600;
/**
 * Until the page first moves (a scroll of it or in it, the wheel, a resize), only units this
 * close to the viewport are read and get their buttons; the rest of the near band waits for that
 * first move. A page being opened is busy with itself and is read from its first screen: the
 * buttons four screens down were most of the script and layout the extension added to a heavy
 * feed's load, for items a person opening a post by its link never scrolls to.
 */
const FIRST_SCREEN_PX = 1000;
const FIRST_MOVES = ['scroll', 'wheel', 'resize'] as const;
/** The near watcher sleeps while the user types; it wakes on scrolling, or this long after the last key. */
const TYPING_PAUSE_MS = 1000;

interface Found {
  id: string;
  step: Step;
  workingMsLeft?: number;
}

/** A tracked item: its button, and the unit it was read in. */
interface Entry extends Mountable {
  unit: Element;
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
  /** The items read so far (those that came near the viewport), by key. */
  items(): PageItem[];
  /** Looks at the whole page again (after a navigation inside the site); what is near is read. */
  rescan(): void;
  /** Number of our button hosts in the page (tests and diagnostics). */
  mountedCount(): number;
  /** Asks again what these items' buttons show (a step was taken on them: published in place). */
  refresh(keys: string[]): void;
}

export interface CaptureRuntime extends CaptureController {
  /** Resolves when the units near the viewport now have been read. */
  scanned(): Promise<void>;
}

export function startCapture(ctx: ContentScriptContext, adapter: SiteAdapter): CaptureRuntime {
  const entries = new Map<string, Entry>();
  const found = new Map<string, Found>();
  const observedSent = new Map<string, string>();
  const wait = idleWait();
  // Nothing is read or put in while the page is flung: units that fly past are read, and get their
  // buttons, when the scroll slows or stops (fling.ts).
  const fling = flingGate();
  const unflung = async () => {
    for (let hold = fling.hold(); hold > 0 && ctx.isValid; hold = fling.hold()) await new Promise((resolve) => setTimeout(resolve, hold));
    return wait();
  };

  const view = (key: string): ButtonView => {
    const state = found.get(key);
    if (!state) return { state: 'new', text: t('capture.button'), title: t('capture.buttonTitle') };
    const v = stateView(state);
    return { state: 'captured', text: ` ${v.label}`, title: v.title, urgency: v.urgency };
  };

  const lookup = createLookupBatcher({
    send: (keys) => request('capture.lookup', { keys }),
    delayMs: LOOKUP_DELAY_MS,
    onReply: async (reply) => {
      const seen: Array<{ key: string; text: string }> = [];
      for (const f of reply.found) {
        found.set(f.key, { id: f.id, step: f.step, ...(f.workingMsLeft !== undefined ? { workingMsLeft: f.workingMsLeft } : {}) });
        const entry = entries.get(f.key);
        if (!entry) continue;
        // A captured item's button says so at once (one that is not in the page yet is painted so when it goes in).
        painter.repaint(entry, true);
        // What the page shows now on a captured item: the background notes edits.
        if (observedSent.get(f.key) !== entry.item.text) {
          observedSent.set(f.key, entry.item.text);
          seen.push({ key: f.key, text: entry.item.text });
        }
      }
      if (seen.length && ctx.isValid) await request('page.observed', { seen, missing: [] });
    },
    onError: (error) => console.warn('[aot] lookup failed:', error instanceof Error ? error.message : error),
  });

  const setCaptured = (key: string) => {
    found.set(key, found.get(key) ?? { id: '', step: 'routed' });
    // Painted when the lookup answers, with the working time left.
    lookup.add([key]);
  };

  const painter = createPainter({
    anchor: (item) => adapter.buttonAnchor(item),
    view,
    alive: (entry) => ctx.isValid && entries.get(entry.item.key) === entry && entry.item.element.isConnected,
    attachShadow: attachOurShadow,
    hostAttr: HOST_ATTR,
    batchMs: BATCH_MS,
    hold: fling.hold,
    onMounted: (fresh) => {
      for (const entry of fresh) close.done((entry as Entry).unit);
    },
    onClick: (entry, event) => {
      event.preventDefault();
      event.stopPropagation();
      // Only a person's click captures: a page script's synthetic click does nothing.
      if (!event.isTrusted) return;
      const detectedAt = Date.now();
      const { key } = entry.item;
      const current = entries.get(key);
      if (!current) return;
      // Read the item again: VK expands text and loads media after the first scan.
      const fresh = adapter.findItems(current.item.element).find((i) => i.key === key) ?? current.item;
      openForm({ item: toCaptured(fresh), detectedAt, alreadyCaptured: found.has(key), onSaved: setCaptured });
    },
  });

  /** The entries of each unit read, and whether the unit's buttons are wanted soon. */
  const unitEntries = new Map<Element, Set<Entry>>();
  const soon = new Map<Element, boolean>();
  const mountUnit = (unit: Element, urgent: boolean) => {
    let queued = false;
    for (const entry of unitEntries.get(unit) ?? []) {
      if (entry.host?.isConnected && entry.item.element.contains(entry.host)) continue; // in place
      painter.mount(entry, urgent);
      queued = true;
    }
    // Waiting for the next batch: watched until then, in case it comes into view first.
    if (queued && !urgent) close.watch(unit);
  };
  const close = watchClose({ margin: URGENT_PX, onClose: (unit) => mountUnit(unit, true) });
  const forget = (entry: Entry) => {
    painter.unmount(entry);
    unitEntries.get(entry.unit)?.delete(entry);
  };

  /**
   * replace: the node just added wins (VK re-renders an item as a new node). Otherwise (a scan of
   * the page) the same item shown twice keeps its button on the richest copy, as a whole-page scan
   * of the adapter does (a pinned post repeated, a topic in OK's layer over its cut-short copy in
   * the feed): the longer text, else the one found first.
   */
  const track = (item: PageItem, unit: Element, replace: boolean) => {
    const entry = entries.get(item.key);
    // A comment by the official or a body's page is our own reply: no button. (A post by the
    // body's community keeps its button: VK publishes citizens' suggested posts under it.) The
    // author is read only when own pages are known: most comments near the viewport are never
    // read otherwise.
    if (item.kind === 'comment' && hasOwnPages() && isOwnAuthor(item.author.url)) {
      if (entry) {
        forget(entry);
        entries.delete(item.key);
      }
      return;
    }
    if (entry && entry.item.element === item.element) {
      entry.item = item;
      return;
    }
    if (entry) {
      if (!replace && entry.item.element.isConnected && item.text.length <= entry.item.text.length) return;
      forget(entry);
    }
    const fresh: Entry = { item, unit };
    entries.set(item.key, fresh);
    let set = unitEntries.get(unit);
    if (!set) unitEntries.set(unit, (set = new Set()));
    set.add(fresh);
  };

  /** Units not read yet, and whether the site added them (their items are new). */
  const waiting = new Map<Element, boolean>();
  const scanUnit = (unit: Element) => {
    if (!waiting.has(unit)) return; // read already (it came near twice while queued)
    const replace = waiting.get(unit)!;
    waiting.delete(unit);
    if (!unit.isConnected || !ctx.isValid) return;
    // A node the site put back may still hold a host of ours no entry owns: it goes.
    for (const stale of unit.querySelectorAll<HTMLElement>(`[${HOST_ATTR}="capture"]`)) {
      if (entries.get(stale.dataset.aotKey ?? '')?.host !== stale) stale.remove();
    }
    const items = adapter.findItems(unit);
    for (const item of items) track(item, unit, replace);
    // Which are captured: asked now, so the buttons (a batch later) go in with their state.
    lookup.add(items.map((i) => i.key));
    // Still near (the scroll may have gone on): its buttons now.
    if (units.isNear(unit)) mountUnit(unit, soon.get(unit) ?? false);
    soon.delete(unit);
  };
  const scans = sliceQueue(scanUnit, { wait: unflung, cancelled: () => !ctx.isValid, onError: (error) => console.warn('[aot] scan failed:', error) });
  /** Units come near (a unit holds every item near it): read the first time, their buttons every time. */
  /** Near units past the first screen, held until the page first moves (FIRST_SCREEN_PX). */
  let held: Set<Element> | null = new Set();
  const releaseHeld = () => {
    if (!held) return;
    const list = held;
    held = null;
    for (const type of FIRST_MOVES) window.removeEventListener(type, releaseHeld, { capture: true });
    for (const unit of list) if (unit.isConnected && units.isNear(unit)) nearNow(unit, NEAR_PX);
  };
  for (const type of FIRST_MOVES) window.addEventListener(type, releaseHeld, { capture: true, passive: true });
  const nearNow = (unit: Element, distance: number) => {
    if (held && distance > FIRST_SCREEN_PX) {
      held.add(unit);
      return;
    }
    const urgent = distance < URGENT_PX;
    if (waiting.has(unit)) {
      soon.set(unit, urgent || (soon.get(unit) ?? false));
      scans.push([unit]);
    } else mountUnit(unit, urgent);
  };
  const units = watchNear({
    margin: NEAR_PX,
    lead: 2,
    onNear: nearNow,
  });
  const watchUnits = (list: Element[], replace: boolean) => {
    for (const unit of list) {
      if (unitEntries.has(unit) && !replace) continue; // read already and unchanged
      if (!waiting.has(unit) || replace) waiting.set(unit, replace);
      units.delete(unit); // looked at afresh: read when near
      units.add(unit);
    }
  };

  /** Entries and units whose node left the page: forgotten (the key comes back with the node). */
  const sweep = () => {
    for (const [key, entry] of entries) {
      if (entry.item.element.isConnected) continue;
      forget(entry);
      entries.delete(key);
    }
    for (const unit of [...waiting.keys(), ...unitEntries.keys()]) {
      if (unit.isConnected) continue;
      waiting.delete(unit);
      unitEntries.delete(unit);
      soon.delete(unit);
      units.delete(unit);
      close.done(unit);
    }
  };

  const page = observePage(document.body, {
    rootSelector: adapter.rootSelector,
    hostAttr: HOST_ATTR,
    delayMs: SCAN_DELAY_MS,
    onChanges: ({ added, removed, hostsRemoved }) => {
      if (!ctx.isValid) return;
      if (removed) sweep();
      for (const host of hostsRemoved) {
        // The site re-rendered part of an item and took our button with it: back, if near.
        const entry = entries.get(host.dataset.aotKey ?? '');
        if (entry?.host === host && entry.item.element.isConnected && units.isNear(entry.unit)) painter.mount(entry, true);
      }
      for (const root of added) watchUnits(outermostRoots(root, adapter.rootSelector), true);
    },
  });

  // No observer work while the user types: the near watcher sleeps from a keystroke in an
  // editable field until the page scrolls (or the typing pauses).
  let typing: ReturnType<typeof setTimeout> | undefined;
  const moves = ['scroll', 'wheel', 'pointerdown', 'resize'] as const;
  const onMove = () => wake();
  /** Listened to only while asleep: a scroll listener costs every scroll event. */
  const listenMoves = (on: boolean) => {
    for (const type of moves) {
      if (on) window.addEventListener(type, onMove, { capture: true, passive: true });
      else window.removeEventListener(type, onMove, { capture: true });
    }
  };
  const wake = () => {
    if (typing !== undefined) clearTimeout(typing);
    typing = undefined;
    listenMoves(false);
    units.resume();
  };
  const onKey = (event: Event) => {
    const target = event.target;
    if (
      !event.isTrusted ||
      !(target instanceof HTMLElement) ||
      !(target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)
    )
      return;
    if (!units.paused) listenMoves(true);
    units.pause();
    if (typing !== undefined) clearTimeout(typing);
    typing = setTimeout(wake, TYPING_PAUSE_MS);
  };
  document.addEventListener('keydown', onKey, true);

  // Countdowns on the buttons: one refresh a minute for the captured items that have a button.
  const refresh = setInterval(() => {
    if (document.visibilityState !== 'visible') return;
    const keys: string[] = [];
    for (const e of entries.values()) if (e.host?.isConnected && found.has(e.item.key)) keys.push(e.item.key);
    lookup.add(keys);
  }, REFRESH_MS);

  ctx.onInvalidated(() => {
    page.disconnect();
    units.disconnect();
    close.disconnect();
    scans.dispose();
    painter.dispose();
    lookup.dispose();
    clearInterval(refresh);
    for (const type of FIRST_MOVES) window.removeEventListener(type, releaseHeld, { capture: true });
    held = null;
    if (typing !== undefined) clearTimeout(typing);
    document.removeEventListener('keydown', onKey, true);
    listenMoves(false);
    entries.clear();
    unitEntries.clear();
  });

  let looking: Promise<void> = Promise.resolve();
  const rescan = () => {
    sweep();
    // Finding the units is one query over the page: in an idle moment of its own.
    looking = wait().then(() => {
      if (ctx.isValid) watchUnits(outermostRoots(document, adapter.rootSelector), false);
    });
  };
  rescan();

  return {
    items: () => [...entries.values()].map((e) => e.item),
    rescan,
    mountedCount: () => document.querySelectorAll(`[${HOST_ATTR}="capture"]`).length,
    refresh: (keys) => lookup.add(keys),
    async scanned() {
      await looking;
      // The unit watcher reports where the units are with the next frame; then the near ones are read.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await scans.drained();
    },
  };
}
