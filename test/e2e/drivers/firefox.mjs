// @ts-check
/**
 * The scenario driver for Debian's Firefox ESR: puppeteer-core speaking WebDriver BiDi to Firefox
 * itself (no geckodriver, no downloaded browser). Recipe and traps: shared/docs/browser-testing.md,
 * «Firefox».
 * - The built package (.output/firefox-mv2 by default) is installed as a temporary add-on into
 *   the fresh profile puppeteer makes; its moz-extension:// host is fixed through the pref
 *   `extensions.webextensions.uuids`, keyed by the manifest's gecko id.
 * - `--remote-allow-system-access` lets BiDi navigate a tab to moz-extension://…; Firefox leaves
 *   those pages out of BiDi's navigation events, so `goto` is started without awaiting it and the
 *   document is polled for its address and readyState.
 * - Request interception is per page: every site tab answers the fixture routes of harness.mjs
 *   itself, and anything else on the network with 404 (the machine has no internet).
 * - Firefox's stdout and stderr (background-page errors among them) go to
 *   test-output/firefox-stderr.log.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { fixtureFor, FIXTURE_ROUTES, ROOT } from '../harness.mjs';
import { attributeScript, firstMatch, readScript, screenshotPath, settled, waitUntil } from './driver.mjs';

/** @typedef {import('./driver.mjs').Driver} Driver */
/** @typedef {import('./driver.mjs').Tab} Tab */
/** @typedef {import('puppeteer-core').Page} Page */

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
export const FIREFOX_LOG = join(ROOT, 'test-output/firefox-stderr.log');
/** The moz-extension:// host of every run (any fixed UUID will do). */
export const EXTENSION_UUID = '5b1d3f0e-7c2a-4e8b-9d61-0a4f2c8e7b13';
const VIEWPORT = { width: 1100, height: 800 };

const read = (/** @type {string} */ file) => readFileSync(join(ROOT, 'test/fixtures', file), 'utf8');
const isFixtureHost = (/** @type {string} */ host) => FIXTURE_ROUTES.some((r) => r.host.test(host));

/**
 * Answers a site tab's requests as harness.mjs' routeFixtures does for Chromium.
 * @param {Page} page
 */
async function routeFixtures(page) {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = new URL(request.url());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return void request.continue();
    if (!isFixtureHost(url.hostname)) return void request.respond({ status: 404, body: '' });
    if (url.pathname === '/_fixture/site.js') return void request.respond({ status: 200, contentType: 'text/javascript', body: read('site.js') });
    // resourceType() is unsupported over BiDi: a navigation is the document.
    const file = request.isNavigationRequest() ? fixtureFor(url) : null;
    return void request.respond(file ? { status: 200, contentType: 'text/html; charset=utf-8', body: read(file) } : { status: 204, body: '' });
  });
}

/**
 * Sets the page's viewport. Puppeteer also sends BiDi's emulation.setScreenOrientationOverride,
 * which Firefox ESR 140 does not know; the viewport itself is set by then.
 * @param {Page} page
 * @param {{ width: number, height: number }} size
 */
async function setViewport(page, size) {
  await page.setViewport(size).catch((/** @type {Error} */ error) => {
    if (!/setScreenOrientationOverride/.test(error.message)) throw error;
  });
}

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
      `«${selector}»`,
      timeout,
    );
    return /** @type {import('puppeteer-core').ElementHandle<HTMLElement>} */ (handle);
  };
  /** Selects the field's content, so typing replaces it. @param {import('puppeteer-core').ElementHandle<HTMLElement>} el */
  const selectAll = (el) =>
    el.evaluate((node) => {
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) return node.select();
      const range = document.createRange();
      range.selectNodeContents(node);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    });
  /** A page-side expression's value (driver.mjs' scripts). @param {string} expression @returns {Promise<any>} */
  const read = (expression) => page.evaluate(expression);
  return {
    url: () => page.evaluate(() => location.href),
    evaluate: (fn, arg) => page.evaluate(/** @type {any} */ (fn), arg),
    count: (selector) => read(readScript('count', selector)),
    waitFor: async (selector, timeout) => {
      await element(selector, timeout);
    },
    text: (selector) => read(readScript('text', selector)),
    shadowText: (selector) => read(readScript('shadowText', selector)),
    attribute: (selector, name) => read(attributeScript(selector, name)),
    value: (selector) => read(readScript('value', selector)),
    click: async (selector) => {
      await (await element(selector)).click();
    },
    fill: async (selector, text) => {
      const el = await element(selector);
      await el.click();
      await selectAll(el);
      if (text) await page.keyboard.type(text);
      else await page.keyboard.press('Backspace');
    },
    type: async (selector, text) => {
      await (await element(selector)).click();
      await page.keyboard.type(text);
    },
    press: (key) => page.keyboard.press(/** @type {import('puppeteer-core').KeyInput} */ (key)),
    select: async (selector, choice) => {
      const el = await element(selector);
      const value =
        'value' in choice
          ? choice.value
          : await el.evaluate(
              (node, label) =>
                [.../** @type {HTMLSelectElement} */ (node).options].find((o) => o.label.trim() === label || o.textContent?.trim() === label)?.value ?? null,
              choice.label,
            );
      if (value === null) throw new Error(`no option «${'label' in choice ? choice.label : ''}» in «${selector}»`);
      await el.select(value);
    },
    screenshot: async (name) => {
      const path = /** @type {`${string}.png`} */ (screenshotPath('firefox', name));
      await page.evaluate(settled);
      await page.screenshot({ path });
      return path;
    },
    close: async () => {
      if (!page.isClosed()) await page.close().catch(() => undefined);
    },
  };
}

