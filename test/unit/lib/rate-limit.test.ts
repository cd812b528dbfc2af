// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CHECKER_RATE, createRateLimiter } from '@/lib/messaging/rate-limit';

/** How many of n calls at time `now` go ahead. */
const takeMany = (limiter: ReturnType<typeof createRateLimiter>, key: string, n: number, now: number) =>
  Array.from({ length: n }, () => limiter.take(key, now)).filter(Boolean).length;

describe('createRateLimiter (token bucket per key)', () => {
  it('lets a burst through, then refuses', () => {
    const limiter = createRateLimiter({ burst: 10, perSecond: 5 });
    expect(takeMany(limiter, 'tab:1', 10, 0)).toBe(10);
    expect(limiter.take('tab:1', 0)).toBe(false);
    expect(limiter.take('tab:1', 100)).toBe(false); // half a token
  });

  it('refills over time, never beyond the burst', () => {
    const limiter = createRateLimiter({ burst: 10, perSecond: 5 });
    expect(takeMany(limiter, 'k', 10, 1_000)).toBe(10);
    // 5 a second: one token every 200 ms.
    expect(limiter.take('k', 1_199)).toBe(false);
    expect(limiter.take('k', 1_200)).toBe(true);
    expect(limiter.take('k', 1_200)).toBe(false);
    // A second later: five more.
    expect(takeMany(limiter, 'k', 10, 2_200)).toBe(5);
    // A long pause fills the bucket, up to the burst only.
    expect(takeMany(limiter, 'k', 20, 3_600_000)).toBe(10);
  });

  it('holds a steady rate: 5 a second whatever is asked', () => {
    const limiter = createRateLimiter({ burst: 10, perSecond: 5 });
    let allowed = 0;
    // 100 requests a second for 60 s.
    for (let t = 0; t < 60_000; t += 10) if (limiter.take('flood', t)) allowed += 1;
    expect(allowed).toBeGreaterThanOrEqual(10 + 5 * 59);
    expect(allowed).toBeLessThanOrEqual(10 + 5 * 60);
  });

  it('keeps keys apart', () => {
    const limiter = createRateLimiter({ burst: 2, perSecond: 1 });
    expect(takeMany(limiter, 'a', 5, 0)).toBe(2);
    expect(takeMany(limiter, 'b', 5, 0)).toBe(2);
    expect(limiter.size).toBe(2);
  });

  it('refills nothing when the clock goes back, and keeps working', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 1 });
    expect(limiter.take('k', 10_000)).toBe(true);
    expect(limiter.take('k', 5_000)).toBe(false);
    expect(limiter.take('k', 10_999)).toBe(false);
    expect(limiter.take('k', 11_000)).toBe(true);
  });

  it('holds at most maxKeys keys, evicting the one used least recently', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.001, maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) expect(limiter.take(key, 0)).toBe(true);
    expect(limiter.take('a', 1)).toBe(false); // a is now the most recently used
    expect(limiter.take('d', 2)).toBe(true); // evicts b
    expect(limiter.size).toBe(3);
    expect(limiter.take('a', 3)).toBe(false); // kept: still empty
    expect(limiter.take('c', 3)).toBe(false); // kept
    expect(limiter.take('b', 3)).toBe(true); // evicted: starts full again (and evicts d)
    expect(limiter.take('d', 4)).toBe(true);
  });

  it('stays bounded under many keys', () => {
    const limiter = createRateLimiter();
    for (let i = 0; i < 10_000; i++) limiter.take(`tab:${i}`, i);
    expect(limiter.size).toBe(CHECKER_RATE.maxKeys);
    // The newest keys are the ones kept.
    expect(limiter.take('tab:9999', 10_000)).toBe(true);
  });

  it('forgets a key (a closed tab)', () => {
    const limiter = createRateLimiter({ burst: 1, perSecond: 0.001 });
    expect(limiter.take('k', 0)).toBe(true);
    expect(limiter.take('k', 0)).toBe(false);
    limiter.forget('k');
    expect(limiter.size).toBe(0);
    expect(limiter.take('k', 0)).toBe(true);
  });

  it('uses the checker’s limits by default and refuses nonsense options', () => {
    const limiter = createRateLimiter();
    expect(takeMany(limiter, 'k', 20, 0)).toBe(CHECKER_RATE.burst);
    expect(CHECKER_RATE).toEqual({ burst: 10, perSecond: 5, maxKeys: 500 });
    expect(() => createRateLimiter({ burst: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ perSecond: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ perSecond: Number.NaN })).toThrow(RangeError);
    expect(() => createRateLimiter({ maxKeys: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ maxKeys: 1.5 })).toThrow(RangeError);
  });
});
