/**
 * What only VK reads its own way: a post's id (data-post-id, its date link, legacy handlers),
 * a comment's id (its ?reply= link, else the root's id), keys and links, the page a URL is the
 * own page of, and legacy reply forms. Formats are those of the research note
 * (../shared/docs/vk-ok-dom.md §2): post "-123_456", comment id "_<digits>" and "reply=<digits>".
 */
import { SITES } from '../hosts';
import { safeClosest } from '../dom';
import type { Reader } from '../skeleton';
import { VK } from './selectors';

const ORIGIN = `https://${SITES.vk.canonical}`;
const POST_ID = /^(-?\d+)_(\d+)$/;
/** /wall-1_2, /photo-1_2 (the object a comment belongs to), optionally ?…reply=<comment>. */
const OBJECT_HREF = /\/(wall|photo|video)(-?\d+)_(\d+)/;
const REPLY_PARAM = /[?&]reply=(\d+)/;
const LEGACY_HANDLER = /post(?:Click|Over)\('(-?\d+_\d+)'/;
const LEGACY_ID = /^post(-?\d+_\d+)$/;
/** A post's or photo's own page. */
const OWN_PAGE = /^\/(wall|photo)(-?\d+)_(\d+)\/?$/;

/** The object id of a post root: 'wall-123_456' (or 'photo-…' in the photo viewer), or null. */
export function vkPostId(root: Element, read: Reader): string | null {
  const attr0 = root.getAttribute('data-post-id');
  if (attr0 && POST_ID.test(attr0)) {
    read.tracer?.hit('post-id', 0);
    return `wall${attr0}`;
  }
  const attr = read.first(root, 'post', 'post-id-attr', VK.postIdAttr)?.element.getAttribute('data-post-id');
  if (attr && POST_ID.test(attr)) {
    read.tracer?.hit('post-id', 0);
    return `wall${attr}`;
  }
  const link = read.first(root, 'post', 'permalink', VK.permalink)?.element.getAttribute('href')?.match(OBJECT_HREF);
  if (link) {
    read.tracer?.hit('post-id', 1);
    return `${link[1]}${link[2]}_${link[3]}`;
  }
  const handler = (root.getAttribute('onclick') ?? root.getAttribute('onmouseover') ?? '').match(LEGACY_HANDLER) ?? root.id.match(LEGACY_ID);
  if (handler?.[1]) {
    read.tracer?.hit('post-id', 2);
    return `wall${handler[1]}`;
  }
  read.tracer?.miss('post-id');
  return null;
}

/** A comment's id and object path from its permalink or, failing that, its id (the path is then its post's). */
export function vkCommentId(root: Element, read: Reader): { id: string; path?: string } | null {
  const href = read.first(root, 'comment', 'permalink', VK.commentPermalink, 'comment-id')?.element.getAttribute('href') ?? '';
  const object = href.match(OBJECT_HREF);
  const reply = href.match(REPLY_PARAM);
  if (object && reply) return { id: reply[1]!, path: `${object[1]}${object[2]}_${object[3]}` };
  const id = (root.id.match(/_(\d+)$/) ?? root.getAttribute('data-comment-id')?.match(/(\d+)$/))?.[1];
  return id ? { id } : null;
}

export function vkCommentKey(path: string, id: string): { key: string; url: string } {
  return { key: `vk:${path}_r${id}`, url: `${ORIGIN}/${path}?reply=${id}` };
}

/** https://vk.ru/wall-1_2 → 'wall-1_2': the post or photo a page is the own page of. */
export function vkPagePath(pathname: string): string | null {
  const m = pathname.match(OWN_PAGE);
  return m ? `${m[1]}${m[2]}_${m[3]}` : null;
}

/** Legacy forms: the box's id names the post, a hidden field beside it the comment being answered. */
export const vkReplyBox = {
  postPath(box: Element): string | null {
    const legacy = box.id.match(/^reply_field-?(-?\d+_\d+)$/)?.[1];
    return legacy ? `wall${legacy}` : null;
  },
  answering(box: Element): string | null {
    const form = safeClosest(box, '.reply_form, form') ?? box.parentElement;
    return form?.querySelector<HTMLInputElement>(VK.replyTo)?.value.match(/(\d+)$/)?.[1] ?? null;
  },
};
