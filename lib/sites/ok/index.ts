/** OK adapter: feed posts, topics and their comments as PageItems. Standard DOM API only. */
import {
  absoluteUrl,
  dedupeAttachments,
  dedupeByKey,
  epochMs,
  firstMatch,
  matchingWithin,
  outermostRoot,
  parseAll,
  postAround,
  readText,
  safeClosest,
  safeQueryAll,
  Tracer,
} from '../dom';
import type { Candidate, HealthCheck, PageItem, ReplyBox, SiteAdapter } from '../types';
import { OK, OK_TOPIC_PAGE } from './selectors';
import { SITES } from '../hosts';

const ORIGIN = `https://${SITES.ok.canonical}`;
const join = (list: readonly Candidate[]) => list.map((c) => c.selector).join(', ');
const POST_ROOT = join(OK.postRoot);
const COMMENT_ROOT = join(OK.commentRoot);
const REPLY_BOX = join(OK.replyBox);
const TOPIC = /\/(?:(group)\/(\d+)|(profile)\/(\d+)|([A-Za-z0-9_.-]+))\/(topic|statuses)\/(\d+)/;

type Trace = Tracer | undefined;
const field = (tracer: Trace, name: string) => (tracer ? { tracer, field: name } : undefined);

/** Canonical path "group/<gid>/topic/<tid>" (or profile/alias form) from an OK href. */
export function okPostPath(href: string): string | null {
  const m = href.match(TOPIC);
  if (!m) return null;
  const owner = m[1] ? `group/${m[2]}` : m[3] ? `profile/${m[4]}` : m[5];
  return `${owner}/${m[6]}/${m[7]}`;
}

const ownOfPost = (root: Element) => (el: Element) => {
  const c = safeClosest(el, COMMENT_ROOT);
  return !c || !root.contains(c);
};
const ownOfComment = (root: Element) => (el: Element) => outermostRoot(safeClosest(el, COMMENT_ROOT) ?? root, COMMENT_ROOT) === root;
const isTopPost = (el: Element) => !safeClosest(el, COMMENT_ROOT);

function attachmentsOf(root: Element, own: (el: Element) => boolean): PageItem['attachments'] {
  const list: PageItem['attachments'] = [];
  for (const [type, candidates] of [['photo', OK.photo], ['video', OK.video]] as const) {
    for (const el of candidates.flatMap((c) => safeQueryAll(root, c.selector)).filter(own)) {
      const url = absoluteUrl(el.getAttribute('href'), ORIGIN);
      list.push(url ? { type, url } : { type });
    }
  }
  return dedupeAttachments(list);
}

function postPath(root: Element, tracer?: Trace): string | null {
  const link = firstMatch(root, OK.permalink, ownOfPost(root), field(tracer, 'post-permalink'));
  return okPostPath(link?.element.getAttribute('href') ?? '');
}

function parsePost(root: Element, tracer?: Trace): PageItem | null {
  const path = postPath(root, tracer);
  if (!path) return null;
  const own = ownOfPost(root);
  const authorEl = firstMatch(root, OK.author, own, field(tracer, 'post-author'))?.element;
  const textEl = firstMatch(root, OK.text, own, field(tracer, 'post-text'))?.element;
  const date = firstMatch(root, OK.date, own);
  const publishedAt = date ? epochMs(date.element.getAttribute('data-time')) : undefined;
  const authorUrl = absoluteUrl(authorEl?.getAttribute('href'), ORIGIN);
  const name = authorEl ? readText(authorEl) : '';
  return {
    site: 'ok',
    kind: 'post',
    key: `ok:${path}`,
    url: `${ORIGIN}/${path}`,
    author: authorUrl ? { name, url: authorUrl } : { name },
    text: textEl ? readText(textEl, OK.textSkip) : '',
    ...(publishedAt ? { publishedAt } : {}),
    attachments: attachmentsOf(root, own),
    element: root,
  };
}

/** The id of a comment: data-seen-params JSON (data.commentId), data-id, or the hook block's id. */
function commentId(root: Element, tracer?: Trace): string | null {
  const found = firstMatch(root, OK.commentId, ownOfComment(root), field(tracer, 'comment-id'));
  const raw = found?.element.getAttribute(found.candidate.attribute ?? '') ?? '';
  let id: unknown = raw;
  if (found?.candidate.attribute === 'data-seen-params') {
    try {
      id = (JSON.parse(raw) as { data?: { commentId?: unknown } }).data?.commentId;
    } catch {
      id = undefined;
    }
  }
  if (typeof id === 'number') id = String(id);
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) {
    id = root.id.match(/^hook_Block_\w*?(\d+)$/)?.[1];
  }
  return typeof id === 'string' && id ? id : null;
}

