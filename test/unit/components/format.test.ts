import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, formatInstant } from '@/components/format';
import { setLocale } from '@/lib/i18n';

afterEach(() => setLocale('ru'));

describe('formatting', () => {
  it('formats durations from seconds up to hours', () => {
    expect(formatDuration(0)).toBe('0 с');
    expect(formatDuration(59_999)).toBe('59 с');
    expect(formatDuration(61_000)).toBe('1 мин 1 с');
    expect(formatDuration(8 * 3_600_000 + 5_000)).toBe('8 ч 0 мин 5 с');
    expect(formatDuration(-5_000)).toBe('0 с');
  });

  it('shows an instant in the schedule zone, not the machine zone', () => {
    const instant = Date.UTC(2026, 10, 25, 15, 0); // 18:00 in Moscow, 00:00 next day in Yakutsk
    expect(formatInstant(instant, 'Europe/Moscow')).toMatch(/25 нояб\.?,? 18:00/);
    expect(formatInstant(instant, 'Asia/Yakutsk')).toMatch(/26 нояб\.?,? 00:00/);
    setLocale('en');
    expect(formatInstant(instant, 'Europe/Moscow')).toMatch(/Nov 25,? 18:00/);
  });
});
