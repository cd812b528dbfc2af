/**
 * The fling gate (entrypoints/content/capture/fling.ts): the painter's batches wait while the
 * page is scrolled faster than anyone reads, and go in when it slows, stops, or after the
 * longest hold.
 */
import { describe, expect, it } from 'vitest';
import { flingGate } from '@/entrypoints/content/capture/fling';

function page() {
  const at = { t: 0, y: 0 };
  const gate = flingGate({ now: () => at.t, offset: () => at.y, fastPxPerMs: 1.5, staleMs: 250, probeMs: 50, retryMs: 100, maxHoldMs: 2000 });
  /** Moves the clock by ms while the page scrolls at pxPerMs. */
  const go = (ms: number, pxPerMs = 0) => {
    at.t += ms;
    at.y += ms * pxPerMs;
  };
  return { gate, go };
}

describe('the fling gate', () => {
  it('lets a batch go at once on a page at rest (the first batch after load too)', () => {
    const { gate, go } = page();
    expect(gate.hold()).toBe(0);
    go(5000);
    expect(gate.hold()).toBe(0);
  });

  it('holds while the page flies and lets go when the scroll stops', () => {
    const { gate, go } = page();
    expect(gate.hold()).toBe(0);
    go(1000, 3); // 3,000 px/s since the last look, long ago: a second look first
    expect(gate.hold()).toBe(50);
    go(50, 3);
    expect(gate.hold()).toBe(100); // 3 px/ms: a fling
    go(100, 3);
    expect(gate.hold()).toBe(100);
    go(100, 0); // stopped
    expect(gate.hold()).toBe(0);
  });

  it('lets a slow scroll (reading) write', () => {
    const { gate, go } = page();
    gate.hold();
    go(1000, 0.4);
    expect(gate.hold()).toBe(50);
    go(50, 0.4);
    expect(gate.hold()).toBe(0);
    go(100, 1.4);
    expect(gate.hold()).toBe(0);
  });

  it('holds no longer than maxHoldMs, then holds afresh', () => {
    const { gate, go } = page();
    gate.hold();
    go(1000, 3);
    let held = 0;
    for (let wait = gate.hold(); wait > 0; wait = gate.hold()) {
      held += wait;
      go(wait, 3);
      expect(held).toBeLessThanOrEqual(2100);
    }
    expect(held).toBeGreaterThanOrEqual(2000);
    go(100, 3);
    expect(gate.hold()).toBe(100); // still flying: the next batch waits again
  });

  it('counts the scroll either way', () => {
    const { gate, go } = page();
    go(0, 0);
    gate.hold();
    go(300, -3);
    expect(gate.hold()).toBe(50);
    go(50, -3);
    expect(gate.hold()).toBe(100);
  });
});
