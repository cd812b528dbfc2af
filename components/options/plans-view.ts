/**
 * What the «Контент-планы» section says, without React: a week and a date as the page shows
 * them, the address of a post from its key, a span of time until or since a deadline, and a
 * plan deadline's line with its clause.
 */
import type { PlanDeadline } from '@/lib/accounts';
import { getLocale, t, tn } from '@/lib/i18n';
import { formatInstant, formatMinutes } from '../format';
import { clauseText } from './accounts-view';

const DAY_MS = 86_400_000;

/** '2026-05-04' → '04.05.2026' (a local date: no zone involved). */
export function dateText(date: string): string {
  return `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** '2026-05-04' → «пн, 04.05» in the language in use. */
export function dayText(date: string): string {
  const locale = getLocale();
  let format = dayFormats.get(locale);
  if (!format) dayFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { weekday: 'short', day: '2-digit', month: '2-digit', timeZone: 'UTC' })));
  return format.format(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)));
}

/** «04.05.2026 – 10.05.2026»: a week from its Monday's date and its dates. */
export function weekText(dates: readonly string[]): string {
  return t('plans.ui.weekRange', { from: dateText(dates[0] ?? ''), to: dateText(dates[dates.length - 1] ?? '') });
}

/** The post's page from its key ('vk:wall-1_2' → https://vk.com/wall-1_2), or null for another key. */
export function postUrl(key: string): string | null {
  const m = /^(vk|ok):(.+)$/.exec(key);
  if (!m) return null;
  return `${m[1] === 'vk' ? 'https://vk.com' : 'https://ok.ru'}/${m[2]}`;
}

/** «2 дня 3 ч 15 мин»: a span of calendar time, to the minute. */
export function spanText(ms: number): string {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY_MS);
  const rest = abs - days * DAY_MS;
  if (!days) return formatMinutes(rest);
  return rest >= 60_000 ? `${tn('plans.ui.days', days)} ${formatMinutes(rest)}` : tn('plans.ui.days', days);
}

/** A deadline's line: what is due, by when, under which clause, and how it stands at `now`. */
export function deadlineText(d: PlanDeadline, zone: string, now: number): string {
  const params = { what: t(`plans.ui.deadline.${d.kind}`), due: formatInstant(d.dueAt, zone), clause: clauseText(d.clause) };
  if (d.doneAt !== undefined) return t(d.met ? 'plans.ui.deadline.met' : 'plans.ui.deadline.late', { ...params, done: formatInstant(d.doneAt, zone) });
  if (now > d.dueAt) return t('plans.ui.deadline.overdue', { ...params, late: spanText(now - d.dueAt) });
  return t('plans.ui.deadline.open', { ...params, left: spanText(d.dueAt - now) });
}
