/**
 * The language in use: the browser's UI language unless the person chose one in the options;
 * extension pages and the background follow the choice live; the content script, which bundles
 * no catalog, installs the stored catalog of its language or asks the background for it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserLocale, getLocale, hasCatalog, removeCatalog, resolveLocale, setCatalog, setLocale, t, type Locale, type Messages } from '@/lib/i18n';
import { catalogs } from '@/lib/i18n/catalogs';
import {
  ACTIVE_CATALOG_KEY,
  catalogDigest,
  chosenLocale,
  followCatalog,
  followChosenLocale,
  loadCatalog,
  LOCALE_CHOICE_KEY,
  publishCatalog,
  readLocaleChoice,
  saveLocaleChoice,
  type LocaleApi,
} from '@/lib/platform/locale';
import type { Changes } from '@/lib/platform/ports';

afterEach(() => {
  setLocale('ru');
  // Other tests speak with both catalogs installed.
  setCatalog('ru', catalogs.ru);
  setCatalog('en', catalogs.en);
});

/** A browser of the given UI language with an in-memory storage.local. */
function fakeApi(uiLanguage: string | undefined, initial: Record<string, unknown> = {}, version = '1.0.0') {
  const data = new Map(Object.entries(initial));
  const listeners = new Set<(changes: Changes) => void>();
  const api: LocaleApi = {
    uiLanguage: () => uiLanguage,
    version,
    storage: {
      get: vi.fn(async (keys: string[]) => Object.fromEntries(keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]))),
      set: vi.fn(async (items: Record<string, unknown>) => {
        const changes: Changes = {};
        for (const [k, v] of Object.entries(items)) {
          changes[k] = { oldValue: data.get(k), newValue: v };
          data.set(k, structuredClone(v));
        }
        for (const l of [...listeners]) l(changes);
      }),
      onChanged: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
  return { api, data };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('which language', () => {
  it.each([
    ['ru', 'ru'],
    ['ru-RU', 'ru'],
    ['RU_ru', 'ru'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['de-DE', 'ru'],
    ['uk', 'ru'],
    ['', 'ru'],
    [undefined, 'ru'],
  ] as const)('the browser speaking %s gets %s', (ui, locale) => {
    expect(browserLocale(ui)).toBe(locale);
    expect(resolveLocale('auto', ui)).toBe(locale);
  });

  it('the choice in the options wins over the browser', () => {
    expect(resolveLocale('en', 'ru-RU')).toBe('en');
    expect(resolveLocale('ru', 'en-US')).toBe('ru');
  });

  it('reads the stored choice defensively and stores a new one', async () => {
    const { api, data } = fakeApi('en-US', { [LOCALE_CHOICE_KEY]: 'fr' });
    expect(await readLocaleChoice(api)).toBe('auto');
    expect(await chosenLocale(api)).toBe('en');
    await saveLocaleChoice(api, 'ru');
    expect(data.get(LOCALE_CHOICE_KEY)).toBe('ru');
    expect(await chosenLocale(api)).toBe('ru');
  });
});

describe('extension pages and the background', () => {
  it('apply the browser language at start, then follow the choice live', async () => {
    const { api } = fakeApi('en-US');
    const changed = vi.fn();
    const stop = await followChosenLocale(api, changed);
    expect(getLocale()).toBe('en');
    expect(t('capture.button')).toBe('Take on');
    await saveLocaleChoice(api, 'ru');
    await settle();
    expect(getLocale()).toBe('ru');
    expect(t('capture.button')).toBe('Взять в работу');
    expect(changed).toHaveBeenCalledWith('ru');
    stop();
    await saveLocaleChoice(api, 'en');
    await settle();
    expect(getLocale()).toBe('ru');
  });

  it('the background stores the catalog in use for content scripts, and writes it again only when it changed', async () => {
    const { api, data } = fakeApi('ru-RU');
    await publishCatalog(api, catalogs, 'en');
    expect(data.get(ACTIVE_CATALOG_KEY)).toEqual({ locale: 'en', version: '1.0.0', digest: catalogDigest(catalogs.en), messages: catalogs.en });
    await publishCatalog(api, catalogs, 'en');
    expect(api.storage.set).toHaveBeenCalledTimes(1);
    await publishCatalog(api, catalogs, 'ru');
    expect(api.storage.set).toHaveBeenCalledTimes(2);
    expect((data.get(ACTIVE_CATALOG_KEY) as { locale: string }).locale).toBe('ru');
    // Another version's catalog (an update) is written anew even when it is of the same language.
    await publishCatalog({ ...api, version: '1.0.1' }, catalogs, 'ru');
    expect(api.storage.set).toHaveBeenCalledTimes(3);
  });

  it("a catalog's digest changes with any of its texts", () => {
    expect(catalogDigest(catalogs.ru)).not.toBe(catalogDigest(catalogs.en));
    expect(catalogDigest({ ...catalogs.ru, 'capture.button': 'Взять' })).not.toBe(catalogDigest(catalogs.ru));
    expect(catalogDigest({ ...catalogs.ru })).toBe(catalogDigest(catalogs.ru));
  });
});

describe('the content script (no catalog bundled)', () => {
  const stored = (locale: Locale, version = '1.0.0', messages: Messages = catalogs[locale]) => ({ locale, version, digest: catalogDigest(messages), messages });
  const empty = () => {
    // What the content script starts with: nothing installed.
    removeCatalog('ru');
    removeCatalog('en');
  };

  it('installs the stored catalog of its language without asking the background', async () => {
    empty();
    const { api } = fakeApi('en-US', { [ACTIVE_CATALOG_KEY]: stored('en') });
    const ask = vi.fn(async () => null);
    expect(await loadCatalog(api, ask)).toBe('en');
    expect(ask).not.toHaveBeenCalled();
    expect(t('capture.button')).toBe('Take on');
  });

  it('asks the background when the stored catalog is of another language (the choice just changed) or of another version', async () => {
    empty();
    const ask = vi.fn(async (locale: Locale) => catalogs[locale]);
    const { api } = fakeApi('ru-RU', { [LOCALE_CHOICE_KEY]: 'en', [ACTIVE_CATALOG_KEY]: stored('ru') });
    expect(await loadCatalog(api, ask)).toBe('en');
    expect(ask).toHaveBeenCalledWith('en');
    expect(t('capture.button')).toBe('Take on');
    const old = fakeApi('ru-RU', { [ACTIVE_CATALOG_KEY]: stored('ru', '0.9.0', { ...catalogs.ru, 'capture.button': 'старый текст' }) });
    expect(await loadCatalog(old.api, ask)).toBe('ru');
    expect(ask).toHaveBeenLastCalledWith('ru');
    expect(t('capture.button')).toBe('Взять в работу');
  });

  it('falls back to a stored catalog of another language when the background does not answer, and to none at all', async () => {
    empty();
    const down = vi.fn(async () => {
      throw new Error('no connection');
    });
    const { api } = fakeApi('en-US', { [ACTIVE_CATALOG_KEY]: stored('ru') });
    expect(await loadCatalog(api, down)).toBe('ru');
    expect(t('capture.button')).toBe('Взять в работу');
    empty();
    setLocale('en');
    expect(await loadCatalog(fakeApi('en-US').api, down)).toBeNull();
    expect(hasCatalog('en') || hasCatalog('ru')).toBe(false);
    // Nothing to say texts with: the key stands in rather than the page script failing.
    expect(t('capture.button')).toBe('capture.button');
  });

  it('refuses a stored catalog that is not one (a damaged value), and asks', async () => {
    empty();
    const ask = vi.fn(async (locale: Locale) => catalogs[locale]);
    const { api } = fakeApi('ru', { [ACTIVE_CATALOG_KEY]: { locale: 'ru', version: '1.0.0', digest: 'x', messages: { 'capture.button': 5 } } });
    expect(await loadCatalog(api, ask)).toBe('ru');
    expect(ask).toHaveBeenCalledWith('ru');
  });

  it('follows a change of the language: what is drawn next is in the new one', async () => {
    empty();
    const ask = vi.fn(async (locale: Locale) => catalogs[locale]);
    const { api } = fakeApi('ru-RU', { [ACTIVE_CATALOG_KEY]: stored('ru') });
    await loadCatalog(api, ask);
    const changed = vi.fn();
    const stop = followCatalog(api, ask, changed);
    // The options store the choice; the background then stores the catalog of the new language.
    await saveLocaleChoice(api, 'en');
    await api.storage.set({ [ACTIVE_CATALOG_KEY]: stored('en') });
    await vi.waitFor(() => expect(changed).toHaveBeenLastCalledWith('en'));
    expect(t('capture.button')).toBe('Take on');
    stop();
  });
});
