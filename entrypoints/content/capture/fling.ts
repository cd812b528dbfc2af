/**
 * The fling gate: says whether the page is being flung (scrolled faster than a person reads) at
 * the moment the painter wants to write, and how long to wait before asking again. While a feed
 * flies past at thousands of px/s nobody can press a button in it, and every batch of buttons
 * costs the page a layout and pre-paint walk in one of its frames; so the painter holds its
 * batches (urgent ones too) until the scroll slows down or stops, for at most `maxHoldMs`.
 *
 * No scroll listener (a listener costs every scroll event): the gate samples the scroll offset
 * when asked. Two samples close in time give the speed; when the last one is old the gate takes
 * one and asks to be asked again `probeMs` later.
 */

export interface FlingOptions {
  /** Faster than this is a fling, px/ms (1.5 = 1,500 px/s; reading scrolls at a few hundred). */
  fastPxPerMs?: number;
  /** A sample older than this says nothing about the speed now, ms. */
  staleMs?: number;
  /** The wait before the second look when the first sample is stale, ms. */
  probeMs?: number;
  /** The wait before looking again while the page flies, ms. */
  retryMs?: number;
  /** Longest hold: after this the batch goes in whatever the speed, ms. */
  maxHoldMs?: number;
  /** The page's vertical scroll offset (window.scrollY by default). */
  offset?: () => number;
  now?: () => number;
}

export interface FlingGate {
  /** 0: write now; otherwise ask again after this many ms. */
  hold(): number;
}

export function flingGate(options: FlingOptions = {}): FlingGate {
  const fast = options.fastPxPerMs ?? 1.5;
  const stale = options.staleMs ?? 250;
  const probe = options.probeMs ?? 50;
  const retry = options.retryMs ?? 100;
  const maxHold = options.maxHoldMs ?? 3000;
  const offset = options.offset ?? (() => window.scrollY);
  const now = options.now ?? (() => performance.now());
  let lastAt = -Infinity;
  let lastY = 0;
  /** When the current hold began (NaN: not holding). */
  let heldSince = NaN;

  return {
    hold() {
      const t = now();
      const y = offset();
      const gap = t - lastAt;
      const dy = Math.abs(y - lastY);
      lastAt = t;
      lastY = y;
      if (!Number.isNaN(heldSince) && t - heldSince >= maxHold) {
        heldSince = NaN;
        return 0;
      }
      // A stale (or no) sample: look again shortly, unless the page moved meanwhile by less than
      // a fling would have (at rest since, or a slow read).
      if (gap > stale) {
        if (dy === 0) return release();
        return start(t, probe);
      }
      if (gap <= 0 || dy / gap < fast) return release();
      return start(t, retry);
    },
  };

  function start(t: number, wait: number): number {
    if (Number.isNaN(heldSince)) heldSince = t;
    return wait;
  }
  function release(): number {
    heldSince = NaN;
    return 0;
  }
}
