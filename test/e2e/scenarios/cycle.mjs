// @ts-check
/**
 * The working cycle end to end, written once against the driver interface (../drivers/driver.mjs)
 * and run in real Chromium (cycle.chromium.test.ts) and real Firefox (cycle.firefox.test.ts):
 * onboarding, capture on vk.com, vk.ru and ok.ru, the popup's list and the toolbar, the reply
 * checker in the site's reply box, publish in place, and the desk opened from the popup.
 *
 * Each scenario stands alone on top of `setup` (run once, in beforeAll): it uses its own posts,
 * and puts back what it changes (workspace, settings, open tabs) in a finally.
 */
import { expect } from 'vitest';
import { startTeamServer } from './team-server.mjs';
import { starterWorkspace } from '../../../lib/workflow/workspace';

/** @typedef {import('../drivers/driver.mjs').Driver} Driver */
/** @typedef {import('../drivers/driver.mjs').Tab} Tab */
/** @typedef {{ name: string, run: (driver: Driver) => Promise<void> }} Scenario */

/**
 * Who works at this desk during the run: curator and executor of the Ministry of Construction in
 * Yakutia, whose own pages (the fixture's replies are posted as them) are the VK and OK groups.
 */
export function setupWorkspace() {
  const workspace = starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator', 'executor'], bodies: ['minstroy'] });
  const body = workspace.bodies.find((b) => b.id === 'minstroy');
  if (!body) throw new Error('the Yakutia starter directory has no minstroy');
  body.pages = ['https://vk.com/club100', 'https://ok.ru/group/300'];
  return workspace;
}

/**
 * A request on the extension's message channel, sent from the driver's extension page as the
 * desk and the options page send theirs.
 * @param {Driver} driver
 * @param {string} type
 * @param {unknown} data
 * @returns {Promise<{ ok: boolean, data?: any, error?: { code: string, message: string } }>}
 */
async function call(driver, type, data) {
  return driver.extension().evaluate(([t, d]) => {
    const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
    return api.runtime.sendMessage({ channel: 'aot/1', type: t, data: d });
  }, /** @type {[string, unknown]} */ ([type, data]));
}

/**
 * Reads the extension's database (IndexedDB «answer-on-time», shared by its pages and its
 * background) from the extension page: a message by its key, a setting, or the open count.
 * @param {Driver} driver
 * @param {{ message: string } | { setting: string } | { openCount: true }} what
 * @returns {Promise<any>}
 */
async function database(driver, what) {
  return driver.extension().evaluate(async (w) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('answer-on-time');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const request =
        'message' in w
          ? db.transaction('messages').objectStore('messages').index('key').get(w.message)
          : 'setting' in w
            ? db.transaction('settings').objectStore('settings').get(w.setting)
            : db.transaction('messages').objectStore('messages').index('status').count('open');
      return await new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, what);
}

/** Saves a workspace through the background, as the options page does. @param {Driver} driver @param {unknown} workspace */
async function saveWorkspace(driver, workspace) {
  const reply = await call(driver, 'workspace.save', { workspace });
  if (!reply?.ok) throw new Error(`workspace.save failed: ${JSON.stringify(reply)}`);
}

/** What every scenario stands on: the workspace above. @param {Driver} driver */
export async function setup(driver) {
  await saveWorkspace(driver, setupWorkspace());
}

const FORM = '[data-aot="form"] >> form[role="dialog"]';
const capture = (/** @type {string} */ key) => `[data-aot="capture"][data-aot-key="${key}"] >> button`;

/**
 * Captures the item with `key` on the open site page through the in-page form, as a person does,
 * and checks what the person sees: the form says it is saved with no error, and the item's
 * «Взять в работу» control changes at once, without a reload.
 * @param {Tab} tab
 * @param {string} key
 * @param {{ topic: string, executor: string, screenshot?: string }} routing
 */
