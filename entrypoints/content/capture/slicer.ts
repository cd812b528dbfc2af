/**
 * The slicer: runs work that may be long (the units of a page as they come near, a rescan after a
 * navigation inside the site) as slices of a few milliseconds, yielding to the page between
 * slices — in the browser's idle time when it has some (requestIdleCallback), never longer than
 * the idle period left nor than the budget. So no task of ours is long, however big the page: a
 * frame the user waits for runs between two slices. Every item is worked on once, in the order
 * it came; a failing item is reported and the rest go on.
 */

/** What a wait resolves with: the idle deadline when the browser gave one. */
export interface IdleDeadlineLike {
  timeRemaining(): number;
  readonly didTimeout?: boolean;
}

export interface SliceOptions {
  /** Longest slice, ms (a slice always works on at least one item). */
  budgetMs?: number;
  /** Resolves when the next slice may run: by default the next idle period (see idleWait). */
  wait?: () => Promise<IdleDeadlineLike | undefined>;
  /** Checked after each wait: true stops the work (the content script was invalidated). */
  cancelled?: () => boolean;
  now?: () => number;
  /** An item's work threw: reported here, and the rest go on. */
  onError?: (error: unknown) => void;
}

export interface SliceResult {
  /** Every item was worked on (false: cancelled before the end). */
  completed: boolean;
  slices: number;
}

export const SLICE_BUDGET_MS = 4;

/**
 * Waits for the browser's next idle period (at most `timeoutMs`, then runs anyway: a page that
 * is never idle still gets its buttons); a macrotask where requestIdleCallback is missing.
 */
export function idleWait(timeoutMs = 250): () => Promise<IdleDeadlineLike | undefined> {
  return () =>
    new Promise((resolve) => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback((deadline) => resolve(deadline), { timeout: timeoutMs });
      else setTimeout(() => resolve(undefined), 0);
    });
}

/** A queue worked on in slices: items pushed while it runs join the queue. */
export interface SliceQueue<T> {
  push(items: Iterable<T>): void;
  /** Resolves when every item pushed so far has been worked on (or the queue stopped). */
  drained(): Promise<void>;
  size(): number;
  /** Drops what is waiting; no slice runs after this. */
  dispose(): void;
}

export function sliceQueue<T>(work: (item: T) => void, options: SliceOptions = {}): SliceQueue<T> {
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  const wait = options.wait ?? idleWait();
  const now = options.now ?? (() => performance.now());
  let queue: T[] = [];
  let head = 0;
  let running: Promise<void> | null = null;
  let stopped = false;
  const stop = () => options.cancelled?.() || stopped;

  const loop = async () => {
    while (head < queue.length) {
      const deadline = await wait();
      if (stop()) break;
      const start = now();
      // In an idle period: no longer than what is left of it (a timed-out wait gets the budget).
      const limit = deadline && !deadline.didTimeout ? Math.min(budget, deadline.timeRemaining()) : budget;
      do {
        const item = queue[head++]!;
        try {
          work(item);
        } catch (error) {
          options.onError?.(error);
        }
      } while (head < queue.length && now() - start < limit);
      // Let go of what is done now and then (a long session pushes many items).
      if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
    }
    if (stop()) queue = [];
    else queue = queue.slice(head);
    head = 0;
    running = null;
  };

  return {
    push(items) {
      if (stop()) return;
      for (const item of items) queue.push(item);
      if (!running && head < queue.length) running = loop();
    },
    drained: () => running ?? Promise.resolve(),
    size: () => queue.length - head,
    dispose() {
      stopped = true;
    },
  };
}

/** Works on every item in order, `budgetMs` at most between two waits. */
export async function runSliced<T>(items: ArrayLike<T>, work: (item: T, index: number) => void, options: SliceOptions = {}): Promise<SliceResult> {
  let index = 0;
  let slices = 0;
  const wait = options.wait ?? idleWait();
  const queue = sliceQueue<T>((item) => work(item, index++), {
    ...options,
    wait: async () => {
      const deadline = await wait();
      slices++;
      return deadline;
    },
  });
  queue.push(Array.from(items));
  await queue.drained();
  return { completed: index === items.length, slices };
}
