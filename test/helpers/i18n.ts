/** Reasons lib/ returns, said as the UI says them, after checking every key they name exists in every language. */
import { getLocale, say, setLocale, type Locale, type Param, type Reason } from '@/lib/i18n';
import { catalogsForTest } from '@/lib/i18n/catalogs';

/** The keys a reason names, its nested reasons' included. */
export function keysOf(r: Reason): string[] {
  const nested = Object.values(r.params ?? {}).flatMap((p: Param) =>
    typeof p === 'object' ? (Array.isArray(p) ? (p as readonly Reason[]).flatMap(keysOf) : keysOf(p as Reason)) : [],
  );
  return [r.reason, ...nested];
}

/**
 * What a reason says in a language (Russian by default), through t(reason, params); throws when
 * a key it names is missing from a catalog.
 */
export function spoken(r: Reason, locale: Locale = 'ru'): string {
  for (const key of keysOf(r))
    for (const [lang, catalog] of Object.entries(catalogsForTest)) if (!Object.hasOwn(catalog, key)) throw new Error(`"${key}" is not in the ${lang} catalog`);
  const before = getLocale();
  setLocale(locale);
  try {
    return say(r);
  } finally {
    setLocale(before);
  }
}

/** What an error lib/ throws with a reason (ImportError, ScheduleError…) says; rethrows any other. */
export function thrownText(run: () => unknown, locale: Locale = 'ru'): string {
  try {
    run();
  } catch (error) {
    if (error instanceof Error && 'reason' in error) return spoken(error as unknown as Reason, locale);
    throw error;
  }
  throw new Error('nothing was thrown');
}
