import { describe, expect, it, vi } from 'vitest';
import { contentScriptsPort } from '@/lib/platform/browser';
import { reinjectContentScripts } from '@/entrypoints/background/services/reinject';
import { createEffects } from '@/entrypoints/background/services/effects';
import type { TabsPort } from '@/lib/platform/ports';

const tabs = (urls: (string | undefined)[]): TabsPort => ({
  query: vi.fn(async () => urls.map((url, i) => ({ id: url ? i + 1 : undefined, url }))),
  current: async () => undefined,
  activate: async () => undefined,
  create: async (url) => ({ id: 1, url }),
  onRemoved: () => undefined,
  extensionUrl: (path) => `ext://id${path}`,
});

describe('the content script put into open tabs after an update', () => {
  it('injects into every open VK/OK tab where the browser has scripting; a refusing tab does not stop the rest', async () => {
    const executeScript = vi.fn(async ({ target }: { target: { tabId: number } }) => {
      if (target.tabId === 2) throw new Error('Cannot access contents of the page');
    });
    const scripts = contentScriptsPort({ scripting: { executeScript } } as never);
    const effects = createEffects({ store: { get: async () => undefined, set: async () => undefined }, now: () => 0, log: () => undefined });
    const port = tabs(['https://vk.com/club1', 'https://ok.ru/group/1', 'https://vk.ru/wall-1_1', undefined]);
    expect(await reinjectContentScripts({ tabs: port, scripts, files: ['content-scripts/content.js'], effects })).toBe(2);
    expect(port.query).toHaveBeenCalledWith(['https://vk.com/*', 'https://vk.ru/*', 'https://ok.ru/*']);
    expect(executeScript.mock.calls.map(([i]) => i)).toEqual([1, 2, 3].map((tabId) => ({ target: { tabId }, files: ['content-scripts/content.js'] })));
  });

  it('does nothing where the browser injects by itself (no scripting API: Firefox MV2)', async () => {
    const scripts = contentScriptsPort({} as never);
    expect(scripts.available).toBe(false);
    const port = tabs(['https://vk.com/club1']);
    const effects = createEffects({ store: { get: async () => undefined, set: async () => undefined }, now: () => 0 });
    expect(await reinjectContentScripts({ tabs: port, scripts, files: ['content-scripts/content.js'], effects })).toBe(0);
    expect(port.query).not.toHaveBeenCalled();
  });
});