async function captureItem(tab, key, { topic, executor, screenshot }) {
  const button = capture(key);
  await tab.waitFor(button);
  expect(await tab.attribute(button, 'data-state')).toBe('new');
  expect(await tab.text(button)).toBe('Взять в работу');
  await tab.click(button);
  await tab.waitFor(`${FORM} >> input[name="topic"]`);
  await tab.fill(`${FORM} >> input[name="topic"]`, topic);
  await tab.fill(`${FORM} >> input[name="executor"]`, executor);
  await tab.click(`${FORM} >> button[type="submit"]`);
  const form = async () => ({ status: await tab.text(`${FORM} >> [role="status"]`), error: await tab.text(`${FORM} >> [role="alert"]`) });
  await expect.poll(form).toEqual({ status: expect.stringMatching(/^Сохранено\. Срок ответа: /), error: null });
  if (screenshot) await tab.screenshot(screenshot);
  // The control on the page shows the step and the time left, at once (no reload).
  await expect.poll(() => tab.attribute(button, 'data-state'), { timeout: 3000 }).toBe('captured');
  expect((await tab.text(button))?.trim()).toMatch(/^у исполнителя · \d+ (час|минут)/);
  await tab.click(`${FORM} >> button:has-text("Закрыть")`);
  await expect.poll(() => tab.count(FORM)).toBe(0);
}

/**
 * The message stored for `key`, routed to the executor at once.
 * @param {Driver} driver
 * @param {string} key
 * @param {Record<string, unknown>} expected
 */
async function expectStored(driver, key, expected) {
  expect(await database(driver, { message: key })).toMatchObject({ key, step: 'routed', bodies: ['minstroy'], ...expected });
}

/**
 * Runs `body` and checks that the extension's own scripts threw nothing meanwhile.
 * @param {Driver} driver
 * @param {() => Promise<void>} body
 */
async function withoutExtensionErrors(driver, body) {
  const before = (await driver.extensionErrors()).length;
  await body();
  expect((await driver.extensionErrors()).slice(before)).toEqual([]);
}

