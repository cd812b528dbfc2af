/**
 * UI texts. One messages file per language (locales/<lang>.json); Russian is the default and
 * the reference: every other language must have exactly its keys (checked by the type below
 * and by a unit test). Plural forms follow Intl.PluralRules, which knows Russian's
 * one/few/many (1 час, 2 часа, 5 часов) — @wxt-dev/i18n only has 0/1/n.
 */
import ru from './locales/ru.json';
import en from './locales/en.json';

export type Locale = 'ru' | 'en';
type Catalog = (typeof ru)['messages'];
export type MessageKey = keyof Catalog;
export type PluralForms = { one: string; few: string; many: string; other: string };
type PluralKey = { [K in MessageKey]: Catalog[K] extends PluralForms ? K : never }[MessageKey];
type TextKey = Exclude<MessageKey, PluralKey>;
export type Params = Record<string, string | number>;

const catalogs: Record<Locale, Record<MessageKey, string | PluralForms>> = {
  ru: ru.messages,
  en: en.messages satisfies Record<MessageKey, string | PluralForms>,
};

let current: Locale = 'ru';
const pluralRules = new Map<Locale, Intl.PluralRules>();

export function setLocale(locale: Locale): void {
  current = locale;
}

export function getLocale(): Locale {
  return current;
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

function fill(template: string, params?: Params): string {
  if (!params) return template;
  const parts = partsOf(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    out += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
}

/** A text by key, with `{name}` placeholders filled from params. */
export function t(key: TextKey, params?: Params): string {
  const entry = catalogs[current][key] ?? catalogs.ru[key];
  return fill(typeof entry === 'string' ? entry : entry.other, params);
}

/** A counted text: picks the plural form of `count` for the current language. */
export function tn(key: PluralKey, count: number, params?: Params): string {
  const entry = (catalogs[current][key] ?? catalogs.ru[key]) as PluralForms;
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

const counted = new Map<string, Map<number, string>>();

export const catalogsForTest = { ru: ru.messages, en: en.messages };
