/**
 * The ports built from each browser's API shape: Chrome MV3, Firefox MV2, and a Chromium build
 * with none of the optional APIs. Each works, or degrades as designed, with no browser check
 * anywhere else.
 */
import { describe, expect, it, vi } from 'vitest';
import { createPlatform, SESSION_FALLBACK_PREFIX, type BrowserShape } from '@/lib/platform/browser';
import type { Changes } from '@/lib/platform/ports';

function listener<A extends unknown[]>() {
  const fns = new Set<(...args: A) => void>();
  return {
    addListener: (fn: (...args: A) => void) => void fns.add(fn),
    removeListener: (fn: (...args: A) => void) => void fns.delete(fn),
    fire: (...args: A) => fns.forEach((f) => f(...args)),
    size: () => fns.size,
  };
}

function area(onChanged: ReturnType<typeof listener<[Changes, string]>>, name: string) {
  const data = new Map<string, unknown>();
  return {
    data,
    get: vi.fn(async (keys?: string | string[] | null) => {
      const list = keys == null ? [...data.keys()] : Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => data.has(k)).map((k) => [k, data.get(k)]));
    }),
    set: vi.fn(async (items: Record<string, unknown>) => {
      const changes: Changes = {};
      for (const [k, v] of Object.entries(items)) {
        changes[k] = { oldValue: data.get(k), newValue: v };
        data.set(k, v);
      }
      onChanged.fire(changes, name);
    }),
    remove: vi.fn(async (keys: string | string[]) => {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    }),
  };
}

function action() {
  return { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined), setTitle: vi.fn(async () => undefined) };
}

/** A browser with only what every extension browser has: storage.local, tabs, runtime. */
function bare() {
  const onChanged = listener<[Changes, string]>();
  const local = area(onChanged, 'local');
  const tabsCreated: string[] = [];
  const api = {
    storage: { local, onChanged },
    tabs: {
      query: vi.fn(async () => [{ id: 5, windowId: 1, url: 'https://vk.com/wall-1_2' }]),
      update: vi.fn(async () => ({})),
      create: vi.fn(async ({ url }: { url: string }) => (tabsCreated.push(url), { id: 9, url })),
      onRemoved: listener<[number, unknown]>(),
    },
    runtime: { getURL: (path: string) => `ext://id${path}` },
  } satisfies BrowserShape;
  return { api, local, onChanged, tabsCreated };
}

function chrome() {
  const base = bare();
  const onAlarm = listener<[{ name: string }]>();
  const api = {
    ...base.api,
    action: action(),
    sidePanel: { open: vi.fn(async () => undefined) },
    windows: { getCurrent: vi.fn(async () => ({ id: 3 })), update: vi.fn(async () => ({})) },
    notifications: { create: vi.fn(async (id: string) => id), clear: vi.fn(async () => true), onClicked: listener<[string]>() },
    alarms: { create: vi.fn(), get: vi.fn(async (name: string) => (name === 'existing' ? { name } : undefined)), onAlarm },
    storage: { ...base.api.storage, session: area(base.onChanged, 'session') },
    permissions: { contains: vi.fn(async () => true), request: vi.fn(async () => true), remove: vi.fn(async () => true) },
  } satisfies BrowserShape;
  return { ...base, api, onAlarm };
}

function firefox() {
  const base = bare();
  const api = {
    ...base.api,
    browserAction: action(),
    sidebarAction: { open: vi.fn(async () => undefined) },
    windows: { getCurrent: vi.fn(async () => ({ id: 3 })), update: vi.fn(async () => ({})) },
    notifications: { create: vi.fn(async (id: string) => id), clear: vi.fn(async () => true), onClicked: listener<[string]>() },
    alarms: { create: vi.fn(), get: vi.fn(async () => undefined), onAlarm: listener<[{ name: string }]>() },
    storage: { ...base.api.storage, session: area(base.onChanged, 'session') },
  } satisfies BrowserShape;
  return { ...base, api };
}

