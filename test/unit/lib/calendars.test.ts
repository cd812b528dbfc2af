/**
 * The production calendar against the decrees' norms and, day by day, against two independent
 * public datasets kept beside the repository (../shared/fixtures/calendars; read, never copied).
 */
import { describe, expect, it } from 'vitest';
import {
  createWorkCalendar,
  dayKey,
  productionCalendarWarning,
  regionalSchedule,
  workingMinutesBetween,
  type Region,
  type RegionalScheduleOptions,
  type WorkCalendar,
} from '@/lib/worktime';
import { FEDERAL_YEARS, orthodoxEaster } from '@/lib/worktime/calendars';
import { spoken } from '../../helpers/i18n';
import { describeShared, sharedFixture } from '../../helpers/fixtures';

type Kind = 'off' | 'short' | 'work';
const DAY = 86_400_000;

function kindOf(cal: WorkCalendar, date: string): Kind {
  const minutes = cal.intervalsOn(date).reduce((sum, i) => sum + (i.end - i.start) / 60_000, 0);
  return minutes === 0 ? 'off' : minutes < 480 ? 'short' : 'work';
}

function minutesOn(cal: WorkCalendar, date: string): number {
  return cal.intervalsOn(date).reduce((sum, i) => sum + (i.end - i.start) / 60_000, 0);
}

function daysOf(year: number): string[] {
  const out: string[] = [];
  for (let d = Date.UTC(year, 0, 1) / DAY; d < Date.UTC(year + 1, 0, 1) / DAY; d++) out.push(dayKey(d));
  return out;
}

const weekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

function calendarOf(region: Region, options?: RegionalScheduleOptions): WorkCalendar {
  return createWorkCalendar(regionalSchedule(region, options));
}

/** xmlcalendar: t=1 day off, t=2 shortened (also a working Saturday), t=3 working weekend. */
function xmlcalendar(year: number): Map<string, Kind> {
  const xml = sharedFixture(`calendars/xmlcalendar/ru/${year}/calendar.xml`);
  const marks = new Map<string, Kind>();
  for (const m of xml.matchAll(/<day d="(\d\d)\.(\d\d)" t="(\d)"/g)) {
    marks.set(`${year}-${m[1]}-${m[2]}`, m[3] === '1' ? 'off' : m[3] === '2' ? 'short' : 'work');
  }
  return new Map(daysOf(year).map((d) => [d, marks.get(d) ?? (weekend(d) ? 'off' : 'work')]));
}

/** d10xa: holidays (all days off), preholidays (shortened), nowork (presidential days). */
function d10xa(year: number): Map<string, Kind> {
  const data = JSON.parse(sharedFixture(`calendars/d10xa/json/consultant${year}.json`)) as Record<string, string[]>;
  const off = new Set([...(data.holidays ?? []), ...(data.nowork ?? [])]);
  const short = new Set(data.preholidays ?? []);
  return new Map(daysOf(year).map((d) => [d, off.has(d) ? 'off' : short.has(d) ? 'short' : 'work']));
}

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027];

describeShared('fixtures/calendars', 'federal production calendar, day by day against public datasets', () => {
  const cal = calendarOf('ivanovo'); // no regional days: the federal calendar itself
  it.each(YEARS)('%i matches xmlcalendar on every day', (year) => {
    const expected = xmlcalendar(year);
    const diffs = daysOf(year)
      .filter((d) => kindOf(cal, d) !== expected.get(d))
      .map((d) => `${d}: ${kindOf(cal, d)} ≠ ${expected.get(d)}`);
    expect(diffs).toEqual([]);
  });

  it.each(YEARS)('%i matches d10xa (consultant.ru) on every day', (year) => {
    const expected = d10xa(year);
    const diffs = daysOf(year)
      .filter((d) => kindOf(cal, d) !== expected.get(d))
      .map((d) => `${d}: ${kindOf(cal, d)} ≠ ${expected.get(d)}`);
    // d10xa lists 1 Jul 2020 (vote day) among holidays and drops two shortened days that fell
    // inside the presidential days; both are days off in our calendar as well.
    expect(diffs).toEqual([]);
  });
});

