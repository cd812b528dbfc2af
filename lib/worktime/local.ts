/** Local calendar dates and wall times in an IANA zone, without a Luxon DateTime per call. */
import type { IANAZone } from 'luxon';

export const MINUTE = 60_000;
export const DAY = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** 'yyyy-MM-dd' of a day number (days since 1970-01-01, read as a local calendar date). */
export function dayKey(dayNumber: number): string {
  const d = new Date(dayNumber * DAY);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The day number of a 'yyyy-MM-dd' date. */
export function dayNumberOf(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY;
}

export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
export function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}

/** The epoch ms of a local wall time: `minutes` after local midnight of dayNumber. */
export function wallToEpoch(zone: IANAZone, dayNumber: number, minutes: number): number {
  const local = dayNumber * DAY + minutes * MINUTE;
  const o1 = zone.offset(local);
  const guess = local - o1 * MINUTE;
  const o2 = zone.offset(guess);
  return o1 === o2 ? guess : local - o2 * MINUTE;
}

/** The local day number of an instant. */
export function localDay(zone: IANAZone, ms: number): number {
  return Math.floor((ms + zone.offset(ms) * MINUTE) / DAY);
}

export function localYear(zone: IANAZone, ms: number): number {
  return new Date(ms + zone.offset(ms) * MINUTE).getUTCFullYear();
}
