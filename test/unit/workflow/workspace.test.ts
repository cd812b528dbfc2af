import { describe, expect, it } from 'vitest';
import { createDatabase } from '@/lib/db';
import { loadWorkspace, saveWorkspace } from '@/lib/db/messages';
import { starterWorkspace, workspaceSchedule, workspaceSchema, type Workspace } from '@/lib/workflow/workspace';
import { ZodError } from 'zod';
import { issueReason, issueReasons } from '@/lib/i18n/issues';
import { spoken } from '../../helpers/i18n';
import { createWorkCalendar } from '@/lib/worktime';

const base = starterWorkspace('yakutia');
const withOverrides = (overrides: Record<string, Array<[string, string]>>): Workspace => ({ ...base, schedule: { ...base.schedule, overrides } });

describe('workspace schedule overrides', () => {
  it('accepts real dates with ordered HH:MM intervals, and a day off, and every screen can count with them', () => {
    const ws = withOverrides({ '2026-12-31': [['09:00', '13:00']], '2026-12-30': [] });
    expect(workspaceSchema.parse(ws).schedule.overrides).toEqual(ws.schedule.overrides);
    expect(() => createWorkCalendar(workspaceSchedule(ws))).not.toThrow();
  });

  it.each([
    ['a bad time', { '2026-12-01': [['9:00', '18:00']] }, 'ЧЧ:ММ'],
    ['an inverted interval', { '2026-12-01': [['18:00', '09:00']] }, 'перевёрнут'],
    [
      'overlapping intervals',
      {
        '2026-12-01': [
          ['09:00', '13:00'],
          ['12:00', '18:00'],
        ],
      },
      'пересекаются',
    ],
    ['a date that does not exist', { '2026-02-30': [] }, 'ГГГГ-ММ-ДД'],
  ] as const)('refuses %s with a clear error naming the date (it would break every calendar)', (_name, overrides, text) => {
    const result = workspaceSchema.safeParse(withOverrides(overrides as unknown as Record<string, Array<[string, string]>>));
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0]!;
    // Our own check names its message by key; the page says it.
    expect(issue.message).toMatch(/^validation\./);
    expect(spoken(issueReason(issue))).toContain(text);
    expect(issue.path.slice(0, 3)).toEqual(['schedule', 'overrides', Object.keys(overrides)[0]]);
  });

  it('is not saved, and the stored workspace stays as it was', async () => {
    const db = createDatabase(`workspace-test-${Date.now()}`);
    await saveWorkspace(db, base);
    const refused = await saveWorkspace(db, withOverrides({ '2026-12-01': [['9:00', '18:00']] })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ZodError);
    expect(issueReasons((refused as ZodError).issues).map((r) => spoken(r))).toEqual([
      'schedule.overrides.2026-12-01.0.0: время должно быть в формате ЧЧ:ММ (00:00–24:00)',
    ]);
    expect(await loadWorkspace(db)).toEqual(base);
    await db.delete();
  });
});
