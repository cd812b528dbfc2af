/**
 * The one list of the sites the extension works on and their hosts. Everything that names
 * vk.com, vk.ru or ok.ru (the manifest, the adapters' lookup, the canonical permalink, the
 * background's tab query, the desk's reply link, the sender check) takes it from here.
 */
export type SiteId = 'vk' | 'ok';

interface SiteHosts {
  /** The host permalinks are stored with. */
  canonical: string;
  /** Every desktop host that shows the site's pages (the content script runs there). */
  hosts: readonly string[];
  /** Mobile hosts: same pages, recognised in links, not worked on. */
  mobile: readonly string[];
}

export const SITES: Readonly<Record<SiteId, SiteHosts>> = {
  vk: { canonical: 'vk.com', hosts: ['vk.com', 'vk.ru'], mobile: ['m.vk.com', 'm.vk.ru'] },
  ok: { canonical: 'ok.ru', hosts: ['ok.ru'], mobile: ['m.ok.ru'] },
};

const SITE_IDS = Object.keys(SITES) as SiteId[];

/** Host names the content script runs on and may send messages from (checked in the background). */
export const SITE_HOSTS: readonly string[] = SITE_IDS.flatMap((id) => SITES[id].hosts);

/** Match patterns of those hosts: the manifest's and the tab query's. */
export const SITE_MATCHES: string[] = SITE_HOSTS.map((host) => `https://${host}/*`);

/** The match patterns of one site's tabs (vk: vk.com and vk.ru). */
export function siteMatches(site: SiteId): string[] {
  return SITES[site].hosts.map((host) => `https://${host}/*`);
}

export function isSiteHost(hostname: string): boolean {
  return SITE_HOSTS.includes(hostname);
}

/** The site a desktop host belongs to, or null. */
export function siteOfHost(hostname: string): SiteId | null {
  return SITE_IDS.find((id) => SITES[id].hosts.includes(hostname)) ?? null;
}

/** The canonical host for any host of a site, mobile included (vk.ru → vk.com); null elsewhere. */
export function canonicalHost(hostname: string): string | null {
  const id = SITE_IDS.find((s) => SITES[s].hosts.includes(hostname) || SITES[s].mobile.includes(hostname));
  return id ? SITES[id].canonical : null;
}

/**
 * A link on one of the sites, trimmed, on its canonical host (https://vk.ru/wall1_2 →
 * https://vk.com/wall1_2); anything else (already canonical, another host, not a URL) comes back
 * trimmed and otherwise unchanged.
 */
export function canonicalLink(value: string): string {
  const trimmed = value.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  const host = canonicalHost(url.hostname);
  if (!host || host === url.hostname) return trimmed;
  url.hostname = host;
  return url.toString();
}

/** True for the hosts permalinks are stored with (vk.com, ok.ru). */
export function isCanonicalHost(hostname: string): boolean {
  return SITE_IDS.some((id) => SITES[id].canonical === hostname);
}

/** True when a string is an https link to a page on one of the sites' desktop hosts. */
export function isSiteLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && isSiteHost(url.hostname) && url.pathname.length > 1 && !/\s/.test(value);
  } catch {
    return false;
  }
}

/**
 * storage.local key: the official's own profiles and the bodies' pages, canonical
 * (canonicalProfile), written by the background from the workspace: a comment they post gets no
 * capture button (the reply published is not a citizen's message).
 */
export const OWN_PAGES_KEY = 'capture.own';

/** The canonical own pages of a workspace's profiles and bodies (for OWN_PAGES_KEY). */
export function ownPages(profiles: readonly string[], bodyPages: readonly string[]): string[] {
  const out = new Set<string>();
  for (const url of [...profiles, ...bodyPages]) {
    const page = canonicalProfile(url);
    if (page) out.add(page);
  }
  return [...out].sort();
}

/** storage.local key: the reply checker on or off per site ({ vk?: boolean, ok?: boolean }; on when unset). */
export const CHECKER_SITES_KEY = 'checker.sites';

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
  const host = canonicalHost(parsed.hostname);
  if (!host || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
  const path = parsed.pathname.replace(/\/+$/, '').toLowerCase();
  return path ? `https://${host}${path}` : null;
}
