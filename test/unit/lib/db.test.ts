import { afterEach, describe, expect, it } from 'vitest';
import { countOpen, createDatabase, openMessagesByDue, queueFor, type AppDatabase } from '@/lib/db';
import {
  applyCommand,
  detectionTime,
  findByKeys,
  loadWorkspace,
  resolveBody,
  saveCapture,
  saveWorkspace,
  UNREADABLE_WORKSPACE_KEY,
  UnknownExecutorError,
  unreadableWorkspace,
} from '@/lib/db/messages';
import { planDeadlines } from '@/lib/regulations';
import { factsOf } from '@/lib/workflow/machine';
import { starterWorkspace, workspaceSchedule } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { DateTime } from 'luxon';
import { spoken } from '../../helpers/i18n';
import { sampleItem, sampleRouting } from '../../helpers/items';

const workspace = starterWorkspace('yakutia');
const calendar = createWorkCalendar(workspaceSchedule(workspace));
const yak = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Yakutsk' }).toMillis();
const show = (ms: number | undefined) => (ms === undefined ? undefined : DateTime.fromMillis(ms, { zone: 'Asia/Yakutsk' }).toFormat('yyyy-MM-dd HH:mm'));
const wed10 = yak('2026-11-25T10:00');
let db: AppDatabase;
let n = 0;

function fresh(): AppDatabase {
  db = createDatabase(`test-db-${++n}`);
  return db;
}
const env = (now: number, newId: () => string = () => crypto.randomUUID()) => ({ now, workspace, calendar, newId });

afterEach(async () => {
  await db?.delete();
});

describe('saveCapture', () => {
  it('stores the message routed to the named body, with its audit events and deadlines (Yakutia п. 7, 9, 10)', async () => {
    fresh();
    const { message, created } = await saveCapture(
      db,
      { item: sampleItem(), routing: { ...sampleRouting, executor: 'Министерство строительства РС(Я)' } },
      env(wed10, () => 'm1'),
    );
    expect(created).toBe(true);
    expect(message).toMatchObject({
      id: 'm1',
      key: 'vk:wall-100_501',
      status: 'open',
      step: 'routed',
      detectedAt: wed10,
      bodies: ['minstroy'],
      openFor: ['body:minstroy'],
    });
    const answer = planDeadlines(workspace.profile, calendar, factsOf(message)).deadlines.find((d) => d.kind === 'answer')!;
    expect(show(answer.dueAt)).toBe('2026-11-26 10:00'); // 10–13, 14–18 (7 h), then 09–10
    expect(show(message.nextDueAt)).toBe('2026-11-25 15:00'); // the draft: 4 h before the answer
    expect(await db.messages.get('m1')).toEqual(message);
    expect((await db.events.where('messageId').equals('m1').toArray()).map((e) => e.type)).toEqual(['capture', 'route']);
  });

  it('keeps an unrouted capture for the curator when no executor is named', async () => {
    fresh();
    const { message } = await saveCapture(db, { item: sampleItem(), routing: { ...sampleRouting, executor: ' ' } }, env(wed10));
    expect(message).toMatchObject({ step: 'captured', openFor: ['role:curator'], nextDueKind: 'route' });
  });

  it('returns the existing message when the same post is captured twice', async () => {
    fresh();
    const first = await saveCapture(db, { item: sampleItem(), routing: sampleRouting }, env(wed10));
    const second = await saveCapture(db, { item: sampleItem({ text: 'changed' }), routing: { ...sampleRouting, topic: 'Другое' } }, env(wed10 + 60_000));
    expect(second.created).toBe(false);
    expect(second.message).toEqual(first.message);
    expect(await db.messages.count()).toBe(1);
    expect(await db.events.count()).toBe(2);
  });

  it('counts from the page-side detection time when it is plausible', () => {
    expect(detectionTime(wed10 - 5 * 60_000, wed10)).toBe(wed10 - 5 * 60_000);
    expect(detectionTime(undefined, wed10)).toBe(wed10);
    expect(detectionTime(wed10 + 60 * 60_000, wed10)).toBe(wed10);
    expect(detectionTime(wed10 - 3 * 86_400_000, wed10)).toBe(wed10);
  });

  it('resolves a body by id, name or abbreviation, and nothing from text that names no body', () => {
    expect(resolveBody(workspace, 'minzdrav')).toBe('minzdrav');
    expect(resolveBody(workspace, 'министерство здравоохранения рс(я)')).toBe('minzdrav');
    expect(resolveBody(workspace, 'Минздрав')).toBe('minzdrav');
    expect(resolveBody(workspace, 'Минтранс')).toBe('mintrans');
    expect(resolveBody(workspace, 'Отдел ЖКХ')).toBeNull();
  });
});

