import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type AppDatabase } from '@/lib/db';
import { exportBackup, exportHandover, importBackup, ImportError, parseBackup } from '@/lib/db/backup';
import { applyCommand, saveCapture, saveWorkspace } from '@/lib/db/messages';
import { starterWorkspace, workspaceSchedule } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { sampleItem, sampleRouting } from '../../helpers/items';

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
    await saveCapture(db, { item: sampleItem({ key: `vk:wall-1_${i}`, url: `https://vk.com/wall-1_${i}` }), routing: { ...sampleRouting, executor: body } }, { now: t0 + i * 60_000, workspace, calendar, newId: () => `m${i}` });
}

describe('backup', () => {
  it('round-trips the whole workspace into an empty database', async () => {
    const a = open();
    await seed(a);
    const file = JSON.stringify(await exportBackup(a, t0));
    const b = open();
    expect(await importBackup(b, file)).toEqual({ added: 3, updated: 0, unchanged: 0, events: 6, workspace: true });
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
    expect(await importBackup(b, again)).toEqual({ added: 0, updated: 1, unchanged: 2, events: 1, workspace: false });
    expect(await importBackup(b, again)).toEqual({ added: 0, updated: 0, unchanged: 3, events: 0, workspace: false });
    expect((await b.messages.get('m0'))?.step).toBe('review');
    expect(await b.events.count()).toBe(7);
  });

  it('hands one body\'s messages over to its executor and takes the answers back', async () => {
    const curatorDb = open();
    await seed(curatorDb);
    const handover = await exportHandover(curatorDb, 'depzhkh', t0);
    expect(handover.messages.map((m) => m.id)).toEqual(['m0', 'm2']);
    const executorDb = open();
    await importBackup(executorDb, JSON.stringify(handover));
    const executor = { id: 'ex', name: 'Иванов', roles: ['executor' as const], bodies: ['depzhkh'] };
    await applyCommand(executorDb, 'm2', { type: 'submitDraft', kind: 'answer', text: 'Вывезем завтра.' }, executor, { now: t0 + 600_000, workspace, calendar });
    const back = await importBackup(curatorDb, JSON.stringify(await exportHandover(executorDb, 'depzhkh', t0 + 600_000)));
    expect(back).toMatchObject({ updated: 1, events: 1 });
    expect((await curatorDb.messages.get('m2'))?.draft?.text).toBe('Вывезем завтра.');
  });

  it.each([
    ['not JSON', '{oops', 'не JSON'],
    ['a foreign file', JSON.stringify({ hello: 'world' }), 'Это не файл'],
    ['a newer schema', JSON.stringify({ format: 'answer-on-time/backup', schemaVersion: 99 }), 'более новой версией'],
    ['a broken message', JSON.stringify({ format: 'answer-on-time/backup', kind: 'full', schemaVersion: 2, exportedAt: 1, messages: [{ id: 'x' }], events: [] }), 'Файл повреждён'],
  ])('rejects %s with a clear message and changes nothing', async (_name, text, message) => {
    const db = open();
    await seed(db);
    const before = await db.messages.toArray();
    await expect(importBackup(db, text)).rejects.toThrow(ImportError);
    await expect(importBackup(db, text)).rejects.toThrow(message);
    expect(await db.messages.toArray()).toEqual(before);
    expect(() => parseBackup(text)).toThrow(message);
  });
});
