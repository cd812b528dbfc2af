/**
 * The page side of publish in place lets go of everything when its content-script instance is
 * invalidated (an update or reload): the message listener, the watch's observer and timers.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startPublisher } from '@/entrypoints/content/publish';
import type { CaptureController } from '@/entrypoints/content/capture';
import { vkAdapter } from '@/lib/sites';

function fakeContext() {
  const listeners: (() => void)[] = [];
  const ctx = { onInvalidated: (cb: () => void) => (listeners.push(cb), () => undefined), isValid: true } as unknown as ContentScriptContext;
  return { ctx, invalidate: () => listeners.forEach((cb) => cb()) };
}

const capture: CaptureController = { items: () => [], rescan: () => undefined, mountedCount: () => 0, refresh: () => undefined };

afterEach(() => {
  fakeBrowser.reset();
  document.body.replaceChildren();
});

describe('publisher teardown', () => {
  it('removes its message listener when the instance is invalidated', () => {
    const { ctx, invalidate } = fakeContext();
    const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    startPublisher(ctx, vkAdapter, capture);
    const listener = add.mock.calls[0]![0];
    expect(fakeBrowser.runtime.onMessage.hasListener(listener)).toBe(true);
    invalidate();
    expect(fakeBrowser.runtime.onMessage.hasListener(listener)).toBe(false);
  });
});
