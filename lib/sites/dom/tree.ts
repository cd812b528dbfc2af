/** Walks up and around the tree: the outermost root, the post an element belongs to, order, names. */
import { safeClosest, safeQueryAll } from './query';

/** The outermost element matching rootSelector around el (el itself when none is above it). */
export function outermostRoot(el: Element, rootSelector: string): Element {
  let top = el;
  for (
    let up = el.parentElement ? safeClosest(el.parentElement, rootSelector) : null;
    up;
    up = up.parentElement ? safeClosest(up.parentElement, rootSelector) : null
  )
    top = up;
  return top;
}

/**
 * The post an element belongs to: the post root around it, or — where the site renders the
 * comments beside the post (OK's topic layer, VK's single-post page) — the single post in
 * the nearest ancestor that holds one. `memo` (one scan's) remembers the post found above each
 * ancestor passed on the way, so a long list of comments climbs and queries once.
 */
export function postAround(el: Element, postRoot: string, isPost: (root: Element) => boolean, memo?: Map<Element, Element>, maxUp = 10): Element | null {
  const inside = safeClosest(el, postRoot);
  if (inside) return outermostRoot(inside, postRoot);
  const passed: Element[] = [];
  let found: Element | null = null;
  let up = el.parentElement;
  for (let i = 0; up && i < maxUp && up.tagName !== 'BODY'; i++, up = up.parentElement) {
    found = memo?.get(up) ?? null;
    if (found) break;
    passed.push(up);
    const posts = safeQueryAll(up, postRoot).filter(isPost);
    if (posts.length) {
      found = outermostRoot(posts[0]!, postRoot);
      break;
    }
  }
  // Every ancestor passed is nearer the post than el was: it finds the same one.
  if (found && memo) for (const p of passed) memo.set(p, found);
  return found;
}

export function byDocumentOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

/** A short name of an element for diagnostics: tag, id, data-testid, first classes. */
export function describeElement(el: Element): string {
  const testid = el.getAttribute('data-testid');
  const classes = [...el.classList]
    .slice(0, 2)
    .map((c) => `.${c}`)
    .join('');
  return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${testid ? `[data-testid="${testid}"]` : ''}${classes}`.slice(0, 120);
}
