/**
 * What only OK reads its own way: a post's path from its permalink, a comment's id from the
 * JSON in data-seen-params, keys and links, and the page a URL is the own page of. Ids are
 * opaque (../shared/docs/vk-ok-dom.md §3 gives no format): kept as found, made key-safe by keyPart.
 */
import { SITES } from '../hosts';
import { keyPart, MAX_KEY_LENGTH, safeMatches, type Match } from '../dom';
import type { Reader } from '../skeleton';
import { OK } from './selectors';

const ORIGIN = `https://${SITES.ok.canonical}`;
/** /group/<gid>/topic/<tid>, /profile/<uid>/statuses/<sid>, /<alias>/topic/<tid>. */
const TOPIC = /\/(?:(group)\/([\w-]+)|(profile)\/([\w-]+)|([A-Za-z0-9_.-]+))\/(topic|statuses)\/([\w-]+)/;
const OWN_PAGE = /\/(topic|statuses)\/[\w-]+\/?$/;
/** Longer ids (as key parts) are not ids: a stored key has at most MAX_KEY_LENGTH characters. */
const MAX_ID = 120;

/** Canonical path "group/<gid>/topic/<tid>" (or profile/alias form) from an OK href. */
export function okPostPath(href: string): string | null {
  const m = href.match(TOPIC);
  if (!m) return null;
  const owner = m[1] ? `group/${m[2]}` : m[3] ? `profile/${m[4]}` : m[5];
  return `${owner}/${m[6]}/${m[7]}`;
}

/** A post's path from its permalink. */
export function okPostId(root: Element, read: Reader): string | null {
  return okPostPath(read.first(root, 'post', 'permalink', OK.permalink, 'post-permalink')?.element.getAttribute('href') ?? '');
}

/** The id of a comment: data-seen-params JSON (data.commentId), data-id, or the hook block's id. */
export function okCommentId(root: Element, read: Reader): { id: string } | null {
  const self = OK.commentId.findIndex((c) => safeMatches(root, c.selector));
  if (self >= 0) read.tracer?.hit('comment-id', self);
  const found: Match | null =
    self >= 0 ? { element: root, candidate: OK.commentId[self]!, index: self } : read.first(root, 'comment', 'id', OK.commentId, 'comment-id');
  const id = idOf(found) ?? root.id.match(/^hook_Block_\w*?(\d+)$/)?.[1];
  return id ? { id } : null;
}

function idOf(found: Match | null): string | null {
  const raw = found?.element.getAttribute(found.candidate.attribute ?? '');
  if (!found || raw == null) return null;
  let id: unknown = raw;
  if (found.candidate.attribute === 'data-seen-params') {
    try {
      id = (JSON.parse(raw) as { data?: { commentId?: unknown } } | null)?.data?.commentId;
    } catch {
      id = undefined;
    }
  }
  if (typeof id === 'number' && Number.isFinite(id)) id = String(id);
  return typeof id === 'string' && id.trim() && keyPart(id).length <= MAX_ID ? id : null;
}

export function okCommentKey(path: string, id: string): { key: string; url: string } | null {
  const key = `ok:${path}_c${keyPart(id)}`;
  return key.length <= MAX_KEY_LENGTH ? { key, url: `${ORIGIN}/${path}?commentId=${encodeURIComponent(id)}` } : null;
}

/** https://ok.ru/group/3/topic/4 → 'group/3/topic/4': the topic or status a page is the own page of. */
export function okPagePath(pathname: string): string | null {
  return OWN_PAGE.test(pathname) ? okPostPath(pathname) : null;
}
