/**
 * Regional working schedules: the federal production calendar, the presidential non-working
 * days of 2020–2021 and the seed regions' own days off, as a plain ScheduleSpec a workspace can
 * store and edit.
 */
import { reason, type Reason } from '../../i18n';
import { dayKey, dayNumberOf, isoWeekday } from '../local';
import { checkYear, iterationLimit } from '../range';
import type { LocalInterval, ScheduleSpec } from '../types';
import { FEDERAL_YEARS, HOLIDAYS, PRESIDENTIAL_DAYS } from './federal';
import { regionalDaysOff, type RegionalRule } from './regional';

export { FEDERAL_YEARS, HOLIDAYS, PRESIDENTIAL_DAYS } from './federal';
export { orthodoxEaster } from './regional';

export type Region = 'yakutia' | 'khabarovsk' | 'saratov' | 'ivanovo';

export const REGIONS: Record<Region, { zone: string; name: string; regionalDays: RegionalRule[] }> = {
  // Law РС(Я) of 26.04.2018 1993-З № 1545-V: 27 Apr (Day of the Republic) and 21 Jun (Ysyakh),
  // non-working for republic state bodies; a date on a day off (a weekend or a federal holiday)
  // moves to the next working day, one on a presidential non-working day (27 Apr 2020) does not.
  yakutia: { zone: 'Asia/Yakutsk', name: 'Республика Саха (Якутия)', regionalDays: ['yakutia-republic-day', 'yakutia-ysyakh'] },
  khabarovsk: { zone: 'Asia/Vladivostok', name: 'Хабаровский край', regionalDays: [] },
  // Saratov regional law (2012): Radonitsa, Orthodox Easter + 9 days, is a day off.
  saratov: { zone: 'Europe/Saratov', name: 'Саратовская область', regionalDays: ['saratov-radonitsa'] },
  ivanovo: { zone: 'Europe/Moscow', name: 'Ивановская область', regionalDays: [] },
};

/** Years for which the federal calendar is known from the decrees. */
export const PRODUCTION_CALENDAR_YEARS = { from: 2020, to: 2027 } as const;
/** Years after the data that still get weekends and fixed-date holidays (with a warning). */
const FALLBACK_YEARS_AFTER = 5;

/** A warning the UI shows (says) when a date falls outside the known production calendar. */
export function productionCalendarWarning(year: number): Reason | null {
  if (year >= PRODUCTION_CALENDAR_YEARS.from && year <= PRODUCTION_CALENDAR_YEARS.to) return null;
  return reason('worktime.noProductionCalendar', { year });
}

export type DayType = 'off' | 'short' | 'work';

export interface RegionalScheduleOptions {
  /** Count the presidential non-working days of 2020–2021 as days off (default true). */
  presidentialDays?: boolean;
  /** The region's own days off (default true: the schedule of a body under that region's regulation). */
  regionalDays?: boolean;
  /** A full working day's intervals (default 09:00–13:00, 14:00–18:00). */
  workday?: LocalInterval[];
  /** A shortened day's intervals (default: the full day one hour shorter at its end, art. 95). */
  shortDay?: LocalInterval[];
  /** Years to write into the schedule (default 2020 to five years after the data). */
  fromYear?: number;
  toYear?: number;
}

const DEFAULT_WORKDAY: LocalInterval[] = [
  ['09:00', '13:00'],
  ['14:00', '18:00'],
];

function isWeekend(day: number): boolean {
  return isoWeekday(day) >= 6;
}

/** A run of days off is never longer than this (the January holidays with their weekends are ~11). */
const MAX_DAYS_OFF_RUN = 366;

/** The first day from `day` on that is not a day off (bounded: no calendar data can make it spin). */
function nextNotOff(day: number, typeOf: (day: number) => DayType): number {
  for (let steps = 0; typeOf(day) === 'off'; steps++) {
    if (steps >= MAX_DAYS_OFF_RUN) throw iterationLimit('a run of days off', MAX_DAYS_OFF_RUN);
    day += 1;
  }
  return day;
}