describe('yearly norms of working days and hours (Labour Code, without presidential days)', () => {
  const cal = calendarOf('ivanovo', { presidentialDays: false });
  it.each([
    [2020, 248, 1979],
    [2021, 247, 1972],
    [2022, 247, 1973],
    [2023, 247, 1973],
    [2024, 248, 1979],
    [2025, 247, 1972],
    [2026, 247, 1972],
    [2027, 247, 1972],
  ])('%i: %i days, %i hours', (year, days, hours) => {
    const list = daysOf(year).map((d) => kindOf(cal, d));
    expect(list.filter((k) => k !== 'off')).toHaveLength(days);
    const zoneStart = cal.intervalsOn(`${year}-01-01`)[0]?.start ?? Date.UTC(year, 0, 1) - 3 * 3_600_000;
    const from = Date.UTC(year, 0, 1) - 3 * 3_600_000; // Moscow midnight
    const to = Date.UTC(year + 1, 0, 1) - 3 * 3_600_000;
    expect(zoneStart).toBeGreaterThanOrEqual(from);
    expect(workingMinutesBetween(cal, from, to) / 60).toBe(hours);
  });

  it('counts the presidential days of 2020–2021 as days off when the layer is on', () => {
    const withThem = calendarOf('ivanovo');
    const count = (year: number) => daysOf(year).filter((d) => kindOf(withThem, d) !== 'off').length;
    expect([count(2020), count(2021)]).toEqual([219, 240]);
  });
});

describe('each decree', () => {
  const cal = calendarOf('ivanovo', { presidentialDays: false });
  for (const [year, data] of Object.entries(FEDERAL_YEARS)) {
    it(`${year}: ${data.decree}`, () => {
      for (const [from, to] of data.transfers) {
        expect(kindOf(cal, to), `${to} becomes a day off`).toBe('off');
        const isHoliday = /-(01-0[1-8]|02-23|03-08|05-01|05-09|06-12|11-04)$/.test(from);
        if (!isHoliday) expect(kindOf(cal, from), `${from} becomes a working day`).not.toBe('off');
      }
      for (const date of data.shortened) expect(kindOf(cal, date), `${date} is shortened`).toBe('short');
    });
  }

  it('carries weekend holidays to the next working day (art. 112), unless a decree moves them', () => {
    const off = ['2020-02-24', '2020-03-09', '2020-05-11', '2023-11-06', '2026-03-09', '2026-05-11', '2027-05-03', '2027-05-10', '2027-06-14'];
    for (const date of off) expect(kindOf(cal, date), date).toBe('off');
    // 2025: 23 Feb (Sun) and 8 Mar (Sat) went to 8 May and 13 Jun by decree, not to 24 Feb / 10 Mar.
    expect([kindOf(cal, '2025-02-24'), kindOf(cal, '2025-03-10')]).toEqual(['work', 'work']);
  });

  it('shortens only the working day immediately before the holiday (art. 95)', () => {
    expect(kindOf(cal, '2026-02-20')).toBe('work'); // Friday, weekend, then 23 Feb
    expect(kindOf(cal, '2027-06-11')).toBe('short'); // Friday before Saturday 12 Jun
  });
});

