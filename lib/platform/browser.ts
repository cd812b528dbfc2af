/**
 * Builds the ports from a browser's extension API, whichever shape it has: Chrome MV3
 * (`action`, `sidePanel`), Firefox MV2 (`browserAction`, `sidebarAction`), or a Chromium build
 * that lacks some of them. The one place that looks at which APIs exist. It takes the API object
 * as an argument, so every shape is unit-tested with a fake.
 */
import type {
  AlarmsPort,
  Changes,
  ContentScriptsPort,
  DeskKind,
  DeskPort,
  HostPermissionsPort,
  NotificationsPort,
  Platform,
  SessionStorePort,
  TabInfo,
  TabsPort,
  ToolbarPort,
} from './ports';

type Listener<A extends unknown[]> = { addListener(fn: (...args: A) => void): void; removeListener?(fn: (...args: A) => void): void };

interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

interface StorageArea {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** The parts of `browser` the ports use; every member a browser may lack is optional. */
export interface BrowserShape {
  action?: ActionApi;
  browserAction?: ActionApi;
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
  notifications?: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number }): Promise<string>;
    clear(id: string): Promise<boolean>;
    onClicked: Listener<[string]>;
  };
  alarms?: {
    create(name: string, info: { periodInMinutes: number }): Promise<void> | void;
    get(name: string): Promise<{ name: string } | undefined>;
    onAlarm: Listener<[{ name: string }]>;
  };
  storage: {
    local: StorageArea;
    session?: StorageArea;
    onChanged: Listener<[Changes, string]>;
  };
  tabs: {
    query(info: { url?: string[]; active?: boolean; currentWindow?: boolean }): Promise<TabInfo[]>;
    update(tabId: number, props: { active: boolean }): Promise<unknown>;
    create(props: { url: string; active?: boolean }): Promise<TabInfo>;
    onRemoved: Listener<[number, unknown]>;
  };
  windows?: {
    getCurrent(): Promise<{ id?: number }>;
    update(windowId: number, props: { focused: boolean }): Promise<unknown>;
  };
  permissions?: {
    contains(p: { origins: string[] }): Promise<boolean>;
    request(p: { origins: string[] }): Promise<boolean>;
    remove(p: { origins: string[] }): Promise<boolean>;
  };
  scripting?: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
  runtime: { getURL(path: string): string };
}

/** storage.local prefix of the session fallback. */
export const SESSION_FALLBACK_PREFIX = 'session:';

export interface PlatformOptions {
  /** The fallback for a browser without `alarms` (tests pass fake timers). */
  setInterval?: (fn: () => void, ms: number) => unknown;
}

export function createPlatform(api: BrowserShape, options: PlatformOptions = {}): Platform {
  return {
    toolbar: toolbarPort(api),
    desk: deskPort(api),
    notifications: notificationsPort(api),
    alarms: alarmsPort(api, options.setInterval ?? ((fn, ms) => setInterval(fn, ms))),
    session: sessionPort(api),
    tabs: tabsPort(api),
    hostPermissions: hostPermissionsPort(api),
    contentScripts: contentScriptsPort(api),
  };
}

export function toolbarPort(api: BrowserShape): ToolbarPort {
  const action = api.action ?? api.browserAction;
  const kind = api.action ? 'action' : api.browserAction ? 'browserAction' : 'none';
  return {
    kind,
    async show({ text, color, title }) {
      if (!action) return;
      await action.setBadgeBackgroundColor({ color });
      await action.setBadgeText({ text });
      await action.setTitle({ title });
    },
  };
}

export function deskPort(api: BrowserShape): DeskPort {
  const page = '/sidepanel.html';
  const openTab = async (): Promise<DeskKind> => {
    await api.tabs.create({ url: api.runtime.getURL(page), active: true });
    return 'tab';
  };
  if (api.sidePanel && api.windows) {
    const { sidePanel, windows } = api;
    return {
      kind: 'sidePanel',
      async open() {
        const win = await windows.getCurrent();
        if (win.id === undefined) return openTab();
        await sidePanel.open({ windowId: win.id });
        return 'sidePanel';
      },
    };
  }
  if (api.sidebarAction) {
    const { sidebarAction } = api;
    return {
      kind: 'sidebar',
      // Called synchronously: Firefox opens a sidebar only while handling the click.
      open: () => sidebarAction.open().then(() => 'sidebar' as const),
    };
  }
  return { kind: 'tab', open: openTab };
}

export function notificationsPort(api: BrowserShape): NotificationsPort {
  const n = api.notifications;
  if (!n) return { available: false, create: async () => undefined, clear: async () => undefined, onClicked: () => undefined };
  return {
    available: true,
    async create(id, { title, message, priority }) {
      await n.create(id, { type: 'basic', iconUrl: api.runtime.getURL('/icon/128.png'), title, message, priority });
    },
    async clear(id) {
      await n.clear(id);
    },
    onClicked: (listener) => n.onClicked.addListener(listener),
  };
}

