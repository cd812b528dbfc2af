/**
 * The health check of a page, the same for every site: were post and comment roots found, did
 * each root give an item (with an id or permalink), were text, authors and the reply box found,
 * and through which fallback. A failed check names what the banner and diagnostics show
 * (components/health.ts, i18n keys health.check.<name>).
 */
import { describeElement, safeQueryAll, Tracer } from '../dom';
import type { HealthCheck, HealthResult, ReplyBox } from '../types';
import { scan } from './scan';
import type { Site } from './site';
import type { Kind } from './spec';

export function siteHealth(site: Site, doc: Document, findReplyBoxes: (root: ParentNode) => ReplyBox[]): HealthResult {
  const { spec } = site;
  const sel = spec.selectors;
  const tracer = new Tracer();
  const path = doc.location?.pathname;
  const postMatches = safeQueryAll(doc, site.postRoot).length;
  const commentMatches = safeQueryAll(doc, site.commentRoot).length;
  const { items, roots, unread } = scan(site, doc, { eager: true, tracer });
  const posts = items.filter((i) => i.kind === 'post');
  const comments = items.filter((i) => i.kind === 'comment');
  const boxes = findReplyBoxes(doc).length;
  const containers = safeQueryAll(doc, sel.commentsContainer).filter((c) => c.children.length > 0).length;
  const check = (name: string, ok: boolean, detail: string): HealthCheck => ({ name, ok, detail });
  const checks: HealthCheck[] = [
    check('post-root', postMatches > 0 || !spec.health.postsExpected(path), postMatches ? `${postMatches} matched` : `none of: ${site.postRoot}`),
    check(spec.health.postIdCheck, postMatches === 0 || posts.length > 0, `${posts.length} posts with ${spec.health.postIdCheck === 'post-id' ? 'an id' : 'a permalink'}`),
    rootsWithoutItem('post', roots.post, unread.post),
    check('post-text', posts.length === 0 || posts.some((i) => i.text), tracer.describe('post-text', sel.post.text)),
    check('post-author', posts.length === 0 || posts.some((i) => i.author.name), tracer.describe('post-author', sel.post.author)),
    check(
      'comment-root',
      commentMatches > 0 || containers === 0,
      commentMatches ? `${commentMatches} matched` : containers ? `comments shown, none of: ${site.commentRoot}` : 'no comments shown',
    ),
    check('comment-id', roots.comment === 0 || comments.length > 0, `${comments.length}/${roots.comment} comments with an id`),
    rootsWithoutItem('comment', roots.comment, unread.comment),
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
function rootsWithoutItem(kind: Kind, total: number, unread: Element[]): HealthCheck {
  const detail = unread.length
    ? `${unread.length} of ${total} ${kind} roots gave no item (no id or permalink), e.g. ${describeElement(unread[0]!)}`
    : `${total} of ${total} ${kind} roots gave an item`;
  return { name: `${kind}-item`, ok: unread.length === 0, detail };
}
