// @ts-check
/**
 * The popup in Chromium with 10,000 stored messages, 300 of them mine:
 * - first render: from navigation to 300 rows with countdowns, median of 15 opens;
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
      id: `m${i}`, key: `vk:wall-1_${i}`, site: 'vk', kind: 'post', url: `https://vk.com/wall-1_${i}`,
      author: { name: `Автор ${i}` }, text: 'Третий день нет горячей воды в доме по улице Садовой. Когда дадут?', attachments: [],
      topic: 'Водоснабжение', location: 'Якутск', importance: 'normal', status: 'open', step: mine ? 'review' : 'routed', mode: 'single',
      assignments: [{ body: 'minzhkh', order: 0, state: 'active', routedAt: now - 3_600_000 }],
      detectedAt: now - 3_600_000, createdAt: now - 3_600_000, updatedAt: now - 3_600_000,
      remarks: [], publications: [], breaches: [],
 pageChanges: [], openFor: mine ? ['role:curator'] : [`user:u${i % 40}`], bodies: ['minzhkh'],
      nextDueAt: now + (5 + (i % 50)) * 60_000, nextDueKind: 'approve',
    });
  }
  await new Promise((ok) => (tx.oncomplete = ok));
}, NOW);

const firstRender = [];
const firstRow = [];
const page = await session.context.newPage();
await page.setViewportSize({ width: 400, height: 600 });
for (let i = 0; i < 15; i++) {
  await page.goto(`chrome-extension://${session.extensionId}/popup.html`, { waitUntil: 'commit' });
  const first = await page.waitForFunction(() => (document.querySelector('[data-testid="countdown"]') ? performance.now() : false), undefined, { polling: 'raf', timeout: 20_000 });
  firstRow.push(Number(await first.jsonValue()));
  const handle = await page.waitForFunction(() => (document.querySelectorAll('[data-testid="countdown"]').length >= 300 ? performance.now() : false), undefined, { polling: 'raf', timeout: 20_000 });
  firstRender.push(Number(await handle.jsonValue()));
}
firstRender.sort((a, b) => a - b);

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

const median = firstRender[Math.floor(firstRender.length / 2)];
firstRow.sort((a, b) => a - b);
console.log('Chromium popup, 10,000 stored messages, 300 mine:');
console.log(`  first row with its countdown: median ${firstRow[Math.floor(firstRow.length / 2)]?.toFixed(0)} ms`);
console.log(`  first render (navigation → 300 countdowns): median ${median?.toFixed(0)} ms (min ${firstRender[0]?.toFixed(0)}, max ${firstRender.at(-1)?.toFixed(0)})`);
console.log(`  per-second tick of 300 running countdowns: ${perSecond.toFixed(2)} ms of script, style and layout per second`);