describe('toolbar', () => {
  const state = { text: '2', color: '#cf222e', title: 'Ответ в срок — 2' };
  it('uses action in Chrome', async () => {
    const { api } = chrome();
    const p = createPlatform(api);
    expect(p.toolbar.kind).toBe('action');
    await p.toolbar.show(state);
    expect(api.action.setBadgeText).toHaveBeenCalledWith({ text: '2' });
    expect(api.action.setBadgeBackgroundColor).toHaveBeenCalledWith({ color: '#cf222e' });
    expect(api.action.setTitle).toHaveBeenCalledWith({ title: state.title });
  });
  it('uses browserAction in Firefox MV2', async () => {
    const { api } = firefox();
    const p = createPlatform(api);
    expect(p.toolbar.kind).toBe('browserAction');
    await p.toolbar.show(state);
    expect(api.browserAction.setBadgeText).toHaveBeenCalledWith({ text: '2' });
  });
  it('does nothing, without failing, where there is no toolbar button', async () => {
    const p = createPlatform(bare().api);
    expect(p.toolbar.kind).toBe('none');
    await expect(p.toolbar.show(state)).resolves.toBeUndefined();
  });
});

describe('desk', () => {
  it('opens the side panel of the current window in Chrome', async () => {
    const { api } = chrome();
    const desk = createPlatform(api).desk;
    expect(desk.kind).toBe('sidePanel');
    await expect(desk.open()).resolves.toBe('sidePanel');
    expect(api.sidePanel.open).toHaveBeenCalledWith({ windowId: 3 });
  });
  it('opens the sidebar in Firefox, synchronously inside the click', () => {
    const { api } = firefox();
    const desk = createPlatform(api).desk;
    expect(desk.kind).toBe('sidebar');
    void desk.open();
    // Firefox refuses sidebarAction.open() after an await: it must have been called already.
    expect(api.sidebarAction.open).toHaveBeenCalledTimes(1);
  });
  it('opens the desk page in a tab where neither exists', async () => {
    const { api, tabsCreated } = bare();
    const desk = createPlatform(api).desk;
    expect(desk.kind).toBe('tab');
    await expect(desk.open()).resolves.toBe('tab');
    expect(tabsCreated).toEqual(['ext://id/sidepanel.html']);
  });
});

describe('notifications', () => {
  it('creates basic notifications with the extension icon', async () => {
    const { api } = chrome();
    const n = createPlatform(api).notifications;
    await n.create('aot|1|k', { title: 'Срок', message: 'Ответ', priority: 2 });
    expect(api.notifications.create).toHaveBeenCalledWith('aot|1|k', {
      type: 'basic',
      iconUrl: 'ext://id/icon/128.png',
      title: 'Срок',
      message: 'Ответ',
      priority: 2,
    });
    const clicked = vi.fn();
    n.onClicked(clicked);
    api.notifications.onClicked.fire('aot|1|k');
    expect(clicked).toHaveBeenCalledWith('aot|1|k');
  });
  it('is unavailable, and harmless, without the API', async () => {
    const n = createPlatform(bare().api).notifications;
    expect(n.available).toBe(false);
    await expect(n.create('x', { title: 't', message: 'm', priority: 0 })).resolves.toBeUndefined();
  });
});

describe('alarms', () => {
  it('creates periodic alarms and reports them by name', async () => {
    const { api, onAlarm } = chrome();
    const alarms = createPlatform(api).alarms;
    const fired = vi.fn();
    alarms.onAlarm(fired);
    await alarms.every('badge-refresh', 1);
    expect(api.alarms.create).toHaveBeenCalledWith('badge-refresh', { periodInMinutes: 1 });
    onAlarm.fire({ name: 'badge-refresh' });
    expect(fired).toHaveBeenCalledWith('badge-refresh');
    // An alarm that exists is left alone: a wake does not push its next run back.
    await alarms.every('existing', 1);
    expect(api.alarms.create).toHaveBeenCalledTimes(1);
  });
  it('falls back to one timer per name without the API', async () => {
    const timers: { fn: () => void; ms: number }[] = [];
    const alarms = createPlatform(bare().api, { setInterval: (fn, ms) => timers.push({ fn, ms }) }).alarms;
    expect(alarms.kind).toBe('timers');
    const fired = vi.fn();
    alarms.onAlarm(fired);
    await alarms.every('deadline-check', 1);
    await alarms.every('deadline-check', 1);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(60_000);
    timers[0]!.fn();
    expect(fired).toHaveBeenCalledWith('deadline-check');
  });
});

