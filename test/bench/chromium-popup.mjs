// @ts-check
/**
 * The popup in Chromium with 10,000 stored messages, 300 of them mine:
 * - first render: from navigation to the first screen of rows painted with their countdowns
 *   (the popup renders a long list in two steps), and to all 300 rows painted; median of 15 opens;
 * - the per-second tick of 300 countdowns (all due within the hour, so every second changes
 *   their text): script + style + layout time per second, from the DevTools metrics.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { launch, openExtensionPage, ROOT } from '../e2e/harness.mjs';

// Always measure the current code: build first (a few seconds).
execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });

// Real time; the workspace below makes today and tomorrow working all day in its zone, so the
// countdowns run whenever the benchmark runs (a faked page clock would distort the timings).
const NOW = Date.now();
const session = await launch();
const popup = await openExtensionPage(session, 'popup.html'); // creates the database
await popup.close();
const options = await openExtensionPage(session, 'options.html');
// The starter workspace comes from the onboarding form: the user «me», a curator.
await options.getByRole('button', { name: 'Начать работу' }).click();
await options.getByRole('heading', { name: 'Сроки регламента' }).waitFor();
await options.evaluate(async () => {
  const db = await new Promise((ok) => {
    const r = indexedDB.open('answer-on-time');
    r.onsuccess = () => ok(r.result);
  });
  const ws = await new Promise((ok) => {
    const r = /** @type {IDBDatabase} */ (db).transaction('settings').objectStore('settings').get('workspace');
    r.onsuccess = () => ok(r.result.value);
  });
  const day = (/** @type {number} */ offset) => new Date(Date.now() + offset * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
  const overrides = { [day(-1)]: [['00:00', '24:00']], [day(0)]: [['00:00', '24:00']], [day(1)]: [['00:00', '24:00']] };
  const workspace = { .../** @type {any} */ (ws), schedule: { .../** @type {any} */ (ws).schedule, overrides } };
  await /** @type {any} */ (globalThis).chrome.runtime.sendMessage({ channel: 'aot/1', type: 'workspace.save', data: { workspace } });
});
await options.evaluate(async (now) => {
  const db = await new Promise((ok, fail) => {
    const r = indexedDB.open('answer-on-time');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const tx = /** @type {IDBDatabase} */ (db).transaction('messages', 'readwrite');
  const store = tx.objectStore('messages');
  for (let i = 0; i < 10_000; i++) {
    const mine = i % 33 === 0 && i < 33 * 300;
    store.put({
      id: `m${i}`,
      key: `vk:wall-1_${i}`,
      site: 'vk',
      kind: 'post',
      url: `https://vk.com/wall-1_${i}`,
      author: { name: `Автор ${i}` },
      text: 'Третий день нет горячей воды в доме по улице Садовой. Когда дадут?',
      attachments: [],
      topic: 'Водоснабжение',
      location: 'Якутск',
      importance: 'normal',
      status: 'open',
      step: mine ? 'review' : 'routed',
      mode: 'single',
      assignments: [{ body: 'minzhkh', order: 0, state: 'active', routedAt: now - 3_600_000 }],
      detectedAt: now - 3_600_000,
      createdAt: now - 3_600_000,
      updatedAt: now - 3_600_000,
      remarks: [],
      publications: [],
      breaches: [],
      pageChanges: [],
      openFor: mine ? ['role:curator'] : [`user:u${i % 40}`],
      bodies: ['minzhkh'],
      nextDueAt: now + (5 + (i % 50)) * 60_000,
      nextDueKind: 'approve',
    });
  }
  await new Promise((ok) => (tx.oncomplete = ok));
}, NOW);

/**
 * One popup open: navigation → its own User Timing marks, read once the page has settled. No
 * script of the benchmark runs in the page while it loads (Playwright's injected script would
 * compete with it for the main thread): the page marks when its first screen of rows is
 * painted and when every row is; the paint entry says when anything was painted first.
 */
async function openPopup(/** @type {import('playwright-core').Page} */ page) {
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`, { waitUntil: 'load' });
  for (let waited = 0; waited < 20_000; waited += 250) {
    await page.waitForTimeout(250);
    const result = await page.evaluate(() => {
      const mark = (/** @type {string} */ name) => /** @type {PerformanceMark | undefined} */ (performance.getEntriesByName(name, 'mark')[0]);
      const first = mark('aot:popup-painted');
      const complete = mark('aot:popup-complete');
      if (!first || !complete) return null;
      return {
        firstScreen: first.startTime,
        firstRows: first.detail.rows,
        complete: complete.startTime,
        contentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        countdowns: document.querySelectorAll('[data-testid="countdown"]').length,
      };
    });
    if (result) return result;
  }
  throw new Error('the popup did not mark its first screen and its complete list within 20 s');
}

const runs = [];
const page = await session.context.newPage();
await page.setViewportSize({ width: 400, height: 600 });
for (let i = 0; i < 15; i++) {
  const run = await openPopup(page);
  if (run.countdowns !== 300) throw new Error(`expected 300 countdowns in the popup, found ${run.countdowns}`);
  if (!(run.firstRows > 0)) throw new Error('the first screen painted no rows');
  runs.push(run);
}
const median = (/** @type {number[]} */ values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const range = (/** @type {number[]} */ values) => `min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}`;
const firstScreen = runs.map((r) => r.firstScreen);
const complete = runs.map((r) => r.complete);
const fcp = runs.map((r) => r.contentfulPaint);

const cdp = await session.context.newCDPSession(page);
await cdp.send('Performance.enable');
const metrics = async () => {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (/** @type {string} */ name) => metrics.find((m) => m.name === name)?.value ?? 0;
  return get('ScriptDuration') + get('RecalcStyleDuration') + get('LayoutDuration');
};
await page.waitForTimeout(1500);
const before = await metrics();
await page.waitForTimeout(10_000);
const perSecond = ((await metrics()) - before) * 100; // seconds over 10 s → ms per second
await session.context.close();

console.log('Chromium popup, 10,000 stored messages, 300 mine (median of 15 opens, from navigation):');
console.log(`  first screen painted (${runs[0]?.firstRows} rows with their countdowns): median ${median(firstScreen).toFixed(0)} ms (${range(firstScreen)})`);
console.log(`  first contentful paint (the browser's own entry): median ${median(fcp).toFixed(0)} ms`);
console.log(`  all 300 rows in the page and painted: median ${median(complete).toFixed(0)} ms (${range(complete)})`);
console.log(`  per-second tick of 300 running countdowns: ${perSecond.toFixed(2)} ms of script, style and layout per second`);
