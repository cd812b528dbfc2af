/**
 * The official's own profiles and the bodies' pages (storage, written by the background from
 * the workspace): a comment they post gets no capture button — the reply published is not a
 * citizen's message.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { canonicalProfile, OWN_PAGES_KEY } from '@/lib/sites/hosts';

let own: ReadonlySet<string> = new Set();

const setFrom = (value: unknown) => {
  own = new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
};

/** Reads the list once at start and follows its changes while this instance lives. */
export async function loadOwnPages(ctx: ContentScriptContext): Promise<void> {
  try {
    setFrom((await browser.storage.local.get(OWN_PAGES_KEY))[OWN_PAGES_KEY]);
  } catch {
    // Without the list every item gets its button, as before.
  }
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && OWN_PAGES_KEY in changes) setFrom(changes[OWN_PAGES_KEY]?.newValue);
  };
  browser.storage.onChanged.addListener(onChanged);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
}

/** Whether any own page is known: without one, no item's author needs to be read for it. */
export function hasOwnPages(): boolean {
  return own.size > 0;
}

/** Is this author link one of the own pages? (Nothing is read when the list is empty.) */
export function isOwnAuthor(url: string | undefined): boolean {
  if (!own.size || !url) return false;
  const page = canonicalProfile(url);
  return page !== null && own.has(page);
}
