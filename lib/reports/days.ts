/** Local days of a period in a zone: their start instants and 'yyyy-MM-dd' labels (for per-day series). */
import { DateTime } from 'luxon';
import { ReportError } from './errors';

export interface DayBoundaries {
  /** 'yyyy-MM-dd' of each local day that intersects the period. */
  days: string[];
  /** The instant each of those days starts at (the first one may be before the period's start). */
  starts: number[];
}

export function dayBoundaries(zone: string, from: number, to: number): DayBoundaries {
  let day = DateTime.fromMillis(from, { zone }).startOf('day');
  if (!day.isValid) throw new ReportError('bad-zone', { value: zone }, `unknown time zone ${zone}`);
  const days: string[] = [];
  const starts: number[] = [];
  // Bounded by checkPeriod (MAX_PERIOD_DAYS); the guard keeps a bad caller from spinning.
  for (let guard = 0; day.toMillis() < to && guard < 5000; guard++) {
    days.push(day.toFormat('yyyy-MM-dd'));
    starts.push(day.toMillis());
    day = day.plus({ days: 1 });
  }
  return { days, starts };
}

/** Index of the day holding `at` (the last start at or before it; 0 before the first). */
export function dayIndex(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
