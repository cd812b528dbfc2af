/** VK adapter: posts (modern and legacy markup) as PageItems. Standard DOM API only. */
import { absoluteUrl, collectItems, collectReplyBoxes, firstMatch, readText, safeQueryAll } from '../dom';
import type { HealthCheck, PageItem, SiteAdapter } from '../types';
import { VK, VK_POST_PAGE } from './selectors';

const ORIGIN = 'https://vk.com';
const ROOT_SELECTOR = VK.postRoot.map((c) => c.selector).join(', ');
const POST_ID = /^(-?\d+)_(\d+)$/;
const WALL_HREF = /\/wall(-?\d+)_(\d+)/;
const LEGACY_HANDLER = /post(?:Click|Over)\('(-?\d+_\d+)'/;

/** The post id ("-123_456") of a root, or null. */
export function vkPostId(root: Element): string | null {
  const attr0 = root.getAttribute('data-post-id');
  if (attr0 && POST_ID.test(attr0)) return attr0;
  const own = inOwnPost(root);
  const inner = firstMatch(root, VK.postIdAttr, own);
  const attr = inner?.element.getAttribute('data-post-id');
  if (attr && POST_ID.test(attr)) return attr;
  const link = firstMatch(root, VK.permalink, own);
  const href = link?.element.getAttribute('href')?.match(WALL_HREF);
  if (href) return `${href[1]}_${href[2]}`;
  const handler = (root.getAttribute('onclick') ?? root.getAttribute('onmouseover') ?? '').match(LEGACY_HANDLER);
  if (handler?.[1]) return handler[1];
  return null;
}

/** A filter: does el belong to this post itself, not to a repost inside it? */
function inOwnPost(root: Element) {
  return (el: Element) => {
    for (let p: Element | null = el; p && p !== root; p = p.parentElement) {
      if (p.matches(VK.repost)) return false;
    }
    return true;
  };
}

function parsePost(root: Element): PageItem | null {
  const id = vkPostId(root);
  if (!id) return null;
  const own = inOwnPost(root);
  const authorEl = firstMatch(root, VK.author, own)?.element;
  const textEl = firstMatch(root, VK.text, own)?.element;
  const date = firstMatch(root, VK.date, own);
  const seconds = date ? Number(date.element.getAttribute(date.candidate.attribute ?? '')) : NaN;
  const attachments: PageItem['attachments'] = [];
  for (const el of VK.photo.flatMap((c) => safeQueryAll(root, c.selector)).filter(own)) {
    attachments.push({ type: 'photo', url: absoluteUrl(el.getAttribute('href'), ORIGIN) });
  }
  for (const el of VK.video.flatMap((c) => safeQueryAll(root, c.selector)).filter(own)) {
    attachments.push({ type: 'video', url: absoluteUrl(el.getAttribute('href'), ORIGIN) });
  }
  return {
    site: 'vk',
    kind: 'post',
    key: `vk:wall${id}`,
    url: `${ORIGIN}/wall${id}`,
    author: {
      name: authorEl ? readText(authorEl) : '',
      url: absoluteUrl(authorEl?.closest('a')?.getAttribute('href') ?? authorEl?.getAttribute('href'), ORIGIN),
    },
    text: textEl ? readText(textEl, VK.textSkip) : '',
    ...(Number.isFinite(seconds) && seconds > 0 ? { publishedAt: seconds * 1000 } : {}),
    attachments: dedupe(attachments),
    element: root,
  };
}

function dedupe(list: PageItem['attachments']): PageItem['attachments'] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const k = `${a.type} ${a.url ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const vkAdapter: SiteAdapter = {
  site: 'vk',
  rootSelector: ROOT_SELECTOR,
  findItems(root) {
    return collectItems(root, ROOT_SELECTOR, parsePost);
  },
  findReplyBoxes(root) {
    return collectReplyBoxes(root, VK.replyBox, ROOT_SELECTOR, (el) => {
      const id = vkPostId(el);
      return id ? `vk:wall${id}` : null;
    });
  },
  health(doc) {
    const checks: HealthCheck[] = [];
    const roots = safeQueryAll(doc, ROOT_SELECTOR);
    const expectsPosts = VK_POST_PAGE.test(doc.location?.pathname ?? '/feed');
    checks.push({
      name: 'post-root',
      ok: roots.length > 0 || !expectsPosts,
      detail: roots.length > 0 ? `${roots.length} matched` : `none of: ${ROOT_SELECTOR}`,
    });
    const items = this.findItems(doc);
    const noId = roots.length - items.length;
    checks.push({ name: 'post-id', ok: noId <= 0 || items.length > 0, detail: `${items.length} posts with an id` });
    const withText = items.filter((i) => i.text).length;
    checks.push({ name: 'post-text', ok: items.length === 0 || withText > 0, detail: `${withText}/${items.length} with text` });
    const withAuthor = items.filter((i) => i.author.name).length;
    checks.push({ name: 'post-author', ok: items.length === 0 || withAuthor > 0, detail: `${withAuthor}/${items.length} with author` });
    return { ok: checks.every((c) => c.ok), checks };
  },
  buttonAnchor(item) {
    const header = firstMatch(item.element, VK.header, inOwnPost(item.element))?.element;
    if (header?.parentElement) return { parent: header.parentElement, before: header.nextSibling };
    return { parent: item.element, before: item.element.firstChild };
  },
};
