/**
 * UI texts: the translator. One messages file per language (locales/<lang>.json); Russian is the
 * default and the reference: every other language must have exactly its keys (checked by the
 * type in ./catalogs.ts and by a unit test). Plural forms follow Intl.PluralRules, which knows
 * Russian's one/few/many (1 час, 2 часа, 5 часов) — @wxt-dev/i18n only has 0/1/n.
 *
 * This module holds no catalog: catalogs are installed. Extension pages and the background
 * import ./catalogs.ts (both languages); the content script installs only the language in use,
 * read from storage at start (lib/platform/locale.ts), so it bundles none.
 *
 * lib/ never says anything itself: it returns a `Reason` (a message key and its parameters) and
 * the UI says it with t(reason, params). Which language is in use is decided at the edge
 * (lib/platform/locale.ts: the browser's UI language, or the choice made in the options).
 */
import type ruFile from './locales/ru.json';

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** The reference language, and the one used when the browser speaks neither. */
export const DEFAULT_LOCALE: Locale = 'ru';

type Catalog = (typeof ruFile)['messages'];
export type MessageKey = keyof Catalog;
export type PluralForms = { one: string; few: string; many: string; other: string };
export type PluralKey = { [K in MessageKey]: Catalog[K] extends PluralForms ? K : never }[MessageKey];
export type TextKey = Exclude<MessageKey, PluralKey>;
/** A catalog as installed at run time. */
export type Messages = Readonly<Record<string, string | PluralForms>>;

/**
 * A text as lib/ returns it instead of words: a message key and its parameters. The UI says it
 * in the language in use with t(reason, params) (or say(text)).
 */
export interface Reason {
  readonly reason: TextKey;
  readonly params?: Params;
}
/** A parameter: a value, or a text said in the same language (a list of texts is joined with «; »). */
export type Param = string | number | Reason | readonly Reason[];
export type Params = Readonly<Record<string, Param>>;

/** Builds a Reason (params left out when there are none). */
export function reason(key: TextKey, params?: Params): Reason {
  return params ? { reason: key, params } : { reason: key };
}

const catalogs: Partial<Record<Locale, Messages>> = {};
let current: Locale = DEFAULT_LOCALE;
const pluralRules = new Map<Locale, Intl.PluralRules>();
const listeners = new Set<() => void>();
/** Counted texts said so far, per language and key (cleared when a language or catalog changes). */
const counted = new Map<string, Map<number, string>>();

function changed(): void {
  counted.clear();
  for (const listener of [...listeners]) listener();
}

/** Installs (or replaces) the catalog of a language. */
export function setCatalog(locale: Locale, messages: Messages): void {
  if (catalogs[locale] === messages) return;
  catalogs[locale] = messages;
  changed();
}

/** Forgets the catalog of a language (a content script starts with none). */
export function removeCatalog(locale: Locale): void {
  if (catalogs[locale] === undefined) return;
  delete catalogs[locale];
  changed();
}

export function hasCatalog(locale: Locale): boolean {
  return catalogs[locale] !== undefined;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  changed();
}

export function getLocale(): Locale {
  return current;
}

/** Calls `listener` when the language in use or its catalog changes; returns the unsubscribe. */
export function onLocaleChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** What the person chose in the options: the browser's language ('auto') or one of ours. */
export type LocaleChoice = 'auto' | Locale;
export const LOCALE_CHOICES: readonly LocaleChoice[] = ['auto', ...LOCALES];

/** A stored choice, read defensively: anything unknown is 'auto'. */
export function localeChoice(value: unknown): LocaleChoice {
  return isLocale(value) ? value : 'auto';
}

/** The language of a browser UI language tag: 'ru*' → ru, 'en*' → en, anything else → ru. */
export function browserLocale(uiLanguage: string | undefined): Locale {
  const tag = (uiLanguage ?? '').toLowerCase();
  return LOCALES.find((l) => tag === l || tag.startsWith(`${l}-`) || tag.startsWith(`${l}_`)) ?? DEFAULT_LOCALE;
}

/** The language in use: the person's choice, else the browser's UI language. */
export function resolveLocale(choice: LocaleChoice, uiLanguage: string | undefined): Locale {
  return choice === 'auto' ? browserLocale(uiLanguage) : choice;
}

/** A template split once into literal text (even indexes) and placeholder names (odd ones). */
const compiled = new Map<string, string[]>();
function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  return parts;
}

function shown(value: Param): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return (value as readonly Reason[]).map(say).join('; ');
  return say(value as Reason);
}

function fill(template: string, params?: Params): string {
  if (!params) return template;
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    out += (value === undefined ? `{${name}}` : shown(value)) + parts[i + 1]!;
  }
  return out;
}

/**
 * The entry of a key. A key the installed catalogs lack is an error (a text of another version:
 * callers that may meet one catch it); with no catalog installed at all (a content script the
 * background did not answer) the key itself stands in.
 */
function entryOf(key: string): string | PluralForms {
  const entry = catalogs[current]?.[key] ?? catalogs[DEFAULT_LOCALE]?.[key];
  if (entry !== undefined) return entry;
  if (!catalogs[current] && !catalogs[DEFAULT_LOCALE]) return key;
  throw new RangeError(`no text "${key}"`);
}

/**
 * A text by key, with `{name}` placeholders filled from params (a parameter that is itself a
 * Reason is said first). Throws on a key the catalogs do not have.
 */
export function t(key: TextKey, params?: Params): string {
  const entry = entryOf(key);
  return fill(typeof entry === 'string' ? entry : entry.other, params);
}

/** Says a Reason lib/ returned: t(reason, params). */
export function say(text: Reason): string {
  return t(text.reason, text.params);
}

/** A counted text: picks the plural form of `count` for the current language. */
export function tn(key: PluralKey, count: number, params?: Params): string {
  const entry = entryOf(key);
  if (typeof entry === 'string') return fill(entry, { count, ...params });
  let rules = pluralRules.get(current);
  if (!rules) {
    rules = new Intl.PluralRules(current);
    pluralRules.set(current, rules);
  }
  if (!params) {
    // Countdowns ask for the same few counts every second: remember them.
    const id = `${current}|${key}`;
    let byCount = counted.get(id);
    if (!byCount) counted.set(id, (byCount = new Map()));
    let text = byCount.get(count);
    if (text === undefined) {
      text = fill(entry[rules.select(count) as keyof PluralForms] ?? entry.other, { count });
      if (byCount.size < 1000) byCount.set(count, text);
    }
    return text;
  }
  const form = rules.select(count) as keyof PluralForms;
  return fill(entry[form] ?? entry.other, { count, ...params });
}
