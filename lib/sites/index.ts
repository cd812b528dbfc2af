/** Site adapters: everything that knows VK or OK markup. */
import { okAdapter } from './ok';
import type { SiteAdapter } from './types';
import { vkAdapter } from './vk';

export type { Candidate, HealthCheck, PageItem, ReplyBox, SiteAdapter } from './types';
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
  if (host === 'vk.com' || host === 'vk.ru') return vkAdapter;
  if (host === 'ok.ru') return okAdapter;
  return null;
}
