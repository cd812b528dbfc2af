import { afterEach, describe, expect, it } from 'vitest';
import { formatDuration, formatInstant } from '@/components/format';
import { setLocale } from '@/lib/i18n';

afterEach(() => setLocale('ru'));

describe('formatting', () => {
  it('formats durations with Russian plural forms; seconds only in the last hour', () => {
    expect(formatDuration(0)).toBe('0 секунд');
    expect(formatDuration(1_000)).toBe('1 секунда');
    expect(formatDuration(59_999)).toBe('59 секунд');
    expect(formatDuration(61_000)).toBe('1 минута 1 секунда');
    expect(formatDuration(2 * 3_600_000 + 15 * 60_000 + 5_000)).toBe('2 часа 15 минут');
    expect(formatDuration(5 * 3_600_000)).toBe('5 часов');
    expect(formatDuration(21 * 3_600_000 + 22 * 60_000)).toBe('21 час 22 минуты');
    expect(formatDuration(-5_000)).toBe('0 секунд');
  });

  it('shows an instant in the schedule zone, not the machine zone', () => {
    const instant = Date.UTC(2026, 10, 25, 15, 0); // 18:00 in Moscow, 00:00 next day in Yakutsk
    expect(formatInstant(instant, 'Europe/Moscow')).toMatch(/25 нояб\.?,? 18:00/);
    expect(formatInstant(instant, 'Asia/Yakutsk')).toMatch(/26 нояб\.?,? 00:00/);
    setLocale('en');
    expect(formatInstant(instant, 'Europe/Moscow')).toMatch(/Nov 25,? 18:00/);
    expect(formatDuration(3_600_000 + 60_000)).toBe('1 hour 1 minute');
  });
});
