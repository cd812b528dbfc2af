// @vitest-environment node
/**
 * The region's summary period and due date. Seeds: Yakutia п. 21 «еженедельно», Ivanovo п. 21
 * «еженедельно», Saratov п. 19 «ежемесячно», Khabarovsk п. 15 «ежемесячно … в срок до 20 числа
 * месяца, следующего за отчетным». Where no due date is stated: the end of the first working day
 * after the period.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { getProfile, type ProfileId } from '@/lib/regulations';
import { periodContaining, precedingPeriod, ReportError, summaryPeriod } from '@/lib/reports';
import { createWorkCalendar, REGIONS, regionalSchedule, type Region } from '@/lib/worktime';

const setup = (region: Region) => {
  const profile = getProfile(region as Exclude<ProfileId, 'custom'>);
  const calendar = createWorkCalendar(regionalSchedule(region));
  const zone = REGIONS[region].zone;
  const at = (iso: string) => DateTime.fromISO(iso, { zone }).toMillis();
  const show = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
  return { profile, calendar, at, show };
};

describe('summary period by region', () => {
  it('Yakutia (п. 21): weekly, the last complete week, due by the end of the next working day', () => {
    const { profile, calendar, at, show } = setup('yakutia');
    const s = summaryPeriod(profile, calendar, at('2026-12-03T12:00')); // a Thursday
    expect([show(s.period.from), show(s.period.to), show(s.previous.from)]).toEqual(['2026-11-23 00:00', '2026-11-30 00:00', '2026-11-16 00:00']);
    expect(s).toMatchObject({ kind: 'weekly', clause: 'п. 21', dueSource: 'default', state: 'overdue' });
    expect(show(s.dueAt)).toBe('2026-11-30 18:00'); // Monday 30 November, end of the working day
    expect(show(s.remindAt)).toBe('2026-11-30 09:00'); // one working day before, not before the week is over
    // On Monday morning the reminder is due; on Sunday it is scheduled.
    expect(summaryPeriod(profile, calendar, at('2026-11-30T10:00')).state).toBe('remind');
  });

  it('Ivanovo (п. 21): weekly; a holiday Monday moves the due date to the next working day', () => {
    const { profile, calendar, at, show } = setup('ivanovo');
    // The week of 28 December 2026 – 3 January 2027: the next working day after it is 11 January 2027
    // (1–8 January are holidays, 9–10 a weekend).
    const s = summaryPeriod(profile, calendar, at('2027-01-05T12:00'));
    expect([show(s.period.from), show(s.period.to)]).toEqual(['2026-12-28 00:00', '2027-01-04 00:00']);
    expect(show(s.dueAt)).toBe('2027-01-11 18:00');
    expect(s.state).toBe('scheduled');
  });

  it('Saratov (п. 19): monthly, due by the end of the first working day of the next month', () => {
    const { profile, calendar, at, show } = setup('saratov');
    const s = summaryPeriod(profile, calendar, at('2026-12-03T12:00'));
    expect([show(s.period.from), show(s.period.to), show(s.previous.from), show(s.previous.to)]).toEqual([
      '2026-11-01 00:00',
      '2026-12-01 00:00',
      '2026-10-01 00:00',
      '2026-11-01 00:00',
    ]);
    expect(s).toMatchObject({ kind: 'monthly', clause: 'п. 19', dueSource: 'default', state: 'overdue' });
    expect(show(s.dueAt)).toBe('2026-12-01 18:00');
  });

  it('Khabarovsk (п. 15): monthly, due before the 20th of the next month', () => {
    const { profile, calendar, at, show } = setup('khabarovsk');
    const s = summaryPeriod(profile, calendar, at('2026-12-03T12:00'));
    expect([show(s.period.from), show(s.period.to)]).toEqual(['2026-11-01 00:00', '2026-12-01 00:00']);
    expect(s).toMatchObject({ kind: 'monthly', clause: 'п. 15', dueSource: 'act', state: 'scheduled' });
    expect(show(s.dueAt)).toBe('2026-12-20 00:00');
    // One working day before: Friday 18 December, 18:00 → the reminder at 09:00 that day.
    expect(show(s.remindAt)).toBe('2026-12-18 09:00');
    expect(summaryPeriod(profile, calendar, at('2026-12-18T10:00')).state).toBe('remind');
  });

  it('the previous period of a free one has the same length', () => {
    expect(precedingPeriod({ from: 1000, to: 3000 })).toEqual({ from: 0, to: 1000 }); // never before 1970
    expect(precedingPeriod({ from: 10_000, to: 13_000 })).toEqual({ from: 7000, to: 10_000 });
  });

  it('refuses bad input with a code', () => {
    const { profile, calendar } = setup('yakutia');
    expect(() => summaryPeriod(profile, calendar, Number.NaN)).toThrow(ReportError);
    expect(() => summaryPeriod(profile, calendar, Date.UTC(2026, 0, 1), { dueWorkingDays: 0 })).toThrow(/bad-option/);
    expect(() => periodContaining('weekly', 'Mars/Olympus', Date.UTC(2026, 0, 1))).toThrow(/bad-zone/);
  });
});
