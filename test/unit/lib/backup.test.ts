import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type AppDatabase } from '@/lib/db';
import { exportBackup, exportHandover, importBackup, ImportError, parseBackup } from '@/lib/db/backup';
import { applyCommand, recordPageObservations, saveCapture, saveWorkspace } from '@/lib/db/messages';
import { starterWorkspace, workspaceSchedule } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { sampleItem, sampleRouting } from '../../helpers/items';
import { spoken } from '../../helpers/i18n';

/** What the person is told of a refused file (t(reason, params), its keys checked in both languages). */
async function refusal(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return spoken(error as ImportError);
  }
  throw new Error('the file was not refused');
}

const workspace = starterWorkspace('ivanovo');
const calendar = createWorkCalendar(workspaceSchedule(workspace));
const t0 = Date.UTC(2026, 10, 25, 7); // Wed 10:00 Moscow
const dbs: AppDatabase[] = [];
let n = 0;
const open = () => {
  const db = createDatabase(`backup-${++n}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function seed(db: AppDatabase) {
  await saveWorkspace(db, workspace);
  for (const [i, body] of ['depzhkh', 'depdor', 'depzhkh'].entries())
    await saveCapture(
      db,
      { item: sampleItem({ key: `vk:wall-1_${i}`, url: `https://vk.com/wall-1_${i}` }), routing: { ...sampleRouting, executor: body } },
      { now: t0 + i * 60_000, workspace, calendar, newId: () => `m${i}` },
    );
}

