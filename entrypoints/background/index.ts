/**
 * The background (Chrome's service worker, Firefox's background page): owns the database with
 * the extension pages, answers the message channel, keeps the toolbar badge. It only wires the
 * services in ./services to the browser's ports (lib/platform). It may be stopped at any time,
 * so it keeps no state in memory: listeners are registered synchronously, the workspace is read
 * from the database per request, and the badge is recomputed on every wake.
 */
import { liveQuery } from 'dexie';
import { browser } from 'wxt/browser';
import { getDb } from '@/lib/db';
import { loadWorkspace } from '@/lib/db/messages';
import { OWN_PAGES_KEY, ownPages, SITE_MATCHES } from '@/lib/sites/hosts';
import { catalogs } from '@/lib/i18n/catalogs';
import { createRouter, type Handlers } from '@/lib/messaging/router';
import { sendToTab, waitForTab } from '@/lib/messaging/tab-client';
import { platform } from '@/lib/platform';
import { browserLocaleApi, followChosenLocale, publishCatalog } from '@/lib/platform/locale';
import { createBadgeService } from './services/badge';
import { captureHandlers } from './services/capture';
import { commandHandlers } from './services/commands';
import { createDeadlineService } from './services/deadlines';
import { createAlertService } from './services/alerts';
import { createEffects, type KeyValuePort } from './services/effects';
import { createEnv } from './services/env';
import { pageService } from './services/pages';
import { publishService } from './services/publish';
import { reinjectContentScripts } from './services/reinject';
import { syncService } from './services/sync';
import { accountHandlers } from './services/accounts';
import { createPlanService } from './services/plans';
import { moderationHandlers } from './services/moderation';
import { pokeService, type SocketLike } from './services/poke';
import { loadSyncConfig, updateSyncConfig } from '@/lib/db/sync';

const BADGE_ALARM = 'badge-refresh';
const DEADLINE_ALARM = 'deadline-check';

