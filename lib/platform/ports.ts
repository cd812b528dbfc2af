/**
 * Ports: what the extension needs from the browser, as small interfaces. Everything that
 * differs between browsers (Chrome's `action` and side panel, Firefox's `browserAction` and
 * sidebar, a Chromium build with neither, notifications, alarms, session storage, optional host
 * permissions) is behind one of these; `lib/platform/browser.ts` builds them from whichever API
 * shape the browser has, and nothing else in the code checks which browser it is in.
 * Services take ports as arguments, so they are unit-tested with fakes and no browser.
 */

/** The toolbar button: Chrome's `action`, Firefox MV2's `browserAction`, or nothing. */
export interface ToolbarPort {
  readonly kind: 'action' | 'browserAction' | 'none';
  /** Sets the badge text and colour and the button's title (a no-op where there is no button). */
  show(state: { text: string; color: string; title: string }): Promise<void>;
}

/** Where the desk opens: Chrome's side panel, Firefox's sidebar, or a tab where neither exists. */
export type DeskKind = 'sidePanel' | 'sidebar' | 'tab';

export interface DeskPort {
  readonly kind: DeskKind;
  /**
   * Opens the desk. Call it straight from a person's click, before any await: side panels and
   * sidebars open only inside a user gesture. Resolves to where it opened.
   */
  open(): Promise<DeskKind>;
}

export interface NotificationsPort {
  readonly available: boolean;
  create(id: string, note: { title: string; message: string; priority: 0 | 1 | 2 }): Promise<void>;
  clear(id: string): Promise<void>;
  onClicked(listener: (id: string) => void): void;
}

/** Repeating timers that wake the background: `alarms`, or plain timers where it is missing. */
export interface AlarmsPort {
  readonly kind: 'alarms' | 'timers';
  /**
   * Makes sure a repeating alarm exists (call it at every start: Firefox forgets alarms when
   * the browser restarts, and the timer fallback lives as long as the page). An existing one is
   * left as it is, so a wake does not push its next run back.
   */
  every(name: string, periodMinutes: number): Promise<void>;
  onAlarm(listener: (name: string) => void): void;
}

export type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/**
 * Storage for one browser session: `storage.session` where it exists, else `storage.local`
 * under a prefix that the background clears when the browser starts (`clearStale`).
 */
export interface SessionStorePort {
  readonly kind: 'session' | 'local';
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  getAll(): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Listens to changes of session keys (unprefixed); returns the unsubscribe. */
  onChanged(listener: (changes: Changes) => void): () => void;
  /** At browser start: forgets what a previous session left (the fallback only). */
  clearStale(): Promise<void>;
}

export interface TabInfo {
  id?: number;
  windowId?: number;
  url?: string;
}

export interface TabsPort {
  /** Tabs whose URL matches any of the match patterns. */
  query(patterns: string[]): Promise<TabInfo[]>;
  /** The active tab of the current window. */
  current(): Promise<TabInfo | undefined>;
  /** Brings a tab and its window to the front (the window part may fail quietly). */
  activate(tab: TabInfo): Promise<void>;
  create(url: string): Promise<TabInfo>;
  onRemoved(listener: (tabId: number) => void): void;
  /** The full address of one of the extension's own pages ('/options.html#plans' → 'chrome-extension://…/options.html#plans'). */
  extensionUrl(path: string): string;
}

/** Optional host permissions (the team server's origin, asked for only when the person connects). */
export interface HostPermissionsPort {
  readonly available: boolean;
  contains(origin: string): Promise<boolean>;
  /** Must run inside a user gesture. */
  request(origin: string): Promise<boolean>;
  remove(origin: string): Promise<boolean>;
}

/**
 * Putting the content script into tabs that were open before an update or reload: Chrome
 * leaves them without one (the old instance is cut off), Firefox injects the new one itself.
 */
export interface ContentScriptsPort {
  readonly available: boolean;
  inject(tabId: number, files: string[]): Promise<void>;
}

export interface Platform {
  toolbar: ToolbarPort;
  desk: DeskPort;
  notifications: NotificationsPort;
  alarms: AlarmsPort;
  session: SessionStorePort;
  tabs: TabsPort;
  hostPermissions: HostPermissionsPort;
  contentScripts: ContentScriptsPort;
}
