/**
 * The close watcher (entrypoints/content/capture/close.ts): an element whose buttons wait for the
 * next batch is reported once when it comes within the margin of the viewport, and is observed
 * only until then or until its batch is written.
 */
import { describe, expect, it } from 'vitest';
import { watchClose } from '@/entrypoints/content/capture/close';
import type { IntersectionRecord, ObserverFactory } from '@/entrypoints/content/capture/near';

function setup() {
  let callback: (records: IntersectionRecord[]) => void = () => undefined;
  const observed = new Set<Element>();
  let margin = '';
  const factory: ObserverFactory = (cb, init) => {
    callback = cb;
    margin = String(init.rootMargin);
    return { observe: (el) => void observed.add(el), unobserve: (el) => void observed.delete(el), disconnect: () => observed.clear() };
  };
  const close: Element[] = [];
  const watcher = watchClose({ margin: 600, onClose: (el) => close.push(el), observer: factory });
  const report = (el: Element, isIntersecting: boolean) =>
    callback([{ target: el, isIntersecting, boundingClientRect: new DOMRect(0, 0, 10, 10), rootBounds: new DOMRect(0, -600, 1000, 2000) }]);
  return { watcher, observed, close, report, margin: () => margin };
}

describe('the close watcher', () => {
  it('reports an element once when it comes close, and lets it go', () => {
    const w = setup();
    expect(w.margin()).toBe('600px 0px');
    const a = document.createElement('div');
    w.watcher.watch(a);
    w.watcher.watch(a); // once
    expect([...w.observed]).toEqual([a]);
    w.report(a, false); // still far
    expect(w.close).toEqual([]);
    w.report(a, true);
    expect(w.close).toEqual([a]);
    expect(w.observed.size).toBe(0);
    w.report(a, true); // not again
    expect(w.close).toEqual([a]);
  });

  it('lets go of an element whose buttons went in before it came close', () => {
    const w = setup();
    const a = document.createElement('div');
    const b = document.createElement('div');
    w.watcher.watch(a);
    w.watcher.watch(b);
    w.watcher.done(a);
    expect([...w.observed]).toEqual([b]);
    expect(w.watcher.size()).toBe(1);
    w.report(a, true); // a late record for it changes nothing
    expect(w.close).toEqual([]);
    w.watcher.disconnect();
    expect(w.observed.size).toBe(0);
  });
});
