/**
 * Working-time arithmetic. Pure: no clock is read here, every instant is passed in (epoch ms).
 *
 * A schedule is plain JSON (so a workspace can store and edit it): an IANA zone, the working
 * intervals of each ISO weekday in local time, and optional per-date overrides. Intervals are
 * half-open [start, end); "24:00" is a valid end.
 *
 * Behind the calendar is an index built lazily, one local year at a time: every working
 * interval as absolute instants in sorted arrays, with the working time accumulated before each
 * one. W(t), the working time before t, is one binary search; "between" is W(b) − W(a) and
 * "add" is a second binary search for W(t) + n. Both are O(log n).
 *
 * Every instant taken or returned lies in [MIN_INSTANT, MAX_INSTANT] (range.ts); anything else
 * throws a WorkTimeRangeError with a code. Every loop is bounded, and an index whose build threw
 * is dropped whole, so no input can hang a query or break the calendar for the next one.
 */
import { IANAZone } from 'luxon';
import * as z from 'zod/mini';
import { reason, type Params, type Reason } from '../i18n';
import { issueReason, issueReasons } from '../i18n/issues';
import { DAY, dayKey as dayKeyOf, dayNumberOf, isIsoDate, isoWeekday, localDay, localYear, MINUTE, wallToEpoch } from './local';
import {
  checkCount,
  checkInstant,
  iterationLimit,
  MAX_INSTANT,
  MAX_WORKING_DAYS,
  MAX_WORKING_MINUTES,
  MIN_INSTANT,
  resultError,
  WORKTIME_YEARS,
  WorkTimeRangeError,
} from './range';
import type { IsoWeekday, LocalInterval, ScheduleSpec, WorkCalendar, WorkInterval } from './types';

export type { IsoWeekday, LocalInterval, ScheduleSpec, WorkCalendar, WorkInterval } from './types';
export { DEFAULT_SCHEDULE } from './schedules';
export {
  MAX_INSTANT,
  MAX_WORKING_DAYS,
  MAX_WORKING_MINUTES,
  MIN_INSTANT,
  WORKTIME_YEARS,
  WorkTimeRangeError,
  type WorkTimeErrorCode,
  type WorkTimeErrorParams,
} from './range';
export { productionCalendarWarning, PRODUCTION_CALENDAR_YEARS, REGIONS, regionalSchedule, type Region, type RegionalScheduleOptions } from './calendars';

/** Local years the index may cover (those of [MIN_INSTANT, MAX_INSTANT] in any zone). */
const MIN_YEAR = WORKTIME_YEARS.from;
const MAX_YEAR = WORKTIME_YEARS.to;
/** The most times a query may extend the index (at least a year each): every year of the range, plus one. */
const MAX_PASSES = MAX_YEAR - MIN_YEAR + 2;
/**
 * The most intervals the index may hold (≈ 25 MB with the per-year arrays). A usual schedule has
 * ~500 a year (~120,000 over the whole range), so only a schedule cut into many pieces a day,
 * asked to count across decades, gets there.
 */
const MAX_INDEX_INTERVALS = 500_000;
/** How many years without any working time make a schedule "empty". */
const MAX_EMPTY_YEARS = 3;
/** Day numbers of the first and last local dates the module accepts. */
const FIRST_DAY = Date.UTC(MIN_YEAR, 0, 1) / DAY;
const LAST_DAY = Date.UTC(MAX_YEAR, 11, 31) / DAY;

// ---------------------------------------------------------------------------------------------
// Validation

/**
 * A schedule this module cannot work with: refused by createWorkCalendar, or without working
 * time where an answer needs some. `reason` and `params` say it (the UI translates); the
 * message is for the log.
 */
export class ScheduleError extends Error implements Reason {
  override readonly name = 'ScheduleError';
  constructor(
    readonly reason: 'worktime.invalidSchedule' | 'worktime.notEnoughTime' | 'worktime.noTimeAhead' | 'worktime.noDaysAhead',
    detail: string,
    readonly params?: Params,
  ) {
    super(detail);
  }
}

// zod/mini (the functional build) keeps this off the popup's critical path: the countdowns
// need a calendar, and a calendar validates its spec, but the full zod build costs ~90 KB there.
const timeOfDay = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'validation.timeOfDay'));

