import { DateTime } from 'luxon';
import { bench, describe } from 'vitest';
import { addWorkingMinutes, createWorkCalendar, DEFAULT_SCHEDULE, workingMinutesBetween } from '@/lib/worktime';

// Same calendar and inputs for every case: random instants over three years.
const cal = createWorkCalendar(DEFAULT_SCHEDULE);
const from = DateTime.fromISO('2025-01-01T00:00', { zone: 'Europe/Moscow' }).toMillis();
const span = 3 * 365 * 86_400_000;
let seed = 42;
const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
const starts = Array.from({ length: 1000 }, () => from + Math.floor(random() * span));
let i = 0;

describe('worktime (walking-skeleton implementation)', () => {
  bench('addWorkingMinutes, 8 working hours', () => {
    addWorkingMinutes(cal, starts[i++ % starts.length]!, 480);
  });
  bench('workingMinutesBetween, ~3 days apart', () => {
    const s = starts[i++ % starts.length]!;
    workingMinutesBetween(cal, s, s + 3 * 86_400_000);
  });
});
