import { describe, expect, it } from 'vitest';
import { createWorkCalendar, regionalSchedule, WorkTimeRangeError } from '@/lib/worktime';
import { SOON_MS, urgencyOf, workingTimeLeft } from '@/lib/worktime/left';

const cal = createWorkCalendar(regionalSchedule('saratov'));
// Wed 25 Nov 2026, Saratov (UTC+4): 10:00 local.
const wed10 = Date.UTC(2026, 10, 25, 6);
const H = 3_600_000;

describe('working time left, in one place', () => {
  it('counts working hours only, and says when the clock stands still', () => {
    expect(workingTimeLeft(cal, wed10, wed10 + 2 * H)).toEqual({ ms: 2 * H, urgency: 'calm', paused: false });
    // From 20:00 (off hours) to 10:00 next day: one working hour (09:00–10:00), paused now.
    expect(workingTimeLeft(cal, wed10 + 10 * H, wed10 + 24 * H)).toEqual({ ms: H, urgency: 'soon', paused: true });
  });
  it('is negative by the working time overdue', () => {
    expect(workingTimeLeft(cal, wed10 + 3 * H, wed10 + H)).toEqual({ ms: -2 * H, urgency: 'overdue', paused: false });
    expect(workingTimeLeft(cal, wed10, wed10).urgency).toBe('overdue');
  });
  it('classifies urgency at the hour boundary', () => {
    expect(urgencyOf(SOON_MS)).toBe('soon');
    expect(urgencyOf(SOON_MS + 60_000)).toBe('calm');
    expect(urgencyOf(-60_000)).toBe('overdue');
  });
  it('refuses a due time outside the calendar instead of hanging', () => {
    expect(() => workingTimeLeft(cal, wed10, 1e300)).toThrow(WorkTimeRangeError);
  });
});
