/**
 * The week the norm and the plans count in: Monday 00:00 to the next Monday 00:00, local time in
 * the region's zone (the working calendar's zone). Instants are epoch ms; anything outside
 * lib/worktime's range is its WorkTimeRangeError (a code with params), as everywhere in lib/.
 */
import { IANAZone } from 'luxon';
import { dayKey, dayNumberOf, isIsoDate, isoWeekday, localDay, wallToEpoch } from '../worktime/local';
import { checkInstant } from '../worktime/range';
import { WorkTimeRangeError, WORKTIME_YEARS } from '../worktime';

export interface Week {
  /** The local date of its Monday, 'yyyy-MM-dd': the week's id. */
  monday: string;
  /** Monday 00:00 local (inclusive) and the next Monday 00:00 local (exclusive), epoch ms. */
  start: number;
  end: number;
  zone: string;
}

export interface Publication {
  /** The post's key (as the adapters make it: 'vk:wall-1_2', 'ok:group/3/topic/4'). */
  key: string;
  publishedAt: number;
}

function zoneOf(zone: string): IANAZone {
  if (!IANAZone.isValidZone(zone)) throw new WorkTimeRangeError('date-out-of-range', { value: zone }, `not a time zone: ${zone}`);
  return IANAZone.create(zone);
}

function weekFromDay(mondayDay: number, zone: string, z: IANAZone): Week {
  return { monday: dayKey(mondayDay), start: wallToEpoch(z, mondayDay, 0), end: wallToEpoch(z, mondayDay + 7, 0), zone };
}

/** The week an instant falls in, in a zone. */
export function weekOf(instant: number, zone: string): Week {
  checkInstant(instant);
  const z = zoneOf(zone);
  const day = localDay(z, instant);
  return weekFromDay(day - (isoWeekday(day) - 1), zone, z);
}

/** The week that starts on a Monday ('yyyy-MM-dd'); a date that is not a Monday is refused with a code. */
export function weekStarting(monday: string, zone: string): Week {
  if (!isMonday(monday)) throw new WorkTimeRangeError('date-out-of-range', { value: String(monday) }, 'not a Monday');
  return weekFromDay(dayNumberOf(monday), zone, zoneOf(zone));
}

/** True for a real 'yyyy-MM-dd' Monday of the working-time range. */
export function isMonday(date: unknown): date is string {
  if (typeof date !== 'string' || !isIsoDate(date)) return false;
  const year = Number(date.slice(0, 4));
  return year >= WORKTIME_YEARS.from && year <= WORKTIME_YEARS.to && isoWeekday(dayNumberOf(date)) === 1;
}

/** The week `n` weeks after (or before, n < 0) a week. */
export function shiftWeek(week: Week, n: number): Week {
  return weekStarting(dayKey(dayNumberOf(week.monday) + 7 * n), week.zone);
}

/** The local dates of a week, Monday first. */
export function datesOf(week: Pick<Week, 'monday'>): string[] {
  const first = dayNumberOf(week.monday);
  return Array.from({ length: 7 }, (_, i) => dayKey(first + i));
}

/** Whether an instant lies in the week. */
export const inWeek = (week: Week, instant: number): boolean => instant >= week.start && instant < week.end;

/** Publications of the week, each post once (the same key seen on several visits counts once). */
export function weeklyPublications(publications: readonly Publication[], week: Week): Publication[] {
  const seen = new Map<string, Publication>();
  for (const p of publications) {
    if (!inWeek(week, p.publishedAt)) continue;
    const prior = seen.get(p.key);
    if (!prior || p.publishedAt < prior.publishedAt) seen.set(p.key, p);
  }
  return [...seen.values()].sort((a, b) => a.publishedAt - b.publishedAt);
}

/** How many distinct posts were published in the week. */
export function weeklyCount(publications: readonly Publication[], week: Week): number {
  return weeklyPublications(publications, week).length;
}
