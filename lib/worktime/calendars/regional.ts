/** Regional days off of the seed regions, computed from their rules for any year. */
import { dayKey, dayNumberOf } from '../local';
import { checkYear } from '../range';

export type RegionalRule = 'yakutia-republic-day' | 'yakutia-ysyakh' | 'saratov-radonitsa';

/** Orthodox Easter (Gregorian date) by the Meeus Julian algorithm; valid 1900–2099. */
export function orthodoxEaster(year: number): string {
  checkYear(year);
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const day = ((d + e + 114) % 31) + 1;
  const julian = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return dayKey(dayNumberOf(julian) + 13); // Julian → Gregorian in 1900–2099
}

export function regionalDaysOff(rule: RegionalRule, year: number): { date: string; movesOffWeekend: boolean } {
  switch (rule) {
    case 'yakutia-republic-day':
      return { date: `${year}-04-27`, movesOffWeekend: true };
    case 'yakutia-ysyakh':
      return { date: `${year}-06-21`, movesOffWeekend: true };
    case 'saratov-radonitsa':
      // Always a Tuesday: Easter Sunday + 9 days.
      return { date: dayKey(dayNumberOf(orthodoxEaster(year)) + 9), movesOffWeekend: false };
  }
}
