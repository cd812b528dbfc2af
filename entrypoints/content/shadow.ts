/**
 * Our elements on the page: marked hosts with closed shadow roots sharing one stylesheet. A
 * closed root keeps page scripts out of the capture form (the directory of staff and bodies),
 * the checker's findings and the buttons' state.
 */
import { browser } from 'wxt/browser';
import css from '@/components/in-page.css?inline';

/** Marks every host element of ours, so the page observer ignores our own insertions. */
export const HOST_ATTR = 'data-aot';

let sheet: CSSStyleSheet | undefined;

/** The stylesheet shared by every shadow root of ours on the page. */
export function styleShadow(root: ShadowRoot): void {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Engines that refuse constructed sheets from an isolated world get a <style> copy.
    const style = document.createElement('style');
    style.textContent = css;
    root.append(style);
  }
}

/**
 * storage.local key, for the end-to-end tests only: open shadow roots, which Playwright can look
 * into. Only the extension's own pages and worker can write extension storage, not a site.
 */
export const OPEN_SHADOW_KEY = 'debug.openShadowRoots';
let mode: ShadowRootMode = 'closed';

/** Reads the mode once, before anything of ours is put on the page. */
export async function loadShadowMode(): Promise<void> {
  try {
    mode = (await browser.storage.local.get(OPEN_SHADOW_KEY))[OPEN_SHADOW_KEY] === true ? 'open' : 'closed';
  } catch {
    mode = 'closed';
  }
}

/** A shadow root of ours on `host`: closed (open only in the end-to-end tests), styled. */
export function attachOurShadow(host: HTMLElement): ShadowRoot {
  const root = host.attachShadow({ mode });
  styleShadow(root);
  return root;
}
