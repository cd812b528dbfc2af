import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addWorkingMinutes,
  createWorkCalendar,
  DEFAULT_SCHEDULE,
  isWorkingTime,
  nextWorkingInstant,
  workingIntervals,
  workingMinutesBetween,
  ScheduleError,
  type ScheduleSpec,
} from '@/lib/worktime';
import { thrownText } from '../../helpers/i18n';

const cal = createWorkCalendar(DEFAULT_SCHEDULE);
const msk = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Moscow' }).toMillis();
const iso = (ms: number) => DateTime.fromMillis(ms, { zone: 'Europe/Moscow' }).toISO({ suppressMilliseconds: true });

describe('working-time arithmetic on Mon–Fri 09:00–18:00 (Moscow)', () => {
  it('adds 8 working hours within one day', () => {
    // Wednesday 25 Nov 2026, 09:30 → 17:30
    expect(iso(addWorkingMinutes(cal, msk('2026-11-25T09:30'), 480))).toBe('2026-11-25T17:30:00+03:00');
  });

  it('ends a deadline that fills the day at 18:00, not next morning', () => {
    expect(iso(addWorkingMinutes(cal, msk('2026-11-25T10:00'), 480))).toBe('2026-11-25T18:00:00+03:00');
  });

  it('carries over the weekend (Friday 17:00 + 8 h → Monday 16:00)', () => {
    expect(iso(addWorkingMinutes(cal, msk('2026-11-27T17:00'), 480))).toBe('2026-11-30T16:00:00+03:00');
  });

  it('counts a post found off hours from the next working morning (Yakutia п.9)', () => {
    expect(iso(addWorkingMinutes(cal, msk('2026-11-28T12:00'), 480))).toBe('2026-11-30T17:00:00+03:00');
    expect(iso(addWorkingMinutes(cal, msk('2026-11-25T20:00'), 60))).toBe('2026-11-26T10:00:00+03:00');
  });

  it('keeps the milliseconds of a sub-minute start', () => {
    const start = msk('2026-11-25T09:00:30.250');
    expect(addWorkingMinutes(cal, start, 1) - start).toBe(60_000);
  });

  it('returns the start for 0 minutes and rejects negative or fractional minutes', () => {
    const start = msk('2026-11-28T12:00');
    expect(addWorkingMinutes(cal, start, 0)).toBe(start);
    expect(() => addWorkingMinutes(cal, start, -1)).toThrow(RangeError);
    expect(() => addWorkingMinutes(cal, start, 1.5)).toThrow(RangeError);
  });

  it('measures working minutes between two instants, 0 for an empty range', () => {
    expect(workingMinutesBetween(cal, msk('2026-11-27T17:00'), msk('2026-11-30T10:00'))).toBe(120);
    expect(workingMinutesBetween(cal, msk('2026-11-30T10:00'), msk('2026-11-27T17:00'))).toBe(0);
    expect(workingMinutesBetween(cal, msk('2026-11-25T10:00:00'), msk('2026-11-25T10:00:30'))).toBe(0.5);
  });

  it('is the inverse of addWorkingMinutes', () => {
    for (const start of ['2026-11-25T08:00', '2026-11-27T17:59:59', '2026-11-29T23:00', '2026-11-25T13:00']) {
      for (const n of [1, 59, 480, 541, 2000]) {
        const end = addWorkingMinutes(cal, msk(start), n);
        expect(workingMinutesBetween(cal, msk(start), end)).toBe(n);
        expect(workingMinutesBetween(cal, msk(start), end - 1)).toBeLessThan(n);
      }
    }
  });

  it('knows working time and the next working instant', () => {
    expect(isWorkingTime(cal, msk('2026-11-25T09:00'))).toBe(true);
    expect(isWorkingTime(cal, msk('2026-11-25T18:00'))).toBe(false);
    expect(isWorkingTime(cal, msk('2026-11-28T12:00'))).toBe(false);
    expect(iso(nextWorkingInstant(cal, msk('2026-11-27T18:00')))).toBe('2026-11-30T09:00:00+03:00');
    expect(nextWorkingInstant(cal, msk('2026-11-25T11:11'))).toBe(msk('2026-11-25T11:11'));
  });

  it('lists the working intervals of a range, clipped', () => {
    const list = workingIntervals(cal, msk('2026-11-27T12:00'), msk('2026-11-30T10:00'));
    expect(list.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2026-11-27T12:00:00+03:00', '2026-11-27T18:00:00+03:00'],
      ['2026-11-30T09:00:00+03:00', '2026-11-30T10:00:00+03:00'],
    ]);
  });
});

