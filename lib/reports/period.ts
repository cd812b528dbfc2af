/**
 * Report periods: half-open [from, to) instants, read as local dates in the region's zone (the
 * calendar's). The region's summary is weekly or monthly as its act says (profile.reports):
 * Yakutia п. 21 and Ivanovo п. 21 — «еженедельно»; Saratov п. 19 — «ежемесячно»; Khabarovsk
 * п. 15 — «ежемесячно … в срок до 20 числа месяца, следующего за отчетным».
 *
 * Due dates: only Khabarovsk states one. Where the act is silent (the weekly acts and Saratov),
 * the summary is due by the end of the first working day after the period (a product decision,
 * `dueWorkingDays`, editable by the caller). Khabarovsk's «до 20 числа» is read strictly: due
 * at the start of the 20th (local midnight), so a reminder never comes too late.
 */
import { DateTime } from 'luxon';
import type { RegulationProfile } from '../regulations';
import { addWorkingDays, MAX_INSTANT, MIN_INSTANT, nextWorkingInstant, subtractWorkingMinutes, type WorkCalendar } from '../worktime';
import { ReportError } from './errors';

/** A half-open interval of instants [from, to) (epoch ms). */
export interface Period {
  from: number;
  to: number;
}

export type SummaryKind = 'weekly' | 'monthly';

/** The longest period a report takes (three years): bounds the per-day series. */
export const MAX_PERIOD_DAYS = 1100;

/** Refuses a period that is not [from, to) of integer instants in range with from < to. */
export function checkPeriod(period: Period, what = 'period'): void {
  const { from, to } = period ?? ({} as Period);
  for (const v of [from, to])
    if (typeof v !== 'number' || !Number.isInteger(v) || v < MIN_INSTANT || v > MAX_INSTANT)
      throw new ReportError(
        'period-out-of-range',
        { value: String(v), min: MIN_INSTANT, max: MAX_INSTANT },
        `${what}: ${String(v)} is not an instant in range`,
      );
  if (!(from < to)) throw new ReportError('period-reversed', { value: `${from}..${to}` }, `${what}: from (${from}) must be before to (${to})`);
  if (to - from > MAX_PERIOD_DAYS * 86_400_000)
    throw new ReportError('period-too-long', { value: to - from, max: MAX_PERIOD_DAYS }, `${what}: longer than ${MAX_PERIOD_DAYS} days`);
}

/** The period of the same length just before (for «change against the previous period»). */
export function precedingPeriod(period: Period): Period {
  checkPeriod(period);
  const length = period.to - period.from;
  return { from: Math.max(MIN_INSTANT, period.from - length), to: period.from };
}

/** The local week (Monday 00:00 to the next Monday 00:00) or calendar month holding `at`, in `zone`. */
export function periodContaining(kind: SummaryKind, zone: string, at: number): Period {
  checkInstantArg(at, 'at');
  const unit = kind === 'weekly' ? 'week' : 'month';
  const start = DateTime.fromMillis(at, { zone }).startOf(unit); // Luxon weeks are ISO: Monday first
  if (!start.isValid) throw new ReportError('bad-zone', { value: zone }, `unknown time zone ${zone}`);
  return { from: start.toMillis(), to: start.plus(kind === 'weekly' ? { weeks: 1 } : { months: 1 }).toMillis() };
}

export interface SummaryOptions {
  /** Where the act states no due date: due by the end of this many working days after the period (default 1). */
  dueWorkingDays?: number;
  /** How long before the due time the reminder comes, in working minutes (default one working day, 480). */
  reminderLeadMinutes?: number;
}

export interface SummaryPeriod {
  kind: SummaryKind;
  /** The act's clause that requires the summary (profile.reports.clause). */
  clause: string;
  /** The last complete period at `now`: the one the summary is due for. */
  period: Period;
  /** The period before it (the previous week or calendar month), for the change figures. */
  previous: Period;
  /** When the summary is due. */
  dueAt: number;
  /** 'act': the due date is the act's (Khabarovsk п. 15); 'default': the act is silent (dueWorkingDays). */
  dueSource: 'act' | 'default';
  /** When to remind: `reminderLeadMinutes` working minutes before dueAt, never before the period has ended. */
  remindAt: number;
  /** At `now`: before the reminder, reminding, or past due (the caller drops it once the summary is sent). */
  state: 'scheduled' | 'remind' | 'overdue';
}

/**
 * The region's summary at `now`: weekly or monthly by the profile (which follows the seed act),
 * the last complete period, its due time and reminder.
 */
export function summaryPeriod(profile: RegulationProfile, calendar: WorkCalendar, now: number, options: SummaryOptions = {}): SummaryPeriod {
  checkInstantArg(now, 'now');
  const kind = profile.reports.summary;
  const zone = calendar.spec.zone;
  const current = periodContaining(kind, zone, now);
  const period = periodContaining(kind, zone, current.from - 1);
  const previous = periodContaining(kind, zone, period.from - 1);
  const dueDay = profile.reports.dueDayOfNextMonth;
  let dueAt: number;
  let dueSource: SummaryPeriod['dueSource'];
  if (kind === 'monthly' && dueDay !== undefined) {
    dueAt = DateTime.fromMillis(period.to, { zone }).set({ day: dueDay }).startOf('day').toMillis();
    dueSource = 'act';
  } else {
    const days = options.dueWorkingDays ?? 1;
    if (!Number.isInteger(days) || days < 1 || days > 31) throw new ReportError('bad-option', { value: String(days), min: 1, max: 31 }, 'dueWorkingDays');
    dueAt = addWorkingDays(calendar, period.to - 1, days);
    dueSource = 'default';
  }
  const lead = options.reminderLeadMinutes ?? 480;
  if (!Number.isInteger(lead) || lead < 0 || lead > 60 * 24 * 31)
    throw new ReportError('bad-option', { value: String(lead), min: 0, max: 60 * 24 * 31 }, 'reminderLeadMinutes');
  const remindAt = Math.min(dueAt, Math.max(nextWorkingInstant(calendar, period.to), lead ? subtractWorkingMinutes(calendar, dueAt, lead) : dueAt));
  const state = now >= dueAt ? 'overdue' : now >= remindAt ? 'remind' : 'scheduled';
  return { kind, clause: profile.reports.clause, period, previous, dueAt, dueSource, remindAt, state };
}

function checkInstantArg(v: number, what: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < MIN_INSTANT || v > MAX_INSTANT)
    throw new ReportError('period-out-of-range', { value: String(v), min: MIN_INSTANT, max: MAX_INSTANT }, `${what}: not an instant in range`);
}
