/**
 * The lookup batcher (entrypoints/content/capture/lookup.ts): keys asked for within the pause go
 * out in one request per flush, each once; a failing request is reported and does not stop the
 * lookups after it; its keys are asked again once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLookupBatcher } from '@/entrypoints/content/capture/lookup';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A batcher over a fake background that answers with the keys it was asked for. */
function setup(options: { fail?: (call: number) => boolean; maxKeys?: number } = {}) {
  const sent: string[][] = [];
  const replies: string[][] = [];
  const errors: unknown[] = [];
  const batcher = createLookupBatcher<string[]>({
    send: async (keys) => {
      sent.push(keys);
      if (options.fail?.(sent.length)) throw new Error(`request ${sent.length} failed`);
      return keys;
    },
    onReply: (reply) => {
      replies.push(reply);
    },
    onError: (error) => errors.push(error),
    delayMs: 50,
    retryMs: 2000,
    ...(options.maxKeys ? { maxKeys: options.maxKeys } : {}),
  });
  return { batcher, sent, replies, errors };
}

describe('the lookup batcher', () => {
  it('sends the keys asked for within the pause in one request, each key once', async () => {
    const { batcher, sent, replies } = setup();
    batcher.add(['vk:a', 'vk:b']);
    await vi.advanceTimersByTimeAsync(20);
    batcher.add(['vk:b', 'vk:c']);
    batcher.add(['vk:a']);
    expect(sent).toEqual([]); // nothing before the pause is over
    await vi.advanceTimersByTimeAsync(50);
    expect(sent).toEqual([['vk:a', 'vk:b', 'vk:c']]);
    expect(replies).toEqual([['vk:a', 'vk:b', 'vk:c']]);
    expect(batcher.pending()).toBe(0);
  });

  it('sends one request per flush: keys asked later go in the next one', async () => {
    const { batcher, sent } = setup();
    batcher.add(['vk:a']);
    await vi.advanceTimersByTimeAsync(60);
    batcher.add(['vk:b']);
    batcher.add(['vk:c']);
    await vi.advanceTimersByTimeAsync(60);
    expect(sent).toEqual([['vk:a'], ['vk:b', 'vk:c']]);
    // Nothing queued: no empty request.
    await vi.advanceTimersByTimeAsync(500);
    expect(sent).toHaveLength(2);
  });

  it('never asks for more keys in one request than the protocol allows', async () => {
    const { batcher, sent } = setup({ maxKeys: 2 });
    batcher.add(['k1', 'k2', 'k3', 'k4', 'k5']);
    await vi.advanceTimersByTimeAsync(200);
    expect(sent).toEqual([['k1', 'k2'], ['k3', 'k4'], ['k5']]);
  });

  it('survives a failing request: reports it, looks up later keys, and asks for the failed keys once more', async () => {
    const { batcher, sent, replies, errors } = setup({ fail: (call) => call === 1 || call === 3 });
    batcher.add(['vk:a', 'vk:b']);
    await vi.advanceTimersByTimeAsync(60);
    expect(sent).toEqual([['vk:a', 'vk:b']]);
    expect(errors).toHaveLength(1);
    expect(replies).toEqual([]);
    // A later lookup works as before.
    batcher.add(['vk:c']);
    await vi.advanceTimersByTimeAsync(60);
    expect(sent.at(-1)).toEqual(['vk:c']);
    // The failed keys are asked again after the retry pause (this request fails too: call 3)...
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.at(-1)).toEqual(['vk:a', 'vk:b']);
    expect(errors).toHaveLength(2);
    // ...and not a third time.
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(3);
    expect(replies).toEqual([['vk:c']]);
    // Asked for anew by the page, they go out again.
    batcher.add(['vk:a']);
    await vi.advanceTimersByTimeAsync(60);
    expect(replies.at(-1)).toEqual(['vk:a']);
  });

  it('a failing onReply does not stop the batcher either', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const batcher = createLookupBatcher<string[]>({
      send: async (keys) => keys,
      onReply: () => {
        calls++;
        if (calls === 1) throw new Error('drawing failed');
      },
      onError: (e) => errors.push(e),
      delayMs: 10,
    });
    batcher.add(['x']);
    await vi.advanceTimersByTimeAsync(20);
    batcher.add(['y']);
    await vi.advanceTimersByTimeAsync(20);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(1);
  });

  it('sends nothing after dispose, and drops a reply that arrives after it', async () => {
    let answer: (keys: string[]) => void = () => undefined;
    const replies: string[][] = [];
    const sent: string[][] = [];
    const batcher = createLookupBatcher<string[]>({
      send: (keys) => {
        sent.push(keys);
        return new Promise((resolve) => (answer = resolve));
      },
      onReply: (reply) => {
        replies.push(reply);
      },
      delayMs: 10,
    });
    batcher.add(['vk:a']);
    await vi.advanceTimersByTimeAsync(20);
    batcher.add(['vk:b']);
    batcher.dispose();
    answer(['vk:a']);
    await vi.advanceTimersByTimeAsync(100);
    batcher.add(['vk:c']);
    await vi.advanceTimersByTimeAsync(100);
    expect(sent).toEqual([['vk:a']]);
    expect(replies).toEqual([]);
  });
});
