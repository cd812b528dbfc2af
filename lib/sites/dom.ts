/** Small DOM helpers shared by the site adapters (standard DOM API only). */
import type { Candidate, PageItem } from './types';
import { canonicalHost } from './hosts';

/**
 * Records which fallback of each field matched (index into its candidate list), so the
 * health check can say "found, but only by the third selector" — drift starting.
 */
export class Tracer {
  readonly hits = new Map<string, Map<number, number>>();
  readonly misses = new Map<string, number>();
  hit(field: string, index: number): void {
    let byIndex = this.hits.get(field);
    if (!byIndex) this.hits.set(field, (byIndex = new Map()));
    byIndex.set(index, (byIndex.get(index) ?? 0) + 1);
  }
  miss(field: string): void {
    this.misses.set(field, (this.misses.get(field) ?? 0) + 1);
  }
  /** "3/4 via #1", "2/2 via fallback #3 (.wall_post_text)". */
  describe(field: string, candidates: readonly Candidate[]): string {
    const byIndex = this.hits.get(field) ?? new Map<number, number>();
    const found = [...byIndex.values()].reduce((a, b) => a + b, 0);
    const total = found + (this.misses.get(field) ?? 0);
    if (!found) return `0/${total}; tried: ${candidates.map((c) => c.selector).join(' | ')}`;
    const used = [...byIndex.keys()].sort((a, b) => a - b);
    const via = used.map((i) => (i === 0 ? '#1' : `fallback #${i + 1} (${candidates[i]?.selector ?? '?'})`)).join(', ');
    return `${found}/${total} via ${via}`;
  }
  /** Whether a field matched only through fallbacks (the first selector found nothing). */
  drifted(field: string): boolean {
    const byIndex = this.hits.get(field);
    return !!byIndex && byIndex.size > 0 && !byIndex.has(0);
  }
}

/** Whether this engine accepts a selector (checked once per selector: the lists are static data). */
const validity = new Map<string, boolean>();
let probe: DocumentFragment | undefined;
function valid(selector: string): boolean {
  let ok = validity.get(selector);
  if (ok === undefined) {
    try {
      // A fragment with an element in it: some engines do not parse a selector for an empty one.
      if (!probe && globalThis.document) {
        probe = globalThis.document.createDocumentFragment();
        probe.append(globalThis.document.createElement('div'));
      }
      probe?.querySelector(selector);
      ok = true;
    } catch {
      ok = false;
    }
    validity.set(selector, ok);
  }
  return ok;
}

/** The first candidate that matches inside root (and passes accept), and which one it was. */
export function firstMatch(
  root: ParentNode,
  candidates: readonly Candidate[],
  accept?: (el: Element) => boolean,
  trace?: { tracer: Tracer; field: string },
): { element: Element; candidate: Candidate; index: number } | null {
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index]!;
    if (!valid(candidate.selector)) continue;
    if (!accept) {
      const element = root.querySelector(candidate.selector);
      if (element) {
        trace?.tracer.hit(trace.field, index);
        return { element, candidate, index };
      }
      continue;
    }
    const list = root.querySelectorAll(candidate.selector);
    for (let i = 0; i < list.length; i++) {
      const element = list[i]!;
      if (accept(element)) {
        trace?.tracer.hit(trace.field, index);
        return { element, candidate, index };
      }
    }
  }
  trace?.tracer.miss(trace.field);
  return null;
}

/**
 * querySelectorAll that survives a selector this engine does not know (a typo must not break a
 * scan). Over a whole document, a selector list is queried one selector at a time and the
 * results merged in document order: a list costs every selector on every element of the page,
 * while a single class, id or absent attribute is answered almost at once (Chromium, a page
 * of 26k elements: 2 ms for a list of two absent classes, ~0 ms for each alone). A part this
 * engine does not know is skipped alone, not with the whole list.
 */
export function safeQueryAll(root: ParentNode, selector: string): Element[] {
  return Array.from(queryAllLike(root, selector));
}

