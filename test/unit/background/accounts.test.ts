/** A body's own pages, stored and answered: registry with the bodies' pages in step, publications once each, the page's state. */
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type AppDatabase } from '@/lib/db';
import { loadRegistry, publicationsIn, recordPublications, registerAccount, saveNormSetting } from '@/lib/db/accounts';
import { loadWorkspace, saveWorkspace } from '@/lib/db/messages';
import { weekOf } from '@/lib/accounts';
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
