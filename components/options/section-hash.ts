/**
 * Opening the options page at a section (options.html#plans, from a plan's notification): the
 * section named by the address's hash is scrolled into view and focused once it is rendered —
 * the sections appear only after the database answers, so the browser's own jump to the hash
 * finds nothing. Given up after a while (a section the workspace does not have: Content plans
 * outside Khabarovsk), and done again when the hash changes.
 */

/** Scrolls to the element the hash names and focuses it; false while it is not on the page. A hash naming nothing is done. */
export function focusSection(doc: Document, hash: string): boolean {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return true; // a malformed hash names no section
  }
  if (!id) return true;
  const el = doc.getElementById(id);
  if (!el) return false;
  // Focusable without entering the tab order, so a screen reader starts reading there.
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.scrollIntoView?.({ block: 'start' });
  el.focus({ preventScroll: true });
  return true;
}

/** How long a section is waited for. */
export const SECTION_WAIT_MS = 10_000;

/** Follows the window's hash: now, and on every change. Returns the stop. */
export function followHash(win: Window, waitMs = SECTION_WAIT_MS): () => void {
  let observer: MutationObserver | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopWaiting = () => {
    observer?.disconnect();
    observer = undefined;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const follow = () => {
    stopWaiting();
    const hash = win.location.hash;
    if (focusSection(win.document, hash)) return;
    const watching = new MutationObserver(() => {
      if (focusSection(win.document, hash)) stopWaiting();
    });
    watching.observe(win.document.body, { childList: true, subtree: true });
    observer = watching;
    timer = setTimeout(stopWaiting, waitMs);
  };
  win.addEventListener('hashchange', follow);
  follow();
  return () => {
    stopWaiting();
    win.removeEventListener('hashchange', follow);
  };
}
