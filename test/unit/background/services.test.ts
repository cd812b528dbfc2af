/**
 * The background's services with fake ports and a real (fake-indexeddb) database: no browser.
 * Above all, a side effect that fails (badge, notification, clean-up) never fails the step it
 * follows: the step is saved, the person is told it is saved, the failure is logged and counted.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDatabase, type AppDatabase } from '@/lib/db';
import { applyCommand, saveWorkspace } from '@/lib/db/messages';
import type { NotificationsPort, SessionStorePort, TabInfo, TabsPort, ToolbarPort } from '@/lib/platform/ports';
import type { Sender } from '@/lib/messaging/router';
import { starterWorkspace, workspaceSchedule, type Workspace } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { createBadgeService } from '@/entrypoints/background/services/badge';
import { captureHandlers } from '@/entrypoints/background/services/capture';
import { commandHandlers } from '@/entrypoints/background/services/commands';
import { createDeadlineService, notificationTarget, NOTIFIED_KEY } from '@/entrypoints/background/services/deadlines';
import { PLAN_NOTIFICATION_PREFIX } from '@/entrypoints/background/services/plans';
import { optionsPath } from '@/lib/platform/pages';
import { asEffectFailures, createEffects, EFFECT_FAILURES_KEY, type KeyValuePort } from '@/entrypoints/background/services/effects';
import { createEnv } from '@/entrypoints/background/services/env';
import { pageService } from '@/entrypoints/background/services/pages';
import { pendingKey, publishService, PUBLISH_WATCH_MS, type TabMessengerPort } from '@/entrypoints/background/services/publish';
import { detectedKey } from '@/lib/messaging/detected';
import { protocol } from '@/lib/messaging/protocol';
import { sampleItem, sampleRouting } from '../../helpers/items';
import { spoken } from '../../helpers/i18n';
import type { Reason } from '@/lib/i18n';

const t0 = Date.UTC(2026, 10, 25, 6); // Wed 10:00 in Saratov
let db: AppDatabase;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

function memoryStore(): KeyValuePort & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: async (key) => data.get(key), set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)) };
}

function memorySession(): SessionStorePort & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  const pick = (keys: string | string[]) => Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => data.has(k)).map((k) => [k, data.get(k)]));
  return {
    kind: 'session',
    data,
    get: async (keys) => pick(keys),
    getAll: async () => Object.fromEntries(data),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)),
    remove: async (keys) => void (Array.isArray(keys) ? keys : [keys]).forEach((k) => data.delete(k)),
    onChanged: () => () => undefined,
    clearStale: async () => undefined,
  };
}

function failingToolbar(): ToolbarPort & { calls: number } {
  const port = { kind: 'browserAction' as const, calls: 0, show: async () => void port.calls++ };
  port.show = async () => {
    port.calls++;
    throw new TypeError('can\'t access property "setBadgeBackgroundColor", u.action is undefined');
  };
  return port;
}

async function setup(user: Partial<Workspace['user']> = {}, clock = { now: t0 }) {
  db = createDatabase(`bg-${++n}`);
  const workspace = starterWorkspace('saratov', { id: 'me', name: 'Мария', roles: ['curator', 'executor'], ...user });
  await saveWorkspace(db, workspace);
  const store = memoryStore();
  const log = vi.fn();
  const now = () => clock.now;
  const env = createEnv(db, now);
  const effects = createEffects({ store, now, log });
  return { workspace, store, log, env, effects, now, clock };
}

const site: Sender = { kind: 'site', url: 'https://vk.com/wall-100_501', tabId: 7 };

describe('a side effect never fails the step', () => {
  it('capture saves, and says so, when the toolbar badge throws (Firefox without action)', async () => {
    const { env, effects, store, log } = await setup();
    const toolbar = failingToolbar();
    const badge = createBadgeService({ db, env, toolbar, effects });
    const handlers = captureHandlers({ db, env, badge, newId: () => 'm1' });
    const reply = await handlers['capture.save']({ item: sampleItem(), routing: sampleRouting }, site);
    expect(reply).toMatchObject({ id: 'm1', created: true, zone: 'Europe/Saratov' });
    expect(reply.dueAt).toBeGreaterThan(t0);
    expect(await db.messages.get('m1')).toMatchObject({ key: 'vk:wall-100_501', status: 'open' });
    await vi.waitFor(() => expect(asEffectFailures(store.data.get(EFFECT_FAILURES_KEY)).badge?.count).toBe(1));
    expect(toolbar.calls).toBe(1);
    expect(asEffectFailures(store.data.get(EFFECT_FAILURES_KEY)).badge).toMatchObject({
      lastAt: t0,
      lastError: expect.stringContaining('setBadgeBackgroundColor'),
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('badge failed'), expect.any(TypeError));
  });

  it('a workflow step is saved when the badge and the clean-up after it fail', async () => {
    const { env, effects, store } = await setup();
    const badge = createBadgeService({ db, env, toolbar: failingToolbar(), effects });
    await captureHandlers({ db, env, badge, newId: () => 'm1' })['capture.save']({ item: sampleItem(), routing: { ...sampleRouting, executor: '' } }, site);
    const deadlines = createDeadlineService({ db, env, notifications: unavailableNotifications(), tabs: fakeTabs([]).port, effects });
    const closed = vi.fn(async () => {
      throw new Error('session storage gone');
    });
    const handlers = commandHandlers({ db, env, badge, deadlines, effects, closed });
    const reply = await handlers['message.command'](
      { id: 'm1', command: { type: 'markNotProcessable', category: 'obscenity', confirmed: true } },
      { kind: 'extension' },
    );
    expect(reply).toMatchObject({ ok: true });
    expect((await db.messages.get('m1'))?.status).toBe('closed');
    await vi.waitFor(() => expect(asEffectFailures(store.data.get(EFFECT_FAILURES_KEY))['publish-cleanup']?.count).toBe(1));
    expect(closed).toHaveBeenCalledWith('m1');
  });

  it('counts repeated failures of each effect, and a broken counter store loses no step', async () => {
    const store = memoryStore();
    const log = vi.fn();
    const effects = createEffects({ store, now: () => 5, log });
    await Promise.all([effects.run('badge', async () => Promise.reject(new Error('a'))), effects.run('badge', async () => Promise.reject(new Error('b')))]);
    expect(asEffectFailures(store.data.get(EFFECT_FAILURES_KEY)).badge).toEqual({ count: 2, lastAt: 5, lastError: 'Error: b' });
    expect(await effects.run('badge', async () => undefined)).toBe(true);
    const broken = createEffects({ store: { get: async () => Promise.reject(new Error('quota')), set: async () => undefined }, now: () => 1, log });
    await expect(broken.run('badge', async () => Promise.reject(new Error('x')))).resolves.toBe(false);
    expect(log).toHaveBeenCalledWith('effect failure not counted', expect.any(Error));
  });
});

function unavailableNotifications(): NotificationsPort {
  return { available: false, create: async () => undefined, clear: async () => undefined, onClicked: () => undefined };
}

function fakeTabs(open: TabInfo[]) {
  const created: string[] = [];
  const activated: TabInfo[] = [];
  const port: TabsPort = {
    query: vi.fn(async (patterns: string[]) => open.filter((t) => patterns.some((p) => t.url?.startsWith(p.replace('*', ''))))),
    current: async () => open[0],
    activate: async (tab) => void activated.push(tab),
    create: async (url) => (created.push(url), { id: 99, windowId: 1, url }),
    onRemoved: () => undefined,
    extensionUrl: (path) => `chrome-extension://aot${path}`,
  };
  return { port, created, activated };
}

describe('deadline notifications', () => {
  it('a notification that cannot be shown is counted and tried again at the next check', async () => {
    const clock = { now: t0 };
    const { env, effects, store } = await setup({ id: 'me', roles: ['curator'] }, clock);
    const badge = createBadgeService({ db, env, toolbar: { kind: 'none', show: async () => undefined }, effects });
    await captureHandlers({ db, env, badge, newId: () => 'm1' })['capture.save']({ item: sampleItem(), routing: { ...sampleRouting, executor: '' } }, site);
    const create = vi.fn<NotificationsPort['create']>().mockRejectedValueOnce(new Error('notifications blocked')).mockResolvedValue(undefined);
    const notifications: NotificationsPort = { available: true, create, clear: async () => undefined, onClicked: () => undefined };
    const deadlines = createDeadlineService({ db, env, notifications, tabs: fakeTabs([]).port, effects });
    // Well past the routing deadline: a breach to notify.
    clock.now = t0 + 3 * 86_400_000;
    expect(await deadlines.check()).toBe(0);
    expect(await db.settings.get(NOTIFIED_KEY)).toBeUndefined();
    expect(asEffectFailures(store.data.get(EFFECT_FAILURES_KEY)).notification?.count).toBe(1);
    expect(await deadlines.check()).toBeGreaterThan(0);
    expect(create).toHaveBeenLastCalledWith(expect.stringMatching(/^aot\|m1\|/), expect.objectContaining({ priority: 2 }));
    // Shown once: not again.
    const shown = create.mock.calls.length;
    expect(await deadlines.check()).toBe(0);
    expect(create.mock.calls.length).toBe(shown);
  });

  it('a click opens the post; ids not ours are ignored', async () => {
    const { env, effects } = await setup();
    const badge = createBadgeService({ db, env, toolbar: { kind: 'none', show: async () => undefined }, effects });
    await captureHandlers({ db, env, badge, newId: () => 'm1' })['capture.save']({ item: sampleItem(), routing: sampleRouting }, site);
    const tabs = fakeTabs([]);
    const deadlines = createDeadlineService({ db, env, notifications: unavailableNotifications(), tabs: tabs.port, effects });
    await deadlines.clicked('other-extension|m1');
    await deadlines.clicked('aot|m1|k');
    expect(tabs.created).toEqual(['https://vk.com/wall-100_501']);
  });

  it('a click on a content plan’s reminder opens the options at the content plans, and clears the notification', async () => {
    const { env, effects } = await setup();
    const tabs = fakeTabs([]);
    const cleared: string[] = [];
    const notifications: NotificationsPort = { ...unavailableNotifications(), clear: async (id) => void cleared.push(id) };
    const deadlines = createDeadlineService({ db, env, notifications, tabs: tabs.port, effects });
    // The ids the plans service creates (services/plans.ts): a missing plan, a deadline soon.
    const ids = [`${PLAN_NOTIFICATION_PREFIX}|minstroy|2026-04-27|missing`, `${PLAN_NOTIFICATION_PREFIX}|minstroy|2026-05-04|planDue|1777449600000|soon`];
    for (const id of ids) await deadlines.clicked(id);
    expect(tabs.created).toEqual(['chrome-extension://aot/options.html#plans', 'chrome-extension://aot/options.html#plans']);
    expect(cleared).toEqual(ids);
    // Not ours, or a plan prefix without a key: nothing opened, nothing cleared.
    await deadlines.clicked('aot-plan');
    await deadlines.clicked('aot-planned|x');
    await deadlines.clicked('aot-alert|x');
    expect(tabs.created).toHaveLength(2);
    expect(cleared).toHaveLength(2);
  });

  it('routes notification ids: a message’s post, the content plans, or nothing', () => {
    expect(notificationTarget('aot|m1|k')).toEqual({ kind: 'message', id: 'm1' });
    expect(notificationTarget('aot-plan|minstroy|2026-05-04|missing')).toEqual({ kind: 'plans' });
    for (const id of ['', 'aot', 'aot|', 'aot-plan|', 'other|m1', 'AOT|m1']) expect(notificationTarget(id), id).toBeNull();
    expect(optionsPath('plans')).toBe('/options.html#plans');
  });
});

describe('publish in place', () => {
  async function approved(clock: { now: number }, bodyPage = 'https://vk.com/club_zhkh') {
    const ctx = await setup({}, clock);
    const badge = createBadgeService({ db, env: ctx.env, toolbar: { kind: 'none', show: async () => undefined }, effects: ctx.effects });
    await captureHandlers({ db, env: ctx.env, badge, newId: () => 'm1' })['capture.save'](
      { item: sampleItem(), routing: { ...sampleRouting, executor: '' } },
      site,
    );
    const e = await ctx.env();
    const body = e.workspace.bodies[0]!.id;
    const workspace = {
      ...e.workspace,
      user: { ...e.workspace.user, bodies: [body] },
      bodies: e.workspace.bodies.map((b) => (b.id === body ? { ...b, pages: [bodyPage] } : b)),
    };
    await saveWorkspace(db, workspace);
    const env = { now: clock.now, workspace, calendar: createWorkCalendar(workspaceSchedule(workspace)) };
    for (const command of [
      { type: 'route', assignments: [{ body }] },
      { type: 'submitDraft', kind: 'answer', text: 'Мусор вывезут завтра до 12:00.' },
      { type: 'approve' },
    ]) {
      const r = await applyCommand(db, 'm1', command, workspace.user, env);
      expect(r.ok, JSON.stringify(r.ok ? '' : r.error)).toBe(true);
    }
    return { ...ctx, badge, workspace };
  }

  function messenger(): TabMessengerPort & { sent: unknown[] } {
    const sent: unknown[] = [];
    return { sent, ready: async () => true, send: async (_tab, request) => (sent.push(request), { ok: true, method: 'execCommand' }) };
  }

  it('finds the post open on vk.ru, puts the approved text in, and records the reply from the body page', async () => {
    const clock = { now: t0 };
    const { env, badge } = await approved(clock);
    const session = memorySession();
    const tabs = fakeTabs([{ id: 3, windowId: 1, url: 'https://vk.ru/wall-100_501' }]);
    const m = messenger();
    const refresh = vi.spyOn(badge, 'refresh');
    const service = publishService({ db, env, tabs: tabs.port, session, messenger: m, badge });
    expect(await service.handlers['publish.start']({ id: 'm1' }, { kind: 'extension' })).toEqual({ ok: true, tabId: 3, method: 'execCommand' });
    expect(tabs.activated).toEqual([{ id: 3, windowId: 1, url: 'https://vk.ru/wall-100_501' }]);
    expect(tabs.created).toEqual([]);
    expect(m.sent).toEqual([{ type: 'publish.insert', messageId: 'm1', key: 'vk:wall-100_501', text: 'Мусор вывезут завтра до 12:00.' }]);
    expect(session.data.get(pendingKey('m1'))).toMatchObject({ tabId: 3, postUrl: 'https://vk.com/wall-100_501' });
    const report = {
      messageId: 'm1',
      replyKey: 'vk:wall-100_501?reply=9',
      replyUrl: 'https://vk.com/wall-100_501?reply=9',
      text: 'Мусор вывезут завтра до 12:00.',
    };
    // Another tab cannot report it.
    expect(await service.handlers['publish.sent']({ ...report, authorUrl: 'https://vk.com/club_zhkh' }, { ...site, tabId: 4 })).toMatchObject({ ok: false });
    // A look-alike from someone else waits for the official to confirm it.
    expect(
      await service.handlers['publish.sent']({ ...report, authorUrl: 'https://vk.com/stranger', authorName: 'Чужой' }, { ...site, tabId: 3 }),
    ).toMatchObject({ ok: false, unconfirmed: true });
    expect(session.data.get(detectedKey('m1'))).toMatchObject({ authorUrl: 'https://vk.com/stranger' });
    expect(await service.handlers['publish.sent']({ ...report, authorUrl: 'https://vk.com/club_zhkh' }, { ...site, tabId: 3 })).toEqual({
      ok: true,
      step: 'published',
    });
    expect(await db.messages.get('m1')).toMatchObject({ status: 'closed' });
    expect(session.data.size).toBe(0);
    expect(refresh).toHaveBeenCalled();
  });

  it('a recorded publication is said saved when clearing it from session storage throws; the failure is logged and counted', async () => {
    const clock = { now: t0 };
    const { env, badge, effects, store, log } = await approved(clock);
    const session = memorySession();
    const remove = vi.fn<SessionStorePort['remove']>(async () => {
      throw new Error('session storage gone');
    });
    session.remove = remove;
    const tabs = fakeTabs([{ id: 3, windowId: 1, url: 'https://vk.com/wall-100_501' }]);
    const service = publishService({ db, env, tabs: tabs.port, session, messenger: messenger(), badge, effects });
    expect(await service.handlers['publish.start']({ id: 'm1' }, { kind: 'extension' })).toMatchObject({ ok: true, tabId: 3 });
    const reply = await service.handlers['publish.sent'](
      {
        messageId: 'm1',
        replyKey: 'vk:wall-100_501?reply=9',
        replyUrl: 'https://vk.com/wall-100_501?reply=9',
        text: 'Мусор вывезут завтра до 12:00.',
        authorUrl: 'https://vk.com/club_zhkh',
      },
      { ...site, tabId: 3 },
    );
    expect(reply).toEqual({ ok: true, step: 'published' });
    expect(await db.messages.get('m1')).toMatchObject({ status: 'closed', step: 'published' });
    expect(remove).toHaveBeenCalledWith([pendingKey('m1'), detectedKey('m1')]);
    expect(asEffectFailures(store.data.get(EFFECT_FAILURES_KEY))['publish-cleanup']).toMatchObject({
      count: 1,
      lastAt: t0,
      lastError: 'Error: session storage gone',
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('publish-cleanup failed'), expect.any(Error));
  });

  it('opens the post in a new tab when none shows it; a report after 30 minutes is not trusted', async () => {
    const clock = { now: t0 };
    const { env, badge } = await approved(clock);
    const session = memorySession();
    const tabs = fakeTabs([{ id: 3, windowId: 1, url: 'https://vk.com/wall-100_777' }]);
    const service = publishService({ db, env, tabs: tabs.port, session, messenger: messenger(), badge });
    expect(await service.handlers['publish.start']({ id: 'm1' }, { kind: 'extension' })).toMatchObject({ ok: true, tabId: 99 });
    expect(tabs.created).toEqual(['https://vk.com/wall-100_501']);
    clock.now = t0 + PUBLISH_WATCH_MS + 1;
    const late = await service.handlers['publish.sent'](
      { messageId: 'm1', replyKey: 'k', replyUrl: 'https://vk.com/wall-100_501?reply=9', text: 'x', authorUrl: 'https://vk.com/club_zhkh' },
      { ...site, tabId: 99 },
    );
    expect(late).toEqual({ ok: false, reason: 'publish.error.expired' });
    expect(session.data.has(pendingKey('m1'))).toBe(false);
    expect((await db.messages.get('m1'))?.status).toBe('open');
  });

  it('refuses a message not yet approved before touching any tab', async () => {
    const { env, effects } = await setup();
    const badge = createBadgeService({ db, env, toolbar: { kind: 'none', show: async () => undefined }, effects });
    await captureHandlers({ db, env, badge, newId: () => 'm1' })['capture.save']({ item: sampleItem(), routing: sampleRouting }, site);
    const tabs = fakeTabs([]);
    const service = publishService({ db, env, tabs: tabs.port, session: memorySession(), messenger: messenger(), badge });
    // The reply names why by key; the desk says it in its language.
    const reply = await service.handlers['publish.start']({ id: 'm1' }, { kind: 'extension' });
    expect(reply).toEqual({ ok: false, reason: 'publish.error.step' });
    expect(reply.ok ? '' : spoken(reply as Reason)).toBe('На этом шаге ответ ещё не публикуют');
    expect(tabs.port.query).not.toHaveBeenCalled();
  });

  it('a closed tab takes its health report and its publication with it, and nothing else', async () => {
    const { env, effects } = await setup();
    const badge = createBadgeService({ db, env, toolbar: { kind: 'none', show: async () => undefined }, effects });
    const session = memorySession();
    await session.set({ 'health:3': {}, 'health:4': {}, [pendingKey('a')]: { tabId: 3 }, [pendingKey('b')]: { tabId: 4 }, [detectedKey('a')]: { url: 'x' } });
    await publishService({ db, env, tabs: fakeTabs([]).port, session, messenger: messenger(), badge }).tabClosed(3);
    expect([...session.data.keys()].sort()).toEqual(['health:4', detectedKey('a'), pendingKey('b')].sort());
  });
});

describe('page reports', () => {
  it('stores the health report per tab and per site, and rate-limits the checker per tab', async () => {
    const { env } = await setup();
    const session = memorySession();
    const local = memoryStore();
    const clock = { now: t0 };
    const pages = pageService({ db, env, session, local, now: () => clock.now });
    await pages.handlers['page.health']({ site: 'vk', path: '/wall-1_1', ok: true, checks: [] }, site);
    expect(session.data.get('health:7')).toMatchObject({ site: 'vk', at: t0 });
    expect(local.data.get('health.last.vk')).toMatchObject({ path: '/wall-1_1' });
    // A report the page reused from the site's last one is the tab's, and does not make that one younger.
    clock.now = t0 + 60_000;
    await pages.handlers['page.health']({ site: 'vk', path: '/wall-1_1', ok: true, checks: [], reused: true }, { ...site, tabId: 9 });
    expect(session.data.get('health:9')).toMatchObject({ site: 'vk', at: t0 + 60_000 });
    expect(local.data.get('health.last.vk')).toMatchObject({ at: t0 });
    let limited = 0;
    for (let i = 0; i < 40; i++) await pages.handlers['lint.check']({ text: 'Добрый день' }, site).catch(() => limited++);
    expect(limited).toBeGreaterThan(0);
    pages.tabClosed(7);
    await expect(pages.handlers['lint.check']({ text: 'Добрый день' }, site)).resolves.toMatchObject({ enabled: true });
    // The checker switched off for a site answers nothing there.
    await local.set({ 'checker.sites': { vk: false } });
    await expect(pages.handlers['lint.check']({ text: 'Добрый день' }, { ...site, tabId: 8 })).resolves.toMatchObject({ enabled: false });
  });
});

describe('refusals cross the channel as reasons the page says', () => {
  it("a refused step: the coarse code, and a message key with params said in the page's language", async () => {
    const { env, effects } = await setup();
    const badge = createBadgeService({ db, env, toolbar: { kind: 'none', show: async () => undefined }, effects });
    await captureHandlers({ db, env, badge, newId: () => 'm1' })['capture.save']({ item: sampleItem(), routing: { ...sampleRouting, executor: '' } }, site);
    const deadlines = createDeadlineService({ db, env, notifications: unavailableNotifications(), tabs: fakeTabs([]).port, effects });
    const handlers = commandHandlers({ db, env, badge, deadlines, effects, closed: async () => undefined });
    await handlers['message.command']({ id: 'm1', command: { type: 'markNotProcessable', category: 'obscenity', confirmed: true } }, { kind: 'extension' });
    const reply = await handlers['message.command']({ id: 'm1', command: { type: 'route', assignments: [{ body: 'minstroy' }] } }, { kind: 'extension' });
    expect(reply).toEqual({ ok: false, code: 'wrong-step', reason: 'workflow.closed', params: { step: { reason: 'workflow.step.not_processable' } } });
    // What the channel checks the reply against lets it through unchanged.
    expect(protocol['message.command'].response.parse(reply)).toEqual(reply);
    expect(spoken(reply as unknown as Reason)).toBe('Сообщение закрыто (не подлежит обработке): изменить его нельзя');
    expect(spoken(reply as unknown as Reason, 'en')).toBe('The message is closed (not to be processed): it can no longer be changed');
  });

  it("a refused backup file: its reason and params (the file's own problems named by field)", async () => {
    const { env, effects } = await setup();
    const badge = createBadgeService({ db, env, toolbar: { kind: 'none', show: async () => undefined }, effects });
    const deadlines = createDeadlineService({ db, env, notifications: unavailableNotifications(), tabs: fakeTabs([]).port, effects });
    const handlers = commandHandlers({ db, env, badge, deadlines, effects, closed: async () => undefined });
    expect(await handlers['backup.import']({ text: '{oops' }, { kind: 'extension' })).toEqual({ ok: false, reason: 'backup.notJson' });
    const broken = JSON.stringify({ format: 'answer-on-time/backup', kind: 'full', schemaVersion: 3, exportedAt: 'вчера', messages: [], events: [] });
    const reply = await handlers['backup.import']({ text: broken }, { kind: 'extension' });
    expect(protocol['backup.import'].response.parse(reply)).toEqual(reply);
    expect(spoken(reply as unknown as Reason)).toBe('Файл повреждён: exportedAt: Неверный ввод: ожидалось число');
    expect(spoken(reply as unknown as Reason, 'en')).toBe('The file is damaged: exportedAt: Invalid input: expected a number');
  });
});
