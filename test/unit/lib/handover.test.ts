import { describe, expect, it } from 'vitest';
import { createDatabase } from '@/lib/db';
import { exportHandover, importBackup } from '@/lib/db/backup';
import { applyCommand, saveCapture, saveWorkspace } from '@/lib/db/messages';
import { starterWorkspace, workspaceSchedule } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { sampleItem, sampleRouting } from '../../helpers/items';

const ws = starterWorkspace('khabarovsk');
const calendar = createWorkCalendar(workspaceSchedule(ws));
const t0 = Date.UTC(2026, 10, 24, 0); // Tue 10:00 Vladivostok
const cur = { id: 'cur', name: 'К', roles: ['curator' as const], bodies: [] };
const exA = { id: 'exA', name: 'A', roles: ['executor' as const], bodies: ['minzhkh'] };
const exB = { id: 'exB', name: 'B', roles: ['executor' as const], bodies: ['minstroy'] };
const env = (now: number) => ({ now, workspace: ws, calendar });

describe("hand-over round trip, Khabarovsk parallel (each body's part replayed for that body only)", () => {
  it("keeps both bodies' parts", async () => {
    const curDb = createDatabase('ho-c1');
    const aDb = createDatabase('ho-a1');
    const bDb = createDatabase('ho-b1');
    for (const db of [curDb, aDb, bDb]) await saveWorkspace(db, ws);
    await saveCapture(curDb, { item: sampleItem(), routing: { ...sampleRouting, executor: '' } }, { ...env(t0), newId: () => 'm1' });
    const r = await applyCommand(curDb, 'm1', { type: 'route', assignments: [{ body: 'minzhkh' }, { body: 'minstroy' }] }, cur, env(t0 + 60_000));
    expect(r.ok).toBe(true);
    await importBackup(aDb, JSON.stringify(await exportHandover(curDb, 'minzhkh', t0 + 2 * 60_000)));
    await importBackup(bDb, JSON.stringify(await exportHandover(curDb, 'minstroy', t0 + 2 * 60_000)));
    expect((await applyCommand(bDb, 'm1', { type: 'submitPart', text: 'Часть Минстроя' }, exB, env(t0 + 30 * 60_000))).ok).toBe(true);
    expect((await applyCommand(aDb, 'm1', { type: 'submitPart', text: 'Часть ЖКХ' }, exA, env(t0 + 40 * 60_000))).ok).toBe(true);
    const rb = await importBackup(curDb, JSON.stringify(await exportHandover(bDb, 'minstroy', t0 + 50 * 60_000)));
    const ra = await importBackup(curDb, JSON.stringify(await exportHandover(aDb, 'minzhkh', t0 + 55 * 60_000)));
    const m = (await curDb.messages.get('m1'))!;
    expect([rb.conflicts, ra.conflicts]).toEqual([[], []]);
    expect(m.assignments.map((a) => [a.body, a.state, a.part])).toEqual([
      ['minzhkh', 'submitted', 'Часть ЖКХ'],
      ['minstroy', 'submitted', 'Часть Минстроя'],
    ]);
    for (const db of [curDb, aDb, bDb]) await db.delete();
  });
});
