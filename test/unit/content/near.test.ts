/**
 * The near watcher (entrypoints/content/capture/near.ts) over a simulated page: one item every
 * 100 px, a viewport of 800 px, a near band of 200 px. The browser's IntersectionObserver is
 * replaced by one that reports, at each "frame", the targets observed since the last frame and
 * those whose intersection changed — as the real one does.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchNear, type IntersectionRecord, type ObserverFactory } from '@/entrypoints/content/capture/near';

const STEP = 100;
const HEIGHT = 80;
const VIEW = 800;
const MARGIN = 200;

function world(count: number, hidden: (i: number) => boolean = () => false) {
  document.body.replaceChildren();
  const items = Array.from({ length: count }, (_, i) => {
    const el = document.createElement('div');
    el.dataset.i = String(i);
    document.body.append(el);
    return el;
  });
  let scroll = 0;
  const rect = (el: Element) => {
    const i = Number((el as HTMLElement).dataset.i);
    if (hidden(i)) return new DOMRect(0, 0, 0, 0);
    return new DOMRect(0, i * STEP - scroll, 500, HEIGHT);
  };
  const rootBounds = () => new DOMRect(0, -MARGIN, 1000, VIEW + 2 * MARGIN);
  const intersects = (el: Element) => {
    const r = rect(el);
    if (r.width === 0 && r.height === 0) return false;
    return r.bottom > -MARGIN && r.top < VIEW + MARGIN;
  };

  let callback: (records: IntersectionRecord[]) => void = () => undefined;
  const observed = new Set<Element>();
  const fresh = new Set<Element>();
  const last = new Map<Element, boolean>();
  let observeCalls = 0;
  const factory: ObserverFactory = (cb, init) => {
    expect(init.rootMargin).toBe(`${MARGIN}px 0px`);
    callback = cb;
    return {
      observe(el) {
        observeCalls++;
        observed.add(el);
        fresh.add(el);
      },
      unobserve(el) {
        observed.delete(el);
        fresh.delete(el);
        last.delete(el);
      },
      disconnect() {
        observed.clear();
        fresh.clear();
        last.clear();
      },
    };
  };
  /** A frame: the observer computes its targets and reports what is new or changed. */
  const frame = () => {
    const records: IntersectionRecord[] = [];
    for (const el of observed) {
      const now = intersects(el);
      if (fresh.has(el) || last.get(el) !== now) records.push({ target: el, isIntersecting: now, boundingClientRect: rect(el), rootBounds: rootBounds() });
      last.set(el, now);
    }
    fresh.clear();
    if (records.length) callback(records);
  };
  const events = new EventTarget() as unknown as Pick<Window, 'addEventListener' | 'removeEventListener'>;
  const near: Array<[number, number]> = [];
  let clock = 0;
  const watcher = watchNear({
    margin: MARGIN,
    lead: 3,
    relocateMs: 250,
    observer: factory,
    events,
    now: () => clock,
    onNear: (el, distance) => near.push([Number((el as HTMLElement).dataset.i), distance]),
  });
  return {
    items,
    watcher,
    frame,
    near,
    observed,
    observeCalls: () => observeCalls,
    scrollTo: (y: number) => {
      scroll = y;
      (events as unknown as EventTarget).dispatchEvent(new Event('scroll'));
    },
    tick: (ms: number) => (clock += ms),
  };
}