/** safeQueryAll without copying a single query's NodeList (for the whole-page scans). */
function queryAllLike(root: ParentNode, selector: string): ArrayLike<Element> {
  if (root.nodeType === 9) {
    const parts = selectorParts(selector);
    if (parts.length > 1) {
      const found: ArrayLike<Element>[] = [];
      for (const part of parts) {
        const list = tryQueryAll(root, part);
        if (list.length) found.push(list);
      }
      // Merging in script beats querying the parts that matched again as a list (measured:
      // 1.1–2.1 ms against 3.4–6.8 ms for the VK roots and media of a 200-post page).
      return found.length <= 1 ? (found[0] ?? []) : mergeInDocumentOrder(found);
    }
  }
  return tryQueryAll(root, selector);
}

/** querySelectorAll, or nothing for a selector this engine rejects (remembered). */
function tryQueryAll(root: ParentNode, selector: string): ArrayLike<Element> {
  if (!valid(selector)) return [];
  try {
    return root.querySelectorAll(selector);
  } catch {
    validity.set(selector, false);
    return [];
  }
}

/** Lists each in document order → one list in document order, each element once. */
function mergeInDocumentOrder(lists: ArrayLike<Element>[]): Element[] {
  let merged = Array.from(lists[0]!);
  for (let k = 1; k < lists.length; k++) {
    const next = lists[k]!;
    const out: Element[] = [];
    let i = 0;
    let j = 0;
    while (i < merged.length && j < next.length) {
      const a = merged[i]!;
      const b = next[j]!;
      if (a === b) {
        out.push(a);
        i++;
        j++;
      } else if (a.compareDocumentPosition(b) & 4) {
        out.push(a); // b follows a
        i++;
      } else {
        out.push(b);
        j++;
      }
    }
    while (i < merged.length) out.push(merged[i++]!);
    while (j < next.length) out.push(next[j++]!);
    merged = out;
  }
  return merged;
}

const partsCache = new Map<string, string[]>();

/** The selectors of a selector list; commas inside parentheses, brackets or quotes do not split. */
export function selectorParts(list: string): string[] {
  let parts = partsCache.get(list);
  if (parts) return parts;
  parts = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(list.slice(start).trim());
  parts = parts.filter(Boolean);
  partsCache.set(list, parts);
  return parts;
}

/** Elements matching selector under root, root itself included when it matches. */
export function matchingWithin(root: ParentNode, selector: string): Element[] {
  const found = safeQueryAll(root, selector);
  if (isElement(root) && safeMatches(root, selector)) found.unshift(root);
  return found;
}

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

export function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

export function safeClosest(el: Element, selector: string): Element | null {
  try {
    return el.closest(selector);
  } catch {
    return null;
  }
}

const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'BR', 'TR', 'H1', 'H2', 'H3', 'H4', 'BLOCKQUOTE']);

/**
 * Visible text of an element: emoji images become their alt text, <br> and block elements
 * become line breaks, NBSP becomes a space, runs of blanks collapse. Elements matching
 * `skip` (e.g. "show more" links) are left out.
 */
export function readText(element: Element, skip?: string): string {
  // Most names and short texts are one text node: no walk needed.
  if (element.childElementCount === 0) return normaliseText(element.textContent ?? '');
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (skip && safeMatches(el, skip)) return;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.hasAttribute('data-aot')) return;
    if (el.tagName === 'IMG') {
      out += el.getAttribute('alt') ?? '';
      return;
    }
    if (el.tagName === 'BR') {
      out += '\n';
      return;
    }
    const block = BLOCK_TAGS.has(el.tagName);
    if (block && out && !out.endsWith('\n')) out += '\n';
    for (const child of el.childNodes) walk(child);
    if (block && out && !out.endsWith('\n')) out += '\n';
  };
  walk(element);
  return normaliseText(out);
}

const NEEDS_NORMALISING = /[\u00a0\u202f\u2007\t\r\f\v\n]|\u200b|\u200c|\u200d|\ufeff| {2}/;