export function alarmsPort(api: BrowserShape, setTimer: (fn: () => void, ms: number) => unknown): AlarmsPort {
  const alarms = api.alarms;
  if (alarms) {
    return {
      kind: 'alarms',
      async every(name, periodInMinutes) {
        if (await alarms.get(name)) return;
        await alarms.create(name, { periodInMinutes });
      },
      onAlarm: (listener) => alarms.onAlarm.addListener((alarm) => listener(alarm.name)),
    };
  }
  // Without alarms a timer does (it lives as long as the background page does).
  const listeners: ((name: string) => void)[] = [];
  const started = new Set<string>();
  return {
    kind: 'timers',
    async every(name, periodMinutes) {
      if (started.has(name)) return;
      started.add(name);
      setTimer(() => listeners.forEach((l) => l(name)), periodMinutes * 60_000);
    },
    onAlarm: (listener) => void listeners.push(listener),
  };
}

export function sessionPort(api: BrowserShape): SessionStorePort {
  const onChanged = (area: string, map: (changes: Changes) => Changes) => (listener: (changes: Changes) => void) => {
    const fn = (changes: Changes, name: string) => {
      if (name !== area) return;
      const mine = map(changes);
      if (Object.keys(mine).length) listener(mine);
    };
    api.storage.onChanged.addListener(fn);
    return () => api.storage.onChanged.removeListener?.(fn);
  };
  const session = api.storage.session;
  if (session) {
    return {
      kind: 'session',
      get: (keys) => session.get(keys),
      getAll: () => session.get(null),
      set: (items) => session.set(items),
      remove: (keys) => session.remove(keys),
      onChanged: onChanged('session', (c) => c),
      clearStale: async () => undefined,
    };
  }
  const local = api.storage.local;
  const p = (key: string) => SESSION_FALLBACK_PREFIX + key;
  const unprefix = (record: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(record).flatMap(([k, v]) => (k.startsWith(SESSION_FALLBACK_PREFIX) ? [[k.slice(SESSION_FALLBACK_PREFIX.length), v]] : [])),
    );
  return {
    kind: 'local',
    get: async (keys) => unprefix(await local.get((Array.isArray(keys) ? keys : [keys]).map(p))),
    getAll: async () => unprefix(await local.get(null)),
    set: (items) => local.set(Object.fromEntries(Object.entries(items).map(([k, v]) => [p(k), v]))),
    remove: (keys) => local.remove((Array.isArray(keys) ? keys : [keys]).map(p)),
    onChanged: onChanged('local', (c) => unprefix(c) as Changes),
    async clearStale() {
      const stale = Object.keys(await local.get(null)).filter((k) => k.startsWith(SESSION_FALLBACK_PREFIX));
      if (stale.length) await local.remove(stale);
    },
  };
}

export function tabsPort(api: BrowserShape): TabsPort {
  return {
    query: (patterns) => api.tabs.query({ url: patterns }),
    current: async () => (await api.tabs.query({ active: true, currentWindow: true }))[0],
    async activate(tab) {
      if (tab.id !== undefined) await api.tabs.update(tab.id, { active: true });
      // Focusing the window is a courtesy: a browser may refuse it (or have no windows API).
      if (tab.windowId !== undefined) await api.windows?.update(tab.windowId, { focused: true }).catch(() => undefined);
    },
    create: (url) => api.tabs.create({ url, active: true }),
    onRemoved: (listener) => api.tabs.onRemoved.addListener((tabId) => listener(tabId)),
    extensionUrl: (path) => api.runtime.getURL(path),
  };
}

export function hostPermissionsPort(api: BrowserShape): HostPermissionsPort {
  const perms = api.permissions;
  // A match pattern has no port (it covers every port of the host): Firefox refuses a pattern
  // with one as "not declared in the manifest", Chrome ignores it.
  const pattern = (origin: string) => {
    const url = new URL(origin);
    return `${url.protocol}//${url.hostname}/*`;
  };
  if (!perms) return { available: false, contains: async () => false, request: async () => false, remove: async () => false };
  return {
    available: true,
    contains: (origin) => perms.contains({ origins: [pattern(origin)] }),
    request: (origin) => perms.request({ origins: [pattern(origin)] }),
    remove: (origin) => perms.remove({ origins: [pattern(origin)] }),
  };
}

export function contentScriptsPort(api: BrowserShape): ContentScriptsPort {
  const scripting = api.scripting;
  // Without `scripting` (Firefox MV2) the browser injects the new content script itself.
  if (!scripting) return { available: false, inject: async () => undefined };
  return {
    available: true,
    async inject(tabId, files) {
      await scripting.executeScript({ target: { tabId }, files });
    },
  };
}
