/** Formatting of durations and instants for the UI, from the messages file (Intl only, no Luxon). */
import { getLocale, tn } from '@/lib/i18n';

/**
 * "2 часа 15 минут" with Russian plural forms (Intl.PluralRules). Seconds show only in the
 * last hour, where they matter; hours and minutes drop out when zero.
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const parts: string[] = [];
  if (h) parts.push(tn('time.hours', h));
  if (m) parts.push(tn('time.minutes', m));
  if (!h) parts.push(tn('time.seconds', s));
  if (!parts.length) parts.push(tn('time.minutes', 0));
  return parts.join(' ');
}

const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** A wall-clock instant in the schedule's zone: "ср, 25 нояб., 18:00". */
export function formatInstant(ms: number, zone: string): string {
  const id = `${getLocale()}|${zone}`;
  let format = instantFormats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(getLocale(), {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    instantFormats.set(id, format);
  }
  return format.format(ms);
}
