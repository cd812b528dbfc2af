// @ts-check
/**
 * The browser-neutral driver the end-to-end scenarios (test/e2e/scenarios/) are written against.
 * Two implementations: chromium.mjs (playwright-core, through harness.mjs) and firefox.mjs
 * (puppeteer-core over WebDriver BiDi). A scenario sees only what is declared here.
 *
 * Selectors: CSS. ` >> ` chains parts: each part is looked for below the previous part's matches,
 * in their light DOM and in every open shadow root under them (the extension's in-page UI lives in
 * shadow roots, opened for the tests by `debug.openShadowRoots`). A part may end with
 * `:has-text("…")`: only elements whose text contains it (case and runs of spaces ignored).
 * Within one part a selector never crosses a shadow boundary: put ` >> ` there
 * (`[data-aot="capture"] >> button`). Both drivers resolve selectors with the same page-side
 * function (`queryScript` below), so a selector means the same element in either browser.
 * Element actions wait for the element (10 s by default) and act on the first match with real,
 * trusted input events: the extension ignores synthetic clicks (isTrusted).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCREENSHOTS } from '../harness.mjs';

/** @typedef {'chromium' | 'firefox'} BrowserName */

/**
 * @typedef {{ label: string } | { value: string }} Choice An <option> by its visible label or value.
 */

/**
 * One tab: a site page or an extension page.
 * @typedef {object} Tab
 * @property {() => Promise<string>} url the document's address (read in the page: Firefox's BiDi
 *   does not report moz-extension:// navigations)
 * @property {<A, R>(fn: (arg: A) => R | Promise<R>, arg?: A) => Promise<Awaited<R>>} evaluate runs
 *   `fn(arg)` in the page (an extension page has the extension API: `browser` in Firefox,
 *   `chrome` in Chromium)
 * @property {(selector: string) => Promise<number>} count how many elements match now
 * @property {(selector: string, timeout?: number) => Promise<void>} waitFor until one matches
 * @property {(selector: string) => Promise<string | null>} text the first match's textContent
 *   (its light DOM; null when nothing matches)
 * @property {(selector: string) => Promise<string | null>} shadowText the text of the first
 *   match's open shadow root (null when nothing matches or it has none)
 * @property {(selector: string, name: string) => Promise<string | null>} attribute
 * @property {(selector: string) => Promise<string | null>} value an input's, select's or textarea's value
 * @property {(selector: string) => Promise<void>} click a person's click on the first match
 * @property {(selector: string, text: string) => Promise<void>} fill clicks the field, selects its
 *   content and replaces it with trusted input (Chromium: Playwright's fill, one inserted text;
 *   Firefox: the text typed key by key)
 * @property {(selector: string, text: string) => Promise<void>} type clicks the element (an input
 *   or a contenteditable reply box) and types key by key
 * @property {(key: string) => Promise<void>} press one key (`Escape`, `Enter`…) to the focused element
 * @property {(selector: string, choice: Choice) => Promise<void>} select picks an option of a <select>
 *   and fires its input and change events (as Playwright's selectOption does in both browsers)
 * @property {(name: string) => Promise<string>} screenshot test-output/screenshots/<browser>-<name>.png
 * @property {() => Promise<void>} close closes the tab (nothing if it is already closed)
 */

/**
 * @typedef {object} Badge The toolbar button as the extension set it.
 * @property {string} text
 * @property {string} title
 * @property {number[]} color the badge's background, [r, g, b, a]
 */

