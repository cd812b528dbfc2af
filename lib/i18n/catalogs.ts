/**
 * Both languages' catalogs, installed on import. Extension pages and the background import
 * this; the content script does not (it installs the one language in use from storage).
 */
import ru from './locales/ru.json';
import en from './locales/en.json';
import { setCatalog, type Locale, type MessageKey, type Messages, type PluralForms } from './index';

export const catalogs: Record<Locale, Messages> = {
  ru: ru.messages,
  en: en.messages satisfies Record<MessageKey, string | PluralForms>,
};

setCatalog('ru', catalogs.ru);
setCatalog('en', catalogs.en);

export const catalogsForTest = { ru: ru.messages, en: en.messages };
