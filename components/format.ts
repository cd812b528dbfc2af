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

/** "2 ч 15 мин"-like, to the minute, of a signed duration's size (the capture button's countdown). */
export function formatMinutes(ms: number): string {
  const minutes = Math.max(0, Math.round(Math.abs(ms) / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? tn('time.hours', h) : '', m || !h ? tn('time.minutes', m) : ''].filter(Boolean).join(' ');
}

/** The browser's own time zone (IANA name), where the official's clock runs. */
export function browserZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone's offset from UTC at the instant, in minutes (Intl only: the zone's history applies). */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormats.set(zone, format);
  }
  const part: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const { type, value } of format.formatToParts(ms)) if (type !== 'literal') part[type] = Number(value);
  const wall = Date.UTC(part.year ?? 1970, (part.month ?? 1) - 1, part.day ?? 1, part.hour ?? 0, part.minute ?? 0, part.second ?? 0);
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** "UTC+9", "UTC+5:30", "UTC−3", "UTC": the same in every language. */
export function offsetLabel(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const abs = Math.abs(minutes);
  const mm = abs % 60;
  return `UTC${minutes < 0 ? '\u2212' : '+'}${Math.floor(abs / 60)}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
}

/**
 * The zone's label at the instant, "(UTC+9)", when its offset then differs from the viewer's
 * zone's (the browser's by default); an empty string when both clocks show the same time.
 */
export function zoneLabel(ms: number, zone: string, viewerZone: string = browserZone()): string {
  if (zone === viewerZone) return '';
  const offset = zoneOffsetMinutes(zone, ms);
  return offset === zoneOffsetMinutes(viewerZone, ms) ? '' : `(${offsetLabel(offset)})`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

const STYLES = {
  /** Deadlines and recent events: "ср, 25 нояб., 18:00". */
  instant: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  /** Dated events that may be old (when a post was written): "25 нояб. 2026 г., 18:00". */
  dateTime: { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

function formatIn(style: keyof typeof STYLES, ms: number, zone: string, viewerZone?: string): string {
  const id = `${style}|${getLocale()}|${zone}`;
  let format = formats.get(id);
  if (!format) {
    format = new Intl.DateTimeFormat(getLocale(), { ...STYLES[style], timeZone: zone });
    formats.set(id, format);
  }
  const label = zoneLabel(ms, zone, viewerZone);
  return label ? `${format.format(ms)} ${label}` : format.format(ms);
}

/**
 * A wall-clock instant in the workspace's zone: "ср, 25 нояб., 18:00", followed by the zone's
 * UTC offset, "ср, 25 нояб., 18:00 (UTC+9)", when the viewer's clock (the browser's zone unless
 * given) shows another time then. Every instant the UI shows goes through here or formatDateTime.
 */
export function formatInstant(ms: number, zone: string, viewerZone?: string): string {
  return formatIn('instant', ms, zone, viewerZone);
}

/** The same with the year, for dates that may be long past: "25 нояб. 2026 г., 18:00 (UTC+9)". */
export function formatDateTime(ms: number, zone: string, viewerZone?: string): string {
  return formatIn('dateTime', ms, zone, viewerZone);
}
