/** Small DOM helpers shared by the site adapters (standard DOM API only). */
import type { Candidate } from './types';

/** The first candidate that matches inside root, and which one it was. */
export function firstMatch(
  root: ParentNode,
  candidates: readonly Candidate[],
  accept: (el: Element) => boolean = () => true,
): { element: Element; candidate: Candidate; index: number } | null {
  for (const [index, candidate] of candidates.entries()) {
    for (const element of root.querySelectorAll(candidate.selector)) {
      if (accept(element)) return { element, candidate, index };
    }
  }
  return null;
}

/** Whether a selector is syntactically valid for this DOM (a typo must not break a scan). */
export function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'BR', 'TR', 'H1', 'H2', 'H3', 'H4', 'BLOCKQUOTE']);

/**
 * Visible text of an element: emoji images become their alt text, <br> and block elements
 * become line breaks, NBSP becomes a space, runs of blanks collapse. Elements matching
 * `skip` (e.g. "show more" links) are left out.
 */
export function readText(element: Element, skip?: string): string {
  let out = '';
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      out += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (skip && el.matches(skip)) return;
    if (el.tagName === 'SCRIPT' || el.tagName === 'STYLE') return;
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

export function normaliseText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An absolute https URL for an href found on the page, on the given canonical host. */
export function absoluteUrl(href: string | null | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.protocol = 'https:';
    return url.toString();
  } catch {
    return undefined;
  }
}

/** The outermost element matching rootSelector around el (el itself when none is above it). */
export function outermostRoot(el: Element, rootSelector: string): Element {
  let top = el;
  for (let up = el.parentElement?.closest(rootSelector); up; up = up.parentElement?.closest(rootSelector)) top = up;
  return top;
}

/**
 * Items under root: one per key, from the outermost item roots (nested roots are reposts or
 * wrappers). A root the parser cannot read is skipped, never thrown. When a key repeats (VK
 * repeats pinned posts), the copy with the longer text wins.
 */
export function collectItems<T extends { key: string; text: string }>(
  root: ParentNode,
  rootSelector: string,
  parse: (el: Element) => T | null,
): T[] {
  const items = new Map<string, T>();
  for (const el of new Set(safeQueryAll(root, rootSelector).map((r) => outermostRoot(r, rootSelector)))) {
    let item: T | null;
    try {
      item = parse(el);
    } catch {
      item = null; // unknown markup: the health check reports what failed
    }
    if (!item) continue;
    const seen = items.get(item.key);
    if (!seen || item.text.length > seen.text.length) items.set(item.key, item);
  }
  return [...items.values()];
}

/** Reply boxes under root, each with the key of the item it answers. */
export function collectReplyBoxes(
  root: ParentNode,
  selectors: ReadonlyArray<{ selector: string }>,
  rootSelector: string,
  keyOf: (itemRoot: Element) => string | null,
): Array<{ element: HTMLElement; answersKey: string }> {
  const boxes: Array<{ element: HTMLElement; answersKey: string }> = [];
  for (const { selector } of selectors) {
    for (const el of safeQueryAll(root, selector)) {
      const item = el.closest(rootSelector);
      const key = item ? keyOf(outermostRoot(item, rootSelector)) : null;
      if (key && el instanceof HTMLElement) boxes.push({ element: el, answersKey: key });
    }
  }
  return boxes;
}
