// @vitest-environment node
/**
 * Guards of the working-time arithmetic (security review, finding 1): an instant beyond the
 * supported range (1e300 from a backup file, NaN, ±Infinity, the year 2300) or a huge count
 * must throw one clear error at once, never spin, and never leave the calendar's index broken
 * for the next, valid query. Before the guards, 1e300, -1e300, 8.64e15 and 8.64e15 + 1 made the
 * local year NaN: addWorkingMinutes, subtractWorkingMinutes, nextWorkingInstant and
 * addWorkingDays looped for ever, and isWorkingTime / workingMinutesBetween / workingIntervals
 * returned but left the index at NaN, so every later query on that calendar hung.
 *
 * A synchronous endless loop cannot be stopped by Vitest's timeout, so every case also checks
 * its own elapsed time: a regression shows as a slow failure, a hang as a stuck run.
 */
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addWorkingDays,
  addWorkingMinutes,
  createWorkCalendar,
  dayKey,
  DEFAULT_SCHEDULE,
  isWorkingTime,
  localDateOf,
  MAX_INSTANT,
  MAX_WORKING_DAYS,
  MAX_WORKING_MINUTES,
  MIN_INSTANT,
  nextWorkingInstant,
  regionalSchedule,
  subtractWorkingMinutes,
  workingIntervals,
  workingMinutesBetween,
  WORKTIME_YEARS,
  WorkTimeRangeError,
  type LocalInterval,
  type WorkCalendar,
  type WorkTimeErrorCode,
} from '@/lib/worktime';
import { federalDayTypes, orthodoxEaster, regionalDayTypes } from '@/lib/worktime/calendars';
import { thrownText } from '../../helpers/i18n';

const msk = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Moscow' }).toMillis();
const iso = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Moscow' }).toISO({ suppressMilliseconds: true });
const OK = msk('2026-11-25T09:30'); // Wednesday
const FAST_MS = 1500;

/** Runs f, which must throw a WorkTimeRangeError with this code, quickly; returns the error. */
function expectCode(f: () => unknown, code: WorkTimeErrorCode): WorkTimeRangeError {
  const t0 = performance.now();
  let thrown: unknown;
  try {
    f();
  } catch (error) {
    thrown = error;
  }
  expect(performance.now() - t0).toBeLessThan(FAST_MS);
  expect(thrown).toBeInstanceOf(WorkTimeRangeError);
  expect(thrown).toBeInstanceOf(RangeError);
  const error = thrown as WorkTimeRangeError;
  expect(error.code).toBe(code);
  expect(error.message).toContain(code);
  return error;
}

/** A valid query with a known answer: Wed 09:30 + 8 h = 17:30 (either calendar below). */
function expectHealthy(cal: WorkCalendar): void {
  expect(iso(addWorkingMinutes(cal, OK, 480))).toBe('2026-11-25T17:30:00+03:00');
  expect(workingMinutesBetween(cal, msk('2026-11-27T17:00'), msk('2026-11-30T10:00'))).toBe(120);
  expect(iso(nextWorkingInstant(cal, msk('2026-11-28T12:00')))).toBe('2026-11-30T09:00:00+03:00');
}