/** A day holds at most this many intervals (a day in half-hour pieces): bounds the index a schedule builds. */
const MAX_INTERVALS_PER_DAY = 48;

const intervalList = z.array(z.tuple([timeOfDay, timeOfDay])).check(
  z.maxLength(MAX_INTERVALS_PER_DAY, 'validation.intervalsPerDay'),
  z.superRefine((list, ctx) => {
    const sorted = list.map(([a, b]) => [toMinutes(a), toMinutes(b)] as const).sort((x, y) => x[0] - y[0]);
    for (const [i, [a, b]] of sorted.entries()) {
      if (b <= a) ctx.addIssue({ code: 'custom', message: 'validation.intervalEmpty', params: { from: fmt(a), to: fmt(b) } });
      const prev = sorted[i - 1];
      if (prev && prev[1] > a)
        ctx.addIssue({
          code: 'custom',
          message: 'validation.intervalsOverlap',
          params: { first: `${fmt(prev[0])}–${fmt(prev[1])}`, second: `${fmt(a)}–${fmt(b)}` },
        });
    }
  }),
);

export const scheduleSpecSchema = z.object({
  zone: z.string().check(z.refine((zone) => IANAZone.isValidZone(zone), 'validation.timeZone')),
  week: z.object({
    '1': intervalList,
    '2': intervalList,
    '3': intervalList,
    '4': intervalList,
    '5': intervalList,
    '6': intervalList,
    '7': intervalList,
  }),
  days: z.optional(z.record(z.string(), intervalList)).check(
    z.superRefine((days, ctx) => {
      for (const date of Object.keys(days ?? {}))
        if (!isIsoDate(date)) ctx.addIssue({ code: 'custom', path: [date], message: 'validation.date', params: { date } });
    }),
  ),
});

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