describe('queues and commands', () => {
  it("lists open messages by their next deadline and a body's queue from its index", async () => {
    fresh();
    const keys = ['vk:wall-1_3', 'vk:wall-1_1', 'vk:wall-1_2'];
    for (const [i, key] of keys.entries())
      await saveCapture(
        db,
        { item: sampleItem({ key, url: `https://vk.com/${key.slice(3)}` }), routing: { ...sampleRouting, executor: i === 0 ? 'minzdrav' : 'minstroy' } },
        env(wed10 + (2 - i) * 30 * 60_000, () => key),
      );
    expect((await openMessagesByDue(db)).map((m) => m.key)).toEqual(['vk:wall-1_2', 'vk:wall-1_1', 'vk:wall-1_3']);
    expect((await queueFor(db, ['body:minstroy'])).map((m) => m.key)).toEqual(['vk:wall-1_2', 'vk:wall-1_1']);
    expect(await countOpen(db)).toBe(3);
    expect((await findByKeys(db, ['vk:wall-1_1', 'vk:wall-9_9'])).map((m) => m.key)).toEqual(['vk:wall-1_1']);
  });

  it('applies a command with its events in one transaction, and refuses without writing', async () => {
    fresh();
    await saveCapture(
      db,
      { item: sampleItem(), routing: { ...sampleRouting, executor: 'minstroy' } },
      env(wed10, () => 'm1'),
    );
    const executor = { id: 'ex', name: 'Исполнитель', roles: ['executor' as const], bodies: ['minstroy'] };
    const refused = await applyCommand(db, 'm1', { type: 'approve' }, workspace.user, { now: wed10 + 60_000, workspace, calendar });
    expect(refused).toMatchObject({ ok: false, error: { code: 'wrong-step' } });
    expect(await db.events.count()).toBe(2);
    const done = await applyCommand(db, 'm1', { type: 'submitDraft', kind: 'answer', text: 'Починим до 1 декабря.' }, executor, {
      now: wed10 + 60_000,
      workspace,
      calendar,
    });
    expect(done.ok).toBe(true);
    expect((await db.messages.get('m1'))?.step).toBe('review');
    expect((await queueFor(db, ['role:curator'])).map((m) => m.id)).toEqual(['m1']);
    expect(await db.events.count()).toBe(3);
    const missing = await applyCommand(db, 'nope', { type: 'approve' }, workspace.user, { now: wed10, workspace, calendar });
    expect(missing).toEqual({ ok: false, error: { code: 'invalid', reason: 'workflow.notFound' } });
    expect(missing.ok ? '' : spoken(missing.error)).toBe('Сообщение не найдено');
  });

  it('stores the workspace, and starts from the starter one', async () => {
    fresh();
    expect((await loadWorkspace(db)).region).toBe('yakutia');
    await saveWorkspace(db, starterWorkspace('saratov'));
    expect((await loadWorkspace(db)).profile.id).toBe('saratov');
    await db.settings.put({ key: 'workspace', value: { broken: true } });
    expect((await loadWorkspace(db)).region).toBe('yakutia');
  });
});

