/**
 * The texts of the page's controls: the content script bundles no catalog. The one of the
 * language in use is read from storage (the background keeps it there), or asked of the
 * background, before anything is painted; a later change of the language applies to what is
 * drawn from then on (lib/platform/locale.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { siteRequest } from '@/lib/messaging/site-client';
import { browserLocaleApi, followCatalog, loadCatalog, type CatalogSource } from '@/lib/platform/locale';

const ask: CatalogSource = async (locale) => (await siteRequest('i18n.catalog', { locale })).messages;

export async function loadPageCatalog(ctx: ContentScriptContext): Promise<void> {
  const api = browserLocaleApi();
  if (!(await loadCatalog(api, ask).catch(() => null))) console.warn('[aot] no UI texts: the extension did not answer');
  ctx.onInvalidated(followCatalog(api, ask));
}
