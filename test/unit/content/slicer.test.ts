/**
 * The slicer (entrypoints/content/capture/slicer.ts): long work runs in slices of at most the
 * budget (or the idle time left), yielding between slices, and finishes every item in order.
 */
import { describe, expect, it } from 'vitest';
import { runSliced, sliceQueue, type IdleDeadlineLike } from '@/entrypoints/content/capture/slicer';

/** A clock that each work item advances, and a wait that records the yields. */
function fakeTime(msPerItem: number, deadline?: () => IdleDeadlineLike | undefined) {
  let clock = 0;
  const yields: number[] = [];
  return {
    now: () => clock,
    tick: () => (clock += msPerItem),
    wait: async () => {
      yields.push(clock);
      await Promise.resolve();
      return deadline?.();
    },
    yields,
  };
}

describe('the slicer', () => {
  it('finishes every item, in order, yielding between slices of at most the budget', async () => {
    const time = fakeTime(1);
    const done: number[] = [];
    const items = Array.from({ length: 100 }, (_, i) => i);
    const result = await runSliced(
      items,
      (item) => {
        done.push(item);
        time.tick();
      },
      { budgetMs: 4, now: time.now, wait: time.wait },
    );
    expect(done).toEqual(items);
    expect(result.completed).toBe(true);
    // 4 items of 1 ms per slice: 25 slices, each after a yield.
    expect(time.yields).toHaveLength(25);
    expect(result.slices).toBe(25);
    const between = time.yields.slice(1).map((t, i) => t - time.yields[i]!);
    expect(Math.max(...between)).toBeLessThanOrEqual(4);
  });

  it('works on at least one item per slice, however long an item is', async () => {
    const time = fakeTime(10);
    const done: number[] = [];
    await runSliced([1, 2, 3], (item) => (done.push(item), time.tick()), { budgetMs: 4, now: time.now, wait: time.wait });
    expect(done).toEqual([1, 2, 3]);
    expect(time.yields).toHaveLength(3);
  });

  it('keeps a slice within the idle time the browser gives', async () => {
    const time = fakeTime(1, () => ({ timeRemaining: () => 2, didTimeout: false }));
    await runSliced(
      Array.from({ length: 10 }, (_, i) => i),
      () => time.tick(),
      { budgetMs: 50, now: time.now, wait: time.wait },
    );
    expect(time.yields).toHaveLength(5); // 2 ms of idle time each
  });

  it('a failing item is reported and the others are still done', async () => {
    const time = fakeTime(1);
    const done: number[] = [];
    const errors: unknown[] = [];
    const result = await runSliced(
      [1, 2, 3, 4],
      (item) => {
        time.tick();
        if (item === 2) throw new Error('bad node');
        done.push(item);
      },
      { now: time.now, wait: time.wait, onError: (e) => errors.push(e) },
    );
    expect(done).toEqual([1, 3, 4]);
    expect(errors).toHaveLength(1);
    expect(result.completed).toBe(true);
  });

  it('stops when cancelled (the content script was invalidated)', async () => {
    const time = fakeTime(1);
    const done: number[] = [];
    const result = await runSliced(
      Array.from({ length: 20 }, (_, i) => i),
      (item) => (done.push(item), time.tick()),
      { budgetMs: 4, now: time.now, wait: time.wait, cancelled: () => done.length >= 8 },
    );
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(result.completed).toBe(false);
  });

  it('a queue takes items pushed while it runs, and says when it is drained', async () => {
    const time = fakeTime(1);
    const done: string[] = [];
    const queue = sliceQueue<string>(
      (item) => {
        done.push(item);
        time.tick();
        if (item === 'a2') queue.push(['b1', 'b2']);
      },
      { budgetMs: 2, now: time.now, wait: time.wait },
    );
    queue.push(['a1', 'a2', 'a3']);
    expect(queue.size()).toBe(3);
    await queue.drained();
    expect(done).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    expect(queue.size()).toBe(0);
    // Pushed after it drained: runs again.
    queue.push(['c']);
    await queue.drained();
    expect(done.at(-1)).toBe('c');
    // Disposed: what is pushed is dropped.
    queue.dispose();
    queue.push(['d']);
    await queue.drained();
    expect(done).not.toContain('d');
  });
});
