/** VK adapter: posts and comments (modern and legacy markup) as PageItems. Standard DOM API only. */
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
  safeMatches,
  safeQueryAll,
  Tracer,
} from '../dom';
import type { Candidate, HealthCheck, PageItem, ReplyBox, SiteAdapter } from '../types';
import { VK, VK_POST_PAGE, VK_SINGLE_POST } from './selectors';

const ORIGIN = 'https://vk.com';
const join = (list: readonly Candidate[]) => list.map((c) => c.selector).join(', ');
const POST_ROOT = join(VK.postRoot);
const COMMENT_ROOT = join(VK.commentRoot);
const REPLY_BOX = join(VK.replyBox);
const POST_ID = /^(-?\d+)_(\d+)$/;
/** /wall-1_2, /photo-1_2 (the object a comment belongs to), optionally ?…reply=<comment>. */
const OBJECT_HREF = /\/(wall|photo|video)(-?\d+)_(\d+)/;
const REPLY_PARAM = /[?&]reply=(\d+)/;
const LEGACY_HANDLER = /post(?:Click|Over)\('(-?\d+_\d+)'/;
const LEGACY_ID = /^post(-?\d+_\d+)$/;

type Trace = Tracer | undefined;
const field = (tracer: Trace, name: string) => (tracer ? { tracer, field: name } : undefined);

/** Elements of a post itself: not inside a repost or a comment of it. */
function ownOfPost(root: Element) {
  return (el: Element) => {
    for (let p: Element | null = el; p && p !== root; p = p.parentElement) {
      if (safeMatches(p, VK.repost) || safeMatches(p, COMMENT_ROOT)) return false;
    }
    return true;
  };
}

/** Elements of a comment itself: not inside one of its thread replies. */
function ownOfComment(root: Element) {
  return (el: Element) => safeClosest(el, COMMENT_ROOT) === root;
}

/** The object id of a post root: { path: 'wall-123_456' } or null. */
export function vkPostId(root: Element, tracer?: Tracer): string | null {
  const own = ownOfPost(root);
  const attr0 = root.getAttribute('data-post-id');
  if (attr0 && POST_ID.test(attr0)) {
    tracer?.hit('post-id', 0);
    return `wall${attr0}`;
  }
  const inner = firstMatch(root, VK.postIdAttr, own);
  const attr = inner?.element.getAttribute('data-post-id');
  if (attr && POST_ID.test(attr)) {
    tracer?.hit('post-id', 0);
    return `wall${attr}`;
  }
  const link = firstMatch(root, VK.permalink, own)?.element.getAttribute('href')?.match(OBJECT_HREF);
  if (link) {
    tracer?.hit('post-id', 1);
    return `${link[1]}${link[2]}_${link[3]}`;
  }
  const handler = (root.getAttribute('onclick') ?? root.getAttribute('onmouseover') ?? '').match(LEGACY_HANDLER) ?? root.id.match(LEGACY_ID);
  if (handler?.[1]) {
    tracer?.hit('post-id', 2);
    return `wall${handler[1]}`;
  }
  tracer?.miss('post-id');
  return null;
}

const isTopPost = (el: Element) => !safeClosest(el, COMMENT_ROOT) && !safeMatches(el, VK.repost);

function attachmentsOf(root: Element, own: (el: Element) => boolean): PageItem['attachments'] {
  const list: PageItem['attachments'] = [];
  for (const el of VK.photo.flatMap((c) => safeQueryAll(root, c.selector)).filter(own)) {
    if (safeMatches(el, VK.notAttachment)) continue;
    const url = absoluteUrl(el.getAttribute('href'), ORIGIN);
    list.push(url ? { type: 'photo', url } : { type: 'photo' });
  }
  for (const el of VK.video.flatMap((c) => safeQueryAll(root, c.selector)).filter(own)) {
    const url = absoluteUrl(el.getAttribute('href'), ORIGIN);
    list.push(url ? { type: 'video', url } : { type: 'video' });
  }
  return dedupeAttachments(list);
}

function parsePost(root: Element, tracer?: Trace): PageItem | null {
  const id = vkPostId(root, tracer);
  if (!id) return null;
  const own = ownOfPost(root);
  const authorEl = firstMatch(root, VK.author, own, field(tracer, 'post-author'))?.element;
  const textEl = firstMatch(root, VK.text, own, field(tracer, 'post-text'))?.element;
  const date = firstMatch(root, VK.date, own, field(tracer, 'post-date'));
  const publishedAt = date ? epochMs(date.element.getAttribute(date.candidate.attribute ?? '')) : undefined;
  const authorUrl = absoluteUrl(authorEl?.closest('a')?.getAttribute('href') ?? authorEl?.querySelector('a')?.getAttribute('href'), ORIGIN);
  return {
    site: 'vk',
    kind: 'post',
    key: `vk:${id}`,
    url: `${ORIGIN}/${id}`,
    author: authorUrl ? { name: authorEl ? readText(authorEl) : '', url: authorUrl } : { name: authorEl ? readText(authorEl) : '' },
    text: textEl ? readText(textEl, VK.textSkip) : '',
    ...(publishedAt ? { publishedAt } : {}),
    attachments: attachmentsOf(root, own),
    element: root,
  };
}

/** The post a comment (or reply box) belongs to: its object path, e.g. 'wall-1_2'. */
function ownerPostPath(el: Element): string | null {
  const post = postAround(el, POST_ROOT, isTopPost);
  return post ? vkPostId(post) : null;
}

/** A comment's object path and comment id, from its permalink or, failing that, its ids. */
function commentIds(root: Element, tracer?: Trace): { path: string; comment: string } | null {
  const own = ownOfComment(root);
  const link = firstMatch(root, VK.commentPermalink, own, field(tracer, 'comment-id'));
  const href = link?.element.getAttribute('href') ?? '';
  const object = href.match(OBJECT_HREF);
  const reply = href.match(REPLY_PARAM);
  if (object && reply) return { path: `${object[1]}${object[2]}_${object[3]}`, comment: reply[1]! };
  const idNum = (root.id.match(/_(\d+)$/) ?? root.getAttribute('data-comment-id')?.match(/(\d+)$/))?.[1];
  const path = ownerPostPath(root);
  if (idNum && path) return { path, comment: idNum };
  return null;
}

function parseComment(root: Element, tracer?: Trace): PageItem | null {
  const ids = commentIds(root, tracer);
  if (!ids) return null;
  const own = ownOfComment(root);
  const authorEl = firstMatch(root, VK.commentAuthor, own, field(tracer, 'comment-author'))?.element;
  const authorHref = firstMatch(root, VK.commentAuthorLink, own)?.element.getAttribute('href') ?? authorEl?.closest('a')?.getAttribute('href');
  const textEl = firstMatch(root, VK.commentText, own, field(tracer, 'comment-text'))?.element;
  const date = firstMatch(root, VK.date, own);
  const publishedAt = date ? epochMs(date.element.getAttribute(date.candidate.attribute ?? '')) : undefined;
  const authorUrl = absoluteUrl(authorHref, ORIGIN);
  const name = authorEl ? readText(authorEl) : '';
  return {
    site: 'vk',
    kind: 'comment',
    key: `vk:${ids.path}_r${ids.comment}`,
    url: `${ORIGIN}/${ids.path}?reply=${ids.comment}`,
    parentKey: `vk:${ids.path}`,
    author: authorUrl ? { name, url: authorUrl } : { name },
    text: textEl ? readText(textEl, VK.textSkip) : '',
    ...(publishedAt ? { publishedAt } : {}),
    attachments: attachmentsOf(root, own),
    element: root,
  };
}

function findItems(root: ParentNode, tracer?: Tracer): PageItem[] {
  const postRoots = new Set(matchingWithin(root, POST_ROOT).filter((el) => !safeClosest(el, COMMENT_ROOT)).map((el) => outermostRoot(el, POST_ROOT)));
  const posts = parseAll(postRoots, (el) => parsePost(el, tracer));
  const comments = parseAll(matchingWithin(root, COMMENT_ROOT), (el) => parseComment(el, tracer));
  return [...dedupeByKey(posts), ...dedupeByKey(comments)];
}

function replyBoxKey(box: Element): string | null {
  const comment = safeClosest(box, COMMENT_ROOT);
  if (comment) return parseComment(comment)?.key ?? null;
  const legacy = box.id.match(/^reply_field-?(-?\d+_\d+)$/)?.[1];
  const path = ownerPostPath(box) ?? (legacy ? `wall${legacy}` : null);
  if (!path) return null;
  // Legacy forms keep the comment being answered in a hidden field beside the box.
  const form = safeClosest(box, '.reply_form, form') ?? box.parentElement;
  const target = form?.querySelector<HTMLInputElement>(VK.replyTo)?.value.match(/(\d+)$/)?.[1];
  return target ? `vk:${path}_r${target}` : `vk:${path}`;
}

function findReplyBoxes(root: ParentNode): ReplyBox[] {
  const boxes: ReplyBox[] = [];
  const seen = new Set<Element>();
  for (const el of matchingWithin(root, REPLY_BOX)) {
    if (seen.has(el) || safeMatches(el, VK.notReplyBox) || !('focus' in el)) continue;
    seen.add(el);
    const key = replyBoxKey(el);
    if (key) boxes.push({ element: el as HTMLElement, answersKey: key });
  }
  return boxes;
}

function check(name: string, ok: boolean, detail: string): HealthCheck {
  return { name, ok, detail };
}

export const vkAdapter: SiteAdapter = {
  site: 'vk',
  rootSelector: `${POST_ROOT}, ${COMMENT_ROOT}`,
  replyBoxSelector: REPLY_BOX,
  findItems: (root) => findItems(root),
  findReplyBoxes,
  health(doc) {
    const tracer = new Tracer();
    const path = doc.location?.pathname ?? '/feed';
    const postRoots = safeQueryAll(doc, POST_ROOT);
    const commentRoots = safeQueryAll(doc, COMMENT_ROOT);
    const items = findItems(doc, tracer);
    const posts = items.filter((i) => i.kind === 'post');
    const comments = items.filter((i) => i.kind === 'comment');
    const boxes = findReplyBoxes(doc);
    const single = VK_SINGLE_POST.test(path);
    const containers = safeQueryAll(doc, VK.commentsContainer).filter((c) => c.children.length > 0);
    const checks: HealthCheck[] = [
      check('post-root', postRoots.length > 0 || !VK_POST_PAGE.test(path), postRoots.length ? `${postRoots.length} matched` : `none of: ${POST_ROOT}`),
      check('post-id', postRoots.length === 0 || posts.length > 0, `${posts.length} posts with an id`),
      check('post-text', posts.length === 0 || posts.some((i) => i.text), tracer.describe('post-text', VK.text)),
      check('post-author', posts.length === 0 || posts.some((i) => i.author.name), tracer.describe('post-author', VK.author)),
      check(
        'comment-root',
        commentRoots.length > 0 || containers.length === 0,
        commentRoots.length ? `${commentRoots.length} matched` : containers.length ? `comments shown, none of: ${COMMENT_ROOT}` : 'no comments shown',
      ),
      check('comment-id', commentRoots.length === 0 || comments.length > 0, `${comments.length}/${commentRoots.length} comments with an id`),
      check('comment-author', comments.length === 0 || comments.some((i) => i.author.name), tracer.describe('comment-author', VK.commentAuthor)),
      check('comment-text', comments.length === 0 || comments.some((i) => i.text), tracer.describe('comment-text', VK.commentText)),
      check(
        'reply-box',
        // Logged-out pages and closed comment sections have no composer; a post's own page has one.
        boxes.length > 0 || !single,
        boxes.length ? `${boxes.length} matched` : `none of: ${REPLY_BOX}`,
      ),
    ];
    return { ok: checks.every((c) => c.ok), checks };
  },
  buttonAnchor(item) {
    if (item.kind === 'comment') {
      const own = ownOfComment(item.element);
      const date = firstMatch(item.element, VK.commentPermalink, own)?.element ?? firstMatch(item.element, VK.commentAuthor, own)?.element;
      if (date?.parentElement) return { parent: date.parentElement, before: date.nextSibling };
      return { parent: item.element, before: null };
    }
    const header = firstMatch(item.element, VK.header, ownOfPost(item.element))?.element;
    if (header?.parentElement) return { parent: header.parentElement, before: header.nextSibling };
    return { parent: item.element, before: item.element.firstChild };
  },
  replyControl(item) {
    if (item.kind !== 'comment') return null;
    const found = firstMatch(item.element, VK.commentReply, ownOfComment(item.element))?.element;
    return found && 'click' in found ? (found as HTMLElement) : null;
  },
};
