/**
 * The working schedule a workspace counts with. Apart from the workspace's zod schemas, so
 * that a screen which only counts (the popup) does not load them.
 */
import { createWorkCalendar, regionalSchedule, type ScheduleSpec, type WorkCalendar } from '../worktime';
import type { Workspace } from './workspace';

/** The workspace's region's calendar plus its own dates. */
export function workspaceSchedule(ws: Pick<Workspace, 'region' | 'schedule'>): ScheduleSpec {
  const spec = regionalSchedule(ws.region, { presidentialDays: ws.schedule.presidentialDays, regionalDays: ws.schedule.regionalDays });
  return { ...spec, days: { ...spec.days, ...ws.schedule.overrides } };
}

/**
 * A calendar per workspace schedule, built once and reused while the region and schedule stay
 * the same (building one takes milliseconds; every countdown needs it). Each page or worker
 * keeps one cache.
 */
export function calendarCache(): (ws: Pick<Workspace, 'region' | 'schedule'>) => WorkCalendar {
  let cached: { key: string; calendar: WorkCalendar } | undefined;
  return (ws) => {
    const key = JSON.stringify([ws.region, ws.schedule]);
    if (cached?.key !== key) cached = { key, calendar: createWorkCalendar(workspaceSchedule(ws)) };
    return cached.calendar;
  };
}
