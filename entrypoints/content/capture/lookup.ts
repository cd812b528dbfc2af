/**
 * The lookup batcher: asks the background which items of the page are already messages. Keys
 * asked for within a short pause go out together, each key once, in one request per flush (at
 * most `maxKeys` of them: the protocol's limit; the rest go in the next flush). A failing
 * request (the background restarting, a refused request) is reported, and its keys are asked
 * once more after a longer pause; lookups after it work as before. Nothing is sent after
 * dispose(), and a reply that arrives after it is dropped.
 */

export interface LookupOptions<R> {
  /** One request for these keys. */
  send(keys: string[]): Promise<R>;
  /** What the background answered for these keys. */
  onReply(reply: R, keys: string[]): void | Promise<void>;
  /** A request (or onReply) failed; its keys are asked again once. */
  onError?(error: unknown, keys: string[]): void;
  /** The pause that gathers keys into one request, ms. */
  delayMs?: number;
  /** The pause before asking again for the keys of a failed request, ms. */
  retryMs?: number;
  maxKeys?: number;
}

export interface LookupBatcher {
  /** Queues keys for the next request. */
  add(keys: Iterable<string>): void;
  /** Sends what is queued now (tests; the timer does it otherwise). */
  flush(): Promise<void>;
  /** Keys waiting for a request. */
  pending(): number;
  dispose(): void;
}

export function createLookupBatcher<R>(options: LookupOptions<R>): LookupBatcher {
  const delay = options.delayMs ?? 50;
  const retry = options.retryMs ?? 2000;
  const max = options.maxKeys ?? 1000;
  let queue = new Set<string>();
  /** Keys already asked again once after a failure: not a third time. */
  const retried = new Set<string>();
  const retryTimers = new Set<ReturnType<typeof setTimeout>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const schedule = () => {
    if (timer === undefined && queue.size && !disposed) timer = setTimeout(() => void flush(), delay);
  };

  const add = (keys: Iterable<string>) => {
    if (disposed) return;
    for (const key of keys) queue.add(key);
    schedule();
  };

  const flush = async () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (disposed || !queue.size) return;
    const keys = [...queue].slice(0, max);
    for (const key of keys) queue.delete(key);
    schedule(); // more than one request's worth: the rest after the next pause
    try {
      const reply = await options.send(keys);
      if (disposed) return;
      for (const key of keys) retried.delete(key);
      await options.onReply(reply, keys);
    } catch (error) {
      if (disposed) return;
      options.onError?.(error, keys);
      const again = keys.filter((k) => !retried.has(k));
      if (!again.length) return;
      for (const key of again) retried.add(key);
      const t = setTimeout(() => {
        retryTimers.delete(t);
        add(again);
      }, retry);
      retryTimers.add(t);
    }
  };

  return {
    add,
    flush,
    pending: () => queue.size,
    dispose() {
      disposed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      for (const t of retryTimers) clearTimeout(t);
      retryTimers.clear();
      queue = new Set();
    },
  };
}
