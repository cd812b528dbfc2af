/** Match patterns of the sites the extension works on; the manifest and the content script share them. */
export const SITE_MATCHES = ['https://vk.com/*', 'https://vk.ru/*', 'https://ok.ru/*'];

/** Host names the content script may send messages from (checked in the background). */
export const SITE_HOSTS = ['vk.com', 'vk.ru', 'ok.ru'] as const;

export function isSiteHost(hostname: string): boolean {
  return (SITE_HOSTS as readonly string[]).includes(hostname);
}

/** storage.local key: the reply checker on or off per site ({ vk?: boolean, ok?: boolean }; on when unset). */
export const CHECKER_SITES_KEY = 'checker.sites';

/** vk.ru and the mobile hosts show the same pages as vk.com and ok.ru. */
const PROFILE_HOSTS: Record<string, string> = { 'vk.com': 'vk.com', 'vk.ru': 'vk.com', 'm.vk.com': 'vk.com', 'm.vk.ru': 'vk.com', 'ok.ru': 'ok.ru', 'm.ok.ru': 'ok.ru' };

/**
 * A person's or a community's page, comparable: https, the canonical host, the path in lower
 * case without a trailing slash, no query or fragment. Null for anything that is not a page on
 * the two sites.
 */
export function canonicalProfile(url: string, base?: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch {
    return null;
  }
  const host = PROFILE_HOSTS[parsed.hostname];
  if (!host || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  const path = parsed.pathname.replace(/\/+$/, '').toLowerCase();
  return path ? `https://${host}${path}` : null;
}
