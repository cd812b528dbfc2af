/**
 * Selector queries that never throw on a selector this engine does not know (a typo in the
 * selector data must not break a scan).
 * Remembers per selector whether it is valid: a memo of static data, not adapter state.
 */
import type { Candidate } from '../types';
import type { Trace } from './tracer';

const validity = new Map<string, boolean>();
let probe: DocumentFragment | undefined;

/** Whether this engine accepts a selector (checked once per selector: the lists are static data). */
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

/** The selectors of a candidate list as one selector list. */
export const joinSelectors = (list: readonly Candidate[]): string => list.map((c) => c.selector).join(', ');

export type Match = { element: Element; candidate: Candidate; index: number };

/** The first candidate that matches inside root (and passes accept), and which one it was. */
export function firstMatch(root: ParentNode, candidates: readonly Candidate[], accept?: (el: Element) => boolean, trace?: Trace): Match | null {
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
 * querySelectorAll that survives a selector this engine does not know. Over a whole document,
 * a selector list is queried one selector at a time and the results merged in document order:
 * a list costs every selector on every element of the page, while a single class, id or absent
 * attribute is answered almost at once (Chromium, a page of 26k elements: 2 ms for a list of two
 * absent classes, ~0 ms for each alone). A part this engine does not know is skipped alone.
 */
export function safeQueryAll(root: ParentNode, selector: string): Element[] {
  return Array.from(queryAllLike(root, selector));
}

/** safeQueryAll without copying a single query's NodeList (for the whole-page scans). */
export function queryAllLike(root: ParentNode, selector: string): ArrayLike<Element> {
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
