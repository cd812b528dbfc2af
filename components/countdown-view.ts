/** What a countdown shows: remaining (or overdue) working time, urgency, paused off hours. */
import { t } from '@/lib/i18n';
import { WorkTimeRangeError, type WorkCalendar } from '@/lib/worktime';
import { SOON_MS, workingTimeLeft, type Urgency } from '@/lib/worktime/left';
import { formatDuration } from './format';

export type { Urgency };

export interface CountdownView {
  urgency: Urgency;
  /** Working hours are over for now: the countdown stands still until the next working interval. */
  paused: boolean;
  label: string;
}

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
  const { ms, urgency, paused } = workingTimeLeft(cal, now, dueAt);
  const label = urgency === 'overdue' ? t('countdown.overdue', { time: formatDuration(-ms) }) : t('countdown.left', { time: formatDuration(ms) });
  return { urgency, paused, label };
}

/** Builds what a first countdown needs (the calendar's index around now), ahead of the render. */
export function warmCalendar(cal: WorkCalendar, now: number): void {
  countdownView(cal, now + SOON_MS, now);
}
