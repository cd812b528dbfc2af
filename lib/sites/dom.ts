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