describe('backup', () => {
  it('round-trips the whole workspace into an empty database', async () => {
    const a = open();
    await seed(a);
    const file = JSON.stringify(await exportBackup(a, t0));
    const b = open();
    expect(await importBackup(b, file)).toEqual({ added: 3, updated: 0, unchanged: 0, events: 6, workspace: true, conflicts: [], skipped: [] });
    expect(await b.messages.toArray()).toEqual(await a.messages.toArray());
    expect((await b.settings.get('workspace'))?.value).toEqual(workspace);
  });

  it('merges into an existing workspace without duplicates; the newer copy wins', async () => {
    const a = open();
    await seed(a);
    const file = JSON.stringify(await exportBackup(a, t0));
    const b = open();
    await importBackup(b, file);
    const executor = { id: 'ex', name: 'Иванов', roles: ['executor' as const], bodies: ['depzhkh'] };
    await applyCommand(a, 'm0', { type: 'submitDraft', kind: 'answer', text: 'Починим до 1 декабря.' }, executor, { now: t0 + 3_600_000, workspace, calendar });
    const again = JSON.stringify(await exportBackup(a, t0 + 3_600_000));
    expect(await importBackup(b, again)).toEqual({ added: 0, updated: 1, unchanged: 2, events: 1, workspace: false, conflicts: [], skipped: [] });
    expect(await importBackup(b, again)).toEqual({ added: 0, updated: 0, unchanged: 3, events: 0, workspace: false, conflicts: [], skipped: [] });
    expect((await b.messages.get('m0'))?.step).toBe('review');
    expect(await b.events.count()).toBe(7);
  });

  it("hands one body's messages over to its executor and takes the answers back", async () => {
    const curatorDb = open();
    await seed(curatorDb);
    const handover = await exportHandover(curatorDb, 'depzhkh', t0);
    expect(handover.messages.map((m) => m.id)).toEqual(['m0', 'm2']);
    const executorDb = open();
    await importBackup(executorDb, JSON.stringify(handover));
    const executor = { id: 'ex', name: 'Иванов', roles: ['executor' as const], bodies: ['depzhkh'] };
    await applyCommand(executorDb, 'm2', { type: 'submitDraft', kind: 'answer', text: 'Вывезем завтра.' }, executor, {
      now: t0 + 600_000,
      workspace,
      calendar,
    });
    const back = await importBackup(curatorDb, JSON.stringify(await exportHandover(executorDb, 'depzhkh', t0 + 600_000)));
    expect(back).toMatchObject({ updated: 1, events: 1 });
    expect((await curatorDb.messages.get('m2'))?.draft?.text).toBe('Вывезем завтра.');
  });

  it.each([
    ['not JSON', '{oops', 'не JSON'],
    ['a foreign file', JSON.stringify({ hello: 'world' }), 'Это не файл'],
    ['a newer schema', JSON.stringify({ format: 'answer-on-time/backup', schemaVersion: 99 }), 'более новой версией'],
    [
      'a broken message',
      JSON.stringify({ format: 'answer-on-time/backup', kind: 'full', schemaVersion: 2, exportedAt: 1, messages: [{ id: 'x' }], events: [] }),
      'Файл повреждён',
    ],
  ])('rejects %s with a clear message and changes nothing', async (_name, text, message) => {
    const db = open();
    await seed(db);
    const before = await db.messages.toArray();
    expect(await refusal(() => importBackup(db, text))).toContain(message);
    expect(await db.messages.toArray()).toEqual(before);
    expect(await refusal(() => parseBackup(text))).toContain(message);
  });

  it("merges an executor's draft into a curator's copy that changed meanwhile, keeping both (replayed logs)", async () => {
    const curatorDb = open();
    await seed(curatorDb);
    const executorDb = open();
    await importBackup(executorDb, JSON.stringify(await exportHandover(curatorDb, 'depzhkh', t0)));
    const executor = { id: 'ex', name: 'Иванов', roles: ['executor' as const], bodies: ['depzhkh'] };
    await applyCommand(executorDb, 'm2', { type: 'submitDraft', kind: 'answer', text: 'Вывезем завтра до 12:00.' }, executor, {
      now: t0 + 600_000,
      workspace,
      calendar,
    });
    // Meanwhile the curator shortened the term (Ivanovo п. 7) and the page showed an edit.
    await applyCommand(curatorDb, 'm2', { type: 'setTerm', minutes: 240 }, workspace.user, { now: t0 + 300_000, workspace, calendar });
    await recordPageObservations(curatorDb, new Map([['vk:wall-1_2', 'Совсем другой текст поста']]), t0 + 400_000);
    const back = await importBackup(curatorDb, JSON.stringify(await exportHandover(executorDb, 'depzhkh', t0 + 600_000)));
    expect(back).toMatchObject({ updated: 1, conflicts: [], events: 1 });
    const m = (await curatorDb.messages.get('m2'))!;
    expect(m).toMatchObject({ step: 'review', draft: { text: 'Вывезем завтра до 12:00.' }, shortTerm: { minutes: 240 } });
    expect(m.pageChanges.map((c) => c.kind)).toEqual(['edited']);
    // The executor's copy takes the curator's step back the same way.
    const there = await importBackup(executorDb, JSON.stringify(await exportHandover(curatorDb, 'depzhkh', t0 + 700_000)));
    expect(there).toMatchObject({ updated: 1, conflicts: [] });
    expect(await executorDb.messages.get('m2')).toMatchObject({ step: 'review', shortTerm: { minutes: 240 } });
  });

  it('reports a real conflict and keeps the local copy when both sides took steps that cannot both stand', async () => {
    const curatorDb = open();
    await seed(curatorDb);
    const executorDb = open();
    await importBackup(executorDb, JSON.stringify(await exportHandover(curatorDb, 'depzhkh', t0)));
    const executor = { id: 'ex', name: 'Иванов', roles: ['executor' as const], bodies: ['depzhkh'] };
    await applyCommand(curatorDb, 'm0', { type: 'markNotProcessable', category: 'insult', confirmed: true }, workspace.user, {
      now: t0 + 300_000,
      workspace,
      calendar,
    });
    await applyCommand(executorDb, 'm0', { type: 'submitDraft', kind: 'answer', text: 'Ответ.' }, executor, { now: t0 + 600_000, workspace, calendar });
    const before = await curatorDb.messages.get('m0');
    const eventsBefore = await curatorDb.events.count();
    const back = await importBackup(curatorDb, JSON.stringify(await exportHandover(executorDb, 'depzhkh', t0 + 600_000)));
    expect(back.conflicts).toEqual([
      { id: 'm0', key: 'vk:wall-1_0', reason: 'backup.conflict.step', params: expect.objectContaining({ step: { reason: 'event.submitDraft' } }) },
    ]);
    expect(spoken(back.conflicts[0]!)).toMatch(
      /^шаг «проект на согласование» от .+ не применяется: Сообщение закрыто \(не подлежит обработке\): изменить его нельзя$/,
    );
    expect(await curatorDb.messages.get('m0')).toEqual(before);
    expect(await curatorDb.events.count()).toBe(eventsBefore);
  });

  it('takes from a hand-over file only the messages routed to its body', async () => {
    const a = open();
    await seed(a);
    const file = await exportHandover(a, 'depzhkh', t0);
    const forged = { ...file, messages: [...file.messages, (await a.messages.get('m1'))!] };
    const b = open();
    const result = await importBackup(b, JSON.stringify(forged));
    expect(result.added).toBe(2);
    expect(result.skipped).toEqual([{ id: 'm1', key: 'vk:wall-1_1', reason: 'backup.skipped.otherBody', params: { body: 'depzhkh' } }]);
    expect(spoken(result.skipped[0]!)).toBe('не направлено органу depzhkh');
    expect(await b.messages.get('m1')).toBeUndefined();
  });

  it('keeps two different events of one instant and never stores one event twice', async () => {
    const a = open();
    await seed(a);
    const file = await exportBackup(a, t0);
    const e = file.events[0]!;
    const twin = { ...e, id: undefined, type: 'deadline-missed', data: { kind: 'route' } };
    const other = { ...twin, data: { kind: 'return' } };
    const b = open();
    const result = await importBackup(b, JSON.stringify({ ...file, events: [...file.events, twin, other, twin] }));
    expect(result.events).toBe(file.events.length + 2);
    expect(await importBackup(b, JSON.stringify({ ...file, events: [...file.events, twin, other] }))).toMatchObject({ events: 0 });
  });

  it('refuses a file of another region: its deadlines were counted by another act', async () => {
    const a = open();
    await seed(a);
    const file = JSON.stringify(await exportBackup(a, t0));
    const b = open();
    await saveWorkspace(b, starterWorkspace('khabarovsk'));
    expect(await refusal(() => importBackup(b, file))).toBe(
      'Файл другого региона (Ивановская область), а рабочая область — Хабаровский край: его сроки посчитаны по другому регламенту. Импорт отменён, ничего не изменено',
    );
    expect(await b.messages.count()).toBe(0);
  });

  it("keeps the post's page time apart from the answer's publication (a page time later than detection is not an answer)", async () => {
    const db = open();
    await saveWorkspace(db, workspace);
    const { message } = await saveCapture(
      db,
      { item: sampleItem({ key: 'vk:wall-1_9', url: 'https://vk.com/wall-1_9', publishedAt: t0 + 3_600_000 }), routing: sampleRouting },
      { now: t0, workspace, calendar, newId: () => 'm9' },
    );
    expect(message.postedAt).toBe(t0 + 3_600_000);
    expect(message).not.toHaveProperty('publishedAt');
    expect(message.nextDueKind).toBe('draft'); // routed at capture; the answer is not met by the post's time
  });

  it.each([
    ['an instant beyond the Date range', { nextDueAt: 1e300 }],
    ['a fractional instant', { detectedAt: 1.5 }],
    ['a negative instant', { updatedAt: -5 }],
    ['NaN as null', { createdAt: null }],
  ])('refuses a file with %s, with a clear message, changing nothing', async (_name, patch) => {
    const a = open();
    await seed(a);
    const file = await exportBackup(a, t0);
    const bad = JSON.stringify({ ...file, messages: [{ ...file.messages[0], ...patch }, ...file.messages.slice(1)] });
    const b = open();
    expect(await refusal(() => importBackup(b, bad))).toMatch(/^Файл повреждён: messages\.0\.\w+/);
    expect(await b.messages.count()).toBe(0);
  });
});

describe('import errors', () => {
  it('name the field, in the language the page speaks', async () => {
    const bad = JSON.stringify({ format: 'answer-on-time/backup', kind: 'full', schemaVersion: 3, exportedAt: 'вчера', messages: [], events: [] });
    expect(await refusal(() => parseBackup(bad))).toBe('Файл повреждён: exportedAt: Неверный ввод: ожидалось число');
    const error = (() => {
      try {
        parseBackup(bad);
      } catch (e) {
        return e as ImportError;
      }
    })();
    expect(spoken(error!, 'en')).toBe('The file is damaged: exportedAt: Invalid input: expected a number');
  });

  it('say our own checks by their keys (a permalink that is not VK or OK)', async () => {
    const a = open();
    await seed(a);
    const file = await exportBackup(a, t0);
    const bad = JSON.stringify({ ...file, messages: [{ ...file.messages[0], url: 'https://example.com/x' }] });
    expect(await refusal(() => parseBackup(bad))).toBe('Файл повреждён: messages.0.url: ссылка должна вести на https://vk.com или https://ok.ru');
  });
});