const BAD_INSTANTS: Array<[string, number]> = [
  ['1e300', 1e300],
  ['-1e300', -1e300],
  ['NaN', Number.NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['8.64e15 + 1 (past the Date range)', 8.64e15 + 1],
  ['8.64e15 (the last Date)', 8.64e15],
  ['-8.64e15', -8.64e15],
  ['year 1960', Date.UTC(1960, 5, 15)],
  ['year 2300', Date.UTC(2300, 5, 15)],
  ['MIN_INSTANT - 1', MIN_INSTANT - 1],
  ['MAX_INSTANT + 1', MAX_INSTANT + 1],
  ['a numeric string', '1764052200000' as unknown as number],
];

const CALLS: Array<[string, (cal: WorkCalendar, x: number) => unknown]> = [
  ['addWorkingMinutes', (cal, x) => addWorkingMinutes(cal, x, 60)],
  ['addWorkingMinutes (0 minutes)', (cal, x) => addWorkingMinutes(cal, x, 0)],
  ['subtractWorkingMinutes', (cal, x) => subtractWorkingMinutes(cal, x, 60)],
  ['addWorkingDays', (cal, x) => addWorkingDays(cal, x, 7)],
  ['nextWorkingInstant', (cal, x) => nextWorkingInstant(cal, x)],
  ['isWorkingTime', (cal, x) => isWorkingTime(cal, x)],
  ['localDateOf', (cal, x) => localDateOf(cal, x)],
  ['workingMinutesBetween (end)', (cal, x) => workingMinutesBetween(cal, OK, x)],
  ['workingMinutesBetween (start)', (cal, x) => workingMinutesBetween(cal, x, OK)],
  ['workingIntervals (end)', (cal, x) => workingIntervals(cal, OK, x)],
  ['workingIntervals (start)', (cal, x) => workingIntervals(cal, x, OK)],
];

describe('instants outside the range', () => {
  // One calendar for every case: none may break it for the next.
  const shared = createWorkCalendar(DEFAULT_SCHEDULE);
  const regional = createWorkCalendar(regionalSchedule('ivanovo'));

  for (const [fn, call] of CALLS) {
    it.each(BAD_INSTANTS)(`${fn}(%s) throws instant-out-of-range at once`, { timeout: 2000 }, (_name, x) => {
      for (const cal of [shared, regional]) {
        const error = expectCode(() => call(cal, x), 'instant-out-of-range');
        if (typeof x === 'number') expect(Object.is(error.params.value, x)).toBe(true);
        expect([error.params.min, error.params.max]).toEqual([MIN_INSTANT, MAX_INSTANT]);
      }
    });
  }

  it('leaves a fresh calendar healthy after each bad query (the index is not poisoned)', { timeout: 10_000 }, () => {
    for (const [, call] of CALLS) {
      for (const [, x] of BAD_INSTANTS) {
        const cal = createWorkCalendar(DEFAULT_SCHEDULE);
        expectCode(() => call(cal, x), 'instant-out-of-range');
        expectHealthy(cal);
      }
    }
    expectHealthy(shared);
  });

  it('the error names the value and the allowed range in its message', () => {
    const error = expectCode(() => addWorkingMinutes(shared, 1e300, 60), 'instant-out-of-range');
    expect(error.name).toBe('WorkTimeRangeError');
    expect(error.message).toContain('1e+300');
    expect(error.message).toContain(String(MAX_INSTANT));
  });
});

describe('minute and day counts', () => {
  const cal = createWorkCalendar(DEFAULT_SCHEDULE);
  const BAD_COUNTS: Array<[string, number]> = [
    ['1e12', 1e12],
    ['NaN', Number.NaN],
    ['-1', -1],
    ['1.5', 1.5],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['2 ** 53', 2 ** 53],
    ['a numeric string', '60' as unknown as number],
  ];

  it.each(BAD_COUNTS)('addWorkingMinutes / subtractWorkingMinutes refuse %s minutes', { timeout: 2000 }, (_name, n) => {
    for (const f of [addWorkingMinutes, subtractWorkingMinutes]) {
      const error = expectCode(() => f(cal, OK, n), 'count-out-of-range');
      expect([error.params.min, error.params.max]).toEqual([0, MAX_WORKING_MINUTES]);
    }
  });

  it.each([...BAD_COUNTS, ['0', 0] as [string, number]])('addWorkingDays refuses %s days', { timeout: 2000 }, (_name, n) => {
    const error = expectCode(() => addWorkingDays(cal, OK, n), 'count-out-of-range');
    expect([error.params.min, error.params.max]).toEqual([1, MAX_WORKING_DAYS]);
  });

  it('refuses one past the largest count, and the largest count ends beyond the range quickly', { timeout: 5000 }, () => {
    expectCode(() => addWorkingMinutes(cal, OK, MAX_WORKING_MINUTES + 1), 'count-out-of-range');
    expectCode(() => addWorkingDays(cal, OK, MAX_WORKING_DAYS + 1), 'count-out-of-range');
    // 200 years of minutes is more working time than is left before 2200: a clear error, no hang.
    // The answer was never found: the error carries the instant the query started from.
    expect(expectCode(() => addWorkingMinutes(cal, OK, MAX_WORKING_MINUTES), 'result-out-of-range').params.value).toBe(OK);
    expect(expectCode(() => subtractWorkingMinutes(cal, OK, MAX_WORKING_MINUTES), 'result-out-of-range').params.value).toBe(OK);
    expectCode(() => addWorkingDays(cal, OK, MAX_WORKING_DAYS), 'result-out-of-range');
    expectHealthy(cal);
  });
});

describe('answers beyond the range', () => {
  const cal = createWorkCalendar(DEFAULT_SCHEDULE);

  it('throws result-out-of-range instead of returning an instant past MAX_INSTANT or before MIN_INSTANT', () => {
    // The answer was found past the end: the error carries it.
    expect(expectCode(() => addWorkingMinutes(cal, MAX_INSTANT - 3_600_000, 600), 'result-out-of-range').params.value).toBeGreaterThan(MAX_INSTANT);
    expectCode(() => addWorkingDays(cal, MAX_INSTANT - 86_400_000, 3), 'result-out-of-range');
    expectCode(() => nextWorkingInstant(cal, MAX_INSTANT), 'result-out-of-range'); // 03:00 local: next is 09:00
    expectCode(() => subtractWorkingMinutes(cal, MIN_INSTANT + 3_600_000, 600), 'result-out-of-range');
    expectHealthy(cal);
  });

  it('says a schedule without working time is empty, as before, without looping', () => {
    const none: LocalInterval[] = [];
    const empty = createWorkCalendar({ zone: 'UTC', week: { '1': none, '2': none, '3': none, '4': none, '5': none, '6': none, '7': none } });
    expect(thrownText(() => addWorkingMinutes(empty, OK, 60))).toBe('В рабочем графике не хватает рабочего времени: проверьте расписание');
    expect(thrownText(() => nextWorkingInstant(empty, OK))).toBe('В рабочем графике нет рабочего времени на ближайшие годы');
    expect(thrownText(() => addWorkingDays(empty, OK, 1))).toBe('В рабочем графике нет рабочих дней на ближайшие годы');
    // Near the end of the range the answer would lie beyond it anyway.
    expectCode(() => addWorkingMinutes(empty, MAX_INSTANT - 1, 60), 'result-out-of-range');
  });
});

describe('the edges of the range work in every zone', () => {
  const zones = ['Etc/GMT+12', 'America/New_York', 'UTC', 'Europe/Moscow', 'Asia/Yakutsk', 'Pacific/Kiritimati'];

  it.each(zones)('%s: MIN_INSTANT and MAX_INSTANT are accepted', (zone) => {
    const cal = createWorkCalendar({ ...DEFAULT_SCHEDULE, zone });
    for (const t of [MIN_INSTANT, MAX_INSTANT]) {
      expect(typeof isWorkingTime(cal, t)).toBe('boolean');
      expect(localDateOf(cal, t)).toMatch(/^(1969-12-31|1970-01-01|2199-12-31|2200-01-01)$/);
    }
    expect(workingMinutesBetween(cal, MAX_INSTANT - 30 * 86_400_000, MAX_INSTANT)).toBeGreaterThan(0);
    expect(addWorkingMinutes(cal, MIN_INSTANT, 60)).toBeGreaterThan(MIN_INSTANT);
    expect(subtractWorkingMinutes(cal, MAX_INSTANT, 60)).toBeLessThan(MAX_INSTANT);
    expect(addWorkingMinutes(cal, MAX_INSTANT - 30 * 86_400_000, 60)).toBeLessThanOrEqual(MAX_INSTANT);
    expect(addWorkingDays(cal, MIN_INSTANT, 5)).toBeGreaterThan(MIN_INSTANT);
  });

  it('the local dates of the edges (UTC−12 sees 1969, UTC+14 sees 2200)', () => {
    expect(localDateOf(createWorkCalendar({ ...DEFAULT_SCHEDULE, zone: 'Etc/GMT+12' }), MIN_INSTANT)).toBe('1969-12-31');
    expect(localDateOf(createWorkCalendar({ ...DEFAULT_SCHEDULE, zone: 'Pacific/Kiritimati' }), MAX_INSTANT)).toBe('2200-01-01');
    expect(WORKTIME_YEARS).toEqual({ from: 1969, to: 2200 });
    expect([MIN_INSTANT, MAX_INSTANT]).toEqual([Date.UTC(1970, 0, 1), Date.UTC(2200, 0, 1)]);
  });
});

describe('the index is all or nothing', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a build that throws half-way is dropped: the next query rebuilds it and answers right', () => {
    const reference = createWorkCalendar(regionalSchedule('yakutia'));
    const cal = createWorkCalendar(regionalSchedule('yakutia'));
    const instants = [msk('2024-03-01T10:00'), msk('2026-11-25T09:30'), msk('2031-06-10T15:00')];
    // The zone fails on its 200th lookup: in the middle of building the first years.
    let calls = 0;
    const offset = IANAZone.prototype.offset;
    vi.spyOn(IANAZone.prototype, 'offset').mockImplementation(function (this: IANAZone, ts: number) {
      if (++calls === 200) throw new Error('zone data unavailable');
      return offset.call(this, ts);
    });
    expect(() => addWorkingMinutes(cal, instants[1]!, 10_000)).toThrow('zone data unavailable');
    vi.restoreAllMocks();
    for (const t of instants) {
      expect(addWorkingMinutes(cal, t, 10_000)).toBe(addWorkingMinutes(reference, t, 10_000));
      expect(subtractWorkingMinutes(cal, t, 10_000)).toBe(subtractWorkingMinutes(reference, t, 10_000));
      expect(addWorkingDays(cal, t, 30)).toBe(addWorkingDays(reference, t, 30));
      expect(workingMinutesBetween(cal, instants[0]!, t)).toBe(workingMinutesBetween(reference, instants[0]!, t));
    }
  });

  const hhmm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  /** n intervals a day: `on` minutes of work at the start of every 30-minute slot. */
  const sliced = (n: number, on: number): LocalInterval[] => Array.from({ length: n }, (_, k) => [hhmm(30 * k), hhmm(30 * k + on)]);
  const everyDay = (list: LocalInterval[]) => ({ '1': list, '2': list, '3': list, '4': list, '5': list, '6': list, '7': list });

  it('a schedule refuses more than 48 intervals a day (the index it may build stays bounded)', () => {
    const minutes: LocalInterval[] = Array.from({ length: 720 }, (_, k) => [hhmm(2 * k), hhmm(2 * k + 1)]);
    expect(thrownText(() => createWorkCalendar({ zone: 'UTC', week: everyDay(minutes) }))).toContain('week.1: не больше 48 интервалов в день');
    expect(
      thrownText(() =>
        createWorkCalendar({
          zone: 'UTC',
          week: everyDay([]),
          days: {
            '2026-11-25': sliced(49, 29)
              .slice(0, 48)
              .concat([['23:59', '24:00']]),
          },
        }),
      ),
    ).toContain('days.2026-11-25: не больше 48');
    expect(() => createWorkCalendar({ zone: 'UTC', week: everyDay(sliced(48, 29)) })).not.toThrow();
  });

  it('a schedule cut into half-hour pieces refuses to index the whole range (index-too-large) and then still answers', { timeout: 10_000 }, () => {
    const cal = createWorkCalendar({ zone: 'Europe/Moscow', week: everyDay(sliced(48, 15)) });
    expectCode(() => workingMinutesBetween(cal, MIN_INSTANT, MAX_INSTANT), 'index-too-large');
    expectCode(() => addWorkingMinutes(cal, OK, MAX_WORKING_MINUTES), 'index-too-large');
    // A quarter of an hour in every half hour: 60 working minutes from 09:30 end at 11:15.
    expect(iso(addWorkingMinutes(cal, OK, 60))).toBe('2026-11-25T11:15:00+03:00');
    expect(workingMinutesBetween(cal, msk('2026-11-25T00:00'), msk('2026-11-26T00:00'))).toBe(720);
  });

  it('a query beyond the range on the regional calendar leaves it answering like a fresh one', () => {
    const cal = createWorkCalendar(regionalSchedule('yakutia'));
    const fresh = createWorkCalendar(regionalSchedule('yakutia'));
    expectCode(() => addWorkingMinutes(cal, 8.64e15, 60), 'instant-out-of-range');
    expectCode(() => addWorkingMinutes(cal, MAX_INSTANT - 1, 60_000), 'result-out-of-range');
    for (const t of [OK, msk('2025-04-25T17:00'), msk('2027-12-30T12:00')]) expect(addWorkingMinutes(cal, t, 2400)).toBe(addWorkingMinutes(fresh, t, 2400));
  });
});

