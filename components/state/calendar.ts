/** The working calendar the UI counts with. The walking skeleton's default; settings come later. */
import { createWorkCalendar, DEFAULT_SCHEDULE, type WorkCalendar } from '@/lib/worktime';

let calendar: WorkCalendar | undefined;

export function getCalendar(): WorkCalendar {
  calendar ??= createWorkCalendar(DEFAULT_SCHEDULE);
  return calendar;
}