export function normaliseText(text: string): string {
  if (!NEEDS_NORMALISING.test(text)) return text.trim();
  return text
    .replace(/[\u00a0\u202f\u2007]/g, ' ')
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Text compared loosely: case, punctuation spacing and line breaks do not matter (sent-reply detection). */
export function comparableText(text: string): string {
  return normaliseText(text).toLowerCase().replace(/\s+/g, ' ');
}

/** An absolute https URL for an href found on the page, on the given canonical host. */
const SITE_PATH = /^\/(?!\/)[\x21-\x7e]*$/;

export function absoluteUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  // Most hrefs are plain site paths ("/id123"): no need to parse them as URLs.
  if (SITE_PATH.test(href) && !href.includes('\\') && !href.includes('/.')) return base.replace(/\/+$/, '') + href;
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.protocol = 'https:';
    url.hostname = canonicalHost(url.hostname) ?? url.hostname;
    return url.toString();
  } catch {
    return undefined;
  }
}

/** The outermost element matching rootSelector around el (el itself when none is above it). */
export function outermostRoot(el: Element, rootSelector: string): Element {
  let top = el;
  for (let up = el.parentElement ? safeClosest(el.parentElement, rootSelector) : null; up; up = up.parentElement ? safeClosest(up.parentElement, rootSelector) : null) top = up;
  return top;
}

/**
 * The post an element belongs to: the post root around it, or — where the site renders the
 * comments beside the post (OK's topic layer, VK's single-post page) — the single post in
 * the nearest ancestor that holds one.
 */
export function postAround(el: Element, postRoot: string, isPost: (root: Element) => boolean, maxUp = 10): Element | null {
  const inside = safeClosest(el, postRoot);
  if (inside) return outermostRoot(inside, postRoot);
  let up = el.parentElement;
  for (let i = 0; up && i < maxUp && up.tagName !== 'BODY'; i++, up = up.parentElement) {
    const posts = safeQueryAll(up, postRoot).filter(isPost);
    if (posts.length) return outermostRoot(posts[0]!, postRoot);
  }
  return null;
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

/** What an item says beyond who it is: read from the page, possibly later than the item was found. */
export type ItemFields = Pick<PageItem, 'author' | 'text' | 'publishedAt' | 'attachments'>;

/**
 * An item whose fields are read from its own nodes when first asked for, then kept. A scan of
 * the page needs every item's key but the fields of only the few in view or captured, and
 * reading them all was three quarters of a whole-page scan. The fields are own enumerable
 * getters, so spreading, JSON and structured cloning see them like plain properties. Markup the
 * reader does not know gives empty fields, never a throw.
 */
export function withFields(identity: Omit<PageItem, keyof ItemFields>, read: () => ItemFields): PageItem {
  let fields: ItemFields | undefined;
  const get = (): ItemFields => {
    if (!fields) {
      try {
        fields = read();
      } catch {
        fields = { author: { name: '' }, text: '', attachments: [] }; // unknown markup: the health check reports what failed
      }
    }
    return fields;
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
      return get().author;
    },
    get text() {
      return get().text;
    },
    get publishedAt() {
      return get().publishedAt;
    },
    get attachments() {
      return get().attachments;
    },
  };
}