describe('dates and years', () => {
  const cal = createWorkCalendar(DEFAULT_SCHEDULE);

  it.each(['2300-01-01', '1960-06-15', '9999-12-31', '2026-02-30', 'завтра', ''])('intervalsOn(%s) throws date-out-of-range', (date) => {
    expectCode(() => cal.intervalsOn(date), 'date-out-of-range');
  });

  it('accepts the first and last dates of the supported years', () => {
    expect(cal.intervalsOn('1969-01-01')).toHaveLength(1); // a Wednesday
    expect(cal.intervalsOn('2200-12-31')).toHaveLength(1); // a Wednesday
  });

  it.each([Number.NaN, Infinity, 1.5, -1e9, 1e9])('dayKey(%s) throws date-out-of-range', (n) => {
    expectCode(() => dayKey(n), 'date-out-of-range');
  });

  it.each([
    ['toYear: 1e300', { toYear: 1e300 }],
    ['toYear: Infinity', { toYear: Infinity }],
    ['toYear: 1e9', { toYear: 1e9 }],
    ['fromYear: NaN', { fromYear: Number.NaN }],
    ['fromYear: 1900', { fromYear: 1900 }],
    ['toYear: 2201', { toYear: 2201 }],
  ])('regionalSchedule(%s) throws year-out-of-range (toYear: 1e9 used to run for ever)', (_name, options) => {
    expectCode(() => regionalSchedule('saratov', options), 'year-out-of-range');
  });

  it('year functions refuse years outside the range', () => {
    expectCode(() => federalDayTypes(Number.NaN), 'year-out-of-range');
    expectCode(() => regionalDayTypes('yakutia', 1e300), 'year-out-of-range');
    expectCode(() => orthodoxEaster(Infinity), 'year-out-of-range');
  });
});