describe('regional days off', () => {
  it('Yakutia: 27 Apr and 21 Jun, moved off weekends, with the day before shortened', () => {
    const cal = calendarOf('yakutia');
    // 2025: 27 Apr (Sun) → Mon 28 Apr; 21 Jun (Sat) → Mon 23 Jun.
    expect(['2025-04-28', '2025-06-23'].map((d) => kindOf(cal, d))).toEqual(['off', 'off']);
    expect(kindOf(cal, '2025-06-20')).toBe('short');
    // 2024: Fri 21 Jun off, Thu 20 Jun shortened.
    expect([kindOf(cal, '2024-06-21'), kindOf(cal, '2024-06-20')]).toEqual(['off', 'short']);
    // A federal body in Yakutia switches the layer off.
    expect(kindOf(calendarOf('yakutia', { regionalDays: false }), '2024-06-21')).toBe('work');
    expect(regionalSchedule('yakutia').zone).toBe('Asia/Yakutsk');
  });

  it('Yakutia 27 April 2020 falls on presidential non-working days and is not carried over', () => {
    // Mon 27 Apr 2020 lay inside the presidential non-working days (30 Mar – 11 May 2020): it is
    // no weekend and no federal holiday, so it simply coincides with them. The first day after
    // them, Tue 12 May 2020, stays a working day.
    const cal = calendarOf('yakutia');
    expect(['2020-04-27', '2020-05-08', '2020-05-11'].map((d) => kindOf(cal, d))).toEqual(['off', 'off', 'off']);
    expect(['2020-05-12', '2020-05-13'].map((d) => kindOf(cal, d))).toEqual(['work', 'work']);
    expect(minutesOn(cal, '2020-05-12')).toBe(minutesOn(calendarOf('ivanovo'), '2020-05-12'));
    // Without the presidential layer 27 Apr is the day off itself, and 12 May works as well.
    const noDecrees = calendarOf('yakutia', { presidentialDays: false });
    expect(['2020-04-27', '2020-04-28', '2020-05-12'].map((d) => kindOf(noDecrees, d))).toEqual(['off', 'work', 'work']);
    // Ysyakh 2020 fell on Sunday 21 Jun: a weekend, so Mon 22 Jun is off, either way.
    for (const c of [cal, noDecrees]) expect(['2020-06-22', '2020-06-23'].map((d) => kindOf(c, d))).toEqual(['off', 'work']);
  });

  it('Yakutia: each year the holiday is off on its date, or on the next working day when that date is a day off', () => {
    // [date off, days that stay working] for 2020–2027 (presidential days on).
    const expected: Array<[string, string[]]> = [
      ['2020-04-27', ['2020-05-12']],
      ['2020-06-22', ['2020-06-23']],
      ['2021-04-27', ['2021-04-28']],
      ['2021-06-21', ['2021-06-22']],
      ['2022-04-27', ['2022-04-28']],
      ['2022-06-21', ['2022-06-22']],
      ['2023-04-27', ['2023-04-28']],
      ['2023-06-21', ['2023-06-22']],
      // 27 Apr 2024 was a working Saturday (decree № 1314): the holiday is that Saturday itself.
      ['2024-04-27', ['2024-05-02', '2024-05-03']],
      ['2024-06-21', ['2024-06-24']],
      ['2025-04-28', ['2025-04-29']],
      ['2025-06-23', ['2025-06-24']],
      ['2026-04-27', ['2026-04-28']],
      ['2026-06-22', ['2026-06-23']],
      ['2027-04-27', ['2027-04-28']],
      ['2027-06-21', ['2027-06-22']],
    ];
    const cal = calendarOf('yakutia');
    const federal = calendarOf('yakutia', { regionalDays: false });
    for (const [off, working] of expected) {
      expect([off, kindOf(cal, off)]).toEqual([off, 'off']);
      for (const d of working) expect([d, kindOf(cal, d)]).toEqual([d, kindOf(federal, d)]);
    }
    // No other day is made a day off (27 Apr 2020 already was one, a presidential day).
    const added = [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027].flatMap(daysOf).filter((d) => kindOf(cal, d) === 'off' && kindOf(federal, d) !== 'off');
    expect(added).toEqual(expected.map(([off]) => off).filter((d) => d !== '2020-04-27'));
  });

  it('Saratov: Radonitsa (Orthodox Easter + 9 days) off, the Monday before shortened', () => {
    expect(orthodoxEaster(2025)).toBe('2025-04-20');
    expect(orthodoxEaster(2026)).toBe('2026-04-12');
    const cal = calendarOf('saratov');
    expect(['2025-04-28', '2025-04-29', '2025-04-30'].map((d) => kindOf(cal, d))).toEqual(['short', 'off', 'short']);
    expect(kindOf(cal, '2026-04-21')).toBe('off');
    expect(kindOf(calendarOf('ivanovo'), '2026-04-21')).toBe('work');
  });
});

describe('years outside the data', () => {
  it('warns, and keeps weekends and fixed-date holidays only', () => {
    expect(productionCalendarWarning(2026)).toBeNull();
    expect(productionCalendarWarning(2028)).toEqual({ reason: 'worktime.noProductionCalendar', params: { year: 2028 } });
    expect(spoken(productionCalendarWarning(2028)!)).toMatch(/^Производственный календарь на 2028 год не загружен: /);
    const cal = calendarOf('ivanovo');
    expect(['2028-01-03', '2028-01-08', '2028-02-23', '2028-05-09'].map((d) => kindOf(cal, d))).toEqual(['off', 'off', 'off', 'off']);
    // 2028-01-08 is a Saturday: no carry-over is guessed without a decree.
    expect(kindOf(cal, '2028-01-10')).toBe('work');
  });

  it('rejects an unknown region', () => {
    expect(() => regionalSchedule('moscow' as Region)).toThrow('unknown region: moscow');
  });
});

describe('worked examples across holidays', () => {
  const msk = calendarOf('ivanovo');
  const at = (iso: string) => Date.parse(iso);
  it('30 Dec 2025 17:30 + 9 working hours → Tue 13 Jan 2026 09:30', async () => {
    const { addWorkingMinutes } = await import('@/lib/worktime');
    expect(new Date(addWorkingMinutes(msk, at('2025-12-30T17:30:00+03:00'), 540)).toISOString()).toBe('2026-01-13T06:30:00.000Z');
  });
  it('20 Feb 2026 16:00 + 8 working hours → Tue 24 Feb 16:00', async () => {
    const { addWorkingMinutes } = await import('@/lib/worktime');
    expect(new Date(addWorkingMinutes(msk, at('2026-02-20T16:00:00+03:00'), 480)).toISOString()).toBe('2026-02-24T13:00:00.000Z');
  });
});