const indexes = (els: Iterable<Element>) => [...els].map((e) => Number((e as HTMLElement).dataset.i)).sort((a, b) => a - b);
/** Items in the band for a scroll position (what must have been reported near). */
const inBand = (scroll: number, count: number) =>
  Array.from({ length: count }, (_, i) => i).filter((i) => i * STEP + HEIGHT - scroll > -MARGIN && i * STEP - scroll < VIEW + MARGIN);

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('the near watcher', () => {
  it('looks at every item once when it arrives, then watches only the window around the near ones', () => {
    const w = world(200);
    for (const el of w.items) w.watcher.add(el);
    expect(w.observed.size).toBe(200);
    w.frame();
    expect(w.near.map(([i]) => i)).toEqual(inBand(0, 200)); // items 0–9
    // In view: distance 0; below the viewport: how far.
    expect(w.near.find(([i]) => i === 3)?.[1]).toBe(0);
    expect(w.near.find(([i]) => i === 9)?.[1]).toBe(9 * STEP - VIEW);
    // Watched now: the near ones and 3 beyond (none before the first).
    expect(indexes(w.observed)).toEqual(Array.from({ length: 13 }, (_, i) => i));
  });

  it('follows a scroll: each item is reported near once, and few are watched at any time', () => {
    const w = world(200);
    for (const el of w.items) w.watcher.add(el);
    w.frame();
    let most = 0;
    for (let y = 0; y <= 6000; y += 60) {
      w.scrollTo(y);
      w.frame();
      w.frame();
      most = Math.max(most, w.observed.size);
    }
    const reported = w.near.map(([i]) => i);
    expect(new Set(reported).size).toBe(reported.length); // once each (none left and came back)
    expect(reported).toEqual(Array.from({ length: inBand(6000, 200).at(-1)! + 1 }, (_, i) => i));
    // At most what the band holds (12 items here) and 3 beyond each end; out of 200.
    expect(most).toBeLessThanOrEqual(12 + 2 * 3 + 1);
  });

  it('finds the viewport again after a jump, then lets the far items go', () => {
    const w = world(200);
    for (const el of w.items) w.watcher.add(el);
    w.frame();
    w.scrollTo(15000); // End
    w.frame(); // everything near left at once: every item is looked at again
    expect(w.observed.size).toBe(200);
    w.frame();
    expect(w.near.map(([i]) => i).filter((i) => i >= 100)).toEqual(inBand(15000, 200));
    expect(w.observed.size).toBeLessThan(20);
  });

  it('passes over hidden items when it looks ahead', () => {
    // Items 10–29 are hidden (a collapsed thread): 30 and after must still be found.
    const w = world(100, (i) => i >= 10 && i < 30);
    for (const el of w.items) w.watcher.add(el);
    w.frame();
    for (let y = 0; y <= 3000; y += 50) {
      w.scrollTo(y);
      w.frame();
      w.frame();
    }
    const last = inBand(3000, 100).at(-1)!;
    expect(w.near.map(([i]) => i)).toEqual(Array.from({ length: last + 1 }, (_, i) => i).filter((i) => i < 10 || i >= 30));
  });

  it('does no observer work while paused, and watches the window again on resume', () => {
    const w = world(50);
    for (const el of w.items) w.watcher.add(el);
    w.frame();
    w.watcher.pause();
    expect(w.observed.size).toBe(0);
    expect(w.watcher.paused).toBe(true);
    const extra = document.createElement('div');
    extra.dataset.i = '5';
    w.items[5]!.after(extra);
    w.watcher.add(extra); // added while asleep: looked at on resume
    expect(w.observed.size).toBe(0);
    w.watcher.resume();
    expect(w.observed.has(extra)).toBe(true);
    expect(w.observed.size).toBeLessThan(20);
    w.frame();
    expect(w.near.filter(([i]) => i === 5)).toHaveLength(2); // the old item 5 and the new one
  });

  it('lets a deleted item go', () => {
    const w = world(20);
    for (const el of w.items) w.watcher.add(el);
    w.frame();
    w.watcher.delete(w.items[2]!);
    expect(w.observed.has(w.items[2]!)).toBe(false);
    expect(w.watcher.size()).toBe(19);
    expect(w.watcher.isNear(w.items[3]!)).toBe(true);
    expect(w.watcher.isNear(w.items[2]!)).toBe(false);
  });

  it('while nothing is near, watches the nearest items and finds them by scrolling on', () => {
    // The viewport starts in a region without items (items from 5,000 px down).
    const w = world(100);
    for (const el of w.items.slice(50)) w.watcher.add(el);
    w.frame();
    expect(w.near).toEqual([]);
    expect(indexes(w.observed)).toEqual([50, 51, 52]); // the nearest ones below
    for (let y = 0; y <= 4500; y += 100) {
      w.scrollTo(y);
      w.frame();
      w.frame();
    }
    expect(w.near.map(([i]) => i)).toEqual(inBand(4500, 100).filter((i) => i >= 50));
  });

  it('while nothing is near, a scroll looks at every item again — at most every relocateMs', () => {
    vi.useFakeTimers();
    const w = world(100);
    for (const el of w.items.slice(50)) w.watcher.add(el);
    w.frame();
    const calls = w.observeCalls();
    w.scrollTo(100);
    expect(w.observeCalls()).toBe(calls + 47); // every item not watched yet
    w.frame();
    w.tick(100);
    w.scrollTo(200);
    expect(w.observeCalls()).toBe(calls + 47); // not again within relocateMs...
    w.tick(150);
    vi.advanceTimersByTime(150);
    expect(w.observeCalls()).toBe(calls + 94); // ...but once it is over
    // A jump past the watched ones (they stay below → above without a change the observer reports).
    w.scrollTo(9000);
    w.frame();
    w.tick(300);
    vi.advanceTimersByTime(300);
    w.frame();
    expect(w.near.map(([i]) => i)).toEqual(inBand(9000, 100));
  });

  it('lets everything go on disconnect', () => {
    const w = world(10);
    for (const el of w.items) w.watcher.add(el);
    w.watcher.disconnect();
    expect(w.observed.size).toBe(0);
    w.watcher.add(document.createElement('div'));
    expect(w.observed.size).toBe(0);
  });
});