function fmt(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Local dates and zones

interface YearIntervals {
  starts: number[];
  ends: number[];
  days: number[];
  months: Array<{ start: number; offset: number; steady: boolean }>;
}

interface Engine {
  zone: IANAZone;
  spec: ScheduleSpec;
  week: Array<Array<[number, number]>>; // index 1..7, minutes
  days: Map<string, Array<[number, number]>>;
  years: Map<number, YearIntervals>;
  /** Per covered month: the instant of its local start, its offset, and whether that holds all month. */
  monthStart: Float64Array;
  monthOffset: Float64Array;
  monthSteady: Uint8Array;
  // The index: years [y0, y1] flattened.
  y0: number;
  y1: number;
  start: Float64Array;
  end: Float64Array;
  cum: Float64Array; // cum[i] = working ms before interval i; cum[n] = total
  day: Int32Array; // local day number of interval i
  /**
   * Instants of local 1 Jan y0 00:00 and local 1 Jan (y1 + 1) 00:00 (what the index covers),
   * narrowed to [MIN_INSTANT, MAX_INSTANT): a number in [fromMs, toMs) is a valid, covered instant.
   */
  fromMs: number;
  toMs: number;
}

/** The engine hangs off the calendar under a private symbol (faster than a WeakMap lookup). */
const ENGINE = Symbol('worktime.engine');

function engineOf(cal: WorkCalendar): Engine {
  const engine = (cal as WorkCalendar & { [ENGINE]?: Engine })[ENGINE];
  if (!engine) throw new TypeError('not a calendar made by createWorkCalendar()');
  return engine;
}

function dayIntervals(engine: Engine, dayNumber: number): Array<[number, number]> {
  return engine.days.get(dayKeyOf(dayNumber)) ?? engine.week[isoWeekday(dayNumber)]!;
}

function buildYear(engine: Engine, year: number): YearIntervals {
  let built = engine.years.get(year);
  if (built) return built;
  const { zone } = engine;
  const starts: number[] = [];
  const ends: number[] = [];
  const days: number[] = [];
  const months: YearIntervals['months'] = [];
  for (let month = 0; month < 12; month++) {
    const first = Date.UTC(year, month, 1) / DAY;
    const last = Date.UTC(year, month + 1, 1) / DAY;
    // Zone offsets change at most a few times a year: when the offset is the same at both ends
    // of the month, one lookup serves every day of it (the lookups dominate the build time).
    const offset = zone.offset(first * DAY);
    const steadyMonth =
      zone.offset(last * DAY) === offset && zone.offset(first * DAY - offset * MINUTE) === offset && zone.offset(last * DAY - offset * MINUTE) === offset;
    months.push({ start: wallToEpoch(zone, first, 0), offset, steady: steadyMonth });
    for (let day = first; day < last; day++) {
      const list = dayIntervals(engine, day);
      if (list.length === 0) continue;
      // In a month with a change, the same test for the day alone (when it has several
      // intervals) spares two lookups per end on every day but the change's own.
      let steady = steadyMonth;
      let o = offset;
      if (!steady && list.length > 1) {
        o = zone.offset(day * DAY);
        steady = zone.offset((day + 1) * DAY) === o && zone.offset(day * DAY - o * MINUTE) === o && zone.offset((day + 1) * DAY - o * MINUTE) === o;
      }
      for (const [a, b] of list) {
        starts.push(steady ? day * DAY + (a - o) * MINUTE : wallToEpoch(zone, day, a));
        ends.push(steady ? day * DAY + (b - o) * MINUTE : wallToEpoch(zone, day, b));
        days.push(day);
      }
    }
  }
  built = { starts, ends, days, months };
  engine.years.set(year, built);
  return built;
}

const EMPTY = new Float64Array(0);

/** An index that covers nothing. */
function emptyIndex() {
  return {
    y0: Infinity,
    y1: -Infinity,
    start: EMPTY,
    end: EMPTY,
    cum: new Float64Array(1),
    day: new Int32Array(0),
    monthStart: EMPTY,
    monthOffset: EMPTY,
    monthSteady: new Uint8Array(0),
    fromMs: Infinity,
    toMs: -Infinity,
  };
}

/** Drops the whole index (and the years behind it): the next query builds it afresh. */
function resetIndex(engine: Engine): void {
  engine.years.clear();
  Object.assign(engine, emptyIndex());
}

/**
 * Makes the index cover local years [from, to]. All or nothing: the new index is assigned only
 * once it is complete, and when anything throws on the way the whole index is dropped, so a
 * failed query never leaves the calendar half-built for the next one.
 */
function cover(engine: Engine, from: number, to: number): void {
  if (from >= engine.y0 && to <= engine.y1) return;
  const y0 = Math.min(from, engine.y0);
  const y1 = Math.max(to, engine.y1);
  // Callers pass years of checked instants; this keeps a NaN or an out-of-range year out anyway.
  if (!(Number.isInteger(y0) && Number.isInteger(y1) && y0 >= MIN_YEAR && y1 <= MAX_YEAR && y0 <= y1))
    throw new WorkTimeRangeError(
      'year-out-of-range',
      { value: Number.isInteger(y0) && y0 >= MIN_YEAR ? y1 : y0, min: MIN_YEAR, max: MAX_YEAR },
      `the index cannot cover ${from}–${to}`,
    );
  try {
    coverYears(engine, y0, y1);
  } catch (error) {
    resetIndex(engine);
    throw error;
  }
}

function coverYears(engine: Engine, y0: number, y1: number): void {
  let n = 0;
  for (let y = y0; y <= y1; y++) {
    n += buildYear(engine, y).starts.length;
    if (n > MAX_INDEX_INTERVALS)
      throw new WorkTimeRangeError(
        'index-too-large',
        { value: n, max: MAX_INDEX_INTERVALS },
        `covering ${y0}–${y1} needs more than ${MAX_INDEX_INTERVALS} working intervals`,
      );
  }
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const cum = new Float64Array(n + 1);
  const day = new Int32Array(n);
  let i = 0;
  for (let y = y0; y <= y1; y++) {
    const { starts, ends, days } = buildYear(engine, y);
    for (let k = 0; k < starts.length; k++, i++) {
      start[i] = starts[k]!;
      end[i] = ends[k]!;
      day[i] = days[k]!;
      cum[i + 1] = cum[i]! + (ends[k]! - starts[k]!);
    }
  }
  const monthStart = new Float64Array((y1 - y0 + 1) * 12);
  const monthOffset = new Float64Array(monthStart.length);
  const monthSteady = new Uint8Array(monthStart.length);
  for (let y = y0, m = 0; y <= y1; y++) {
    for (const month of buildYear(engine, y).months) {
      monthStart[m] = month.start;
      monthOffset[m] = month.offset;
      monthSteady[m++] = month.steady ? 1 : 0;
    }
  }
  const fromMs = Math.max(wallToEpoch(engine.zone, Date.UTC(y0, 0, 1) / DAY, 0), MIN_INSTANT);
  const toMs = Math.min(wallToEpoch(engine.zone, Date.UTC(y1 + 1, 0, 1) / DAY, 0), MAX_INSTANT);
  Object.assign(engine, { y0, y1, start, end, cum, day, fromMs, toMs, monthStart, monthOffset, monthSteady });
}

/**
 * Checks an instant and makes the index cover it. The hot path is one range test: the index
 * window lies inside [MIN_INSTANT, MAX_INSTANT), so a number inside it is valid as it is.
 */
function coverInstant(engine: Engine, ms: number): void {
  if (typeof ms === 'number' && ms >= engine.fromMs && ms < engine.toMs) return; // no zone lookup
  coverNewInstant(engine, ms); // kept apart so that this stays small enough to inline
}

function coverNewInstant(engine: Engine, ms: number): void {
  checkInstant(ms);
  const y = localYear(engine.zone, ms);
  // Unreachable for a checked instant; kept so that a NaN year can never reach the index.
  if (!(y >= MIN_YEAR && y <= MAX_YEAR))
    throw new WorkTimeRangeError('instant-out-of-range', { value: ms, min: MIN_INSTANT, max: MAX_INSTANT }, `${ms} falls in local year ${y}`);
  // One year of margin each side keeps instants near a year's edge inside the index.
  cover(engine, Math.max(y - 1, MIN_YEAR), Math.min(y + 1, MAX_YEAR));
}

/**
 * Years to add on a query's pass-th extension: one at first (most answers lie a few days past
 * the index), then doubling, so a far answer costs a few rebuilds of the index, not one per year.
 */
const stepOf = (pass: number) => 2 ** Math.min(pass, 8);

/** Extends the index later, or says the answer (of a query from `fromMs`) lies beyond the range. */
function coverLater(engine: Engine, pass: number, what: string, fromMs: number): void {
  if (pass >= MAX_PASSES) throw iterationLimit(what, MAX_PASSES);
  if (engine.y1 >= MAX_YEAR) throw resultError(fromMs, `${what} from ${fromMs}: the answer lies after ${new Date(MAX_INSTANT).toISOString()}`);
  cover(engine, engine.y0, Math.min(engine.y1 + stepOf(pass), MAX_YEAR));
}

/** Extends the index earlier, or says the answer (of a query from `fromMs`) lies before the range. */
function coverEarlier(engine: Engine, pass: number, what: string, fromMs: number): void {
  if (pass >= MAX_PASSES) throw iterationLimit(what, MAX_PASSES);
  if (engine.y0 <= MIN_YEAR) throw resultError(fromMs, `${what} from ${fromMs}: the answer lies before ${new Date(MIN_INSTANT).toISOString()}`);
  cover(engine, Math.max(engine.y0 - stepOf(pass), MIN_YEAR), engine.y1);
}

/** An instant the arithmetic computed, refused when it lies beyond the range. */
function inRange(ms: number, what: string): number {
  if (!(ms >= MIN_INSTANT && ms <= MAX_INSTANT)) throw answerError(ms, what); // kept small: it is on the hot path
  return ms;
}

function answerError(ms: number, what: string): WorkTimeRangeError {
  return resultError(ms, `${what}: the answer ${ms} lies outside the range`);
}

/** The zone's offset (minutes) at a covered instant, mostly without asking the zone. */
function offsetAt(engine: Engine, ms: number): number {
  const { monthStart } = engine;
  let lo = 0;
  let hi = monthStart.length - 1;
  if (hi < 0 || ms < monthStart[0]!) return engine.zone.offset(ms);
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (monthStart[mid]! <= ms) lo = mid;
    else hi = mid - 1;
  }
  return engine.monthSteady[lo] ? engine.monthOffset[lo]! : engine.zone.offset(ms);
}

