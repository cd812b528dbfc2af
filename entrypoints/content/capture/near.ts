/**
 * The near watcher: tells which of the page's items come near the viewport while observing only
 * a few of them. The browser computes an IntersectionObserver's targets in every frame, so
 * 2,200 observed items cost every frame of a scroll and every keystroke; here one observer (its
 * rootMargin is the "near" band) watches
 * - the items near the viewport now and, beyond each end of a run of them in document order,
 *   `lead` more that are not hidden (the next to come near whichever way the page scrolls);
 * - every item once when it arrives, to learn where it is; then it is let go if it is far.
 * Items are kept in document order, which on these feeds is the order on the screen.
 *
 * When no observed item is near any more (a jump: End, a link to an anchor) every item is
 * observed once more and the window is rebuilt where the viewport is now. While nothing is near
 * at all (a region without items, a run of hidden ones) the nearest items on each side stay
 * watched, and scrolling looks at every item again at most every `relocateMs` (a jump over them).
 * pause() stops all observer work (while the user types); resume() picks up again.
 */

/** The part of IntersectionObserver used here (tests pass their own). */
export interface IntersectionLike {
  observe(el: Element): void;
  unobserve(el: Element): void;
  disconnect(): void;
}
export type IntersectionRecord = Pick<IntersectionObserverEntry, 'target' | 'isIntersecting' | 'boundingClientRect' | 'rootBounds'>;
export type ObserverFactory = (callback: (records: IntersectionRecord[]) => void, init: IntersectionObserverInit) => IntersectionLike;

export interface NearOptions {
  /** How far above and below the viewport an item counts as near, px. */
  margin: number;
  /** Items watched beyond each end of a run of near ones. */
  lead?: number;
  /** An item came near (again); `distance`: how far it is from the viewport itself, px (0: in view). */
  onNear(el: Element, distance: number): void;
  /** Least time between two full passes while nothing is near, ms. */
  relocateMs?: number;
  observer?: ObserverFactory;
  /** Where scroll and resize are listened to (for relocating): window by default. */
  events?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  now?: () => number;
}

export interface NearWatcher {
  /** A new item (ignored when already watched). */
  add(el: Element): void;
  /** An item gone from the page or replaced. */
  delete(el: Element): void;
  isNear(el: Element): boolean;
  /** How many items the observer watches now. */
  observedCount(): number;
  /** How many items are known. */
  size(): number;
  /** Observes every item once more, to find where the viewport is. */
  relocate(): void;
  /** No observer work until resume(). */
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  disconnect(): void;
}

const UNKNOWN = 0;
const NEAR = 1;
const ABOVE = 2;
const BELOW = 3;
const HIDDEN = 4;

