/**
 * Which notifications are due now: shortly before a deadline of mine (the lead time is a
 * workspace setting, counted in working time) and at its breach. Nothing off hours unless
 * overdue. Pure: the messages, the time and what was already notified are passed in, so the
 * service worker keeps no state in memory (the notified keys live in the database).
 */
import { SOON_MS } from '../worktime/left';
import type { Message } from '../model/workflow';
import { isWorkingTime, workingMinutesBetween, WorkTimeRangeError, type WorkCalendar } from '../worktime';

/** Working minutes from now to a due time, or null for a due time outside the calendar's range (skipped, never a hang or a failed badge). */
function minutesTo(calendar: WorkCalendar, now: number, dueAt: number): number | null {
  try {
    return workingMinutesBetween(calendar, now, dueAt);
  } catch (error) {
    if (error instanceof WorkTimeRangeError) return null;
    throw error;
  }
}

export interface DueNotification {
  /** Stable per message, deadline and kind: notified once. */
  key: string;
  messageId: string;
  kind: 'soon' | 'breach';
  dueAt: number;
  deadline: string;
}

export function dueNotifications(
  messages: readonly Message[],
  now: number,
  leadMinutes: number,
  calendar: WorkCalendar,
  notified: ReadonlySet<string>,
): DueNotification[] {
  const out: DueNotification[] = [];
  const working = isWorkingTime(calendar, now);
  for (const m of messages) {
    if (m.status !== 'open' || m.nextDueAt === undefined) continue;
    const deadline = m.nextDueKind ?? 'answer';
    const base = `${m.id}|${deadline}|${m.nextDueAt}`;
    if (now >= m.nextDueAt) {
      if (!notified.has(`${base}|breach`)) out.push({ key: `${base}|breach`, messageId: m.id, kind: 'breach', dueAt: m.nextDueAt, deadline });
      continue;
    }
    if (!working) continue;
    const left = minutesTo(calendar, now, m.nextDueAt);
    if (left !== null && left <= leadMinutes && !notified.has(`${base}|soon`))
      out.push({ key: `${base}|soon`, messageId: m.id, kind: 'soon', dueAt: m.nextDueAt, deadline });
  }
  return out;
}

/** My items due within the next working hour or overdue: the toolbar badge. */
export function dueSoonCount(messages: readonly Message[], now: number, calendar: WorkCalendar): number {
  let n = 0;
  for (const m of messages) {
    if (m.status !== 'open' || m.nextDueAt === undefined) continue;
    if (now >= m.nextDueAt) n += 1;
    else {
      const left = minutesTo(calendar, now, m.nextDueAt);
      if (left !== null && left * 60_000 <= SOON_MS) n += 1;
    }
  }
  return n;
}

export { queueKeys } from './queue-keys';
