/** Shared by the lib/accounts tests: the regions' calendars and local wall times. */
import { DateTime } from 'luxon';
import { createWorkCalendar, regionalSchedule, WorkTimeRangeError, type Region, type WorkCalendar } from '@/lib/worktime';
import { actZone, type ActId } from '@/lib/accounts';

const calendars = new Map<Region, WorkCalendar>();
export function calendar(region: Region): WorkCalendar {
  let cal = calendars.get(region);
  if (!cal) calendars.set(region, (cal = createWorkCalendar(regionalSchedule(region))));
  return cal;
}

/** Epoch ms of a local wall time ('2026-04-29T17:00') in an act's zone. */
export function at(act: ActId, local: string): number {
  const dt = DateTime.fromISO(local, { zone: actZone(act) });
  if (!dt.isValid) throw new Error(`bad test time ${local}`);
  return dt.toMillis();
}

/** The local wall time of an instant in an act's zone, to the minute ('2026-04-29T17:00'). */
export function local(act: ActId, ms: number): string {
  return DateTime.fromMillis(ms, { zone: actZone(act) }).toFormat("yyyy-MM-dd'T'HH:mm");
}

/** ISO weekday (1 = Monday) of an instant in an act's zone. */
export function weekday(act: ActId, ms: number): number {
  return DateTime.fromMillis(ms, { zone: actZone(act) }).weekday;
}

/** The code of the WorkTimeRangeError `fn` throws; anything else fails the test. */
export function rangeErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkTimeRangeError) return error.code;
    throw error;
  }
  throw new Error('did not throw');
}
