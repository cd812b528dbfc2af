/**
 * Build-time helper: turns the "manifest" section of each messages file into the
 * `_locales/<lang>/messages.json` files the browser reads for the extension's name.
 */
import ru from './locales/ru.json';
import en from './locales/en.json';

const locales = { ru, en };

export function localeFiles(): Array<{ relativeDest: string; contents: string }> {
  return Object.entries(locales).map(([lang, file]) => ({
    relativeDest: `_locales/${lang}/messages.json`,
    contents: JSON.stringify(Object.fromEntries(Object.entries(file.manifest).map(([name, message]) => [name, { message }])), null, 2),
  }));
}