interface Slot {
  el: Element;
  state: number;
  observed: boolean;
  gone: boolean;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

export function watchNear(options: NearOptions): NearWatcher {
  const lead = options.lead ?? 6;
  const relocateMs = options.relocateMs ?? 250;
  const now = options.now ?? (() => performance.now());
  const events = options.events ?? window;
  const make: ObserverFactory = options.observer ?? ((cb, init) => new IntersectionObserver(cb, init));
  const slots = new Map<Element, Slot>();
  let order: Slot[] = [];
  let tombstones = 0;
  let paused = false;
  let disconnected = false;
  /** Some item was near after the last callback. */
  let hadNear = false;
  let lastRelocate = -Infinity;
  let relocateTimer: ReturnType<typeof setTimeout> | undefined;

  const io = make(
    (records) => {
      if (paused || disconnected) return;
      const arrived: Array<[Element, number]> = [];
      for (const record of records) {
        const slot = slots.get(record.target);
        if (!slot || !slot.observed) continue;
        const state = classify(record);
        if (state === NEAR && slot.state !== NEAR) arrived.push([slot.el, distanceToView(record, options.margin)]);
        slot.state = state;
      }
      reshape();
      for (const [el, distance] of arrived) options.onNear(el, distance);
    },
    { rootMargin: `${options.margin}px 0px` },
  );

  const observe = (slot: Slot) => {
    if (slot.observed || paused || disconnected) return;
    slot.observed = true;
    io.observe(slot.el);
  };
  const unobserve = (slot: Slot) => {
    if (!slot.observed) return;
    slot.observed = false;
    io.unobserve(slot.el);
  };

  const compact = () => {
    if (!tombstones) return;
    order = order.filter((s) => !s.gone);
    tombstones = 0;
  };

  /** The observed set: the window around every run of near items, and items not placed yet. */
  let want = new Uint8Array(64);
  const reshape = () => {
    if (paused || disconnected) return;
    compact();
    const n = order.length;
    if (want.length < n) want = new Uint8Array(Math.max(n, want.length * 2));
    want.fill(0, 0, n);
    let anyNear = false;
    let pending = false;
    for (let i = 0; i < n; i++) {
      const slot = order[i]!;
      if (slot.state === UNKNOWN) {
        pending = true;
        continue;
      }
      if (slot.state !== NEAR) continue;
      anyNear = true;
      want[i] = 1;
      // From the ends of a run of near items: `lead` visible ones more (hidden ones are passed over).
      if (i === 0 || order[i - 1]!.state !== NEAR) {
        for (let j = i - 1, c = 0; j >= 0 && c < lead; j--) {
          want[j] = 1;
          if (order[j]!.state !== HIDDEN) c++;
        }
      }
      if (i === n - 1 || order[i + 1]!.state !== NEAR) {
        for (let j = i + 1, c = 0; j < n && c < lead; j++) {
          want[j] = 1;
          if (order[j]!.state !== HIDDEN) c++;
        }
      }
    }
    // Nothing near (a region without items, a run of hidden ones): the nearest items on each
    // side of the viewport stay watched, so scrolling on reaches them.
    if (!anyNear && !pending) {
      let below = order.findIndex((slot) => slot.state === BELOW);
      if (below < 0) below = n;
      for (let j = below, c = 0; j < n && c < lead; j++) {
        want[j] = 1;
        if (order[j]!.state !== HIDDEN) c++;
      }
      for (let j = below - 1, c = 0; j >= 0 && c < lead; j--) {
        want[j] = 1;
        if (order[j]!.state !== HIDDEN) c++;
      }
    }
    for (let i = 0; i < n; i++) {
      const slot = order[i]!;
      if (want[i] || slot.state === UNKNOWN) observe(slot);
      else unobserve(slot);
    }
    // Everything near left at once: the viewport jumped. Find it again.
    if (!anyNear && !pending && hadNear && n) {
      hadNear = false;
      relocate();
      return;
    }
    hadNear = anyNear;
    listen(!anyNear && !pending && n > 0);
  };

  /** Every item is observed once more; the next callback says where each is. */
  const relocate = () => {
    if (paused || disconnected) return;
    lastRelocate = now();
    for (const slot of order) {
      if (slot.gone || slot.observed) continue;
      slot.state = UNKNOWN;
      observe(slot);
    }
  };

  /** While nothing is near, scrolling may bring items near: look again, at most every relocateMs. */
  const onScroll = () => {
    if (hadNear || paused || disconnected || relocateTimer !== undefined || !order.length) return;
    if (order.some((s) => s.state === UNKNOWN)) return; // a look is on its way
    const wait = lastRelocate + relocateMs - now();
    if (wait <= 0) relocate();
    else
      relocateTimer = setTimeout(() => {
        relocateTimer = undefined;
        if (!hadNear) relocate();
      }, wait);
  };
  /** Scrolling is listened to only while nothing is near (a listener costs every scroll event). */
  let listening = false;
  const listen = (on: boolean) => {
    if (on === listening) return;
    listening = on;
    if (on) {
      events.addEventListener('scroll', onScroll, { capture: true, passive: true });
      events.addEventListener('resize', onScroll, { passive: true });
    } else {
      events.removeEventListener('scroll', onScroll, { capture: true });
      events.removeEventListener('resize', onScroll);
    }
  };

  const insert = (slot: Slot) => {
    const last = order.at(-1);
    // The usual case: items come in document order (a scan, posts loaded at the bottom).
    if (!last || (!last.gone && last.el.compareDocumentPosition(slot.el) & FOLLOWING)) {
      order.push(slot);
      return;
    }
    compact();
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[mid]!.el.compareDocumentPosition(slot.el) & FOLLOWING) lo = mid + 1;
      else hi = mid;
    }
    order.splice(lo, 0, slot);
  };

  return {
    add(el) {
      if (disconnected || slots.has(el)) return;
      const slot: Slot = { el, state: UNKNOWN, observed: false, gone: false };
      slots.set(el, slot);
      insert(slot);
      observe(slot);
    },
    delete(el) {
      const slot = slots.get(el);
      if (!slot) return;
      unobserve(slot);
      slot.gone = true;
      slots.delete(el);
      tombstones++;
    },
    isNear: (el) => slots.get(el)?.state === NEAR,
    observedCount: () => order.reduce((n, s) => n + (s.observed ? 1 : 0), 0),
    size: () => slots.size,
    relocate,
    pause() {
      if (paused || disconnected) return;
      paused = true;
      io.disconnect();
      for (const slot of order) slot.observed = false;
    },
    resume() {
      if (!paused || disconnected) return;
      paused = false;
      // The window as it was: observed again, its items report where they are now (a callback
      // with none near relocates, as after a jump).
      reshape();
    },
    get paused() {
      return paused;
    },
    disconnect() {
      disconnected = true;
      io.disconnect();
      if (relocateTimer !== undefined) clearTimeout(relocateTimer);
      listen(false);
      slots.clear();
      order = [];
    },
  };
}

/** How far the target is from the viewport itself (the root's bounds without the margin), px. */
function distanceToView(record: IntersectionRecord, margin: number): number {
  const root = record.rootBounds;
  if (!root) return 0;
  const box = record.boundingClientRect;
  return Math.max(0, root.top + margin - box.bottom, box.top - (root.bottom - margin));
}

function classify(record: IntersectionRecord): number {
  if (record.isIntersecting) return NEAR;
  const box = record.boundingClientRect;
  if (box.width === 0 && box.height === 0) return HIDDEN;
  const root = record.rootBounds;
  if (root ? box.bottom <= root.top : box.bottom <= 0) return ABOVE;
  return BELOW;
}
