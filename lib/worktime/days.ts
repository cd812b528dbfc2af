/**
 * Working days. The final answer after an interim one is due "не более 7 рабочих дней со дня
 * направления промежуточного ответа" (Yakutia п. 14, Khabarovsk п. 11, Saratov п. 12; 10 days in
 * Ivanovo п. 14). "Со дня" counts whole days after that day, so the choice made here is:
 *
 *   addWorkingDays(cal, t, N) = the end of the last working interval of the N-th working day
 *   after the local date of t (the date of t itself is not counted, whatever the hour).
 *
 * A working day is a local date with any working time (a shortened day counts as a whole day).
 * An interim answer sent on Friday 25 Dec with 7 working days is therefore due at the end of the
 * 7th working day after 25 Dec, skipping weekends and holidays.
 */
import { IANAZone } from 'luxon';
import { dayKey, localDay } from './local';
import type { WorkCalendar } from './types';

/** How far to look for the next working day before calling the schedule empty. */
const MAX_SCAN_DAYS = 3 * 366;

export function isWorkingDay(cal: WorkCalendar, localDate: string): boolean {
  return cal.intervalsOn(localDate).length > 0;
}

/** The end of the working time of a local date (undefined on a day off). */
export function workingDayEnd(cal: WorkCalendar, localDate: string): number | undefined {
  const list = cal.intervalsOn(localDate);
  return list.length ? Math.max(...list.map((i) => i.end)) : undefined;
}

export function addWorkingDays(cal: WorkCalendar, startMs: number, days: number): number {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  let day = localDay(IANAZone.create(cal.spec.zone), startMs);
  let found = 0;
  for (let scanned = 0; scanned < MAX_SCAN_DAYS * days; scanned++) {
    day += 1;
    const end = workingDayEnd(cal, dayKey(day));
    if (end !== undefined && ++found === days) return end;
  }
  throw new Error('В рабочем графике нет рабочих дней на ближайшие годы');
}