/** Index of the last interval starting at or before t, or -1. */
function lastStartAtOrBefore(engine: Engine, t: number): number {
  const { start } = engine;
  let lo = 0;
  let hi = start.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (start[mid]! <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** Working ms in the index before t (t must be covered). */
function workBefore(engine: Engine, t: number): number {
  const i = lastStartAtOrBefore(engine, t);
  if (i < 0) return 0;
  return engine.cum[i]! + Math.min(t, engine.end[i]!) - engine.start[i]!;
}

// ---------------------------------------------------------------------------------------------
// Public API

const weekSpecSchema = z.omit(scheduleSpecSchema, { days: true });

/**
 * Validates a schedule with zod. A regional schedule has hundreds of dated entries sharing a
 * handful of distinct interval lists, so each distinct list is validated once.
 */
function validateSpec(spec: ScheduleSpec): Reason[] {
  const issues: Reason[] = [];
  const at = (path: string, message: Reason) => reason('validation.issue', { path, message });
  const head = weekSpecSchema.safeParse(spec);
  if (!head.success) issues.push(...issueReasons(head.error.issues, Infinity, 'schedule'));
  if (spec.days !== undefined && (typeof spec.days !== 'object' || spec.days === null)) issues.push(at('days', reason('validation.datesObject')));
  const seen = new Map<string, Reason[]>();
  for (const [date, list] of Object.entries(spec.days ?? {})) {
    if (!isIsoDate(date)) issues.push(at(`days.${date}`, reason('validation.date', { date })));
    const key = JSON.stringify(list);
    let found = seen.get(key);
    if (!found) {
      const r = intervalList.safeParse(list);
      found = r.success ? [] : r.error.issues.map(issueReason);
      seen.set(key, found);
    }
    for (const message of found) issues.push(at(`days.${date}`, message));
  }
  return issues;
}

/** A problem's key and params, for the log (never shown). */
const logged = (r: Reason): string => `${r.reason}${r.params ? ` ${JSON.stringify(r.params)}` : ''}`;

/** The day number of a local date 'yyyy-MM-dd' of WORKTIME_YEARS, or a WorkTimeRangeError. */
function checkedDate(localDate: string): number {
  const dayNumber = typeof localDate === 'string' && isIsoDate(localDate) ? dayNumberOf(localDate) : Number.NaN;
  if (!(dayNumber >= FIRST_DAY && dayNumber <= LAST_DAY))
    throw new WorkTimeRangeError(
      'date-out-of-range',
      { value: typeof localDate === 'string' ? localDate : String(localDate), min: dayKeyOf(FIRST_DAY), max: dayKeyOf(LAST_DAY) },
      `not a date of ${MIN_YEAR}–${MAX_YEAR}: ${String(localDate)}`,
    );
  return dayNumber;
}

/** 'yyyy-MM-dd' of a day number (days since 1970-01-01) of WORKTIME_YEARS. */
export function dayKey(dayNumber: number): string {
  if (typeof dayNumber !== 'number' || !Number.isInteger(dayNumber) || dayNumber < FIRST_DAY || dayNumber > LAST_DAY)
    throw new WorkTimeRangeError(
      'date-out-of-range',
      { value: typeof dayNumber === 'number' ? dayNumber : String(dayNumber), min: FIRST_DAY, max: LAST_DAY },
      `not a day number of ${MIN_YEAR}–${MAX_YEAR}: ${String(dayNumber)}`,
    );
  return dayKeyOf(dayNumber);
}

/** Validates a schedule (zod) and returns a calendar; throws a ScheduleError naming the problems on a bad spec. */
export function createWorkCalendar(spec: ScheduleSpec): WorkCalendar {
  const issues = validateSpec(spec);
  if (issues.length) throw new ScheduleError('worktime.invalidSchedule', `invalid schedule: ${issues.map(logged).join('; ')}`, { issues });
  const toMinuteList = (list: LocalInterval[]) => list.map(([a, b]) => [toMinutes(a), toMinutes(b)] as [number, number]).sort((x, y) => x[0] - y[0]);
  const week: Array<Array<[number, number]>> = [[]];
  for (const wd of ['1', '2', '3', '4', '5', '6', '7'] as IsoWeekday[]) week.push(toMinuteList(spec.week[wd]));
  const days = new Map(Object.entries(spec.days ?? {}).map(([date, list]) => [date, toMinuteList(list)]));
  const zone = IANAZone.create(spec.zone);
  const cal: WorkCalendar = {
    spec,
    intervalsOn(localDate) {
      const dayNumber = checkedDate(localDate);
      return dayIntervals(engine, dayNumber).map(([a, b]) => ({
        start: wallToEpoch(zone, dayNumber, a),
        end: wallToEpoch(zone, dayNumber, b),
      }));
    },
  };
  // Every field in the literal, so that the engine keeps one fast shape (the hot path reads it).
  const none = emptyIndex();
  const engine: Engine = {
    zone,
    spec,
    week,
    days,
    years: new Map(),
    y0: none.y0,
    y1: none.y1,
    start: none.start,
    end: none.end,
    cum: none.cum,
    day: none.day,
    monthStart: none.monthStart,
    monthOffset: none.monthOffset,
    monthSteady: none.monthSteady,
    fromMs: none.fromMs,
    toMs: none.toMs,
  };
  Object.defineProperty(cal, ENGINE, { value: engine, enumerable: false });
  return cal;
}

/** Length in minutes (fractional, ms precision) of the working part of [fromMs, toMs); 0 when toMs <= fromMs. */
export function workingMinutesBetween(cal: WorkCalendar, fromMs: number, toMs: number): number {
  const engine = engineOf(cal);
  coverInstant(engine, fromMs); // checks the instant
  coverInstant(engine, toMs);
  if (!(toMs > fromMs)) return 0;
  return (workBefore(engine, toMs) - workBefore(engine, fromMs)) / MINUTE;
}

/**
 * The earliest instant u > startMs with workingMinutesBetween(start, u) === minutes, so a
 * deadline that lands on the end of a working interval is that end (18:00), not the next
 * morning. For minutes = 0 it returns startMs. A start outside working hours counts from the
 * next working instant (Yakutia п. 9: a post found after hours counts from the next working day).
 */
export function addWorkingMinutes(cal: WorkCalendar, startMs: number, minutes: number): number {
  checkCount(minutes, 0, MAX_WORKING_MINUTES, 'minutes');
  const engine = engineOf(cal);
  coverInstant(engine, startMs); // checks the instant
  if (minutes === 0) return startMs;
  for (let pass = 0; ; pass++) {
    const { cum, start, end } = engine;
    const n = start.length;
    const i0 = lastStartAtOrBefore(engine, startMs);
    const target = (i0 < 0 ? 0 : cum[i0]! + Math.min(startMs, end[i0]!) - start[i0]!) + minutes * MINUTE;
    if (n > 0 && cum[n]! >= target) {
      // The first interval i with cum[i + 1] >= target: usually a few intervals ahead, so walk
      // a little before falling back to a binary search.
      let lo = Math.max(i0, 0);
      for (let steps = 0; steps < 8 && cum[lo + 1]! < target; steps++) lo++;
      if (cum[lo + 1]! < target) {
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cum[mid + 1]! >= target) hi = mid;
          else lo = mid + 1;
        }
      }
      return inRange(start[lo]! + (target - cum[lo]!), 'addWorkingMinutes');
    }
    if (engine.y1 - localYear(engine.zone, startMs) > MAX_EMPTY_YEARS + minutes / (60 * 24 * 365) + 1)
      throw new ScheduleError('worktime.notEnoughTime', `addWorkingMinutes from ${startMs}: not enough working time in the schedule`);
    coverLater(engine, pass, 'addWorkingMinutes', startMs);
  }
}

