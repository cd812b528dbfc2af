/** OK adapter: feed posts and topics as PageItems. Standard DOM API only. */
import { absoluteUrl, collectItems, collectReplyBoxes, firstMatch, readText, safeQueryAll } from '../dom';
import type { HealthCheck, PageItem, SiteAdapter } from '../types';
import { OK } from './selectors';

const ORIGIN = 'https://ok.ru';
const ROOT_SELECTOR = OK.postRoot.map((c) => c.selector).join(', ');
const TOPIC = /\/(?:(group)\/(\d+)|(profile)\/(\d+)|([A-Za-z0-9_.-]+))\/(topic|statuses)\/(\d+)/;

/** Canonical path "group/<gid>/topic/<tid>" (or profile/alias form) from an OK href. */
export function okPostPath(href: string): string | null {
  const m = href.match(TOPIC);
  if (!m) return null;
  const owner = m[1] ? `group/${m[2]}` : m[3] ? `profile/${m[4]}` : m[5];
  return `${owner}/${m[6]}/${m[7]}`;
}

function parsePost(root: Element): PageItem | null {
  const link = firstMatch(root, OK.permalink);
  const path = okPostPath(link?.element.getAttribute('href') ?? '');
  if (!path) return null;
  const authorEl = firstMatch(root, OK.author)?.element;
  const textEl = firstMatch(root, OK.text)?.element;
  return {
    site: 'ok',
    kind: 'post',
    key: `ok:${path}`,
    url: `${ORIGIN}/${path}`,
    author: { name: authorEl ? readText(authorEl) : '', url: absoluteUrl(authorEl?.getAttribute('href'), ORIGIN) },
    text: textEl ? readText(textEl, OK.textSkip) : '',
    attachments: [],
    element: root,
  };
}

export const okAdapter: SiteAdapter = {
  site: 'ok',
  rootSelector: ROOT_SELECTOR,
  findItems(root) {
    return collectItems(root, ROOT_SELECTOR, parsePost);
  },
  findReplyBoxes(root) {
    return collectReplyBoxes(root, OK.replyBox, ROOT_SELECTOR, (el) => parsePost(el)?.key ?? null);
  },
  health(doc) {
    const roots = safeQueryAll(doc, ROOT_SELECTOR);
    const items = this.findItems(doc);
    const checks: HealthCheck[] = [
      { name: 'post-root', ok: roots.length > 0, detail: roots.length ? `${roots.length} matched` : `none of: ${ROOT_SELECTOR}` },
      { name: 'post-permalink', ok: roots.length === 0 || items.length > 0, detail: `${items.length} posts with a permalink` },
      { name: 'post-text', ok: items.length === 0 || items.some((i) => i.text), detail: `${items.filter((i) => i.text).length}/${items.length} with text` },
    ];
    return { ok: checks.every((c) => c.ok), checks };
  },
  buttonAnchor(item) {
    const header = firstMatch(item.element, OK.header)?.element;
    if (header?.parentElement) return { parent: header.parentElement, before: header.nextSibling };
    return { parent: item.element, before: item.element.firstChild };
  },
};
