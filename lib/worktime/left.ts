/**
 * Working time left until a due time, in one place: the popup's and the desk's countdowns, the
 * capture button's compact countdown and the toolbar badge all count it here. Signed: negative
 * once the due time has passed (how late, in working time).
 */
import { isWorkingTime, workingMinutesBetween } from './index';
import type { WorkCalendar } from './types';

export type Urgency = 'calm' | 'soon' | 'overdue';

/** Within this much working time a deadline is "soon" (the badge counts it, the countdown turns amber). */
export const SOON_MS = 3_600_000;

export interface TimeLeft {
  /** Working milliseconds left (negative: overdue by as much). Whole minutes. */
  ms: number;
  urgency: Urgency;
  /** Off hours now: the countdown stands still until the next working interval. */
  paused: boolean;
}

export function urgencyOf(ms: number): Urgency {
  return ms < 0 ? 'overdue' : ms <= SOON_MS ? 'soon' : 'calm';
}

/** Throws WorkTimeRangeError for a due time outside the calendar's range (a damaged record). */
export function workingTimeLeft(cal: WorkCalendar, now: number, dueAt: number): TimeLeft {
  if (now >= dueAt) {
    const late = workingMinutesBetween(cal, dueAt, now) * 60_000;
    return { ms: -late, urgency: 'overdue', paused: false };
  }
  const ms = workingMinutesBetween(cal, now, dueAt) * 60_000;
  return { ms, urgency: ms <= SOON_MS ? 'soon' : 'calm', paused: !isWorkingTime(cal, now) };
}
