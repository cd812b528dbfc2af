/** The working calendar of the current workspace, built once per schedule. */
import { workspaceSchedule } from '@/lib/workflow/schedule';
import type { Workspace } from '@/lib/workflow/workspace';
import { createWorkCalendar, DEFAULT_SCHEDULE, type WorkCalendar } from '@/lib/worktime';

let cached: { key: string; calendar: WorkCalendar } | undefined;

export function calendarFor(ws: Workspace): WorkCalendar {
  const key = JSON.stringify([ws.region, ws.schedule]);
  if (cached?.key !== key) cached = { key, calendar: createWorkCalendar(workspaceSchedule(ws)) };
  return cached.calendar;
}

let fallback: WorkCalendar | undefined;

/** Until the workspace is loaded: Monday–Friday 09:00–18:00, Moscow. */
export function getCalendar(): WorkCalendar {
  fallback ??= createWorkCalendar(DEFAULT_SCHEDULE);
  return fallback;
}
