/**
 * A body's own pages, stored and answered: registry with the bodies' pages in step, publications
 * once each, the page's state; the act chosen for the own pages (Zhatay in a Yakutia workspace),
 * the Government's accounts, editing an account, and pages whose unregistered bar was hidden.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type AppDatabase } from '@/lib/db';
import {
  ACT_KEY,
  editAccount,
  HIDDEN_PAGES_KEY,
  hidePage,
  hiddenPages,
  isPageHidden,
  loadOwnPagesAct,
  loadRegistry,
  MAX_HIDDEN_PAGES,
  publicationsIn,
  recordPublications,
  REGISTRY_KEY,
  registerAccount,
  saveNormSetting,
  saveOwnPagesAct,
  showPage,
} from '@/lib/db/accounts';
import { loadWorkspace, saveWorkspace } from '@/lib/db/messages';
import { groundClause, weekOf } from '@/lib/accounts';
import { accountHandlers } from '@/entrypoints/background/services/accounts';
import { createEnv } from '@/entrypoints/background/services/env';
import { starterWorkspace } from '@/lib/workflow/workspace';
import { DateTime } from 'luxon';

let db: AppDatabase;
let n = 0;
afterEach(async () => {
  db?.close();
  await db?.delete();
});
const khv = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Vladivostok' }).toMillis();
const sender = { id: 'ext', url: 'https://vk.com/club300', tab: { id: 1 } } as never;

async function setup(region: 'khabarovsk' | 'yakutia', now: number) {
  db = createDatabase(`accounts-${++n}`);
  const ws = starterWorkspace(region, { id: 'me', name: 'Анна', roles: ['curator'] });
  await saveWorkspace(db, { ...ws, bodies: ws.bodies.map((b, i) => (i === 0 ? { ...b, pages: ['https://vk.com/club300'] } : b)) });
  const body = (await loadWorkspace(db)).bodies[0]!;
  const handlers = accountHandlers({ db, env: createEnv(db, () => now), newId: () => `a${++n}` });
  return { body, handlers };
}

describe("a body's own pages", () => {
  it('registering puts the address among the body pages; a second VK account of the body is refused in Khabarovsk with the clause said', async () => {
    const now = khv('2026-12-02T10:00');
    const { body, handlers } = await setup('khabarovsk', now);
    const r = await registerAccount(db, 'khabarovsk', { id: 'x1', body: body.id, url: 'vk.com/public777', name: 'Страница' }, now);
    expect(r.ok).toBe(true);
    expect((await loadWorkspace(db)).bodies[0]!.pages).toContain('https://vk.com/public777');
    expect(await handlers['accounts.register']({ url: 'https://vk.com/club300', name: 'Вторая' }, sender)).toEqual({
      ok: false,
      reason: 'accounts.secondOnNetwork',
      params: expect.objectContaining({ clause: 'Хабаровский край, п. 3.1' }),
    });
    expect((await loadRegistry(db, 'khabarovsk')).accounts).toHaveLength(1);
  });

  it('answers none, body, then registered with the week count against the norm; a post seen twice counts once', async () => {
    const now = khv('2026-12-02T10:00'); // a Wednesday
    const { handlers } = await setup('yakutia', now);
    expect(await handlers['accounts.page']({ url: 'https://vk.com/club999' }, sender)).toEqual({ state: 'none' });
    expect(await handlers['accounts.page']({ url: 'https://vk.com/club300' }, sender)).toMatchObject({ state: 'body' });
    expect(await handlers['accounts.register']({ url: 'https://vk.com/club300', name: 'Минстрой' }, sender)).toEqual({ ok: true });
    const posts = [
      { key: 'vk:wall-300_1', publishedAt: now - 3_600_000 },
      { key: 'vk:wall-300_2', publishedAt: now - 8 * 86_400_000 }, // last week
    ];
    expect(await handlers['accounts.publications']({ url: 'https://vk.com/club300', posts }, sender)).toEqual({ added: 2, count: 1 });
    expect(await handlers['accounts.publications']({ url: 'https://vk.com/club300', posts }, sender)).toEqual({ added: 0, count: 1 });
    const page = await handlers['accounts.page']({ url: 'https://vk.ru/club300?w=wall-300_1' }, sender);
    expect(page).toMatchObject({ state: 'registered', count: 1, norm: { min: 5, level: 'recommended' } });
    // The workspace's own norm replaces the act's, and is said as its own (no clause).
    await saveNormSetting(db, { min: 2, level: 'mandatory' });
    expect(await handlers['accounts.page']({ url: 'https://vk.com/club300' }, sender)).toMatchObject({ norm: { min: 2, level: 'mandatory' } });
    expect((await handlers['accounts.page']({ url: 'https://vk.com/club300' }, sender)).norm?.clause).toBeUndefined();
    await saveNormSetting(db, null);
    expect(await handlers['accounts.page']({ url: 'https://vk.com/club300' }, sender)).toMatchObject({ norm: { min: 5, level: 'recommended' } });
    const account = (await loadRegistry(db, 'yakutia')).accounts[0]!;
    expect(await publicationsIn(db, account.id, weekOf(now, 'Asia/Yakutsk'))).toHaveLength(1);
    expect(await recordPublications(db, account.id, [], now)).toBe(0);
  });
});

describe('moderation on a registered page', () => {
  it('marks what the act allows to remove with its clause, forgets a dismissed mark, counts a removal once, proposes blocking at the second', async () => {
    const { moderationHandlers } = await import('@/entrypoints/background/services/moderation');
    const now = khv('2026-12-02T10:00');
    await setup('yakutia', now);
    const mod = moderationHandlers({ db, env: createEnv(db, () => now), newId: () => `m${++n}` });
    const url = 'https://vk.com/club300';
    const comments = [
      { key: 'vk:wall-300_1_r1', text: 'Министр — дебил, гнать его надо', author: 'https://vk.com/id901' },
      { key: 'vk:wall-300_1_r2', text: 'Когда отремонтируют крышу в доме 7?', author: 'https://vk.com/id902' },
      { key: 'vk:wall-300_1_r3', text: 'Чиновники — мрази и твари', author: 'https://vk.ru/id901' },
    ];
    // Not registered yet: nothing is screened.
    expect(await mod['moderation.screen']({ url, comments }, sender)).toEqual({ marks: [] });
    const handlers = accountHandlers({ db, env: createEnv(db, () => now), newId: () => `a${++n}` });
    await handlers['accounts.register']({ url, name: 'Минстрой' }, sender);
    const { marks } = await mod['moderation.screen']({ url, comments }, sender);
    expect(marks.map((m) => `${m.key} ${m.ground} ${m.clause}`)).toEqual([
      'vk:wall-300_1_r1 insult Республика Саха (Якутия), прил. 1 п. 2.5',
      'vk:wall-300_1_r3 insult Республика Саха (Якутия), прил. 1 п. 2.5',
    ]);
    expect(await mod['moderation.dismiss']({ key: 'vk:wall-300_1_r3' }, sender)).toEqual({ ok: true });
    expect((await mod['moderation.screen']({ url, comments }, sender)).marks.map((m) => m.key)).toEqual(['vk:wall-300_1_r1']);
    const removed = { url, key: 'vk:wall-300_1_r1', text: comments[0]!.text, author: 'https://vk.com/id901', ground: 'insult' as const };
    expect(await mod['moderation.removed'](removed, sender)).toEqual({ violations: 1 });
    expect(await mod['moderation.removed'](removed, sender)).toEqual({ violations: 1 });
    const second = { ...removed, key: 'vk:wall-300_2_r9', text: 'Чиновники — мрази' };
    expect(await mod['moderation.removed'](second, sender)).toEqual({ violations: 2, proposal: { clause: 'Жатай, п. 4.3' } });
  });
});

describe('the act of the own pages: a Yakutia workspace under the Положение ГО «Жатай»', () => {
  it('is the region’s until Zhatay is chosen; refused for a region that does not allow it', async () => {
    const now = khv('2026-12-02T10:00');
    await setup('yakutia', now);
    expect(await loadOwnPagesAct(db, 'yakutia')).toBe('yakutia');
    expect(await saveOwnPagesAct(db, 'yakutia', 'zhatay')).toEqual({ ok: true, value: 'zhatay' });
    expect(await loadOwnPagesAct(db, 'yakutia')).toBe('zhatay');
    // The same stored choice means nothing to a Khabarovsk workspace, and Khabarovsk cannot choose it.
    expect(await loadOwnPagesAct(db, 'khabarovsk')).toBe('khabarovsk');
    const refused = await saveOwnPagesAct(db, 'khabarovsk', 'zhatay');
    expect(refused.ok ? null : refused.error.reason).toBe('accounts.actNotForRegion');
    expect(await loadOwnPagesAct(db, 'yakutia')).toBe('zhatay');
    // Back to the region's act: the setting is removed.
    expect((await saveOwnPagesAct(db, 'yakutia', 'yakutia')).ok).toBe(true);
    expect(await db.settings.get(ACT_KEY)).toBeUndefined();
  });

  it('with Zhatay chosen: no weekly norm unless set, marks cite п. 4.2 (distortion a ground), blocking cites п. 4.3', async () => {
    const { moderationHandlers } = await import('@/entrypoints/background/services/moderation');
    const now = khv('2026-12-02T10:00');
    const { handlers } = await setup('yakutia', now);
    await saveOwnPagesAct(db, 'yakutia', 'zhatay');
    const url = 'https://vk.com/club300';
    expect(await handlers['accounts.register']({ url, name: 'Администрация ГО «Жатай»' }, sender)).toEqual({ ok: true });
    expect((await loadRegistry(db, 'zhatay')).act).toBe('zhatay');
    const page = await handlers['accounts.page']({ url }, sender);
    expect(page).toMatchObject({ state: 'registered', count: 0 });
    expect(page.norm).toBeUndefined();
    await saveNormSetting(db, { min: 3, level: 'recommended' });
    expect((await handlers['accounts.page']({ url }, sender)).norm).toEqual({ min: 3, level: 'recommended' });

    const act = await loadOwnPagesAct(db, 'yakutia');
    expect(groundClause(act, 'distortion')).toEqual({ act: 'zhatay', clause: 'п. 4.2' });
    const mod = moderationHandlers({ db, env: createEnv(db, () => now), newId: () => `m${++n}` });
    const comments = [{ key: 'vk:wall-300_1_r1', text: 'Министр — дебил, гнать его надо', author: 'https://vk.com/id901' }];
    expect((await mod['moderation.screen']({ url, comments }, sender)).marks).toEqual([
      { key: 'vk:wall-300_1_r1', ground: 'insult', tentative: false, clause: 'Жатай, п. 4.2' },
    ]);
    const removed = { url, key: 'vk:wall-300_1_r1', text: comments[0]!.text, author: 'https://vk.com/id901', ground: 'insult' as const };
    expect(await mod['moderation.removed'](removed, sender)).toEqual({ violations: 1 });
    expect(await mod['moderation.removed']({ ...removed, key: 'vk:wall-300_2_r2' }, sender)).toEqual({ violations: 2, proposal: { clause: 'Жатай, п. 4.3' } });
    // Back under Yakutia's act, the same insult cites прил. 1 п. 2.5 (and distortion is no ground).
    await saveOwnPagesAct(db, 'yakutia', 'yakutia');
    const other = [{ ...comments[0]!, key: 'vk:wall-300_3_r3' }];
    expect((await mod['moderation.screen']({ url, comments: other }, sender)).marks[0]?.clause).toBe('Республика Саха (Якутия), прил. 1 п. 2.5');
    expect(groundClause(await loadOwnPagesAct(db, 'yakutia'), 'distortion')).toBeNull();
  });
});

describe("the Government's account (Khabarovsk п. 2.1, п. 5 абз. 1)", () => {
  it('counts against ≥ 10 recommended with its clause, and its comments cite п. 2.7', async () => {
    const { moderationHandlers } = await import('@/entrypoints/background/services/moderation');
    const now = khv('2026-12-02T10:00');
    const { body, handlers } = await setup('khabarovsk', now);
    const r = await registerAccount(
      db,
      'khabarovsk',
      { id: 'g1', body: body.id, url: 'https://vk.com/club300', name: 'Правительство края', kind: 'government' },
      now,
    );
    expect(r.ok).toBe(true);
    const url = 'https://vk.com/club300';
    expect(await handlers['accounts.page']({ url }, sender)).toMatchObject({
      state: 'registered',
      norm: { min: 10, level: 'recommended', clause: 'Хабаровский край, п. 5 абз. 1' },
    });
    const mod = moderationHandlers({ db, env: createEnv(db, () => now), newId: () => `m${++n}` });
    const comments = [{ key: 'vk:wall-300_1_r1', text: 'Министр — дебил, гнать его надо', author: 'https://vk.com/id901' }];
    expect((await mod['moderation.screen']({ url, comments }, sender)).marks[0]?.clause).toBe('Хабаровский край, п. 2.7');
    // Made a body's account: ≥ 5 (п. 5 абз. 2) and п. 3.6.
    expect((await editAccount(db, 'khabarovsk', 'g1', { kind: 'body' }, now)).ok).toBe(true);
    expect((await handlers['accounts.page']({ url }, sender)).norm).toEqual({ min: 5, level: 'recommended', clause: 'Хабаровский край, п. 5 абз. 2' });
    const again = [{ ...comments[0]!, key: 'vk:wall-300_2_r2' }];
    expect((await mod['moderation.screen']({ url, comments: again }, sender)).marks[0]?.clause).toBe('Хабаровский край, п. 3.6');
  });
});

describe("the bar's content plan (Khabarovsk п. 2.2, 3.5, п. 5 абз. 4)", () => {
  it('says this week’s plan: none, then its state with items published, or a week declared without events; nothing where the act has no plans', async () => {
    const { createPlan, submitPlan, approvePlan, declareNoEvents } = await import('@/lib/db/plans');
    const now = khv('2026-12-02T10:00'); // Wednesday; the week of Monday 30 November
    const { body, handlers } = await setup('khabarovsk', now);
    expect((await registerAccount(db, 'khabarovsk', { id: 'p1', body: body.id, url: 'https://vk.com/club300', name: 'Страница' }, now)).ok).toBe(true);
    const url = 'https://vk.com/club300';
    expect((await handlers['accounts.page']({ url }, sender)).plan).toEqual({ state: 'none', items: 0, published: 0 });
    await declareNoEvents(db, body.id, '2026-11-30', true);
    expect((await handlers['accounts.page']({ url }, sender)).plan).toEqual({ state: 'noEvents', items: 0, published: 0 });
    await declareNoEvents(db, body.id, '2026-11-30', false);
    const items = [
      { id: 'i1', date: '2026-12-01', topic: 'Ремонт школы', format: 'photo' as const },
      { id: 'i2', date: '2026-12-03', topic: 'Приём граждан', format: 'text' as const },
    ];
    expect((await createPlan(db, { body: body.id, week: '2026-11-30', items })).ok).toBe(true);
    expect((await handlers['accounts.page']({ url }, sender)).plan).toEqual({ state: 'draft', items: 2, published: 0 });
    expect((await submitPlan(db, body.id, '2026-11-30', now)).ok).toBe(true);
    expect((await approvePlan(db, body.id, '2026-11-30', now)).ok).toBe(true);
    await handlers['accounts.publications']({ url, posts: [{ key: 'vk:wall-300_5', publishedAt: khv('2026-12-01T12:00') }] }, sender);
    expect((await handlers['accounts.page']({ url }, sender)).plan).toEqual({ state: 'approved', items: 2, published: 1 });
  });

  it('has no plan in the bar under an act without plans (Yakutia)', async () => {
    const now = khv('2026-12-02T10:00');
    const { body, handlers } = await setup('yakutia', now);
    expect((await registerAccount(db, 'yakutia', { id: 'y1', body: body.id, url: 'https://vk.com/club300', name: 'Страница' }, now)).ok).toBe(true);
    expect((await handlers['accounts.page']({ url: 'https://vk.com/club300' }, sender)).plan).toBeUndefined();
  });
});

describe('editing an account, stored', () => {
  it('writes a new address to the registry and the body’s pages; a refusal writes nothing', async () => {
    const now = khv('2026-12-02T10:00');
    const { body } = await setup('khabarovsk', now);
    await registerAccount(db, 'khabarovsk', { id: 'a1', body: body.id, url: 'https://vk.com/minstroy27', name: 'Минстрой' }, now);
    await registerAccount(db, 'khabarovsk', { id: 'a2', body: body.id, url: 'https://ok.ru/group/777', name: 'Минстрой ОК' }, now);
    const later = now + 3_600_000;
    const r = await editAccount(db, 'khabarovsk', 'a1', { url: 'vk.ru/MinStroy_KHV', name: 'Минстрой края' }, later);
    expect(r.ok).toBe(true);
    expect((await loadRegistry(db, 'khabarovsk')).accounts[0]).toMatchObject({ url: 'https://vk.com/minstroy_khv', name: 'Минстрой края', changedAt: later });
    expect((await loadWorkspace(db)).bodies[0]!.pages).toContain('https://vk.com/minstroy_khv');
    const before = await db.settings.get(REGISTRY_KEY);
    const refused = await editAccount(db, 'khabarovsk', 'a2', { url: 'https://vk.com/minstroy_second' }, later + 1);
    expect(refused.ok ? null : [refused.error.reason, refused.error.params?.clause]).toEqual(['accounts.secondOnNetwork', 'п. 3.1']);
    expect(await db.settings.get(REGISTRY_KEY)).toEqual(before);
  });
});

describe('hiding the «не внесена в реестр» bar of a page', () => {
  it('is remembered per canonical address: the page answers hidden, other pages and the registered bar are unaffected', async () => {
    const now = khv('2026-12-02T10:00');
    const { handlers } = await setup('yakutia', now);
    await saveWorkspace(db, {
      ...(await loadWorkspace(db)),
      bodies: (await loadWorkspace(db)).bodies.map((b, i) => (i === 0 ? { ...b, pages: ['https://vk.com/club300', 'https://ok.ru/group/400'] } : b)),
    });
    expect(await handlers['accounts.page']({ url: 'https://vk.com/club300' }, sender)).toMatchObject({ state: 'body' });
    // Any form of the address: the page open in an overlay on vk.ru.
    expect(await handlers['accounts.hide']({ url: 'https://m.vk.ru/club300?w=wall-300_1' }, sender)).toEqual({ ok: true, url: 'https://vk.com/club300' });
    expect(await handlers['accounts.page']({ url: 'https://vk.com/club300' }, sender)).toEqual({ state: 'hidden', body: 'Министерство строительства РС(Я)' });
    expect(await handlers['accounts.page']({ url: 'https://ok.ru/group/400' }, sender)).toMatchObject({ state: 'body' });
    // Hidden twice: one entry, the first time kept.
    expect((await handlers['accounts.hide']({ url: 'https://vk.com/club300/' }, sender)).ok).toBe(true);
    expect(await hiddenPages(db)).toEqual([{ url: 'https://vk.com/club300', at: now }]);
    // Registered (from the options): the registered bar shows, and the page leaves the hidden list.
    await registerAccount(db, 'yakutia', { id: 'a1', body: 'minstroy', url: 'https://vk.com/club300', name: 'Минстрой' }, now);
    expect(await handlers['accounts.page']({ url: 'https://vk.com/club300' }, sender)).toMatchObject({ state: 'registered' });
    expect(await hiddenPages(db)).toEqual([]);
  });

  it('is undone from the options (showPage), and refuses an address that is not a VK or OK page, storing nothing', async () => {
    const now = khv('2026-12-02T10:00');
    const { handlers } = await setup('yakutia', now);
    expect((await hidePage(db, 'https://vk.com/club300', now)).ok).toBe(true);
    expect(await isPageHidden(db, 'https://vk.ru/club300')).toBe(true);
    expect(await showPage(db, 'vk.com/club300')).toEqual({ ok: true, value: 'https://vk.com/club300' });
    expect(await isPageHidden(db, 'https://vk.com/club300')).toBe(false);
    expect(await handlers['accounts.page']({ url: 'https://vk.com/club300' }, sender)).toMatchObject({ state: 'body' });
    expect(await handlers['accounts.hide']({ url: 'https://vk.com/wall-300_1' }, sender)).toMatchObject({ ok: false, reason: 'accounts.url.post' });
    expect(await handlers['accounts.hide']({ url: 'https://example.com/club300' }, sender)).toMatchObject({ ok: false, reason: 'accounts.url.notVkOk' });
    expect(await db.settings.get(HIDDEN_PAGES_KEY)).toEqual({ key: HIDDEN_PAGES_KEY, value: [] });
    const bad = await showPage(db, 'not a page');
    expect(bad.ok ? null : bad.error.reason).toBe('accounts.url.malformed');
  });

  it('reads a damaged record as nothing hidden, keeps the readable entries, and forgets the oldest past the limit', async () => {
    const now = khv('2026-12-02T10:00');
    await setup('yakutia', now);
    await db.settings.put({ key: HIDDEN_PAGES_KEY, value: 'garbage' });
    expect(await hiddenPages(db)).toEqual([]);
    await db.settings.put({
      key: HIDDEN_PAGES_KEY,
      value: [{ url: 'https://vk.com/club1', at: now }, { url: 'https://VK.com/Club2/', at: now }, null, { url: 'https://vk.com/club3', at: 'x' }],
    });
    expect((await hiddenPages(db)).map((h) => h.url)).toEqual(['https://vk.com/club1']);
    await db.settings.put({
      key: HIDDEN_PAGES_KEY,
      value: Array.from({ length: MAX_HIDDEN_PAGES }, (_, i) => ({ url: `https://vk.com/club${i + 1}`, at: now })),
    });
    expect((await hidePage(db, 'https://vk.com/club99999', now + 1)).ok).toBe(true);
    const urls = (await hiddenPages(db)).map((h) => h.url);
    expect(urls).toHaveLength(MAX_HIDDEN_PAGES);
    expect(urls[0]).toBe('https://vk.com/club2');
    expect(urls.at(-1)).toBe('https://vk.com/club99999');
  });
});
