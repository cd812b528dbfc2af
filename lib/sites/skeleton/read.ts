/**
 * The fields every site reads the same way from its selector data: author (name and link),
 * text, date and attachments, through a Reader (inside the item, or from a page's batch).
 */
import { absoluteUrl, dedupeAttachments, epochMs, firstMatch, readText, safeMatches, type ItemFields } from '../dom';
import type { PageItem } from '../types';
import type { Site } from './site';
import type { Kind, Reader } from './spec';

export function readFields(site: Site, kind: Kind, root: Element, read: Reader): ItemFields {
  return { author: readAuthor(site, kind, root, read), ...readBody(site, kind, root, read) };
}

/**
 * Who wrote the item: its name, and the link to the profile or community. Read apart from the
 * rest: whether a comment is the official's own reply needs the link only.
 */
export function readAuthor(site: Site, kind: Kind, root: Element, read: Reader): PageItem['author'] {
  const f = site.spec.selectors[kind];
  const authorEl = read.first(root, kind, 'author', f.author, `${kind}-author`)?.element;
  // The name is usually a link itself (or holds one); otherwise a separate link says who it is.
  const nameLink = authorEl ? (authorEl.closest('a[href]') ?? authorEl.querySelector('a[href]')) : null;
  const href = nameLink?.getAttribute('href') ?? (f.authorLink ? read.first(root, kind, 'author-link', f.authorLink)?.element.getAttribute('href') : undefined);
  const url = absoluteUrl(href, site.origin);
  const name = authorEl ? readText(authorEl) : '';
  return url ? { name, url } : { name };
}

/** What the item says: its text, date and attachments. */
export function readBody(site: Site, kind: Kind, root: Element, read: Reader): Omit<ItemFields, 'author'> {
  const f = site.spec.selectors[kind];
  const box = read.first(root, kind, 'text', f.text, `${kind}-text`)?.element;
  let textEl = box;
  if (box && f.textInner) {
    // Inside the text container, the expanded text wins over the collapsed one. (A whole-page
    // scan finds it with one query; one outside the container means: look inside it.)
    const inner = read.first(root, kind, 'text-inner', f.textInner);
    textEl = inner && box.contains(inner.element) ? inner.element : (firstMatch(box, f.textInner)?.element ?? box);
  }
  const date = read.first(root, kind, 'date', f.date, `${kind}-date`);
  const publishedAt = date ? epochMs(date.element.getAttribute(date.candidate.attribute ?? '')) : undefined;
  return {
    text: textEl ? readText(textEl, f.textSkip) : '',
    ...(publishedAt ? { publishedAt } : {}),
    attachments: attachmentsOf(site, kind, root, read),
  };
}

/** Photos and videos of an item, in page order: one query, then each element classified. */
function attachmentsOf(site: Site, kind: Kind, root: Element, read: Reader): PageItem['attachments'] {
  const not = site.spec.selectors.notAttachment;
  const list: PageItem['attachments'] = [];
  for (const el of read.all(root, kind, 'media', site.media)) {
    if (not && safeMatches(el, not)) continue;
    const type = safeMatches(el, site.video) ? 'video' : 'photo';
    const url = absoluteUrl(el.getAttribute('href'), site.origin);
    list.push(url ? { type, url } : { type });
  }
  return dedupeAttachments(list);
}
