// @ts-check
/**
 * Drives the built extension in Debian's Chromium with playwright-core (no downloaded
 * browser). Fixture pages are served as if they came from https://vk.com/… and https://ok.ru/…
 * so the manifest's match patterns apply; the machine has no internet, so every other request
 * is answered locally. Plain JavaScript so that `npm run demo` can use it without a build step.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(process.cwd());
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');

/**
 * Which fixture page answers which address: the first pattern that matches the host and path
 * wins; every other page of a site gets its default. Each fixture says at its top what it imitates.
 */
export const FIXTURE_ROUTES = [
  { host: /^vk\.(com|ru)$/, path: /^\/wall-100_502\/?$/, file: 'vk-post.html' },
  { host: /^vk\.(com|ru)$/, path: /^\/photo-100_9001\/?$/, file: 'vk-photo.html' },
  { host: /^vk\.(com|ru)$/, path: /^\/club200\/?$/, file: 'vk-wall.html' },
  { host: /^vk\.(com|ru)$/, path: /^\/wall-100_800\/?$/, file: 'vk-post-flat.html' },
  { host: /^vk\.(com|ru)$/, path: /^\/club300\/?$/, file: 'vk-own-wall.html' },
  { host: /^vk\.(com|ru)$/, path: /^\//, file: 'vk-feed.html' },
  { host: /^ok\.ru$/, path: /^\/group\/400\/?$/, file: 'ok-own-group.html' },
  { host: /^ok\.ru$/, path: /^\/group\/300\/topic\/700001\/?$/, file: 'ok-topic.html' },
  { host: /^ok\.ru$/, path: /^\/group\/300\/topic\/700005\/?$/, file: 'ok-topic-layer.html' },
  { host: /^ok\.ru$/, path: /^\//, file: 'ok-feed.html' },
];

/** The fixture file that answers a URL, or null. @param {URL} url */
export function fixtureFor(url) {
  return FIXTURE_ROUTES.find((r) => r.host.test(url.hostname) && r.path.test(url.pathname))?.file ?? null;
}

/**
 * @typedef {{ context: import('playwright-core').BrowserContext, worker: import('playwright-core').Worker,
 *   extensionId: string, userDataDir: string }} Session
 */

export function newUserDataDir() {
  return mkdtempSync(join(tmpdir(), 'aot-e2e-'));
}

/**
 * Starts Chromium with the built extension and the fixture routes.
 * @param {string} [userDataDir] reuse a profile to test persistence
 * @param {{ headless?: boolean, openShadowRoots?: boolean }} [options] openShadowRoots: the
 *   extension's in-page elements use closed shadow roots, which Playwright cannot look into;
 *   tests open them through an extension-only setting (pages cannot write it). The hardening
 *   test runs with them closed, as they ship.
 * @returns {Promise<Session>}
 */
export async function launch(userDataDir = newUserDataDir(), { headless = true, openShadowRoots = true } = {}) {
  // Reopening a profile right after closing it can fail while the previous browser process
  // still holds it (seen under load): try again shortly.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchOnce(userDataDir, headless, openShadowRoots);
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}

/**
 * @param {string} userDataDir
 * @param {boolean} headless
 * @param {boolean} openShadowRoots
 * @returns {Promise<Session>}
 */
async function launchOnce(userDataDir, headless, openShadowRoots) {
  const fresh = !existsSync(join(userDataDir, 'Default'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless,
    viewport: headless ? { width: 1100, height: 800 } : null,
    locale: 'ru-RU',
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await routeFixtures(context);
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  // Installing into a fresh profile opens the options page (onboarding). Close that tab first:
  // a page the test opens at the same moment would otherwise race it ("navigation interrupted").
  if (fresh) {
    const isOptions = (/** @type {import('playwright-core').Page} */ p) => p.url().startsWith(`chrome-extension://${extensionId}/options.html`);
    // Up to 15 s: on a loaded machine the install-time tab can come late, and a tab left open
    // here would come back with the profile's restored session in a later relaunch.
    for (let waited = 0; waited < 15_000; waited += 50) {
      const page = context.pages().find(isOptions);
      if (page) {
        await page.close();
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  // A reopened profile keeps the setting from its first launch (and a restart test checks what
  // happens before anything of ours runs).
  if (fresh || !openShadowRoots)
    await worker.evaluate((open) => /** @type {any} */ (globalThis).chrome.storage.local.set({ 'debug.openShadowRoots': open }), openShadowRoots);
  // The tests read Russian. This machine's Chromium speaks en-US (it has no other UI language),
  // and the extension follows the browser's language unless one is chosen in the options: a
  // fresh profile chooses Russian, as a person would there.
  if (fresh) await worker.evaluate(() => /** @type {any} */ (globalThis).chrome.storage.local.set({ 'ui.locale': 'ru' }));
  return { context, worker, extensionId, userDataDir };
}

/**
 * Serves the fixture pages as https://vk.com/…, https://vk.ru/…, https://ok.ru/…, and their
 * behaviour script as /_fixture/site.js; anything else on those hosts is empty.
 * @param {import('playwright-core').BrowserContext} context
 */
export async function routeFixtures(context) {
  const read = (/** @type {string} */ file) => readFileSync(join(ROOT, 'test/fixtures', file), 'utf8');
  for (const host of ['vk.com', 'vk.ru', 'ok.ru']) {
    await context.route(`https://${host}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/_fixture/site.js') return route.fulfill({ status: 200, contentType: 'text/javascript', body: read('site.js') });
      const file = route.request().resourceType() === 'document' ? fixtureFor(url) : null;
      return file ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: read(file) }) : route.fulfill({ status: 204, body: '' });
    });
  }
}

/**
 * Opens an extension page (popup.html, sidepanel.html, options.html) as a tab of the given size.
 * @param {Session} session
 * @param {string} path
 */
export async function openExtensionPage(session, path, size = { width: 400, height: 600 }) {
  const page = await session.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`chrome-extension://${session.extensionId}/${path}`);
  return page;
}

/**
 * @param {import('playwright-core').Page} page
 * @param {string} name
 * @param {string} [dir]
 */
export async function screenshot(page, name, dir = SCREENSHOTS) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Captures the post at `index` on the current page through the in-page form.
 * @param {import('playwright-core').Page} page
 * @param {number} index
 * @param {{ topic: string, location?: string, importance?: string, executor: string }} routing
 */
export async function captureWithForm(page, index, routing) {
  await page.locator('[data-aot="capture"] button').nth(index).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Тема').fill(routing.topic);
  if (routing.location) await dialog.getByLabel('Локация').fill(routing.location);
  if (routing.importance) await dialog.getByLabel('Важность').selectOption(routing.importance);
  await dialog.getByLabel('Исполнитель').fill(routing.executor);
  return dialog;
}

/**
 * Stores a workspace (region, directory, who I am) through the background, as the options
 * page does.
 * @param {Session} session
 * @param {unknown} workspace
 */
export async function saveWorkspace(session, workspace) {
  const page = await openExtensionPage(session, 'options.html');
  const reply = await page.evaluate(
    (ws) => /** @type {any} */ (globalThis).chrome.runtime.sendMessage({ channel: 'aot/1', type: 'workspace.save', data: { workspace: ws } }),
    workspace,
  );
  await page.close();
  if (!reply?.ok) throw new Error(`workspace.save failed: ${JSON.stringify(reply)}`);
}

/**
 * Fills in the first-run onboarding on the options page, as a user would.
 * @param {import('playwright-core').Page} page the options page
 * @param {{ region: string, name: string, body: string }} answers region and body by their labels
 */
export async function onboard(page, { region, name, body }) {
  await page.getByLabel('Регион').selectOption({ label: region });
  await page.getByLabel('Ваше имя').fill(name);
  await page.getByLabel(/Исполнитель \(готовит ответы\)/).check();
  await page.getByLabel('Ваш орган (для исполнителя)').selectOption({ label: body });
  await page.getByRole('button', { name: 'Начать работу' }).click();
  await page.getByRole('heading', { name: 'Сроки регламента' }).waitFor();
}
