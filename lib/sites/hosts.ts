/** Match patterns of the sites the extension works on; the manifest and the content script share them. */
export const SITE_MATCHES = ['https://vk.com/*', 'https://vk.ru/*', 'https://ok.ru/*'];

/** Host names the content script may send messages from (checked in the background). */
export const SITE_HOSTS = ['vk.com', 'vk.ru', 'ok.ru'] as const;

export function isSiteHost(hostname: string): boolean {
  return (SITE_HOSTS as readonly string[]).includes(hostname);
}

/** storage.local key: the reply checker on or off per site ({ vk?: boolean, ok?: boolean }; on when unset). */
export const CHECKER_SITES_KEY = 'checker.sites';