/**
 * The latest instant u < endMs with workingMinutesBetween(u, endMs) === minutes: "N working
 * minutes before a deadline" (a draft is due 4 hours before the answer, Yakutia п. 10).
 */
export function subtractWorkingMinutes(cal: WorkCalendar, endMs: number, minutes: number): number {
  checkCount(minutes, 0, MAX_WORKING_MINUTES, 'minutes');
  const engine = engineOf(cal);
  coverInstant(engine, endMs); // checks the instant
  if (minutes === 0) return endMs;
  for (let pass = 0; ; pass++) {
    const target = workBefore(engine, endMs) - minutes * MINUTE;
    const { cum, start } = engine;
    if (target >= 0 && start.length > 0) {
      // Last interval i with cum[i] <= target < cum[i + 1], or the next interval's start when
      // target falls exactly between two intervals.
      let lo = 0;
      let hi = start.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (cum[mid]! <= target) lo = mid;
        else hi = mid - 1;
      }
      return inRange(start[lo]! + (target - cum[lo]!), 'subtractWorkingMinutes');
    }
    if (localYear(engine.zone, endMs) - engine.y0 > MAX_EMPTY_YEARS + minutes / (60 * 24 * 365) + 1)
      throw new ScheduleError('worktime.notEnoughTime', `subtractWorkingMinutes from ${endMs}: not enough working time in the schedule`);
    coverEarlier(engine, pass, 'subtractWorkingMinutes', endMs);
  }
}

