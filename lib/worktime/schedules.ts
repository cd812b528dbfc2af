/** Built-in schedules, as plain data (no Luxon here, so light bundles may import them). */
import type { LocalInterval, ScheduleSpec } from './types';

const nineToSix: LocalInterval[] = [['09:00', '18:00']];

/**
 * The schedule used before a workspace exists (the popup's first frame, tests): Monday–Friday
 * 09:00–18:00 in Moscow time, no holidays. A workspace counts with regionalSchedule() instead.
 */
export const DEFAULT_SCHEDULE: ScheduleSpec = {
  zone: 'Europe/Moscow',
  week: { '1': nineToSix, '2': nineToSix, '3': nineToSix, '4': nineToSix, '5': nineToSix, '6': [], '7': [] },
};
