import { afterEach, describe, expect, it } from 'vitest';
import { browserZone, formatDateTime, formatDuration, formatInstant, offsetLabel, zoneOffsetMinutes } from '@/components/format';
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
    expect(formatInstant(instant, 'Europe/Moscow', 'Europe/Moscow')).toMatch(/25 нояб\.?,? 18:00$/);
    expect(formatInstant(instant, 'Asia/Yakutsk', 'Europe/Moscow')).toMatch(/26 нояб\.?,? 00:00 \(UTC\+9\)$/);
    setLocale('en');
    expect(formatInstant(instant, 'Europe/Moscow', 'Europe/Moscow')).toMatch(/Nov 25,? 18:00$/);
    expect(formatDuration(3_600_000 + 60_000)).toBe('1 hour 1 minute');
  });

  describe("every time in the workspace's zone, labelled when the browser's clock differs", () => {
    // 18:00 in Yakutsk on Wed 25 Nov 2026 is 12:00 in Moscow.
    const yakutsk18 = Date.UTC(2026, 10, 25, 9, 0);

    it('a Yakutia workspace seen from a Moscow browser shows 18:00 Yakutsk time with «(UTC+9)»', () => {
      expect(formatInstant(yakutsk18, 'Asia/Yakutsk', 'Europe/Moscow')).toBe('ср, 25 нояб., 18:00 (UTC+9)');
      expect(formatDateTime(yakutsk18, 'Asia/Yakutsk', 'Europe/Moscow')).toBe('25 нояб. 2026 г., 18:00 (UTC+9)');
      setLocale('en');
      expect(formatInstant(yakutsk18, 'Asia/Yakutsk', 'Europe/Moscow')).toBe('Wed, Nov 25, 18:00 (UTC+9)');
    });

    it('no label when the browser is in the same zone, or another with the same offset then', () => {
      expect(formatInstant(yakutsk18, 'Asia/Yakutsk', 'Asia/Yakutsk')).toBe('ср, 25 нояб., 18:00');
      // Chita is UTC+9 as Yakutsk is (since 2016): the clocks agree, nothing to say.
      expect(formatInstant(yakutsk18, 'Asia/Yakutsk', 'Asia/Chita')).toBe('ср, 25 нояб., 18:00');
      // By default the viewer is the browser: its own zone needs no label.
      expect(formatInstant(yakutsk18, browserZone())).not.toMatch(/\(UTC/);
    });

    it('the four seed regions, seen from a Moscow browser and from Yakutsk', () => {
      const at = (zone: string, viewer: string) => formatInstant(yakutsk18, zone, viewer).replace(/^ср, 25 нояб\., /, '');
      expect(['Asia/Yakutsk', 'Asia/Vladivostok', 'Europe/Saratov', 'Europe/Moscow'].map((z) => at(z, 'Europe/Moscow'))).toEqual([
        '18:00 (UTC+9)',
        '19:00 (UTC+10)',
        '13:00 (UTC+4)',
        '12:00',
      ]);
      expect(at('Europe/Moscow', 'Asia/Yakutsk')).toBe('12:00 (UTC+3)');
    });

    it('takes the offset the zone had at that instant (Saratov moved from UTC+3 to UTC+4 in Dec 2016)', () => {
      expect(zoneOffsetMinutes('Europe/Saratov', Date.UTC(2016, 5, 1))).toBe(180);
      expect(zoneOffsetMinutes('Europe/Saratov', Date.UTC(2020, 5, 1))).toBe(240);
      expect(formatInstant(Date.UTC(2016, 5, 1, 15), 'Europe/Saratov', 'Europe/Moscow')).toMatch(/18:00$/);
      expect(formatInstant(Date.UTC(2020, 5, 1, 14), 'Europe/Saratov', 'Europe/Moscow')).toMatch(/18:00 \(UTC\+4\)$/);
      expect([offsetLabel(0), offsetLabel(330), offsetLabel(-180)]).toEqual(['UTC', 'UTC+5:30', 'UTC\u22123']);
    });
  });
});
