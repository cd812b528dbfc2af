/** VK adapter: posts and comments (modern and legacy markup) as PageItems. Standard DOM API only. */
import {
  absoluteUrl,
  batchPicker,
  dedupeAttachments,
  dedupeByKey,
  withFields,
  type ItemFields,
  directPicker,
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
  type Picker,
} from '../dom';
import type { Candidate, HealthCheck, PageItem, ReplyBox, SiteAdapter } from '../types';
import { VK, VK_POST_PAGE, VK_SINGLE_POST } from './selectors';
import { SITES } from '../hosts';

const ORIGIN = `https://${SITES.vk.canonical}`;
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

/** Subtrees inside a post that are not the post's own: reposts and comments. */
const FOREIGN = `${VK.repost}, ${COMMENT_ROOT}`;

/** Elements of a post itself: not inside a repost or a comment of it (one native closest() per element). */
function ownOfPost(root: Element) {
  return (el: Element) => {
    const foreign = safeClosest(el, FOREIGN);
    return !foreign || foreign === root || !root.contains(foreign);
  };
}

/** Elements of a comment itself: not inside one of its thread replies. */
function ownOfComment(root: Element) {
  return (el: Element) => safeClosest(el, COMMENT_ROOT) === root;
}

/**
 * Owners in a whole-page scan, from an element's place: the nearest known root at or above it
 * (the batch picker climbs once per element, and posts and comments share that climb for the
 * selectors they both use: dates, media).
 */
function nearestKnown(el: Element | null): Element | null {
  for (let p = el; p; p = p.parentElement) if (known!.has(p)) return p;
  return null;
}
/** For post fields: a top post owns el, unless a comment or a repost sits between them. */
function postOwner(place: Element | null): Element | null {
  return place && known!.get(place)! & TOP ? place : null;
}
/** For comment fields: the nearest comment around el (a top post is never inside a comment). */
function commentOwner(place: Element | null): Element | null {
  for (let r = place; r; r = nearestKnown(r.parentElement)) {
    const role = known!.get(r)!;
    if (role & COMMENT) return r;
    if (role & TOP) return null;
  }
  return null;
}

/**
 * The roots a whole-page scan knows, each with its role (bits, an element may have
 * several): a top post, a comment, or foreign to a post's own fields (a comment or a repost).
 */
const TOP = 1;
const COMMENT = 2;
const FOREIGN_ROLE = 4;
type KnownRoots = Map<Element, number>;
let known: KnownRoots | undefined;


