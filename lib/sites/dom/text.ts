/**
 * Text as a person reads it on the page (emoji images as their alt, line breaks, NBSP as a
 * space), and the loose comparisons publish-in-place uses to recognise a sent reply.
 */
import { safeMatches } from './query';

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
