/**
 * The language in use, decided at the edge: the browser's UI language ('ru*' → Russian, 'en*' →
 * English, anything else → Russian), unless the person chose one in the options (storage.local
 * LOCALE_CHOICE_KEY). Every entry point applies it at start and follows the choice live.
 *
 * Extension pages and the background install both catalogs (lib/i18n/catalogs.ts). The content
 * script bundles none: the background keeps the catalog of the language in use in storage.local
 * (ACTIVE_CATALOG_KEY), written at every start and on every change of the choice; the content
 * script reads it before it paints, and asks the background over the channel when it is missing,
 * of another language or of another version (an update, or the moment after a change).
 */
import { browser } from 'wxt/browser';
import { getLocale, localeChoice, resolveLocale, setCatalog, setLocale, type Locale, type LocaleChoice, type Messages } from '../i18n';
import { activeCatalogSchema, type ActiveCatalog } from '../i18n/schema';
import type { Changes } from './ports';

/** storage.local: the person's choice in the options ('auto', 'ru' or 'en'; absent = 'auto'). */
export const LOCALE_CHOICE_KEY = 'ui.locale';
/** storage.local: the catalog of the language in use (ActiveCatalog), for content scripts. */
export const ACTIVE_CATALOG_KEY = 'ui.catalog';

/** What deciding the language needs of the browser (tests pass a fake). */
export interface LocaleApi {
  /** browser.i18n.getUILanguage(). */
  uiLanguage(): string | undefined;
  /** The extension's version: a stored catalog written by another version is not used. */
  readonly version: string;
  storage: {
    get(keys: string[]): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    /** Changes of storage.local; returns the unsubscribe. */
    onChanged(listener: (changes: Changes) => void): () => void;
  };
}

export function browserLocaleApi(): LocaleApi {
  return {
    uiLanguage: () => {
      try {
        return browser.i18n.getUILanguage();
      } catch {
        return undefined;
      }
    },
    get version() {
      try {
        return browser.runtime.getManifest().version;
      } catch {
        return '';
      }
    },
    storage: {
      get: (keys) => browser.storage.local.get(keys),
      set: (items) => browser.storage.local.set(items),
      onChanged: (listener) => {
        const fn = (changes: Changes, area: string) => {
          if (area === 'local') listener(changes);
        };
        browser.storage.onChanged.addListener(fn);
        return () => browser.storage.onChanged.removeListener(fn);
      },
    },
  };
}

export async function readLocaleChoice(api: LocaleApi): Promise<LocaleChoice> {
  return localeChoice((await api.storage.get([LOCALE_CHOICE_KEY]))[LOCALE_CHOICE_KEY]);
}

export async function saveLocaleChoice(api: LocaleApi, choice: LocaleChoice): Promise<void> {
  await api.storage.set({ [LOCALE_CHOICE_KEY]: choice });
}

/** The language in use: the stored choice, else the browser's UI language. */
export async function chosenLocale(api: LocaleApi): Promise<Locale> {
  return resolveLocale(await readLocaleChoice(api), api.uiLanguage());
}

/**
 * Extension pages and the background (both catalogs installed): applies the chosen language,
 * then follows the choice; `onChange` runs after each change is applied. Resolves once the
 * language is applied, with the unsubscribe.
 */
export async function followChosenLocale(api: LocaleApi, onChange?: (locale: Locale) => void): Promise<() => void> {
  let latest = 0;
  const apply = async () => {
    const ticket = ++latest;
    const locale = await chosenLocale(api);
    // A slower read of an older change never overrides a newer one.
    if (ticket !== latest) return;
    setLocale(locale);
    return locale;
  };
  const stop = api.storage.onChanged((changes) => {
    if (!(LOCALE_CHOICE_KEY in changes)) return;
    void apply().then((locale) => locale && onChange?.(locale));
  });
  await apply();
  return stop;
}

/** A short digest of a catalog (FNV-1a over its JSON): tells a stale stored copy from the current one. */
export function catalogDigest(messages: Messages): string {
  const text = JSON.stringify(messages);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${text.length.toString(36)}-${(hash >>> 0).toString(36)}`;
}

/**
 * The background: keeps the catalog of the language in use in storage for content scripts,
 * written only when it differs from the stored one (the worker wakes every minute).
 */
export async function publishCatalog(api: LocaleApi, catalogs: Readonly<Record<Locale, Messages>>, locale: Locale = getLocale()): Promise<void> {
  const messages = catalogs[locale];
  const digest = catalogDigest(messages);
  const stored = (await api.storage.get([ACTIVE_CATALOG_KEY]))[ACTIVE_CATALOG_KEY] as Partial<ActiveCatalog> | undefined;
  if (stored?.locale === locale && stored.version === api.version && stored.digest === digest) return;
  await api.storage.set({ [ACTIVE_CATALOG_KEY]: { locale, version: api.version, digest, messages } satisfies ActiveCatalog });
}

/** Asks the background for a language's catalog (null when it cannot be reached). */
export type CatalogSource = (locale: Locale) => Promise<Messages | null>;

function install(locale: Locale, messages: Messages): Locale {
  setCatalog(locale, messages);
  setLocale(locale);
  return locale;
}

/**
 * The content script: installs the catalog of the language in use before anything is painted —
 * the stored one when it is of that language and this version, else the background's. When the
 * background cannot be reached, a stored catalog of another language or version is better than
 * none. Resolves to the language installed, or null (nothing to show texts with).
 */
export async function loadCatalog(api: LocaleApi, ask: CatalogSource): Promise<Locale | null> {
  const stored = await api.storage.get([LOCALE_CHOICE_KEY, ACTIVE_CATALOG_KEY]);
  const want = resolveLocale(localeChoice(stored[LOCALE_CHOICE_KEY]), api.uiLanguage());
  const active = activeCatalogSchema.safeParse(stored[ACTIVE_CATALOG_KEY]);
  if (active.success && active.data.locale === want && active.data.version === api.version) return install(want, active.data.messages);
  const fetched = await ask(want).catch(() => null);
  if (fetched) return install(want, fetched);
  return active.success ? install(active.data.locale, active.data.messages) : null;
}

/**
 * The content script: follows a change of the choice or of the stored catalog (what is drawn
 * from then on is in the new language). Returns the unsubscribe.
 */
export function followCatalog(api: LocaleApi, ask: CatalogSource, onChange?: (locale: Locale) => void): () => void {
  let latest = 0;
  return api.storage.onChanged((changes) => {
    if (!(LOCALE_CHOICE_KEY in changes) && !(ACTIVE_CATALOG_KEY in changes)) return;
    const ticket = ++latest;
    void loadCatalog(api, ask).then((locale) => {
      if (locale && ticket === latest) onChange?.(locale);
    });
  });
}
