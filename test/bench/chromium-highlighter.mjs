// @ts-check
/**
 * In Chromium: the time from an input event to updated underlines on a 1,000-character draft,
 * after the idle pause (the highlighter's own measure: read text, lint, draw). Median and p95
 * over 60 edits, for the textarea overlay and the contenteditable Highlight API.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../e2e/harness.mjs';
import { bundleForPage } from '../e2e/inpage-bundle.mjs';

const script = await bundleForPage('test/e2e/highlighter-entry.ts');
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
await page.setContent(readFileSync('test/fixtures/editors.html', 'utf8'));
await page.addScriptTag({ content: script });

const draft = (
  'Уважаемый гражданин! Ваше обращение рассмотрено. В настоящее время в рамках программы осуществляются работы по ремонту асфальтобетонного покрытия. ' +
  'Анна, яму у дома 12 на Лесной заделаем до 15 мая, мусор вывезем завтра. Звоните 8 (4112) 42-15-16. '
)
  .repeat(5)
  .slice(0, 1000);

const results = await page.evaluate(async (text) => {
  const w = /** @type {any} */ (window);
  /** @type {Record<string, {median: number, p95: number}>} */
  const out = {};
  for (const id of ['ta', 'ce']) {
    const el = /** @type {HTMLElement} */ (document.getElementById(id));
    const times = [];
    const hl = w.__aot.attachHighlighter(el, { lint: w.__aot.lintDraft, delay: 0 });
    for (let i = 0; i < 60; i++) {
      const next = text.slice(0, 999 - (i % 7)) + 'абвгдеж'[i % 7];
      if (id === 'ta') /** @type {HTMLTextAreaElement} */ (el).value = next;
      else el.textContent = next;
      el.dispatchEvent(new Event('input'));
      await new Promise((r) => setTimeout(r, 5));
      times.push(hl.lastRefreshMs);
    }
    hl.detach();
    times.sort((a, b) => a - b);
    out[id] = { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] };
  }
  return out;
}, draft);

await browser.close();
const fmt = (/** @type {{median:number,p95:number}} */ r) => `median ${r.median.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms`;
console.log(`Chromium, input → underlines on a 1,000-character draft (after the idle pause):`);
console.log(`  textarea overlay:          ${fmt(results.ta ?? { median: NaN, p95: NaN })}`);
console.log(`  contenteditable highlight: ${fmt(results.ce ?? { median: NaN, p95: NaN })}`);
