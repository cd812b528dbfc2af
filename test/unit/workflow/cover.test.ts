/** Executors and substitutes: a message routed to an absent executor goes to their cover. */
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type AppDatabase } from '@/lib/db';
import { applyCommand, saveCapture } from '@/lib/db/messages';
import { coverFor, resolveAssignee, starterWorkspace, workspaceSchedule, type Workspace } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { sampleItem, sampleRouting } from '../../helpers/items';

const base = starterWorkspace('saratov');
const body = base.bodies[0]!;
const workspace: Workspace = {
  ...base,
  bodies: [
    {
      ...body,
      executors: [
        { id: 'ivanov', name: 'Иванов И. И.', substitutes: ['petrova', 'sidorov'], absent: true },
        { id: 'petrova', name: 'Петрова А. А.', substitutes: [], absent: true },
        { id: 'sidorov', name: 'Сидоров С. С.', substitutes: [], absent: false },
        { id: 'orlova', name: 'Орлова О. О.', substitutes: ['ivanov'], absent: true },
      ],
    },
    ...base.bodies.slice(1),
  ],
};
const calendar = createWorkCalendar(workspaceSchedule(workspace));
const t0 = Date.UTC(2026, 10, 25, 6);
let db: AppDatabase | undefined;
afterEach(async () => {
  await db?.delete();
});

describe('coverFor', () => {
  it('keeps a present executor, and gives an absent one the first present substitute', () => {
    expect(coverFor(workspace, body.id, 'sidorov')).toEqual({ executor: 'sidorov' });
    expect(coverFor(workspace, body.id, 'ivanov')).toEqual({ executor: 'sidorov', covering: 'ivanov' });
  });
  it('keeps the named person when nobody can cover, or when the person is not in the directory', () => {
    expect(coverFor(workspace, body.id, 'orlova')).toEqual({ executor: 'orlova' });
    expect(coverFor(workspace, body.id, 'кто-то')).toEqual({ executor: 'кто-то' });
  });
});

describe('resolveAssignee', () => {
  it('reads a body, a person of a body (to their cover), and nothing from text that names neither', () => {
    expect(resolveAssignee(workspace, body.name.toUpperCase())).toEqual({ body: body.id });
    expect(resolveAssignee(workspace, 'Иванов И. И.')).toEqual({ body: body.id, executor: 'sidorov' });
    expect(resolveAssignee(workspace, ' Отдел по вопросам ЖКХ ')).toBeNull();
  });
});

describe('routing to an absent executor', () => {
  it('assigns the substitute, at capture and when the curator routes', async () => {
    db = createDatabase('cover-1');
    const env = { now: t0, workspace, calendar };
    const { message } = await saveCapture(db, { item: sampleItem(), routing: { ...sampleRouting, executor: 'ivanov' } }, { ...env, newId: () => 'm1' });
    expect(message.assignments).toMatchObject([{ body: body.id, executor: 'sidorov' }]);
    await saveCapture(
      db,
      { item: sampleItem({ key: 'vk:wall-1_2', url: 'https://vk.com/wall-1_2' }), routing: { ...sampleRouting, executor: '' } },
      { ...env, newId: () => 'm2' },
    );
    const routed = await applyCommand(db, 'm2', { type: 'route', assignments: [{ body: body.id, executor: 'ivanov' }] }, workspace.user, {
      ...env,
      now: t0 + 60_000,
    });
    expect(routed.ok && routed.message.assignments).toMatchObject([{ body: body.id, executor: 'sidorov' }]);
  });
});
