/** Formatting of durations and instants for the UI, from the messages file. */
import { DateTime } from 'luxon';
import { getLocale, t, tn } from '@/lib/i18n';
import { isWorkingTime, workingMinutesBetween, type WorkCalendar } from '@/lib/worktime';

/** "7 ч 59 мин 12 с"; seconds are shown only under one hour unless `seconds` is forced. */
export function formatDuration(ms: number, { seconds = true }: { seconds?: boolean } = {}): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(tn('time.hours', h));
  if (h || m) parts.push(tn('time.minutes', m));
  if (seconds || (!h && !m)) parts.push(tn('time.seconds', s));
  return parts.join(' ');
}

/** A wall-clock instant in the schedule's zone: "пн, 24 нояб., 15:30". */
export function formatInstant(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).setLocale(getLocale()).toFormat('ccc, d MMM, HH:mm');
}

export type Urgency = 'calm' | 'soon' | 'overdue';

export interface CountdownView {
  urgency: Urgency;
  /** Working hours are over for now: the countdown stands still until the next working interval. */
  paused: boolean;
  label: string;
}

const HOUR = 3_600_000;

/** What a countdown to dueAt shows at `now`, counted in working time. */
export function countdownView(cal: WorkCalendar, dueAt: number, now: number): CountdownView {
  if (now >= dueAt) {
    const late = workingMinutesBetween(cal, dueAt, now) * 60_000;
    return { urgency: 'overdue', paused: false, label: t('countdown.overdue', { time: formatDuration(late) }) };
  }
  const left = workingMinutesBetween(cal, now, dueAt) * 60_000;
  return {
    urgency: left <= HOUR ? 'soon' : 'calm',
    paused: !isWorkingTime(cal, now),
    label: t('countdown.left', { time: formatDuration(left) }),
  };
}
