/**
 * Working-time arithmetic. Pure: no clock is read here, every instant is passed in (epoch ms).
 *
 * A schedule is plain JSON (so a workspace can store and edit it): an IANA zone, the working
 * intervals of each ISO weekday in local time, and optional per-date overrides. Intervals are
 * half-open [start, end); "24:00" is a valid end.
 *
 * This first version walks the calendar day by day with a per-day cache. The working-time
 * issue (#4) brings the production calendar and a faster index behind the same API.
 */
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

import type { IsoWeekday, ScheduleSpec, WorkCalendar, WorkInterval } from './types';

export type { IsoWeekday, LocalInterval, ScheduleSpec, WorkCalendar, WorkInterval } from './types';

const MINUTE = 60_000;
/** How far the arithmetic searches for working time before it calls a schedule empty. */
const MAX_SCAN_DAYS = 3 * 366;

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'время должно быть в формате ЧЧ:ММ (00:00–24:00)');

const intervalList = z.array(z.tuple([timeOfDay, timeOfDay])).superRefine((list, ctx) => {
  const sorted = list.map(([a, b]) => [toMinutes(a), toMinutes(b)] as const).sort((x, y) => x[0] - y[0]);
  for (const [i, [a, b]] of sorted.entries()) {
    if (b <= a) ctx.addIssue({ code: 'custom', message: `интервал ${fmt(a)}–${fmt(b)} пуст или перевёрнут` });
    const prev = sorted[i - 1];
    if (prev && prev[1] > a)
      ctx.addIssue({ code: 'custom', message: `интервалы ${fmt(prev[0])}–${fmt(prev[1])} и ${fmt(a)}–${fmt(b)} пересекаются` });
  }
});

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid;

export const scheduleSpecSchema = z.object({
  zone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'неизвестный часовой пояс'),
  week: z.object({
    '1': intervalList, '2': intervalList, '3': intervalList, '4': intervalList,
    '5': intervalList, '6': intervalList, '7': intervalList,
  }),
  days: z
    .record(z.string(), intervalList)
    .optional()
    .superRefine((days, ctx) => {
      for (const date of Object.keys(days ?? {}))
        if (!isIsoDate(date)) ctx.addIssue({ code: 'custom', path: [date], message: `дата «${date}» должна быть существующей датой в формате ГГГГ-ММ-ДД` });
    }),
});

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function fmt(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Validates a schedule (zod) and returns a calendar; throws a readable error on a bad spec. */
export function createWorkCalendar(spec: ScheduleSpec): WorkCalendar {
  const parsed = scheduleSpecSchema.safeParse(spec);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'schedule'}: ${i.message}`);
    throw new Error(`Неверный рабочий график: ${issues.join('; ')}`);
  }
  const cache = new Map<string, WorkInterval[]>();
  return {
    spec,
    intervalsOn(localDate) {
      let hit = cache.get(localDate);
      if (!hit) {
        const day = DateTime.fromISO(localDate, { zone: spec.zone });
        const local = spec.days?.[localDate] ?? spec.week[String(day.weekday) as IsoWeekday];
        hit = local
          .map(([a, b]) => ({
            start: day.plus({ minutes: toMinutes(a) }).toMillis(),
            end: day.plus({ minutes: toMinutes(b) }).toMillis(),
          }))
          .sort((x, y) => x.start - y.start);
        cache.set(localDate, hit);
      }
      return hit;
    },
  };
}

function localDateOf(cal: WorkCalendar, ms: number): DateTime {
  return DateTime.fromMillis(ms, { zone: cal.spec.zone }).startOf('day');
}

/** Working intervals that intersect [fromMs, toMs), clipped to it. */
export function workingIntervals(cal: WorkCalendar, fromMs: number, toMs: number): WorkInterval[] {
  const out: WorkInterval[] = [];
  if (toMs <= fromMs) return out;
  // Intervals of a local date lie within that date (they end at 24:00 at the latest), so the
  // walk starts on the local date of fromMs.
  for (let day = localDateOf(cal, fromMs); day.toMillis() < toMs; day = day.plus({ days: 1 })) {
    for (const { start, end } of cal.intervalsOn(day.toISODate()!)) {
      const s = Math.max(start, fromMs);
      const e = Math.min(end, toMs);
      if (e > s) out.push({ start: s, end: e });
    }
  }
  return out;
}

/** Length in minutes (fractional) of the working part of [fromMs, toMs); 0 when toMs <= fromMs. */
export function workingMinutesBetween(cal: WorkCalendar, fromMs: number, toMs: number): number {
  let ms = 0;
  for (const { start, end } of workingIntervals(cal, fromMs, toMs)) ms += end - start;
  return ms / MINUTE;
}

/**
 * The earliest instant u > startMs with workingMinutesBetween(start, u) === minutes, so a
 * deadline that lands on the end of a working interval is that end (18:00), not the next
 * morning. For minutes = 0 it returns startMs.
 */
export function addWorkingMinutes(cal: WorkCalendar, startMs: number, minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError(`minutes must be a non-negative integer, got ${minutes}`);
  if (minutes === 0) return startMs;
  let left = minutes * MINUTE;
  let day = localDateOf(cal, startMs);
  for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++, day = day.plus({ days: 1 })) {
    for (const { start, end } of cal.intervalsOn(day.toISODate()!)) {
      const s = Math.max(start, startMs);
      if (end <= s) continue;
      if (end - s >= left) return s + left;
      left -= end - s;
    }
  }
  throw new Error('В рабочем графике нет рабочего времени на ближайшие три года');
}

/** Whether the instant is inside a working interval. */
export function isWorkingTime(cal: WorkCalendar, ms: number): boolean {
  return cal.intervalsOn(localDateOf(cal, ms).toISODate()!).some(({ start, end }) => start <= ms && ms < end);
}

/** The instant itself when it is working time, otherwise the start of the next working interval. */
export function nextWorkingInstant(cal: WorkCalendar, ms: number): number {
  let day = localDateOf(cal, ms);
  for (let scanned = 0; scanned < MAX_SCAN_DAYS; scanned++, day = day.plus({ days: 1 })) {
    for (const { start, end } of cal.intervalsOn(day.toISODate()!)) {
      if (end > ms) return Math.max(start, ms);
    }
  }
  throw new Error('В рабочем графике нет рабочего времени на ближайшие три года');
}

export { DEFAULT_SCHEDULE } from './schedules';
