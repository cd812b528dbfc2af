/**
 * Site adapters: everything that knows VK or OK markup. Each site is its selectors
 * (<site>/selectors.ts) and its few own readers (<site>/ids.ts) put into the shared skeleton
 * (skeleton/), which finds items, reads their fields, reply boxes and the page's health.
 */
import { okAdapter, okPagePath } from './ok';
import type { SiteAdapter } from './types';
import { vkAdapter, vkPagePath } from './vk';
import { siteOfHost } from './hosts';

export type { Candidate, HealthCheck, HealthOptions, PageItem, ReplyBox, SiteAdapter } from './types';
export { vkAdapter } from './vk';
export { okAdapter } from './ok';

/** The adapter for a page URL: vk.com, vk.ru, ok.ru; null elsewhere. */
export function adapterFor(url: string | URL): SiteAdapter | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return null;
  }
  const site = siteOfHost(host);
  return site === 'vk' ? vkAdapter : site === 'ok' ? okAdapter : null;
}

/**
 * The key of the item a permalink page is about (a post's or photo's own page), or null:
 * https://vk.ru/wall-1_2 → 'vk:wall-1_2', https://ok.ru/group/3/topic/4 → 'ok:group/3/topic/4'.
 * An item root there without a permalink of its own takes this key (the adapters' pagePath).
 */
export function pageItemKey(url: string | URL): string | null {
  const adapter = adapterFor(url);
  if (!adapter) return null;
  const { pathname } = new URL(url);
  const path = adapter.site === 'vk' ? vkPagePath(pathname) : okPagePath(pathname);
  return path ? `${adapter.site}:${path}` : null;
}