describe('properties: in range never throws, out of range always does', () => {
  const zones = ['Etc/GMT+12', 'America/New_York', 'Europe/Moscow', 'Asia/Yakutsk', 'Pacific/Kiritimati'];
  const calendars = new Map(zones.map((zone) => [zone, createWorkCalendar({ ...DEFAULT_SCHEDULE, zone })]));
  const calArb = fc.constantFrom(...zones).map((zone) => calendars.get(zone)!);
  const inRange = fc.oneof(
    fc.integer({ min: MIN_INSTANT, max: MAX_INSTANT }),
    fc.double({ min: MIN_INSTANT, max: MAX_INSTANT, noNaN: true }),
    fc.constantFrom(MIN_INSTANT, MAX_INSTANT),
  );
  const outOfRange = fc.oneof(
    fc.double({ max: -Number.MIN_VALUE }),
    fc.double({ min: MAX_INSTANT, minExcluded: true }),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, 8.64e15 + 1, -1e300, 1e300),
  );
  const MONTH = 31 * 86_400_000;

  it('queries on instants in range return; answers are in range or, near an edge, result-out-of-range', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(calArb, inRange, inRange, fc.integer({ min: 0, max: 2000 }), (cal, a, b, n) => {
        expect(typeof isWorkingTime(cal, a)).toBe('boolean');
        expect(localDateOf(cal, a)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(workingMinutesBetween(cal, Math.min(a, b), Math.max(a, b))).toBeGreaterThanOrEqual(0);
        if (Math.abs(a - b) < 366 * 86_400_000) expect(Array.isArray(workingIntervals(cal, Math.min(a, b), Math.max(a, b)))).toBe(true);
        const answers: Array<[() => number, 'after' | 'before']> = [
          [() => addWorkingMinutes(cal, a, n), 'after'],
          [() => subtractWorkingMinutes(cal, a, n), 'before'],
          [() => nextWorkingInstant(cal, a), 'after'],
          [() => addWorkingDays(cal, a, 1 + (n % 20)), 'after'],
        ];
        for (const [f, side] of answers) {
          try {
            const u = f();
            expect(u).toBeGreaterThanOrEqual(MIN_INSTANT);
            expect(u).toBeLessThanOrEqual(MAX_INSTANT);
          } catch (error) {
            // Only a start within a month of the edge may have its answer beyond it.
            expect((error as WorkTimeRangeError).code).toBe('result-out-of-range');
            if (side === 'after') expect(a).toBeGreaterThan(MAX_INSTANT - MONTH);
            else expect(a).toBeLessThan(MIN_INSTANT + MONTH);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every function refuses an instant out of range with instant-out-of-range, and the calendar stays healthy', { timeout: 60_000 }, () => {
    const cal = createWorkCalendar(DEFAULT_SCHEDULE);
    fc.assert(
      fc.property(fc.constantFrom(...CALLS), outOfRange, ([, call], x) => {
        expectCode(() => call(cal, x), 'instant-out-of-range');
      }),
      { numRuns: 500 },
    );
    expectHealthy(cal);
  });

  it('counts within bounds never throw count-out-of-range; others always do', () => {
    const cal = createWorkCalendar(DEFAULT_SCHEDULE);
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer({ min: -1e6, max: -1 }), fc.integer({ min: MAX_WORKING_MINUTES + 1, max: 2 ** 53 })), (n) => {
        fc.pre(!(Number.isInteger(n) && n >= 0 && n <= MAX_WORKING_MINUTES));
        expectCode(() => addWorkingMinutes(cal, OK, n), 'count-out-of-range');
        expectCode(() => subtractWorkingMinutes(cal, OK, n), 'count-out-of-range');
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), (n) => {
        expect(addWorkingMinutes(cal, OK, n)).toBeGreaterThanOrEqual(OK);
      }),
      { numRuns: 100 },
    );
  });
});