export default defineBackground(() => {
  const db = getDb();
  const ports = platform();
  const now = () => Date.now();
  const local: KeyValuePort = {
    get: async (key) => (await browser.storage.local.get(key))[key],
    set: (items) => browser.storage.local.set(items),
  };
  // The language of the badge's title and the notifications, and the catalog content scripts
  // read (they bundle none): applied before anything is said, and followed when it changes.
  const localeApi = browserLocaleApi();
  const storeCatalog = () => publishCatalog(localeApi, catalogs).catch((error: unknown) => console.warn('[aot] catalog not stored:', error));
  const localeReady = followChosenLocale(localeApi, () => {
    void storeCatalog();
    void badge.refresh();
  })
    .then(storeCatalog)
    .catch((error: unknown) => console.warn('[aot] language not applied:', error));
  const env = createEnv(db, now);
  const effects = createEffects({ store: local, now });
  const badge = createBadgeService({ db, env, toolbar: ports.toolbar, effects });
  const deadlines = createDeadlineService({ db, env, notifications: ports.notifications, tabs: ports.tabs, effects });
  // Content plans and the weekly publications of the bodies' own pages (issue 19): reminders.
  const plans = createPlanService({ db, env, notifications: ports.notifications, effects });
  const checkPlans = () => localeReady.then(() => plans.check()).catch((error: unknown) => console.warn('[aot] plan check failed:', error));
  const alerts = createAlertService({ db, env, notifications: ports.notifications, effects });
  const checkAlerts = () => localeReady.then(() => effects.run('alerts', () => alerts.check()));
  const pages = pageService({ db, env, session: ports.session, local, now });
  const publish = publishService({
    db,
    env,
    tabs: ports.tabs,
    session: ports.session,
    messenger: { send: sendToTab, ready: (tabId) => waitForTab(tabId) },
    badge,
    effects,
  });
  // The team server, when the person has connected one (lib/db/sync.ts): steps go to the outbox
  // with the step; this pushes and pulls after each, on a poke, and every minute.
  const sync = syncService({
    db,
    http: (url, init) => fetch(url, init),
    now,
    newId: () => crypto.randomUUID(),
    deviceName: navigator.userAgent.slice(0, 200),
    onChanged: () => void badge.refresh(),
    log: (message, error) => console.warn(`[aot] ${message}`, error ?? ''),
  });
  const pokes = pokeService({
    open: (url) => new WebSocket(url) as unknown as SocketLike,
    connection: async () => {
      const c = await loadSyncConfig(db);
      return c && c.revokedAt === undefined ? { server: c.server, token: c.token } : undefined;
    },
    onPoke: () => void effects.run('sync', () => sync.syncNow()),
    // The server refused the token on the socket: as on a push, nothing more is tried until the person reconnects.
    onRevoked: () => void effects.run('sync', () => updateSyncConfig(db, (c) => ({ ...c, revokedAt: now(), lastError: { code: 'token-revoked', at: now() } }))),
  });
  const syncSoon = () => void effects.run('sync', () => sync.syncNow());
  // The poke socket keeps the worker alive, so it is open only while the person works: a VK or
  // OK tab open, or one of our pages or content scripts heard from in the last 5 minutes;
  // otherwise the minute alarm pulls.
  const ACTIVE_MS = 5 * 60_000;
  let lastHeard = 0;
  const heardFrom = () => {
    lastHeard = now();
    void pokes.ensure();
  };
  const keepLiveIfInUse = async () => {
    const working = now() - lastHeard < ACTIVE_MS || (await ports.tabs.query(SITE_MATCHES).catch(() => [])).length > 0;
    if (working) await pokes.ensure();
    else pokes.stop();
  };
  const handlers: Handlers = {
    ...captureHandlers({ db, env, badge, newId: () => crypto.randomUUID(), onSaved: () => void checkAlerts() }),
    ...pages.handlers,
    ...accountHandlers({ db, env, newId: () => crypto.randomUUID() }),
    ...moderationHandlers({ db, env, newId: () => crypto.randomUUID() }),
    ...publish.handlers,
    // A check asked for by a page right after the worker woke speaks the language in use.
    ...commandHandlers({
      db,
      env,
      badge,
      deadlines: { ...deadlines, check: () => localeReady.then(() => deadlines.check()) },
      effects,
      closed: publish.closed,
    }),
    'sync.connect': async (data) => {
      const r = await sync.connect(data);
      if (r.ok) void pokes.ensure();
      return r.ok ? { ok: true, status: { ...r.status, live: pokes.live() } } : r;
    },
    'sync.disconnect': async ({ force }) => {
      const server = (await loadSyncConfig(db))?.server;
      const r = await sync.disconnect(force ? { force } : {});
      if (r.ok) {
        pokes.stop();
        // The server's origin is given back: the extension holds no host it does not use.
        if (server) void effects.run('permissions', () => ports.hostPermissions.remove(server));
      }
      return r;
    },
    'sync.status': async () => ({ ...(await sync.status()), live: pokes.live() }),
    'sync.now': async () => {
      const r = await sync.syncNow();
      void pokes.ensure();
      return { ok: r.ok, ...(!r.ok ? { code: r.code } : {}), status: { ...(await sync.status()), live: pokes.live() } };
    },
    // A content script without the catalog of its language in storage asks for it.
    'i18n.catalog': async ({ locale }) => ({ locale, messages: catalogs[locale] }),
  };

  const route = createRouter(handlers, { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    heardFrom();
    // An async handler answered through sendResponse: Dexie's promises are not native ones,
    // and returning them from onMessage makes Chromium answer undefined.
    void route(message, sender).then(sendResponse);
    return true;
  });

  const checkDeadlines = () =>
    localeReady
      .then(() => deadlines.check())
      .catch((error: unknown) => console.warn('[aot] deadline check failed:', error))
      .then(() => badge.refresh());

  ports.tabs.onRemoved((tabId) => {
    pages.tabClosed(tabId);
    void effects.run('tab-cleanup', () => publish.tabClosed(tabId));
  });
  // At every start, not only at install: Firefox forgets alarms when the browser restarts.
  void ports.alarms.every(BADGE_ALARM, 1);
  void ports.alarms.every(DEADLINE_ALARM, 1);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    // First install: the options page onboards (region, role, starter directories).
    if (reason === 'install') void browser.runtime.openOptionsPage();
    if (reason === 'update') {
      const files = (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.js ?? []);
      void reinjectContentScripts({ tabs: ports.tabs, scripts: ports.contentScripts, files, effects });
    }
  });
  // The badge is not kept across browser restarts: a listener here also wakes the worker when
  // the browser starts, so the badge is back at once (and the deadline checks with it).
  browser.runtime.onStartup.addListener(() => {
    void ports.session.clearStale();
    void checkDeadlines();
  });
  ports.alarms.onAlarm((name) => {
    if (name === BADGE_ALARM) void badge.refresh();
    if (name === DEADLINE_ALARM) {
      void checkDeadlines();
      void checkAlerts();
      void checkPlans();
      // Connected: a pull every minute even when the poke socket is down (or closed while idle).
      syncSoon();
      void keepLiveIfInUse();
    }
  });
  // A click opens what the notification is about: the post, or the options at the content plans.
  ports.notifications.onClicked((id) => void deadlines.clicked(id));

  // The badge's title in the language in use (a refresh before it was applied spoke Russian).
  void localeReady.then(() => badge.refresh());

  // The own pages the content script leaves without a capture button follow the workspace.
  liveQuery(() => loadWorkspace(db)).subscribe({
    next: (ws) => {
      const own = ownPages(
        ws.ownProfiles,
        ws.bodies.flatMap((b) => b.pages),
      );
      void effects.run('own-pages', () => local.set({ [OWN_PAGES_KEY]: own }));
    },
    error: (error: unknown) => console.error('[aot] own pages query failed', error),
  });

  // A step put into the outbox (by any handler) goes to the team server at once.
  liveQuery(() => db.outbox.count()).subscribe({
    next: (pending) => pending > 0 && syncSoon(),
    error: (error: unknown) => console.error('[aot] outbox query failed', error),
  });
  void keepLiveIfInUse();

  // Writes from any extension page (Dexie broadcasts them) update the badge while awake.
  liveQuery(() => db.messages.where('status').equals('open').count()).subscribe({
    next: () => void badge.refresh(),
    error: (error: unknown) => console.error('[aot] badge query failed', error),
  });
});
