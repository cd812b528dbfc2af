/**
 * The address of an official account: a VK or OK community or profile, canonical
 * (https, vk.com / ok.ru whatever host it was given on, lower case, no query, no trailing slash),
 * through lib/sites' one list of hosts (canonicalProfile). A link to a post, photo, video or
 * comment, or to a site's own section (the feed, search), is refused with a code, never thrown.
 */
import { canonicalHost, canonicalProfile, SITES, type SiteId } from '../sites/hosts';
import { okPagePath } from '../sites/ok/ids';
import { vkPagePath } from '../sites/vk/ids';
import { fail, ok, type Result } from './reasons';

export type Network = SiteId;
export const NETWORKS: readonly Network[] = ['vk', 'ok'];

/** Longer addresses are not addresses (the workspace keeps a body's pages to 500 characters). */
export const MAX_URL_LENGTH = 500;

/** VK objects: a post, photo, video, clip, discussion, album, product, story, document, poll… (owner_id form). */
const VK_OBJECT = /^(wall|photo|video|clip|topic|album|market|product|story|doc|note|poll|audio|board|videos|photos|albums)-?\d+(_\d+)?$/;
/** VK query parameters that open an object over a page (?w=wall-1_2, ?z=photo-1_2). */
const VK_OVERLAY = /^(wall|photo|video|clip|story|product|market|topic|album)-?\d+_\d+/;
/** VK's own sections, not anyone's page. */
const VK_SECTIONS = new Set([
  'feed',
  'im',
  'search',
  'friends',
  'groups',
  'settings',
  'login',
  'join',
  'apps',
  'games',
  'music',
  'video',
  'audio',
  'docs',
  'bookmarks',
  'fave',
  'support',
  'dev',
  'away.php',
  'share.php',
  'al_feed.php',
  'write',
  'services',
  'ads',
]);
/** A VK screen name, or club123, public123, event123, id123. */
const VK_NAME = /^[a-z0-9_.]{2,64}$/;

/** OK's own sections. */
const OK_SECTIONS = new Set([
  'feed',
  'messages',
  'friends',
  'groups',
  'games',
  'video',
  'music',
  'search',
  'settings',
  'guests',
  'notifications',
  'marks',
  'photos',
  'gifts',
  'dk',
  'app',
  'apps',
  'live',
  'discussions',
  'shop',
  'help',
]);
/** OK objects under a page: photos, albums, videos. */
const OK_OBJECT_PARTS = new Set(['album', 'albums', 'photo', 'photos', 'pphotos', 'video', 'topic', 'statuses']);
const OK_ID = /^[\w.-]{1,64}$/;

export interface AccountUrl {
  url: string;
  network: Network;
}

/** Accepts «vk.com/club1» without a scheme; anything else goes to URL as it is. */
function withScheme(input: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(input) || input.startsWith('//') ? input : `https://${input}`;
}

/**
 * The canonical https address of a VK or OK community or profile, or why it is not one:
 * 'accounts.url.malformed' (not a URL), 'accounts.url.notVkOk' (another site or scheme),
 * 'accounts.url.post' (a post, photo, video or comment: the page it belongs to is wanted),
 * 'accounts.url.notAPage' (a section of the site, a page's sub-page, or not a name).
 */
export function canonicalAccountUrl(input: unknown): Result<AccountUrl> {
  if (typeof input !== 'string') return fail('accounts.url.malformed', { value: typeof input });
  const text = input.trim();
  if (!text || text.length > MAX_URL_LENGTH || /\s/.test(text)) return fail('accounts.url.malformed', { value: text.slice(0, 80) });
  let parsed: URL;
  try {
    parsed = new URL(withScheme(text));
  } catch {
    return fail('accounts.url.malformed', { value: text.slice(0, 80) });
  }
  const host = canonicalHost(parsed.hostname.toLowerCase());
  if (!host || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return fail('accounts.url.notVkOk', { host: parsed.hostname || parsed.protocol });
  const network: Network = host === SITES.vk.canonical ? 'vk' : 'ok';
  const url = canonicalProfile(parsed.href);
  if (!url) return fail('accounts.url.notAPage', { url: `https://${host}/` });
  const path = new URL(url).pathname;
  const segments = path.split('/').filter(Boolean);
  const refusal = network === 'vk' ? vkRefusal(path, segments, parsed.searchParams) : okRefusal(path, segments);
  return refusal ? fail(refusal, { url }) : ok({ url, network });
}

function vkRefusal(path: string, segments: string[], query: URLSearchParams): 'accounts.url.post' | 'accounts.url.notAPage' | null {
  if (vkPagePath(path) || segments.some((s) => VK_OBJECT.test(s) && s.includes('_'))) return 'accounts.url.post';
  if (['w', 'z'].some((p) => VK_OVERLAY.test(query.get(p) ?? '')) || query.has('reply')) return 'accounts.url.post';
  const [name] = segments;
  if (segments.length !== 1 || !name || VK_SECTIONS.has(name) || VK_OBJECT.test(name) || !VK_NAME.test(name)) return 'accounts.url.notAPage';
  return null;
}

function okRefusal(path: string, segments: string[]): 'accounts.url.post' | 'accounts.url.notAPage' | null {
  const [first, second] = segments;
  if (!first || (segments.length === 1 && OK_SECTIONS.has(first))) return 'accounts.url.notAPage';
  if (okPagePath(path) || segments.some((s) => OK_OBJECT_PARTS.has(s))) return 'accounts.url.post';
  // ok.ru/group/<id>, ok.ru/profile/<id>, ok.ru/<alias>
  if ((first === 'group' || first === 'profile') && segments.length === 2 && second && OK_ID.test(second)) return null;
  if (segments.length === 1 && !OK_SECTIONS.has(first) && first !== 'group' && first !== 'profile' && OK_ID.test(first)) return null;
  return 'accounts.url.notAPage';
}
