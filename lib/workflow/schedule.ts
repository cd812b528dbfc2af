/**
 * The working schedule a workspace counts with. Apart from the workspace's zod schemas, so
 * that a screen which only counts (the popup) does not load them.
 */
import { regionalSchedule, type ScheduleSpec } from '../worktime';
import type { Workspace } from './workspace';

/** The workspace's region's calendar plus its own dates. */
export function workspaceSchedule(ws: Pick<Workspace, 'region' | 'schedule'>): ScheduleSpec {
  const spec = regionalSchedule(ws.region, { presidentialDays: ws.schedule.presidentialDays, regionalDays: ws.schedule.regionalDays });
  return { ...spec, days: { ...spec.days, ...ws.schedule.overrides } };
}
