/**
 * A token-bucket rate limiter keyed by a string (a tab id): pure, the caller passes the time.
 *
 *   const limiter = createRateLimiter(CHECKER_RATE);
 *   // in the background's 'lint.check' handler, for a content script's request:
 *   if (sender.tabId !== undefined && !limiter.take(String(sender.tabId), Date.now())) … refuse …
 *   // when a tab closes (optional: memory is bounded anyway):
 *   browser.tabs.onRemoved.addListener((tabId) => limiter.forget(String(tabId)));
 *
 * - `take(key, now)`: true when a request may go ahead (it uses one token), false when the key
 *   has used its burst and the refill has not caught up. A key starts with `burst` tokens and
 *   regains `perSecond` tokens a second, never more than `burst`. `now` is in milliseconds
 *   (Date.now() or performance.now(), the same clock for every call); a clock that goes back
 *   refills nothing and breaks nothing. A refused call uses no token.
 * - `forget(key)`: drops a key.
 * - `size`: how many keys are held. Never more than `maxKeys`: a new key beyond it evicts the
 *   key used least recently (a key evicted starts full again when it comes back, which errs on
 *   the permissive side only for keys idle the longest).
 *
 * Memory and time: O(maxKeys) and O(1) per call (a Map in order of last use).
 */

export interface RateLimiterOptions {
  /** Requests allowed at once after a pause (tokens a bucket holds). Default 10. */
  burst?: number;
  /** Tokens regained a second. Default 5. */
  perSecond?: number;
  /** Keys held at most. Default 500. */
  maxKeys?: number;
}

export interface RateLimiter {
  take(key: string, now: number): boolean;
  forget(key: string): void;
  readonly size: number;
}

/** The reply checker's limits: a person pauses typing a few times a second at most. */
export const CHECKER_RATE = { burst: 10, perSecond: 5, maxKeys: 500 } as const satisfies Required<RateLimiterOptions>;

interface Bucket {
  tokens: number;
  /** When tokens was last brought up to date. */
  at: number;
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const burst = options.burst ?? CHECKER_RATE.burst;
  const perSecond = options.perSecond ?? CHECKER_RATE.perSecond;
  const maxKeys = options.maxKeys ?? CHECKER_RATE.maxKeys;
  if (!(burst >= 1) || !Number.isFinite(burst)) throw new RangeError(`burst must be at least 1, not ${burst}`);
  if (!(perSecond > 0) || !Number.isFinite(perSecond)) throw new RangeError(`perSecond must be positive, not ${perSecond}`);
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError(`maxKeys must be a positive integer, not ${maxKeys}`);

  /** In order of last use: the first key is the one used least recently. */
  const buckets = new Map<string, Bucket>();

  return {
    take(key, now) {
      let bucket = buckets.get(key);
      if (bucket) {
        buckets.delete(key); // re-inserted below: now the most recently used
        if (now > bucket.at) {
          bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) * perSecond) / 1000);
          bucket.at = now;
        }
      } else {
        bucket = { tokens: burst, at: now };
        while (buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
      }
      buckets.set(key, bucket);
      if (bucket.tokens < 1) return false;
      bucket.tokens -= 1;
      return true;
    },
    forget(key) {
      buckets.delete(key);
    },
    get size() {
      return buckets.size;
    },
  };
}
