// @ts-check
/**
 * The scenario driver for Debian's Chromium: a thin layer over harness.mjs (playwright-core).
 * `launch` there starts the browser with the built MV3 extension (.output/chrome-mv3), routes the
 * fixture sites and opens the shadow roots through the service worker; this file adds the
 * driver's tab operations on top.
 */
import { launch, openExtensionPage } from '../harness.mjs';
import { attributeScript, firstMatch, readScript, screenshotPath, settled, waitUntil } from './driver.mjs';

/** @typedef {import('./driver.mjs').Driver} Driver */
/** @typedef {import('./driver.mjs').Tab} Tab */
/** @typedef {import('playwright-core').Page} Page */

/**
 * @param {Page} page
 * @returns {Tab}
 */
function tab(page) {
  /** @param {string} selector @param {number} [timeout] */
  const element = async (selector, timeout = 10_000) => {
    const handle = await waitUntil(
      async () => {
        const found = await page.evaluateHandle(firstMatch(selector));
        const element = found.asElement();
        if (!element) await found.dispose();
        return element;
      },
      `«${selector}» in ${page.url()}`,
      timeout,
    );
    return /** @type {import('playwright-core').ElementHandle<HTMLElement>} */ (handle);
  };
  return {
    url: async () => page.url(),
    evaluate: (fn, arg) => page.evaluate(/** @type {any} */ (fn), arg),
    count: (selector) => page.evaluate(readScript('count', selector)),
    waitFor: async (selector, timeout) => {
      await element(selector, timeout);
    },
    text: (selector) => page.evaluate(readScript('text', selector)),
    shadowText: (selector) => page.evaluate(readScript('shadowText', selector)),
    attribute: (selector, name) => page.evaluate(attributeScript(selector, name)),
    value: (selector) => page.evaluate(readScript('value', selector)),
    click: async (selector) => {
      await (await element(selector)).click();
    },
    fill: async (selector, text) => {
      await (await element(selector)).fill(text);
    },
    type: async (selector, text) => {
      await (await element(selector)).click();
      await page.keyboard.type(text);
    },
    press: (key) => page.keyboard.press(key),
    select: async (selector, choice) => {
      await (await element(selector)).selectOption(choice);
    },
    screenshot: async (name) => {
      const path = screenshotPath('chromium', name);
      await page.evaluate(settled);
      await page.screenshot({ path });
      return path;
    },
    close: async () => {
      if (!page.isClosed()) await page.close();
    },
  };
}

/** @returns {Driver} */
export function createChromiumDriver() {
  /** @type {import('../harness.mjs').Session | undefined} */
  let session;
  /** @type {Tab | undefined} */
  let control;
  /** @type {string[]} */
  const errors = [];
  const need = () => {
    if (!session) throw new Error('the Chromium driver is not launched');
    return session;
  };
  /** @type {Driver} */
  const driver = {
    name: 'chromium',
    extensionOrigin: '',
    timings: {},
    async launch() {
      const started = Date.now();
      session = await launch();
      driver.timings.launch = Date.now() - started;
      driver.extensionOrigin = `chrome-extension://${session.extensionId}`;
      const origin = driver.extensionOrigin;
      // Uncaught errors of the extension's pages and content scripts (the worker's are logged
      // as console errors of the context).
      session.context.on('weberror', (e) => errors.push(`${e.page()?.url() ?? '?'}: ${e.error().message}`));
      session.context.on('console', (m) => {
        if (m.type() === 'error' && (m.location().url ?? '').startsWith(origin)) errors.push(`${m.location().url}: ${m.text()}`);
      });
      control = tab(await openExtensionPage(session, 'options.html'));
    },
    async openSite(url) {
      const page = await need().context.newPage();
      await page.goto(url);
      return tab(page);
    },
    async openExtensionPage(path, size) {
      return tab(await openExtensionPage(need(), path, size));
    },
    extension() {
      if (!control) throw new Error('the Chromium driver is not launched');
      return control;
    },
    async allowHost(origin) {
      const s = need();
      const page = await s.context.newPage();
      try {
        await page.goto(`chrome://extensions/?id=${s.extensionId}`);
        const url = new URL(origin);
        const pattern = `${url.protocol}//${url.hostname}/*`;
        await page.evaluate(([id, p]) => /** @type {any} */ (globalThis).chrome.developerPrivate.addHostPermission(id, p), [s.extensionId, pattern]);
      } finally {
        await page.close();
      }
    },
    async badge() {
      return need().worker.evaluate(async () => {
        const action = /** @type {any} */ (globalThis).chrome.action;
        return { text: await action.getBadgeText({}), title: await action.getTitle({}), color: await action.getBadgeBackgroundColor({}) };
      });
    },
    async extensionErrors() {
      return [...errors];
    },
    async close() {
      const s = session;
      session = undefined;
      control = undefined;
      await s?.context.close();
    },
  };
  return driver;
}
