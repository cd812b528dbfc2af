/** What a countdown shows: remaining (or overdue) working time, urgency, paused off hours. */
import { t } from '@/lib/i18n';
import { isWorkingTime, workingMinutesBetween, WorkTimeRangeError, type WorkCalendar } from '@/lib/worktime';
import { formatDuration } from './format';

export type Urgency = 'calm' | 'soon' | 'overdue';

export interface CountdownView {
  urgency: Urgency;
  /** Working hours are over for now: the countdown stands still until the next working interval. */
  paused: boolean;
  label: string;
}

const HOUR = 3_600_000;

export function countdownView(cal: WorkCalendar, dueAt: number, now: number): CountdownView {
  try {
    return view(cal, dueAt, now);
  } catch (error) {
    // A due time outside the calendar's range (a damaged record): a dash, not a broken screen.
    if (error instanceof WorkTimeRangeError) return { urgency: 'calm', paused: false, label: '—' };
    throw error;
  }
}

function view(cal: WorkCalendar, dueAt: number, now: number): CountdownView {
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

/** Builds what a first countdown needs (the calendar's index around now), ahead of the render. */
export function warmCalendar(cal: WorkCalendar, now: number): void {
  countdownView(cal, now + HOUR, now);
}