/**
 * @typedef {object} Driver
 * @property {BrowserName} name
 * @property {string} extensionOrigin `chrome-extension://<id>` or `moz-extension://<uuid>`
 * @property {() => Promise<void>} launch a fresh profile with the built extension installed, its
 *   install-time tab closed, `debug.openShadowRoots` set before any site page opens, and one
 *   extension page kept open (see `extension`)
 * @property {(url: string) => Promise<Tab>} openSite a new tab on https://vk.com/…, https://vk.ru/…
 *   or https://ok.ru/…, answered from test/fixtures (harness.mjs' FIXTURE_ROUTES); resolves once loaded
 * @property {(path: string, size?: { width: number, height: number }) => Promise<Tab>} openExtensionPage
 *   popup.html, sidepanel.html or options.html in a new tab, resolved once the document is complete
 * @property {() => Tab} extension the extension page kept open for the whole run (options.html):
 *   for storage, the message channel, the database and the browser's own extension APIs
 * @property {(origin: string) => Promise<void>} allowHost a person's «Allow» for the extension on
 *   that origin (the browser's own prompt, which a headless browser cannot show): Chromium through
 *   chrome://extensions' site access, Firefox by its preference that grants optional permissions
 *   without a prompt. The extension's own request in the click then resolves at once.
 * @property {() => Promise<Badge>} badge the toolbar badge and title
 * @property {() => Promise<string[]>} extensionErrors uncaught errors of the extension's own
 *   scripts seen so far (background and pages), one line each
 * @property {() => Promise<void>} close closes the browser and removes the profile
 * @property {Record<string, number>} timings milliseconds of the steps the driver took (launch, install…)
 */

/**
 * The page-side selector engine, as a function expression evaluated in the page (both drivers
 * send this same text). Returns every match of the chained selector, in document order, shadow
 * content at its host's place.
 */
export const queryScript = String(function queryAll(/** @type {string} */ selector) {
  const normal = (/** @type {string} */ s) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  /** @param {ParentNode} scope @param {string} css @param {string | null} text */
  const below = (scope, css, text) => {
    /** @type {Element[]} */
    const out = [];
    /** @param {ParentNode} node */
    const walk = (node) => {
      for (const child of Array.from(node.children)) {
        if (child.matches(css) && (text === null || normal(child.textContent ?? '').includes(text))) out.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    if (scope instanceof Element && scope.shadowRoot) walk(scope.shadowRoot);
    walk(scope);
    return out;
  };
  /** @type {ParentNode[]} */
  let scopes = [document];
  for (const raw of selector.split(/\s+>>\s+/)) {
    const part = raw.trim();
    const m = /^(.*?):has-text\((["'])(.*)\2\)$/.exec(part);
    const css = m ? m[1] || '*' : part;
    const text = m ? normal(m[3] ?? '') : null;
    /** @type {Element[]} */
    const next = [];
    for (const scope of scopes) for (const el of below(scope, css, text)) if (!next.includes(el)) next.push(el);
    scopes = next;
  }
  return /** @type {Element[]} */ (scopes);
});

/** An expression evaluating to the first match of `selector`, or null. @param {string} selector */
export const firstMatch = (selector) => `(${queryScript})(${JSON.stringify(selector)})[0] ?? null`;

/**
 * Page-side reads of the first match, by name: one expression each, the same in both drivers.
 * @param {'count' | 'text' | 'shadowText' | 'value'} what
 * @param {string} selector
 */
export function readScript(what, selector) {
  const all = `(${queryScript})(${JSON.stringify(selector)})`;
  switch (what) {
    case 'count':
      return `${all}.length`;
    case 'text':
      return `(${all}[0]?.textContent ?? null)`;
    case 'shadowText':
      return `(${all}[0]?.shadowRoot?.textContent ?? null)`;
    case 'value':
      return `(() => { const el = ${all}[0]; return el && 'value' in el ? String(el.value) : null; })()`;
  }
}

/** @param {string} selector @param {string} name */
export const attributeScript = (selector, name) => `(${queryScript})(${JSON.stringify(selector)})[0]?.getAttribute(${JSON.stringify(name)}) ?? null`;

/**
 * Waits until `check` gives a truthy value; rejects with `what` after `timeout` ms.
 * @template T
 * @param {() => Promise<T>} check
 * @param {string} what
 * @param {number} [timeout]
 * @returns {Promise<T>}
 */
export async function waitUntil(check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end)
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? ` (last error: ${/** @type {Error} */ (last).message})` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Evaluated in the page before a screenshot: resolves after two frames (at most 500 ms), so
 * what was just inserted is painted (rows with `content-visibility: auto` are drawn only at
 * the next rendering update).
 */
export const settled = `new Promise((resolve) => { setTimeout(resolve, 500); requestAnimationFrame(() => requestAnimationFrame(resolve)); })`;

/** The screenshot path for a browser. @param {BrowserName} browser @param {string} name */
export function screenshotPath(browser, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${browser}-${name}.png`);
}