describe('session storage', () => {
  it('uses storage.session where it exists and reports its changes only', async () => {
    const { api } = chrome();
    const s = createPlatform(api).session;
    expect(s.kind).toBe('session');
    const changes = vi.fn();
    const off = s.onChanged(changes);
    await api.storage.local.set({ unrelated: 1 });
    await s.set({ 'desk.selectedId': 'm1' });
    expect(changes).toHaveBeenCalledTimes(1);
    expect(changes.mock.calls[0]![0]).toEqual({ 'desk.selectedId': { newValue: 'm1' } });
    expect(await s.get('desk.selectedId')).toEqual({ 'desk.selectedId': 'm1' });
    off();
    await s.set({ 'desk.selectedId': 'm2' });
    expect(changes).toHaveBeenCalledTimes(1);
  });
  it('falls back to prefixed storage.local, hides the prefix, and clears it at browser start', async () => {
    const { api, local } = bare();
    const s = createPlatform(api).session;
    expect(s.kind).toBe('local');
    const changes = vi.fn();
    s.onChanged(changes);
    await local.set({ 'workspace.v1': { keep: true } });
    await s.set({ 'publish:m1': { tabId: 5 }, 'health:5': { ok: true } });
    expect(local.data.get(`${SESSION_FALLBACK_PREFIX}publish:m1`)).toEqual({ tabId: 5 });
    expect(await s.getAll()).toEqual({ 'publish:m1': { tabId: 5 }, 'health:5': { ok: true } });
    expect(changes).toHaveBeenLastCalledWith({ 'publish:m1': { newValue: { tabId: 5 } }, 'health:5': { newValue: { ok: true } } });
    await s.remove('health:5');
    expect(await s.get(['publish:m1', 'health:5'])).toEqual({ 'publish:m1': { tabId: 5 } });
    await s.clearStale();
    expect(await s.getAll()).toEqual({});
    // Nothing outside the prefix is touched.
    expect(local.data.get('workspace.v1')).toEqual({ keep: true });
  });
});

describe('tabs', () => {
  it('activates a tab and focuses its window; a refused focus is not a failure', async () => {
    const { api } = chrome();
    api.windows.update.mockRejectedValueOnce(new Error('no focus here'));
    const tabs = createPlatform(api).tabs;
    await expect(tabs.activate({ id: 5, windowId: 1 })).resolves.toBeUndefined();
    expect(api.tabs.update).toHaveBeenCalledWith(5, { active: true });
  });
  it('activates a tab in a browser without the windows API', async () => {
    const { api } = bare();
    await expect(createPlatform(api).tabs.activate({ id: 5, windowId: 1 })).resolves.toBeUndefined();
  });
  it('makes the address of an extension page with runtime.getURL, and opens it in a tab', async () => {
    const { api, tabsCreated } = bare();
    const tabs = createPlatform(api).tabs;
    expect(tabs.extensionUrl('/options.html#plans')).toBe('ext://id/options.html#plans');
    await tabs.create(tabs.extensionUrl('/options.html#plans'));
    expect(tabsCreated).toEqual(['ext://id/options.html#plans']);
  });
});

describe('host permissions', () => {
  it('asks for an origin as a match pattern, without the port (Firefox refuses one with it)', async () => {
    const { api } = chrome();
    const hp = createPlatform(api).hostPermissions;
    await hp.request('https://team.example.ru:8443/api');
    expect(api.permissions.request).toHaveBeenCalledWith({ origins: ['https://team.example.ru/*'] });
    await hp.remove('http://127.0.0.1:8787');
    expect(api.permissions.remove).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
  });
  it('reports none granted without the API', async () => {
    const hp = createPlatform(bare().api).hostPermissions;
    expect(hp.available).toBe(false);
    await expect(hp.contains('https://team.example.ru')).resolves.toBe(false);
  });
});