/** Whether the instant is inside a working interval. */
export function isWorkingTime(cal: WorkCalendar, ms: number): boolean {
  const engine = engineOf(cal);
  coverInstant(engine, ms); // checks the instant
  const i = lastStartAtOrBefore(engine, ms);
  return i >= 0 && ms < engine.end[i]!;
}

/** The instant itself when it is working time, otherwise the start of the next working interval. */
export function nextWorkingInstant(cal: WorkCalendar, ms: number): number {
  const engine = engineOf(cal);
  coverInstant(engine, ms); // checks the instant
  for (let pass = 0; ; pass++) {
    const i = lastStartAtOrBefore(engine, ms);
    if (i >= 0 && ms < engine.end[i]!) return ms;
    if (i + 1 < engine.start.length) return inRange(engine.start[i + 1]!, 'nextWorkingInstant');
    if (engine.y1 - localYear(engine.zone, ms) > MAX_EMPTY_YEARS)
      throw new ScheduleError('worktime.noTimeAhead', `nextWorkingInstant from ${ms}: no working time in the years ahead`);
    coverLater(engine, pass, 'nextWorkingInstant', ms);
  }
}

/** Working intervals that intersect [fromMs, toMs), clipped to it (for drawing timelines). */
export function workingIntervals(cal: WorkCalendar, fromMs: number, toMs: number): WorkInterval[] {
  const engine = engineOf(cal);
  coverInstant(engine, fromMs); // checks the instant
  coverInstant(engine, toMs);
  if (!(toMs > fromMs)) return [];
  const out: WorkInterval[] = [];
  for (let i = Math.max(0, lastStartAtOrBefore(engine, fromMs)); i < engine.start.length && engine.start[i]! < toMs; i++) {
    const s = Math.max(engine.start[i]!, fromMs);
    const e = Math.min(engine.end[i]!, toMs);
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

/** The local date ('yyyy-MM-dd') of an instant in the calendar's zone. */
export function localDateOf(cal: WorkCalendar, ms: number): string {
  checkInstant(ms);
  return dayKeyOf(localDay(engineOf(cal).zone, ms));
}

// ---------------------------------------------------------------------------------------------
// Working days
//
// The final answer after an interim one is due "не более 7 рабочих дней со дня направления
// промежуточного ответа" (Yakutia п. 14, Khabarovsk п. 11, Saratov п. 12; 10 days in Ivanovo
// п. 14). "Со дня" counts whole days after that day, so:
//
//   addWorkingDays(cal, t, N) = the end of the last working interval of the N-th working day
//   after the local date of t (the date of t itself is not counted, whatever the hour).
//
// A working day is a local date with any working time; a shortened day counts as a whole day.

export function addWorkingDays(cal: WorkCalendar, startMs: number, days: number): number {
  checkCount(days, 1, MAX_WORKING_DAYS, 'days');
  const engine = engineOf(cal);
  coverInstant(engine, startMs); // checks the instant
  const startDay = Math.floor((startMs + offsetAt(engine, startMs) * MINUTE) / DAY);
  for (let pass = 0; ; pass++) {
    const { day, end } = engine;
    // First interval on a later local day (day[] is non-decreasing).
    let lo = 0;
    let hi = day.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (day[mid]! > startDay) hi = mid;
      else lo = mid + 1;
    }
    let found = 0;
    for (let i = lo; i < day.length; i++) {
      if (i === lo || day[i] !== day[i - 1]) found += 1;
      if (found === days && (i + 1 === day.length || day[i + 1] !== day[i])) {
        if (i + 1 < day.length) return inRange(end[i]!, 'addWorkingDays');
        break; // the day may continue past the index: extend and look again
      }
    }
    if (engine.y1 - localYear(engine.zone, startMs) > MAX_EMPTY_YEARS + days / 200)
      throw new ScheduleError('worktime.noDaysAhead', `addWorkingDays from ${startMs}: no working days in the years ahead`);
    coverLater(engine, pass, 'addWorkingDays', startMs);
  }
}
