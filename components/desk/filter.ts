/** The desk's queue filters (pure: the clock and the calendar are passed in). */
import type { Message } from '@/lib/model/workflow';
import { localDateOf, type WorkCalendar } from '@/lib/worktime';

export interface QueueFilter {
  step: string;
  body: string;
  topic: string;
  dueToday: boolean;
  overdueOnly: boolean;
  search: string;
}

export function filterQueue(queue: readonly Message[], f: QueueFilter, now: number, calendar: WorkCalendar): Message[] {
  const today = localDateOf(calendar, now);
  const sameDay = (at: number) => {
    try {
      return localDateOf(calendar, at) === today;
    } catch {
      return false; // a due time outside the calendar's range: not today
    }
  };
  const q = f.search.trim().toLowerCase();
  return queue.filter((m) => {
    if (f.step && m.step !== f.step) return false;
    if (f.body && !m.bodies.includes(f.body)) return false;
    if (f.topic && m.topic !== f.topic) return false;
    if (f.overdueOnly && !(m.nextDueAt !== undefined && m.nextDueAt < now)) return false;
    // Due today: the next deadline falls on today's date in the workspace's zone (or is already past).
    if (f.dueToday && !(m.nextDueAt !== undefined && (m.nextDueAt < now || sameDay(m.nextDueAt)))) return false;
    if (q) return [m.text, m.topic, m.location, m.author.name].some((s) => s.toLowerCase().includes(q));
    return true;
  });
}