/**
 * @param {{ extensionDir?: string }} [options] extensionDir: the built package to install
 *   (.output/firefox-mv2; a measurement may pass .output/firefox-mv3)
 * @returns {Driver}
 */
export function createFirefoxDriver({ extensionDir = FIREFOX_EXTENSION_DIR } = {}) {
  /** @type {import('puppeteer-core').Browser | undefined} */
  let browser;
  /** @type {Tab | undefined} */
  let control;
  /** @type {string[]} */
  const log = [];
  const origin = `moz-extension://${EXTENSION_UUID}`;
  const need = () => {
    if (!browser) throw new Error('the Firefox driver is not launched');
    return browser;
  };

  /** @param {string} path @param {{ width: number, height: number }} [size] */
  const openExtensionPage = async (path, size = { width: 400, height: 600 }) => {
    const page = await need().newPage();
    await setViewport(page, size);
    const url = `${origin}/${path}`;
    // Never resolves for moz-extension:// (no BiDi navigation events): poll the document instead.
    page.goto(url, { timeout: 0 }).catch(() => undefined);
    await waitUntil(() => page.evaluate((want) => location.href === want && document.readyState === 'complete', url).catch(() => false), `${url} to load`);
    return tab(page);
  };

  /** @type {Driver} */
  const driver = {
    name: 'firefox',
    extensionOrigin: origin,
    timings: {},
    async launch() {
      if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}: apt-get install -y firefox-esr, or set FIREFOX_PATH`);
      const manifestPath = join(extensionDir, 'manifest.json');
      if (!existsSync(manifestPath)) throw new Error(`no built extension at ${extensionDir}: run node_modules/.bin/wxt build -b firefox`);
      const geckoId = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings?.gecko?.id;
      if (!geckoId) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
      let started = Date.now();
      browser = await puppeteer.launch({
        browser: 'firefox',
        headless: true,
        executablePath: FIREFOX,
        defaultViewport: null,
        args: ['--remote-allow-system-access'],
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
          // The pages' and the background's console lines go to the log too.
          'devtools.console.stdout.chrome': true,
          'devtools.console.stdout.content': true,
          // An optional host permission (the team server's origin) is granted without the
          // prompt a headless Firefox cannot show: see allowHost.
          'extensions.webextOptionalPermissionPrompts': false,
        },
      });
      driver.timings.launch = Date.now() - started;
      mkdirSync(join(ROOT, 'test-output'), { recursive: true });
      const file = createWriteStream(FIREFOX_LOG, { flags: 'w' });
      const proc = browser.process();
      for (const stream of [proc?.stderr, proc?.stdout]) {
        stream?.on('data', (/** @type {Buffer} */ chunk) => {
          file.write(chunk);
          log.push(...chunk.toString('utf8').split('\n'));
        });
      }
      browser.once('disconnected', () => file.end());

      started = Date.now();
      await browser.installExtension(extensionDir);
      driver.timings.install = Date.now() - started;

      control = await openExtensionPage('options.html', { width: 1000, height: 700 });
      // Before any site page: open the in-page shadow roots, and close the tab the install
      // opened (onboarding), as the Chromium harness does.
      await control.evaluate(async () => {
        const api = /** @type {any} */ (globalThis).browser;
        // The tests read Russian: Firefox ESR here speaks en-US, so Russian is chosen as in the options.
        await api.storage.local.set({ 'debug.openShadowRoots': true, 'ui.locale': 'ru' });
        const me = (await api.tabs.getCurrent()).id;
        for (let waited = 0; waited < 3000; waited += 100) {
          const others = (await api.tabs.query({ url: api.runtime.getURL('options.html') })).filter((/** @type {{ id: number }} */ t) => t.id !== me);
          if (others.length) return api.tabs.remove(others.map((/** @type {{ id: number }} */ t) => t.id));
          await new Promise((r) => setTimeout(r, 100));
        }
      });
    },
    async openSite(url) {
      const page = await need().newPage();
      await setViewport(page, VIEWPORT);
      await routeFixtures(page);
      await page.goto(url);
      return tab(page);
    },
    openExtensionPage,
    extension() {
      if (!control) throw new Error('the Firefox driver is not launched');
      return control;
    },
    async allowHost() {
      // Granted by 'extensions.webextOptionalPermissionPrompts' (set at launch): nothing to do.
    },
    async badge() {
      return driver.extension().evaluate(async () => {
        const api = /** @type {any} */ (globalThis).browser;
        // MV2 has browserAction; an MV3 build has action.
        const action = api.action ?? api.browserAction;
        return { text: await action.getBadgeText({}), title: await action.getTitle({}), color: await action.getBadgeBackgroundColor({}) };
      });
    },
    async extensionErrors() {
      return log.filter((line) => line.includes(origin) && /JavaScript error|Error:|console\.error/.test(line));
    },
    async close() {
      const b = browser;
      browser = undefined;
      control = undefined;
      await b?.close();
    },
  };
  return driver;
}
