/** The working calendar of the current workspace, built once per schedule. */
import { calendarCache } from '@/lib/workflow/schedule';
import type { Workspace } from '@/lib/workflow/workspace';
import { createWorkCalendar, DEFAULT_SCHEDULE, type WorkCalendar } from '@/lib/worktime';

const cache = calendarCache();

export function calendarFor(ws: Workspace): WorkCalendar {
  return cache(ws);
}

let fallback: WorkCalendar | undefined;

/** Until the workspace is loaded: Monday–Friday 09:00–18:00, Moscow. */
export function getCalendar(): WorkCalendar {
  fallback ??= createWorkCalendar(DEFAULT_SCHEDULE);
  return fallback;
}
