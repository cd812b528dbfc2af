/**
 * The health check of a page, the same for every site: were post and comment roots found, did
 * each root give an item (with an id or permalink), were text, authors and the reply box found,
 * and through which fallback. A failed check names what the banner and diagnostics show
 * (components/health.ts, i18n keys health.check.<name>).
 */
import { describeElement, safeQueryAll, Tracer } from '../dom';
import type { HealthCheck, HealthOptions, HealthResult, ReplyBox } from '../types';
import { scan } from './scan';
import type { Site } from './site';
import type { Kind } from './spec';

export function siteHealth(site: Site, doc: Document, findReplyBoxes: (root: ParentNode) => ReplyBox[], options: HealthOptions = {}): HealthResult {
  const { spec } = site;
  const sel = spec.selectors;
  const tracer = new Tracer();
  const path = doc.location?.pathname;
  const { items, roots, unread, sampled, matched } = scan(site, doc, {
    eager: true,
    tracer,
    ...(options.sample !== undefined ? { sample: options.sample } : {}),
  });
  // The page scan queried the root selectors already.
  const postMatches = matched?.post ?? safeQueryAll(doc, site.postRoot).length;
  const commentMatches = matched?.comment ?? safeQueryAll(doc, site.commentRoot).length;
  /** How many roots of a kind were read: all, or a sample. */
  const read = (kind: Kind) => sampled?.[kind] ?? roots[kind];
  const of = (kind: Kind) => (read(kind) < roots[kind] ? `${read(kind)} sampled (of ${roots[kind]})` : `${roots[kind]}`);
  const posts = items.filter((i) => i.kind === 'post');
  const comments = items.filter((i) => i.kind === 'comment');
  const boxes = findReplyBoxes(doc).length;
  // Only asked when no comment root matched: are comments shown at all?
  const containers = commentMatches > 0 ? 0 : safeQueryAll(doc, sel.commentsContainer).filter((c) => c.children.length > 0).length;
  const check = (name: string, ok: boolean, detail: string): HealthCheck => ({ name, ok, detail });
  const checks: HealthCheck[] = [
    check('post-root', postMatches > 0 || !spec.health.postsExpected(path), postMatches ? `${postMatches} matched` : `none of: ${site.postRoot}`),
    check(
      spec.health.postIdCheck,
      postMatches === 0 || posts.length > 0,
      `${posts.length} posts with ${spec.health.postIdCheck === 'post-id' ? 'an id' : 'a permalink'}`,
    ),
    rootsWithoutItem('post', read('post'), roots.post, unread.post),
    check('post-text', posts.length === 0 || posts.some((i) => i.text), tracer.describe('post-text', sel.post.text)),
    check('post-author', posts.length === 0 || posts.some((i) => i.author.name), tracer.describe('post-author', sel.post.author)),
    check(
      'comment-root',
      commentMatches > 0 || containers === 0,
      commentMatches ? `${commentMatches} matched` : containers ? `comments shown, none of: ${site.commentRoot}` : 'no comments shown',
    ),
    check('comment-id', roots.comment === 0 || comments.length > 0, `${comments.length}/${of('comment')} comments with an id`),
    rootsWithoutItem('comment', read('comment'), roots.comment, unread.comment),
    check('comment-author', comments.length === 0 || comments.some((i) => i.author.name), tracer.describe('comment-author', sel.comment.author)),
    check('comment-text', comments.length === 0 || comments.some((i) => i.text), tracer.describe('comment-text', sel.comment.text)),
    // Logged-out pages and closed comment sections have no composer; a post's own page has one.
    check('reply-box', boxes > 0 || !spec.health.replyBoxExpected(path, roots.comment), boxes ? `${boxes} matched` : `none of: ${site.replyBox}`),
  ];
  return { ok: checks.every((c) => c.ok), checks };
}

/**
 * 'post-item' / 'comment-item': every root gave an item. A root without one gets no capture
 * button (e.g. OK's topic layer whose root holds no permalink, opened at an address that is
 * not the topic's own page): the check says how many and names the first.
 */
function rootsWithoutItem(kind: Kind, read: number, total: number, unread: Element[]): HealthCheck {
  const of = read < total ? `${read} sampled (of ${total})` : `${total}`;
  const detail = unread.length
    ? `${unread.length} of ${of} ${kind} roots gave no item (no id or permalink), e.g. ${describeElement(unread[0]!)}`
    : `${read} of ${of} ${kind} roots gave an item`;
  return { name: `${kind}-item`, ok: unread.length === 0, detail };
}
