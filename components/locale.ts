/**
 * The language of an extension page: both catalogs installed, the chosen language (or the
 * browser's) applied before the first render and followed live (lib/platform/locale.ts).
 */
import '@/lib/i18n/catalogs';
import { useSyncExternalStore } from 'react';
import { getLocale, onLocaleChange, type Locale } from '@/lib/i18n';
import { browserLocaleApi, followChosenLocale } from '@/lib/platform/locale';

/**
 * Applies the language and follows it; `title` gives the page's title in it. Resolves once the
 * language is applied (or could not be read: the page then speaks the reference language).
 */
export async function startPageLocale(title?: () => string): Promise<Locale> {
  const show = () => {
    document.documentElement.lang = getLocale();
    if (title) document.title = title();
  };
  onLocaleChange(show);
  await followChosenLocale(browserLocaleApi()).catch((error: unknown) => console.warn('[aot] language not applied:', error));
  show();
  return getLocale();
}

/** The language in use; a component calling it renders again when it changes. */
export function useLocale(): Locale {
  return useSyncExternalStore(onLocaleChange, getLocale);
}