/** Federal day types of a year, only where they differ from Mon–Fri working, Sat–Sun off. */
export function federalDayTypes(year: number, { presidentialDays = true } = {}): Map<string, DayType> {
  checkYear(year);
  const types = new Map<string, DayType>();
  const typeOf = (day: number): DayType => types.get(dayKey(day)) ?? (isWeekend(day) ? 'off' : 'work');
  const holidays = HOLIDAYS.map((md) => dayNumberOf(`${year}-${md}`));
  for (const day of holidays) types.set(dayKey(day), 'off');
  const data = FEDERAL_YEARS[year];
  if (!data) return types; // outside the data: fixed-date holidays only (productionCalendarWarning)

  const movedByDecree = new Set<string>();
  for (const [from, to] of data.transfers) {
    types.set(to, 'off');
    const fromDay = dayNumberOf(from);
    if (holidays.includes(fromDay)) movedByDecree.add(from);
    else types.set(from, 'work'); // a weekend made a working day
  }
  // Art. 112: a holiday outside January on a weekend gives its day off to the next working day.
  for (const day of holidays) {
    const key = dayKey(day);
    if (!isWeekend(day) || key.slice(5, 7) === '01' || movedByDecree.has(key)) continue;
    types.set(dayKey(nextNotOff(day + 1, typeOf)), 'off');
  }
  for (const date of data.shortened) if (typeOf(dayNumberOf(date)) === 'work') types.set(date, 'short');
  if (presidentialDays) {
    for (const { from, to } of PRESIDENTIAL_DAYS) {
      for (let day = dayNumberOf(from); day <= dayNumberOf(to); day++) if (dayKey(day).startsWith(String(year))) types.set(dayKey(day), 'off');
    }
  }
  return types;
}

/** Day types of a region's year: federal, then the region's own days off. */
export function regionalDayTypes(region: Region, year: number, options: RegionalScheduleOptions = {}): Map<string, DayType> {
  checkYear(year);
  const types = federalDayTypes(year, options);
  if (options.regionalDays === false) return types;
  const typeIn = (map: Map<string, DayType>, day: number): DayType => map.get(dayKey(day)) ?? (isWeekend(day) ? 'off' : 'work');
  const typeOf = (day: number): DayType => typeIn(types, day);
  // Weekends and federal holidays (with their transfers) without the presidential non-working
  // days: only these are a «выходной» that moves a regional holiday.
  const daysOff = options.presidentialDays === false ? types : federalDayTypes(year, { presidentialDays: false });
  for (const rule of REGIONS[region].regionalDays) {
    const { date, movesOffWeekend } = regionalDaysOff(rule, year);
    let day = dayNumberOf(date);
    // The working day immediately before the holiday is one hour shorter (art. 95 by analogy).
    if (typeOf(day - 1) === 'work') types.set(dayKey(day - 1), 'short');
    // A holiday on a weekend or a federal holiday moves to the next working day. One on a
    // presidential non-working day (27 Apr 2020) is not carried over: it simply coincides.
    if (movesOffWeekend && typeIn(daysOff, day) === 'off') day = nextNotOff(day, typeOf);
    types.set(dayKey(day), 'off');
  }
  return types;
}

function shorten(workday: LocalInterval[]): LocalInterval[] {
  const last = workday[workday.length - 1];
  if (!last) return [];
  const [h, m] = last[1].split(':').map(Number) as [number, number];
  const end = h * 60 + m - 60;
  const start = Number(last[0].slice(0, 2)) * 60 + Number(last[0].slice(3, 5));
  const hhmm = (x: number) => `${String(Math.floor(x / 60)).padStart(2, '0')}:${String(x % 60).padStart(2, '0')}`;
  return end > start ? [...workday.slice(0, -1), [last[0], hhmm(end)]] : workday.slice(0, -1);
}

/**
 * The working schedule of a body in a seed region: Mon–Fri 09:00–18:00 with a 13:00–14:00
 * break, shortened pre-holiday days, federal holidays and transfers, the presidential days of
 * 2020–2021 and the region's own days off, for 2020 to five years past the data. Years past the
 * data carry only weekends and fixed-date holidays: productionCalendarWarning(year) says so.
 */
export function regionalSchedule(region: Region, options: RegionalScheduleOptions = {}): ScheduleSpec {
  const info = REGIONS[region];
  if (!info) throw new Error(`unknown region: ${String(region)}`);
  const workday = options.workday ?? DEFAULT_WORKDAY;
  const shortDay = options.shortDay ?? shorten(workday);
  const from = options.fromYear ?? PRODUCTION_CALENDAR_YEARS.from;
  const to = options.toYear ?? PRODUCTION_CALENDAR_YEARS.to + FALLBACK_YEARS_AFTER;
  // Both within WORKTIME_YEARS, so the loop below runs at most ~230 times (none when to < from).
  checkYear(from);
  checkYear(to);
  const days: Record<string, LocalInterval[]> = {};
  for (let year = from; year <= to; year++) {
    for (const [date, type] of [...regionalDayTypes(region, year, options)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const weekend = isWeekend(dayNumberOf(date));
      if (type === 'off' && !weekend) days[date] = [];
      else if (type === 'short') days[date] = shortDay;
      else if (type === 'work' && weekend) days[date] = workday;
    }
  }
  return {
    zone: info.zone,
    week: { '1': workday, '2': workday, '3': workday, '4': workday, '5': workday, '6': [], '7': [] },
    days,
  };
}
