import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type AppDatabase } from '@/lib/db';
import { applyCommand, repeatCandidates, saveCapture } from '@/lib/db/messages';
import { starterWorkspace, workspaceSchedule } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { sampleItem, sampleRouting } from '../../helpers/items';

const workspace = starterWorkspace('saratov');
const calendar = createWorkCalendar(workspaceSchedule(workspace));
const t0 = Date.UTC(2026, 10, 25, 6); // Wed 10:00 Saratov
let db: AppDatabase;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

async function capture(i: number, over: Partial<Parameters<typeof sampleItem>[0]> = {}, routing = sampleRouting, at = t0) {
  return saveCapture(
    db,
    { item: sampleItem({ key: `vk:wall-1_${i}`, url: `https://vk.com/wall-1_${i}`, ...over }), routing },
    { now: at, workspace, calendar, newId: () => `m${i}` },
  );
}

describe('likely repeats at capture', () => {
  it('suggests earlier messages by author, by topic and location, or by similar text; the best first', async () => {
    db = createDatabase(`rep-${++n}`);
    await capture(1, { author: { name: 'Ольга', url: 'https://vk.com/olga' }, text: 'Во дворе на Мира, 5 не горят фонари уже месяц' });
    await capture(2, { author: { name: 'Пётр' }, text: 'Когда отремонтируют дорогу на Лесной?' }, { ...sampleRouting, topic: 'Дороги', location: 'Лесная' });
    await capture(3, { author: { name: 'Анна' }, text: 'Собака бегает без поводка' }, { ...sampleRouting, topic: 'Животные', location: 'Парк' });
    const now = t0 + 7 * 86_400_000;
    const found = await repeatCandidates(
      db,
      { key: 'vk:wall-1_9', author: { name: 'Ольга', url: 'https://vk.com/olga' }, text: 'Фонари во дворе на Мира 5 так и не горят!' },
      now,
    );
    expect(found[0]).toMatchObject({ id: 'm1', reasons: ['author', 'text'] });
    const byPlace = await repeatCandidates(
      db,
      { key: 'vk:wall-1_8', author: { name: 'Иван' }, text: 'Ямы на асфальте', topic: 'Дороги', location: 'лесная ' },
      now,
    );
    expect(byPlace.map((c) => [c.id, c.reasons])).toEqual([['m2', ['topic-location']]]);
    expect(await repeatCandidates(db, { key: 'vk:wall-1_7', author: { name: 'Никто' }, text: 'Совсем другое: концерт в ДК' }, now)).toEqual([]);
    // Outside the 90-day window nothing is suggested.
    expect(
      await repeatCandidates(db, { key: 'vk:wall-1_9', author: { name: 'Ольга', url: 'https://vk.com/olga' }, text: 'Фонари' }, t0 + 200 * 86_400_000),
    ).toEqual([]);
  });
});

describe('incidents: several posts, one answer', () => {
  it('routes, drafts and approves once for every member; each post is published on its own', async () => {
    db = createDatabase(`inc-${++n}`);
    for (const i of [1, 2, 3]) await capture(i, {}, { ...sampleRouting, executor: '' });
    const env = { now: t0 + 60_000, workspace, calendar };
    for (const id of ['m2', 'm3']) expect((await applyCommand(db, id, { type: 'joinIncident', incidentId: 'm1' }, workspace.user, env)).ok).toBe(true);
    const routed = await applyCommand(db, 'm1', { type: 'route', assignments: [{ body: 'minstroy' }] }, workspace.user, { ...env, now: t0 + 120_000 });
    expect(routed).toMatchObject({ ok: true, members: 2 });
    const executor = { id: 'ex', name: 'Исполнитель', roles: ['executor' as const], bodies: ['minstroy'] };
    await applyCommand(db, 'm1', { type: 'submitDraft', kind: 'answer', text: 'Фонари починим до 1 декабря.' }, executor, { ...env, now: t0 + 3_600_000 });
    await applyCommand(db, 'm1', { type: 'approve' }, workspace.user, { ...env, now: t0 + 3_700_000 });
    expect((await db.messages.bulkGet(['m1', 'm2', 'm3'])).map((m) => m?.step)).toEqual(['approved', 'approved', 'approved']);
    const published = await applyCommand(db, 'm2', { type: 'publish', url: 'https://vk.com/wall-1_2?reply=5' }, executor, { ...env, now: t0 + 3_800_000 });
    expect(published).toMatchObject({ ok: true, members: 0 });
    expect((await db.messages.bulkGet(['m1', 'm2', 'm3'])).map((m) => m?.step)).toEqual(['approved', 'published', 'approved']);
    const viaIncident = (await db.events.where('messageId').equals('m3').toArray()).filter((e) => e.data.viaIncident === 'm1').map((e) => e.type);
    expect(viaIncident).toEqual(['route', 'submitDraft', 'approve']);
  });

  it('closes only the post it is given as not processable, never the whole incident (п. 16: decided per post)', async () => {
    db = createDatabase(`inc-${++n}`);
    for (const i of [1, 2]) await capture(i, {}, { ...sampleRouting, executor: '' });
    const env = { now: t0 + 60_000, workspace, calendar };
    await applyCommand(db, 'm2', { type: 'joinIncident', incidentId: 'm1' }, workspace.user, env);
    const closed = await applyCommand(db, 'm1', { type: 'markNotProcessable', category: 'insult', confirmed: true }, workspace.user, env);
    expect(closed).toMatchObject({ ok: true, members: 0 });
    expect((await db.messages.bulkGet(['m1', 'm2'])).map((m) => m?.step)).toEqual(['not_processable', 'captured']);
  });
});
