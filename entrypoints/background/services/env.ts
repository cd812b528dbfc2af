/**
 * What every handler needs: now, the workspace and its working calendar. The worker may be
 * stopped at any time, so the workspace is read per request; only the calendar (expensive to
 * build, the same for the same schedule) is cached.
 */
import type { AppDatabase } from '@/lib/db';
import { loadWorkspace } from '@/lib/db/messages';
import { calendarCache } from '@/lib/workflow/schedule';
import type { Workspace } from '@/lib/workflow/workspace';
import type { WorkCalendar } from '@/lib/worktime';

export interface Env {
  now: number;
  workspace: Workspace;
  calendar: WorkCalendar;
}

export type EnvSource = () => Promise<Env>;

export function createEnv(db: AppDatabase, now: () => number): EnvSource {
  const calendarOf = calendarCache();
  return async () => {
    const workspace = await loadWorkspace(db);
    return { now: now(), workspace, calendar: calendarOf(workspace) };
  };
}