function parseComment(root: Element, tracer?: Trace): PageItem | null {
  const post = postAround(root, POST_ROOT, isTopPost);
  const path = post ? postPath(post) : null;
  const id = commentId(root, tracer);
  if (!path || !id) return null;
  const own = ownOfComment(root);
  const authorEl = firstMatch(root, OK.commentAuthor, own, field(tracer, 'comment-author'))?.element;
  const textEl = firstMatch(root, OK.commentText, own, field(tracer, 'comment-text'))?.element;
  const date = firstMatch(root, OK.date, own);
  const publishedAt = date ? epochMs(date.element.getAttribute('data-time')) : undefined;
  const authorUrl = absoluteUrl(authorEl?.closest('a')?.getAttribute('href'), ORIGIN);
  const name = authorEl ? readText(authorEl) : '';
  return {
    site: 'ok',
    kind: 'comment',
    key: `ok:${path}_c${id}`,
    url: `${ORIGIN}/${path}?commentId=${id}`,
    parentKey: `ok:${path}`,
    author: authorUrl ? { name, url: authorUrl } : { name },
    text: textEl ? readText(textEl) : '',
    ...(publishedAt ? { publishedAt } : {}),
    attachments: attachmentsOf(root, own),
    element: root,
  };
}

function findItems(root: ParentNode, tracer?: Tracer): PageItem[] {
  const postRoots = new Set(matchingWithin(root, POST_ROOT).filter(isTopPost).map((el) => outermostRoot(el, POST_ROOT)));
  const commentRoots = new Set(matchingWithin(root, COMMENT_ROOT).map((el) => outermostRoot(el, COMMENT_ROOT)));
  return [...dedupeByKey(parseAll(postRoots, (el) => parsePost(el, tracer))), ...dedupeByKey(parseAll(commentRoots, (el) => parseComment(el, tracer)))];
}

function findReplyBoxes(root: ParentNode): ReplyBox[] {
  const boxes: ReplyBox[] = [];
  const seen = new Set<Element>();
  for (const el of matchingWithin(root, REPLY_BOX)) {
    if (seen.has(el)) continue;
    seen.add(el);
    const comment = safeClosest(el, COMMENT_ROOT);
    const key = comment ? parseComment(outermostRoot(comment, COMMENT_ROOT))?.key : (() => {
      const post = postAround(el, POST_ROOT, isTopPost);
      const path = post ? postPath(post) : null;
      return path ? `ok:${path}` : undefined;
    })();
    if (key) boxes.push({ element: el as HTMLElement, answersKey: key });
  }
  return boxes;
}

export const okAdapter: SiteAdapter = {
  site: 'ok',
  rootSelector: `${POST_ROOT}, ${COMMENT_ROOT}`,
  replyBoxSelector: REPLY_BOX,
  findItems: (root) => findItems(root),
  findReplyBoxes,
  health(doc) {
    const tracer = new Tracer();
    const roots = safeQueryAll(doc, POST_ROOT);
    const commentRoots = safeQueryAll(doc, COMMENT_ROOT);
    const items = findItems(doc, tracer);
    const posts = items.filter((i) => i.kind === 'post');
    const comments = items.filter((i) => i.kind === 'comment');
    const boxes = findReplyBoxes(doc);
    const topicPage = OK_TOPIC_PAGE.test(doc.location?.pathname ?? '/');
    const containers = safeQueryAll(doc, OK.commentsContainer).filter((c) => c.children.length > 0);
    const checks: HealthCheck[] = [
      { name: 'post-root', ok: roots.length > 0, detail: roots.length ? `${roots.length} matched` : `none of: ${POST_ROOT}` },
      { name: 'post-permalink', ok: roots.length === 0 || posts.length > 0, detail: `${posts.length} posts with a permalink` },
      { name: 'post-text', ok: posts.length === 0 || posts.some((i) => i.text), detail: tracer.describe('post-text', OK.text) },
      { name: 'post-author', ok: posts.length === 0 || posts.some((i) => i.author.name), detail: tracer.describe('post-author', OK.author) },
      {
        name: 'comment-root',
        ok: commentRoots.length > 0 || containers.length === 0,
        detail: commentRoots.length ? `${commentRoots.length} matched` : containers.length ? `comments shown, none of: ${COMMENT_ROOT}` : 'no comments shown',
      },
      { name: 'comment-id', ok: commentRoots.length === 0 || comments.length > 0, detail: `${comments.length} comments with an id` },
      { name: 'comment-author', ok: comments.length === 0 || comments.some((i) => i.author.name), detail: tracer.describe('comment-author', OK.commentAuthor) },
      { name: 'comment-text', ok: comments.length === 0 || comments.some((i) => i.text), detail: tracer.describe('comment-text', OK.commentText) },
      { name: 'reply-box', ok: boxes.length > 0 || (!topicPage && commentRoots.length === 0), detail: boxes.length ? `${boxes.length} matched` : `none of: ${REPLY_BOX}` },
    ];
    return { ok: checks.every((c) => c.ok), checks };
  },
  buttonAnchor(item) {
    if (item.kind === 'comment') {
      // Beside the comment's date (its footer line), else after the author's name.
      const own = ownOfComment(item.element);
      const anchor = firstMatch(item.element, OK.date, own)?.element ?? firstMatch(item.element, OK.commentAuthor, own)?.element;
      if (anchor?.parentElement) return { parent: anchor.parentElement, before: anchor.nextSibling };
      return { parent: item.element, before: null };
    }
    const header = firstMatch(item.element, OK.header, ownOfPost(item.element))?.element;
    if (header?.parentElement) return { parent: header.parentElement, before: header.nextSibling };
    return { parent: item.element, before: item.element.firstChild };
  },
  replyControl(item) {
    if (item.kind !== 'comment') return null;
    const found = firstMatch(item.element, OK.commentReply, ownOfComment(item.element))?.element;
    return found && 'click' in found ? (found as HTMLElement) : null;
  },
};