/** Runs a parser on each root; a root it cannot read is skipped, never thrown. */
export function parseAll<T>(roots: Iterable<Element>, parse: (el: Element) => T | null): T[] {
  const out: T[] = [];
  for (const el of roots) {
    try {
      const item = parse(el);
      if (item) out.push(item);
    } catch {
      // unknown markup: the health check reports what failed
    }
  }
  return out;
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

/** Unix seconds or milliseconds from an attribute, as epoch ms; undefined when absent or odd. */
export function epochMs(raw: string | null | undefined): number | undefined {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return n > 1e12 ? Math.round(n) : Math.round(n * 1000);
}

type Match = { element: Element; candidate: Candidate; index: number };

/**
 * How a parser finds the fields of an item. `direct` queries inside each item (cheap for the
 * few items of an added node); `batch` queries the whole document once per selector and
 * hands each element to the item that owns it (one pass for a page of 2,000 items instead
 * of a query per item and field). Both give the same result: the first candidate, in
 * priority order, with an element the item owns, and the first such element in document order.
 */
export interface Picker {
  first(
    root: Element,
    kind: string,
    field: string,
    candidates: readonly Candidate[],
    own: (el: Element) => boolean,
    owner: (place: Element | null) => Element | null,
    trace?: { tracer: Tracer; field: string },
  ): Match | null;
  all(root: Element, kind: string, field: string, selector: string, own: (el: Element) => boolean, owner: (place: Element | null) => Element | null): Element[];
}

export const directPicker: Picker = {
  first: (root, _kind, _field, candidates, own, _owner, trace) => firstMatch(root, candidates, own, trace),
  all: (root, _kind, _field, selector, own) => safeQueryAll(root, selector).filter(own),
};

/**
 * A picker over a whole document; `expected` is how many roots of each kind there are.
 * `locate` gives an element's place, computed once per element and scan whatever the kinds
 * asking (e.g. the nearest root around it); the owner functions then map a place to its
 * owner. Without it, the place is the element itself.
 */
export function batchPicker(scope: ParentNode, expected: Record<string, number>, locate?: (el: Element) => Element | null): Picker {
  const firsts = new Map<string, Map<string, Map<Element, Match>>>();
  const alls = new Map<string, Map<string, Map<Element, Element[]>>>();
  // Posts and comments share selectors (dates, media): each is queried, and each hit placed, once.
  const scans = new Map<string, { list: ArrayLike<Element>; places: ArrayLike<Element | null> }>();
  const scan = (selector: string) => {
    let found = scans.get(selector);
    if (!found) {
      const list = queryAllLike(scope, selector);
      let places: ArrayLike<Element | null> = list;
      if (locate) {
        const located = new Array<Element | null>(list.length);
        for (let i = 0; i < list.length; i++) located[i] = locate(list[i]!);
        places = located;
      }
      scans.set(selector, (found = { list, places }));
    }
    return found;
  };
  /** One table per kind and field, filled when first asked for (keyed by the constant names: no key string per call). */
  const tableOf = <V>(tables: Map<string, Map<string, Map<Element, V>>>, kind: string, field: string, fill: (table: Map<Element, V>) => void): Map<Element, V> => {
    let byField = tables.get(kind);
    if (!byField) tables.set(kind, (byField = new Map()));
    let table = byField.get(field);
    if (!table) {
      byField.set(field, (table = new Map()));
      fill(table);
    }
    return table;
  };
  return {
    first(root, kind, field, candidates, _own, owner, trace) {
      const map = tableOf(firsts, kind, field, (table) => {
        const want = expected[kind] ?? Infinity;
        for (let index = 0; index < candidates.length && table.size < want; index++) {
          const candidate = candidates[index]!;
          const { list, places } = scan(candidate.selector);
          for (let i = 0; i < list.length; i++) {
            const o = owner(places[i]!);
            if (o && !table.has(o)) table.set(o, { element: list[i]!, candidate, index });
          }
        }
      });
      const found = map.get(root) ?? null;
      if (trace) {
        if (found) trace.tracer.hit(trace.field, found.index);
        else trace.tracer.miss(trace.field);
      }
      return found;
    },
    all(root, kind, field, selector, _own, owner) {
      const map = tableOf(alls, kind, field, (table) => {
        const { list, places } = scan(selector);
        for (let i = 0; i < list.length; i++) {
          const o = owner(places[i]!);
          if (!o) continue;
          const element = list[i]!;
          const owned = table.get(o);
          if (owned) owned.push(element);
          else table.set(o, [element]);
        }
      });
      return map.get(root) ?? [];
    },
  };
}

/** `text` without its beginning when the box already holds that beginning (the addressee's name). */
export function withoutPrefix(text: string, inBox: string): string {
  const prefix = inBox.trim();
  if (!prefix) return text;
  const start = text.trimStart();
  return start.toLowerCase().startsWith(prefix.toLowerCase()) ? start.slice(prefix.length).trimStart() : text;
}

/**
 * Whether a comment's text is the answer that was put in the box, possibly edited there before
 * sending: it holds the whole answer, or most of its words (three letters or more, at least
 * 60 %). The publication is then recorded with what was sent, flagged when it differs.
 */
export function looksLikeSent(sent: string, inserted: string): boolean {
  const have = comparableText(sent);
  const want = comparableText(inserted);
  if (!want) return false;
  if (have.includes(want)) return true;
  const words = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3);
  const wanted = words(want);
  if (wanted.length < 3) return false;
  const got = new Set(words(have));
  return wanted.filter((w) => got.has(w)).length / wanted.length >= 0.6;
}