/** @type {Scenario[]} */
export const scenarios = [
  {
    name: 'onboards on options.html: region, name, executor role and body make the workspace',
    async run(driver) {
      // A first run: no workspace yet (set back to the run's workspace afterwards).
      await driver.extension().evaluate(async () => {
        const db = await new Promise((resolve, reject) => {
          const open = indexedDB.open('answer-on-time');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const tx = db.transaction('settings', 'readwrite');
        tx.objectStore('settings').delete('workspace');
        await new Promise((resolve) => (tx.oncomplete = resolve));
        db.close();
      });
      const options = await driver.openExtensionPage('options.html', { width: 1000, height: 900 });
      try {
        const form = 'form.aot-onboarding';
        await options.waitFor(`${form} h2:has-text("Добро пожаловать")`);
        await options.select(`${form} label:has-text("Регион") >> select`, { label: 'Саратовская область' });
        await options.fill(`${form} input[autocomplete="name"]`, 'Пётр');
        await options.click(`${form} label:has-text("Исполнитель (готовит ответы)") >> input[type="checkbox"]`);
        await options.select(`${form} label:has-text("Ваш орган") >> select`, { label: 'Министерство здравоохранения области' });
        await options.click(`${form} button[type="submit"]`);
        // The editor replaces the first-run form, with the region's regulation and terms.
        await options.waitFor('h2:has-text("Сроки регламента")');
        expect(await options.count(form)).toBe(0);
        expect(await options.count('p:has-text("Постановление Губернатора Саратовской области от 24.03.2020 № 92")')).toBeGreaterThan(0);
        const stored = await database(driver, { setting: 'workspace' });
        expect(stored?.value).toMatchObject({ region: 'saratov', user: { name: 'Пётр', roles: ['curator', 'executor'], bodies: ['minzdrav'] } });
        await options.screenshot('onboarded');
      } finally {
        await options.close();
        await saveWorkspace(driver, setupWorkspace());
      }
    },
  },
  {
    name: 'captures a post on vk.com: saved with no error, the control changes at once',
    async run(driver) {
      const page = await driver.openSite('https://vk.com/club100');
      try {
        await withoutExtensionErrors(driver, () =>
          captureItem(page, 'vk:wall-100_501', { topic: 'Вывоз мусора', executor: 'minstroy', screenshot: 'capture-saved' }),
        );
        await expectStored(driver, 'vk:wall-100_501', { kind: 'post', author: { name: 'Иван Петров' } });
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'captures a comment on vk.ru: saved under its vk.com key, the control changes at once',
    async run(driver) {
      const page = await driver.openSite('https://vk.ru/wall-100_502');
      try {
        await withoutExtensionErrors(driver, () => captureItem(page, 'vk:wall-100_502_r601', { topic: 'Горячая вода', executor: 'minstroy' }));
        await expectStored(driver, 'vk:wall-100_502_r601', { kind: 'comment', url: 'https://vk.com/wall-100_502?reply=601', author: { name: 'Ольга Белова' } });
        // The other items on the page keep their own state.
        expect(await page.attribute(capture('vk:wall-100_502_r602'), 'data-state')).toBe('new');
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'captures a post on the OK feed: saved with no error, the control changes at once',
    async run(driver) {
      const page = await driver.openSite('https://ok.ru/group/300');
      try {
        await withoutExtensionErrors(driver, () =>
          captureItem(page, 'ok:group/300/topic/700001', { topic: 'Освещение', executor: 'minstroy', screenshot: 'capture-ok-saved' }),
        );
        await expectStored(driver, 'ok:group/300/topic/700001', { kind: 'post', author: { name: 'Ольга Николаева' } });
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'the popup lists a captured message with its countdown; the toolbar badge and title are set',
    async run(driver) {
      const key = 'vk:wall-100_502';
      const page = await driver.openSite('https://vk.com/club100');
      try {
        await captureItem(page, key, { topic: 'Горячая вода', executor: 'minstroy' });
      } finally {
        await page.close();
      }
      const popup = await driver.openExtensionPage('popup.html');
      try {
        const row = `[data-testid="message-row"][data-key="${key}"]`;
        await popup.waitFor(row);
        const text = await popup.text(row);
        expect(text).toContain('Мария Сидорова');
        expect(text).toContain('Горячая вода');
        expect(await popup.text(`${row} [data-testid="countdown"]`)).toMatch(/^(осталось|просрочено на) .+ рабочего времени/);
        expect(await popup.attribute(`${row} [data-testid="countdown"]`, 'title')).toMatch(/\d\d:\d\d/);
        await popup.screenshot('popup');
      } finally {
        await popup.close();
      }
      // The toolbar: the title counts every open message and my urgent ones; the badge shows
      // the urgent count (empty when none) on red, or nothing on blue.
      const open = await database(driver, { openCount: true });
      await expect.poll(async () => (await driver.badge()).title).toMatch(new RegExp(`^Ответ в срок — ${open} открыт\\S*, \\d+ срочн`));
      const badge = await driver.badge();
      const urgent = Number(/, (\d+) срочн/.exec(badge.title)?.[1]);
      expect(badge.text).toBe(urgent > 0 ? String(urgent) : '');
      expect(badge.color).toEqual(urgent > 0 ? [207, 34, 46, 255] : [42, 88, 133, 255]);
    },
  },
  {
    name: 'the reports page counts the captures of the summary period, with its charts, and the popup links to it',
    async run(driver) {
      const popup = await driver.openExtensionPage('popup.html');
      try {
        // The popup draws its links once its first read is in: wait for it, never read once.
        await expect.poll(() => popup.attribute('a[href="/reports.html"]', 'target')).toBe('_blank');
      } finally {
        await popup.close();
      }
      const reports = await driver.openExtensionPage('reports.html?kind=free');
      try {
        // The free period opens on the summary's last complete period: pick this month instead.
        // A date input takes typed digits in the browser's own format: set the values as a
        // picker would, through the input's value setter and an input event (React's onChange).
        await reports.waitFor('.aot-period input[type="date"]');
        await reports.evaluate(() => {
          const today = new Date();
          const iso = (/** @type {Date} */ d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
          const set = /** @type {(this: HTMLInputElement, v: string) => void} */ (Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set);
          const [from, to] = /** @type {HTMLInputElement[]} */ ([...document.querySelectorAll('.aot-period input[type="date"]')]);
          if (!from || !to) throw new Error('no period inputs');
          set.call(from, iso(new Date(today.getFullYear(), today.getMonth(), 1)));
          from.dispatchEvent(new Event('input', { bubbles: true }));
          set.call(to, iso(new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1)));
          to.dispatchEvent(new Event('input', { bubbles: true }));
        });
        await reports.waitFor('[data-testid="key-figures"]');
        const open = await database(driver, { openCount: true });
        await expect.poll(async () => Number(await reports.text('[data-figure="captured"] dd'))).toBe(open);
        await reports.waitFor('[data-testid="chart-daily"] svg');
        await reports.screenshot('reports');
      } finally {
        await reports.close();
      }
    },
  },
  {
    name: "the checker underlines a cliché typed into VK's reply box, leaving the box's text alone",
    async run(driver) {
      const page = await driver.openSite('https://vk.com/wall-100_502');
      try {
        await page.waitFor('[data-aot="capture"]');
        const box = '[data-testid="content-editable-input"]';
        const typed = 'В настоящее время проводится работа по данному вопросу.';
        await page.type(box, typed);
        await expect.poll(() => page.shadowText('[data-aot="checker"]')).toContain('«В настоящее время»');
        // Underlined in place through the CSS Custom Highlight API; the site's editor holds only
        // what was typed (no marks, no wrappers).
        const highlights = () => page.evaluate(() => /** @type {any} */ (CSS).highlights?.get('aot-reply-cliche')?.size ?? 0);
        await expect.poll(highlights).toBeGreaterThan(0);
        expect(await page.evaluate((sel) => document.querySelector(sel)?.children.length, box)).toBe(0);
        expect(await page.text(box)).toBe(typed);
        await page.screenshot('checker');
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'publish in place: the approved answer goes into the reply box, the sent reply is recorded and the message is published',
    async run(driver) {
      const key = 'vk:wall-100_502_r604';
      const answer = 'Воду из подвала откачают сегодня до 18:00, аварийная служба: 8 (4112) 42-15-16.';
      const page = await driver.openSite('https://vk.com/wall-100_502');
      try {
        await captureItem(page, key, { topic: 'Подтопление', executor: 'minstroy' });
        const { id } = await database(driver, { message: key });
        for (const command of [{ type: 'submitDraft', kind: 'answer', text: answer }, { type: 'approve' }]) {
          const reply = await call(driver, 'message.command', { id, command });
          expect(reply.data, JSON.stringify(reply)).toMatchObject({ ok: true });
        }
        // The background finds the tab showing the post, opens the site's reply to the comment
        // and puts the answer in; nothing is recorded before the official sends it.
        const started = await call(driver, 'publish.start', { id });
        expect(started.data, JSON.stringify(started)).toMatchObject({ ok: true });
        const composer = '[data-testid="content-editable-input"]';
        await expect.poll(() => page.text(composer)).toBe(`Николай, ${answer}`);
        expect((await database(driver, { message: key })).step).toBe('approved');
        await page.click('[data-testid="send-comment"]');
        await expect.poll(async () => (await database(driver, { message: key })).step, { timeout: 15_000 }).toBe('published');
        const stored = await database(driver, { message: key });
        expect(stored.publications.at(-1)?.url).toMatch(/^https:\/\/vk\.com\/wall-100_502\?reply=\d+$/);
        await page.screenshot('published-in-place');
      } finally {
        await page.close();
      }
    },
  },
  {
    name: 'the desk opens from the popup with one click on «Открыть рабочий стол»',
    async run(driver) {
      /**
       * Where this browser puts the desk and whether it is open now: Chromium's side panel,
       * Firefox's sidebar, or (a browser with neither) a tab with sidepanel.html.
       */
      const desk = () =>
        driver.extension().evaluate(async () => {
          const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
          const page = api.runtime.getURL('sidepanel.html');
          if (api.sidePanel) {
            const panels = await api.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
            return { where: 'sidePanel', open: panels.some((/** @type {{ documentUrl?: string }} */ c) => c.documentUrl === page) };
          }
          if (api.sidebarAction) {
            const open = await api.sidebarAction.isOpen({});
            const view = api.extension.getViews({ type: 'sidebar' })[0];
            return { where: 'sidebar', open, heading: view?.document.querySelector('h1')?.textContent ?? null };
          }
          const tabs = await api.tabs.query({ url: page });
          return { where: 'tab', open: tabs.length > 0 };
        });
      // Firefox opens an add-on's sidebar when it is installed: close it first, so the click
      // below is what opens it.
      await closeDesk(driver);
      await expect.poll(async () => (await desk()).open, { message: 'the desk is closed before the click' }).toBe(false);
      const popup = await driver.openExtensionPage('popup.html');
      try {
        await popup.waitFor('h1');
        const button = 'nav button:has-text("Открыть рабочий стол")';
        expect(await popup.count(button), 'the popup offers «Открыть рабочий стол»').toBe(1);
        await popup.click(button);
        await expect.poll(async () => (await desk()).open).toBe(true);
        const after = await desk();
        if (after.where === 'sidebar') await expect.poll(async () => (await desk()).heading).toBe('Рабочий стол');
      } finally {
        await popup.close();
        await closeDesk(driver);
      }
      // What the desk shows, in a tab of the side panel's size (a sidebar cannot be captured).
      const panel = await driver.openExtensionPage('sidepanel.html', { width: 460, height: 800 });
      try {
        await panel.waitFor('h1:has-text("Рабочий стол")');
        await expect
          .poll(() => panel.evaluate(() => !!document.querySelector('[data-testid="message-row"]') || /В очереди пусто/.test(document.body.textContent ?? '')))
          .toBe(true);
        await panel.screenshot('desk');
      } finally {
        await panel.close();
      }
    },
  },
  {
    name: "connects to the team server from the options page: a capture reaches it, a colleague's step arrives live, disconnecting gives the address back",
    async run(driver) {
      const team = await startTeamServer([
        { id: 'anna', name: 'Анна', roles: ['curator', 'executor'], bodies: ['minstroy'] },
        { id: 'head', name: 'Руководитель центра', roles: ['curator'] },
      ]);
      const options = await driver.openExtensionPage('options.html', { width: 1000, height: 900 });
      const section = '[data-testid="team-server"]';
      const key = 'vk:wall-100_504';
      try {
        await driver.allowHost(team.origin);
        await options.fill(`${section} >> [data-testid="team-server-address"]`, team.origin);
        await options.fill(`${section} >> [data-testid="team-server-code"]`, await team.invite('anna'));
        await options.click(`${section} >> button[type="submit"]`);
        await expect.poll(() => options.text(`${section} >> [data-testid="team-server-notice"]`), { timeout: 15_000 }).toMatch(/^Подключено: Якутия/);
        await expect.poll(() => options.text(`${section} >> [data-testid="team-server-state"]`), { timeout: 15_000 }).toMatch(/на связи/);
        await options.screenshot('team-connected');

        // A capture on VK goes to the server with the step.
        const page = await driver.openSite('https://vk.com/club100');
        try {
          await withoutExtensionErrors(driver, () => captureItem(page, key, { topic: 'Дороги', executor: 'minstroy' }));
        } finally {
          await page.close();
        }
        await expect.poll(() => team.message(key), { timeout: 15_000 }).toMatchObject({ key, step: 'routed', bodies: ['minstroy'] });

        // The head of the centre closes it from his computer: it arrives here without a reload.
        const id = (await team.message(key))?.id;
        expect(await team.step('head', id, { type: 'markNotProcessable', category: 'insult', confirmed: true })).toMatchObject({
          results: [{ status: 'accepted' }],
        });
        await expect.poll(async () => (await database(driver, { message: key }))?.step, { timeout: 15_000 }).toBe('not_processable');

        // Disconnecting: the extension works on its own again, and holds no access to the server.
        await options.click(`${section} >> button:has-text("Отключиться")`);
        await expect.poll(() => options.text(`${section} >> [data-testid="team-server-notice"]`)).toMatch(/^Отключено/);
        const granted = await driver.extension().evaluate((o) => {
          const g = /** @type {any} */ (globalThis);
          return (g.browser ?? g.chrome).permissions.contains({ origins: [`http://${new URL(o).hostname}/*`] });
        }, team.origin);
        expect(granted).toBe(false);
      } finally {
        await options.close();
        await call(driver, 'sync.disconnect', { force: true });
        await team.close();
        await saveWorkspace(driver, setupWorkspace());
      }
    },
  },
];

/**
 * Closes the desk again (best effort): a side panel or sidebar closes only from a person's
 * gesture, so the close is a real click on a button put into the extension page for it.
 * @param {Driver} driver
 */
async function closeDesk(driver) {
  const ext = driver.extension();
  await ext.evaluate(async () => {
    const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
    for (const tab of await api.tabs.query({ url: api.runtime.getURL('sidepanel.html') })) await api.tabs.remove(tab.id);
    if (!api.sidePanel?.close && !api.sidebarAction?.close) return;
    const win = await api.windows.getCurrent();
    const button = document.createElement('button');
    button.id = 'e2e-close-desk';
    button.textContent = 'close the desk';
    button.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647';
    button.onclick = () => {
      void (api.sidePanel?.close ? api.sidePanel.close({ windowId: win.id }) : api.sidebarAction.close()).catch(() => undefined).finally(() => button.remove());
    };
    document.body.append(button);
  });
  if (await ext.count('#e2e-close-desk')) {
    await ext.click('#e2e-close-desk').catch(() => undefined);
    await ext.evaluate(() => document.getElementById('e2e-close-desk')?.remove());
  }
}