describe('schedule specs', () => {
  const base = DEFAULT_SCHEDULE;
  it('honours per-date overrides and 24:00 ends in far zones', () => {
    const spec: ScheduleSpec = {
      zone: 'Asia/Yakutsk',
      week: { ...base.week, '6': [['20:00', '24:00']] },
      days: { '2026-11-27': [] },
    };
    const yak = createWorkCalendar(spec);
    const start = DateTime.fromISO('2026-11-27T10:00', { zone: 'Asia/Yakutsk' }).toMillis();
    const end = addWorkingMinutes(yak, start, 240); // Friday off → Saturday 20:00–24:00
    expect(DateTime.fromMillis(end, { zone: 'Asia/Yakutsk' }).toISO({ suppressMilliseconds: true })).toBe('2026-11-29T00:00:00+09:00');
  });

  it.each([
    ['an unknown zone', { ...base, zone: 'Mars/Olympus' }, 'часовой пояс'],
    ['an inverted interval', { ...base, week: { ...base.week, '1': [['18:00', '09:00']] } }, 'перевёрнут'],
    [
      'overlapping intervals',
      {
        ...base,
        week: {
          ...base.week,
          '2': [
            ['09:00', '13:00'],
            ['12:00', '18:00'],
          ],
        },
      },
      'пересекаются',
    ],
    ['a bad time', { ...base, week: { ...base.week, '3': [['9:00', '18:00']] } }, 'ЧЧ:ММ'],
    ['a bad date', { ...base, days: { '2026-02-30': [] } }, 'ГГГГ-ММ-ДД'],
    ['an inverted interval on a date', { ...base, days: { '2026-11-25': [['18:00', '09:00']] } }, 'days.2026-11-25: интервал 18:00–09:00 пуст или перевёрнут'],
    ['days that are not an object', { ...base, days: 'всегда' }, 'ожидался объект'],
  ])('rejects %s with a clear error', (_name, spec, text) => {
    expect(() => createWorkCalendar(spec as ScheduleSpec)).toThrow(ScheduleError);
    expect(thrownText(() => createWorkCalendar(spec as ScheduleSpec))).toMatch(
      new RegExp(`^Неверный рабочий график: .*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it("keeps wall-clock hours on a daylight-saving change (zones other than Russia's)", () => {
    const ny = createWorkCalendar({ ...base, zone: 'America/New_York', week: { ...base.week, '7': [['01:00', '04:00']] } });
    const at = (iso: string) => DateTime.fromISO(iso, { zone: 'America/New_York' }).toMillis();
    // Sunday 8 Mar 2026: clocks jump from 02:00 to 03:00, so 01:00–04:00 holds two hours.
    expect(workingMinutesBetween(ny, at('2026-03-08T00:00'), at('2026-03-09T00:00'))).toBe(120);
    expect(workingMinutesBetween(ny, at('2026-03-09T00:00'), at('2026-03-10T00:00'))).toBe(540);
    expect(DateTime.fromMillis(addWorkingMinutes(ny, at('2026-03-06T17:00'), 120), { zone: 'America/New_York' }).toFormat('MM-dd HH:mm')).toBe('03-08 03:00');
  });

  it('says so when a schedule has no working time at all', () => {
    const empty = createWorkCalendar({ ...base, week: { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] } });
    expect(thrownText(() => addWorkingMinutes(empty, msk('2026-11-25T10:00'), 1))).toBe('В рабочем графике не хватает рабочего времени: проверьте расписание');
  });
});