describe('faults: nothing half-written, nothing lost', () => {
  it("a quota error while writing a capture's events stores no message either", async () => {
    fresh();
    const bulkAdd = db.events.bulkAdd.bind(db.events);
    db.events.bulkAdd = (() => Promise.reject(new DOMException('quota', 'QuotaExceededError'))) as unknown as typeof db.events.bulkAdd;
    await expect(
      saveCapture(
        db,
        { item: sampleItem(), routing: sampleRouting },
        env(wed10, () => 'm1'),
      ),
    ).rejects.toThrow('quota');
    db.events.bulkAdd = bulkAdd;
    expect(await db.messages.count()).toBe(0);
    // The same capture succeeds once there is room.
    expect(
      (
        await saveCapture(
          db,
          { item: sampleItem(), routing: sampleRouting },
          env(wed10, () => 'm1'),
        )
      ).created,
    ).toBe(true);
  });

  it('a quota error while applying a command leaves the message as it was', async () => {
    fresh();
    await saveCapture(
      db,
      { item: sampleItem(), routing: { ...sampleRouting, executor: 'minstroy' } },
      env(wed10, () => 'm1'),
    );
    const before = await db.messages.get('m1');
    const put = db.messages.put.bind(db.messages);
    db.messages.put = (() => Promise.reject(new DOMException('quota', 'QuotaExceededError'))) as unknown as typeof db.messages.put;
    const executor = { id: 'ex', name: 'Иванов', roles: ['executor' as const], bodies: ['minstroy'] };
    await expect(
      applyCommand(db, 'm1', { type: 'submitDraft', kind: 'answer', text: 'Починим.' }, executor, { now: wed10 + 60_000, workspace, calendar }),
    ).rejects.toThrow('quota');
    db.messages.put = put;
    expect(await db.messages.get('m1')).toEqual(before);
    expect(await db.events.count()).toBe(2);
  });

  it('a stored workspace that does not parse is reported, and kept aside before anything replaces it', async () => {
    fresh();
    const broken = { version: 1, region: 'yakutia', profile: { id: 'nope' }, bodies: 'x' };
    await db.settings.put({ key: 'workspace', value: broken });
    // The first problems, each naming its field, said by the page.
    const issues = (await unreadableWorkspace(db))!;
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((r) => spoken(r)).join('; ')).toMatch(/^(profile|bodies)[\w.]*: /);
    expect((await loadWorkspace(db)).region).toBe('yakutia'); // the screens still work meanwhile
    await saveWorkspace(db, starterWorkspace('saratov'), wed10);
    expect((await db.settings.get(UNREADABLE_WORKSPACE_KEY))?.value).toMatchObject({ value: broken, at: wed10, issues });
    // A second save does not overwrite the kept copy with the (readable) one.
    await saveWorkspace(db, starterWorkspace('ivanovo'), wed10 + 1);
    expect((await db.settings.get(UNREADABLE_WORKSPACE_KEY))?.value).toMatchObject({ value: broken });
    expect(await unreadableWorkspace(db)).toBeNull();
  });
});

describe("a capture's executor from the directory (a made-up body has no queue)", () => {
  it('refuses an executor that names nothing in the directory, storing nothing', async () => {
    fresh();
    const refused = await saveCapture(
      db,
      { item: sampleItem(), routing: { ...sampleRouting, executor: 'Минфин' } },
      env(wed10, () => 'm1'),
    ).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(UnknownExecutorError);
    expect(spoken((refused as UnknownExecutorError).reason)).toBe('Исполнитель «Минфин» не найден в справочнике: выберите орган или сотрудника из списка');
    expect(await db.messages.count()).toBe(0);
    const { message } = await saveCapture(
      db,
      { item: sampleItem(), routing: { ...sampleRouting, executor: 'Минтранс' } },
      env(wed10, () => 'm1'),
    );
    expect(message.bodies).toEqual(['mintrans']);
    expect(message.openFor).toEqual(['body:mintrans']);
  });
});
