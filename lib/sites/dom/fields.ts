/**
 * Items whose fields (author, text, date, attachments) are read from their nodes when first
 * asked for, and the list helpers every scan uses (skip unreadable roots, keep one per key).
 */
import type { PageItem } from '../types';

/** What an item says beyond who it is: read from the page, possibly later than the item was found. */
export type ItemFields = Pick<PageItem, 'author' | 'text' | 'publishedAt' | 'attachments'>;

/** Who an item is: read when it is found. */
export type ItemIdentity = Omit<PageItem, keyof ItemFields>;

/**
 * An item whose fields are read from its own nodes when first asked for, then kept. A scan of
 * the page needs every item's key but the fields of only the few in view or captured, and
 * reading them all was three quarters of a whole-page scan. The author is read apart from the
 * rest (whether a comment is the official's own reply needs its link only). The fields are own
 * enumerable getters, so spreading, JSON and structured cloning see them like plain properties.
 * Markup the reader does not know gives empty fields, never a throw.
 */
export function withFields(identity: ItemIdentity, readAuthor: () => PageItem['author'], readBody: () => Omit<ItemFields, 'author'>): PageItem {
  let author: PageItem['author'] | undefined;
  let body: Omit<ItemFields, 'author'> | undefined;
  const who = (): PageItem['author'] => {
    if (!author) {
      try {
        author = readAuthor();
      } catch {
        author = { name: '' }; // unknown markup: the health check reports what failed
      }
    }
    return author;
  };
  const what = (): Omit<ItemFields, 'author'> => {
    if (!body) {
      try {
        body = readBody();
      } catch {
        body = { text: '', attachments: [] };
      }
    }
    return body;
  };
  // One literal, one shape for every item (a spread before accessors costs a slow object).
  return {
    site: identity.site,
    kind: identity.kind,
    key: identity.key,
    url: identity.url,
    parentKey: identity.parentKey,
    element: identity.element,
    get author() {
      return who();
    },
    get text() {
      return what().text;
    },
    get publishedAt() {
      return what().publishedAt;
    },
    get attachments() {
      return what().attachments;
    },
  };
}

/** Runs a parser on each root; a root it cannot read is skipped (and told to onSkip), never thrown. */
export function parseAll<T>(roots: Iterable<Element>, parse: (el: Element) => T | null, onSkip?: (el: Element) => void): T[] {
  const out: T[] = [];
  for (const el of roots) {
    let item: T | null = null;
    try {
      item = parse(el);
    } catch {
      // unknown markup: the health check reports what failed
    }
    if (item) out.push(item);
    else onSkip?.(el);
  }
  return out;
}

/** Keeps one item per key: where a site repeats an item (VK's pinned post), the richer copy wins. */
export function dedupeByKey<T extends { key: string; text: string }>(list: T[]): T[] {
  const keys = new Set<string>();
  for (const item of list) keys.add(item.key);
  if (keys.size === list.length) return list; // the usual case: nothing repeated
  const items = new Map<string, T>();
  for (const item of list) {
    const seen = items.get(item.key);
    if (!seen || item.text.length > seen.text.length) items.set(item.key, item);
  }
  return [...items.values()];
}

export function dedupeAttachments<A extends { type: string; url?: string }>(list: A[]): A[] {
  if (list.length < 2) return list;
  const seen = new Set<string>();
  return list.filter((a) => {
    const k = `${a.type} ${a.url ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