/** The object id of a post root: 'wall-123_456' (or 'photo-…' in the photo viewer), or null. */
export function vkPostId(root: Element, tracer?: Tracer, pick: Picker = directPicker): string | null {
  const own = ownOfPost(root);
  const attr0 = root.getAttribute('data-post-id');
  if (attr0 && POST_ID.test(attr0)) {
    tracer?.hit('post-id', 0);
    return `wall${attr0}`;
  }
  const inner = pick.first(root, 'post', 'post-id-attr', VK.postIdAttr, own, postOwner);
  const attr = inner?.element.getAttribute('data-post-id');
  if (attr && POST_ID.test(attr)) {
    tracer?.hit('post-id', 0);
    return `wall${attr}`;
  }
  const link = pick.first(root, 'post', 'permalink', VK.permalink, own, postOwner)?.element.getAttribute('href')?.match(OBJECT_HREF);
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

const PHOTO = VK.photo.map((c) => c.selector).join(', ');
const VIDEO = VK.video.map((c) => c.selector).join(', ');
const MEDIA = `${PHOTO}, ${VIDEO}`;

/** Photos and videos of an item: one query, then each element classified. */
function attachmentsOf(root: Element, kind: 'post' | 'comment', pick: Picker, own: (el: Element) => boolean): PageItem['attachments'] {
  const list: PageItem['attachments'] = [];
  for (const el of pick.all(root, kind, 'media', MEDIA, own, kind === 'post' ? postOwner : commentOwner)) {
    if (safeMatches(el, VK.notAttachment)) continue;
    const type = safeMatches(el, VIDEO) ? 'video' : 'photo';
    const url = absoluteUrl(el.getAttribute('href'), ORIGIN);
    list.push(url ? { type, url } : { type });
  }
  return dedupeAttachments(list);
}

/**
 * A post as an item. Its identity (key, link) is read now; its fields are read now only when
 * `eager` (the health check's whole-page read, with the scan's picker), otherwise from the
 * post's own nodes when first asked for.
 */
function parsePost(root: Element, tracer?: Trace, pick: Picker = directPicker, eager = false): PageItem | null {
  const id = vkPostId(root, tracer, pick);
  if (!id) return null;
  const identity = { site: 'vk', kind: 'post', key: `vk:${id}`, url: `${ORIGIN}/${id}`, element: root } as const;
  return eager ? { ...identity, ...postFields(root, tracer, pick) } : withFields(identity, () => postFields(root));
}

function postFields(root: Element, tracer?: Trace, pick: Picker = directPicker): ItemFields {
  const own = ownOfPost(root);
  const authorEl = pick.first(root, 'post', 'author', VK.author, own, postOwner, field(tracer, 'post-author'))?.element;
  const textEl = pick.first(root, 'post', 'text', VK.text, own, postOwner, field(tracer, 'post-text'))?.element;
  const date = pick.first(root, 'post', 'date', VK.date, own, postOwner, field(tracer, 'post-date'));
  const publishedAt = date ? epochMs(date.element.getAttribute(date.candidate.attribute ?? '')) : undefined;
  const authorUrl = absoluteUrl(authorEl?.closest('a')?.getAttribute('href') ?? authorEl?.querySelector('a')?.getAttribute('href'), ORIGIN);
  return {
    author: authorUrl ? { name: authorEl ? readText(authorEl) : '', url: authorUrl } : { name: authorEl ? readText(authorEl) : '' },
    text: textEl ? readText(textEl, VK.textSkip) : '',
    ...(publishedAt ? { publishedAt } : {}),
    attachments: attachmentsOf(root, 'post', pick, own),
  };
}

/**
 * The post a comment (or reply box) belongs to: its object path, e.g. 'wall-1_2'. `paths`
 * remembers each post's path for one scan: a long thread of comments without permalinks reads
 * its post's id once, not once per comment.
 */
function ownerPostPath(el: Element, paths?: Map<Element, string | null>): string | null {
  const post = postAround(el, POST_ROOT, isTopPost);
  if (!post) return null;
  if (paths?.has(post)) return paths.get(post)!;
  const path = vkPostId(post);
  paths?.set(post, path);
  return path;
}

/** A comment's object path and comment id, from its permalink or, failing that, its ids. */
function commentIds(root: Element, tracer?: Trace, pick: Picker = directPicker, paths?: Map<Element, string | null>): { path: string; comment: string } | null {
  const own = ownOfComment(root);
  const link = pick.first(root, 'comment', 'permalink', VK.commentPermalink, own, commentOwner, field(tracer, 'comment-id'));
  const href = link?.element.getAttribute('href') ?? '';
  const object = href.match(OBJECT_HREF);
  const reply = href.match(REPLY_PARAM);
  if (object && reply) return { path: `${object[1]}${object[2]}_${object[3]}`, comment: reply[1]! };
  const idNum = (root.id.match(/_(\d+)$/) ?? root.getAttribute('data-comment-id')?.match(/(\d+)$/))?.[1];
  const path = idNum ? ownerPostPath(root, paths) : null;
  if (idNum && path) return { path, comment: idNum };
  return null;
}

/** A comment as an item: identity now, fields now or when first asked for (as parsePost). */
function parseComment(root: Element, tracer?: Trace, pick: Picker = directPicker, eager = false, paths?: Map<Element, string | null>): PageItem | null {
  const ids = commentIds(root, tracer, pick, paths);
  if (!ids) return null;
  const identity = {
    site: 'vk',
    kind: 'comment',
    key: `vk:${ids.path}_r${ids.comment}`,
    url: `${ORIGIN}/${ids.path}?reply=${ids.comment}`,
    parentKey: `vk:${ids.path}`,
    element: root,
  } as const;
  return eager ? { ...identity, ...commentFields(root, tracer, pick) } : withFields(identity, () => commentFields(root));
}

function commentFields(root: Element, tracer?: Trace, pick: Picker = directPicker): ItemFields {
  const own = ownOfComment(root);
  const authorEl = pick.first(root, 'comment', 'author', VK.commentAuthor, own, commentOwner, field(tracer, 'comment-author'))?.element;
  // The name is usually a link itself; otherwise the avatar's link says who it is.
  const authorHref =
    authorEl?.closest('a[href]')?.getAttribute('href') ?? pick.first(root, 'comment', 'author-link', VK.commentAuthorLink, own, commentOwner)?.element.getAttribute('href');
  const box = pick.first(root, 'comment', 'text', VK.commentText, own, commentOwner, field(tracer, 'comment-text'))?.element;
  // Inside the text container, the expanded text wins over the collapsed one. (A whole-page
  // scan finds it with one query; one outside the container means: look inside it.)
  const inner = box ? pick.first(root, 'comment', 'text-inner', VK.commentTextInner, own, commentOwner) : null;
  const textEl = box ? (inner && box.contains(inner.element) ? inner.element : (firstMatch(box, VK.commentTextInner)?.element ?? box)) : undefined;
  const date = pick.first(root, 'comment', 'date', VK.date, own, commentOwner);
  const publishedAt = date ? epochMs(date.element.getAttribute(date.candidate.attribute ?? '')) : undefined;
  const authorUrl = absoluteUrl(authorHref, ORIGIN);
  const name = authorEl ? readText(authorEl) : '';
  return {
    author: authorUrl ? { name, url: authorUrl } : { name },
    text: textEl ? readText(textEl, VK.textSkip) : '',
    ...(publishedAt ? { publishedAt } : {}),
    attachments: attachmentsOf(root, 'comment', pick, own),
  };
}

function findItems(root: ParentNode, tracer?: Tracer, eager = !!tracer): PageItem[] {
  if (root.nodeType !== 9) {
    // An added node: queries inside its few items.
    const postRoots = new Set(matchingWithin(root, POST_ROOT).filter((el) => !safeClosest(el, COMMENT_ROOT)).map((el) => outermostRoot(el, POST_ROOT)));
    const posts = parseAll(postRoots, (el) => parsePost(el, tracer, directPicker, eager));
    const paths = new Map<Element, string | null>();
    const comments = parseAll(matchingWithin(root, COMMENT_ROOT), (el) => parseComment(el, tracer, directPicker, eager, paths));
    return [...dedupeByKey(posts), ...dedupeByKey(comments)];
  }
  // A whole page: one query per selector for all items, owners found by climbing to the roots.
  try {
    // Every root of each kind on the page is known: "inside a comment" and "the outermost post
    // root around" are set lookups up the ancestors, not selector matching.
    const allPosts = safeQueryAll(root, POST_ROOT);
    const commentRoots = safeQueryAll(root, COMMENT_ROOT);
    const postSet = new Set(allPosts);
    const commentSet = new Set(commentRoots);
    const postRoots = new Set<Element>();
    for (const el of allPosts) {
      let top = el;
      let inComment = false;
      for (let p: Element | null = el; p; p = p.parentElement) {
        if (commentSet.has(p)) inComment = true;
        if (p !== el && postSet.has(p)) top = p;
      }
      if (!inComment) postRoots.add(top);
    }
    const roles: KnownRoots = new Map();
    for (const el of safeQueryAll(root, VK.repost)) roles.set(el, FOREIGN_ROLE);
    for (const el of commentRoots) roles.set(el, (roles.get(el) ?? 0) | COMMENT | FOREIGN_ROLE);
    for (const el of postRoots) roles.set(el, (roles.get(el) ?? 0) | TOP);
    known = roles;
    const pick = batchPicker(root, { post: postRoots.size, comment: commentRoots.length }, nearestKnown);
    const postItems = parseAll([...postRoots].sort(byDocumentOrder), (el) => parsePost(el, tracer, pick, eager));
    const paths = new Map<Element, string | null>();
    const commentItems = parseAll(commentRoots, (el) => parseComment(el, tracer, pick, eager, paths));
    return [...dedupeByKey(postItems), ...dedupeByKey(commentItems)];
  } finally {
    known = undefined;
  }
}

/**
 * The items under root with every field read now: on a whole page in one batch (one query per
 * selector, each hit handed to its item), as the health check reads them. findItems reads an
 * item's fields only when they are first asked for; both give the same items.
 */
export function readVkItems(root: ParentNode): PageItem[] {
  return findItems(root, undefined, true);
}

function byDocumentOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1;
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
