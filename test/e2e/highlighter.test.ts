/**
 * The in-place highlighter in real Chromium, on a fixture page with both kinds of reply box:
 * findings get underlined, and the editors' own DOM and values are never changed.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, screenshot } from './harness.mjs';
import { bundleForPage } from './inpage-bundle.mjs';

let browser: Browser;
let page: Page;
const DRAFT = 'В настоящее время ведётся работа по ремонту МКД. Доводим до вашего сведения, что вывоз ТКО осуществляется по графику.';

beforeAll(async () => {
  const script = await bundleForPage('test/e2e/highlighter-entry.ts');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage({ viewport: { width: 640, height: 420 } });
  await page.setContent(readFileSync('test/fixtures/editors.html', 'utf8'));
  await page.addScriptTag({ content: script });
  await page.evaluate(() => {
    const w = window as unknown as {
      __aot: { attachHighlighter: (el: Element, o: object) => unknown; lintDraft: (t: string) => unknown };
      hl: Record<string, unknown>;
    };
    w.hl = {
      ta: w.__aot.attachHighlighter(document.getElementById('ta')!, { lint: w.__aot.lintDraft, delay: 150 }),
      ce: w.__aot.attachHighlighter(document.getElementById('ce')!, { lint: w.__aot.lintDraft, delay: 150 }),
    };
  });
});

afterAll(async () => {
  await browser?.close();
});

describe('in-place highlighter', () => {
  it('uses the Highlight API for contenteditable and an overlay for a textarea', async () => {
    expect(await page.evaluate(() => (window as unknown as { hl: Record<string, { mode: string }> }).hl.ce!.mode)).toBe('highlight-api');
    expect(await page.evaluate(() => (window as unknown as { hl: Record<string, { mode: string }> }).hl.ta!.mode)).toBe('overlay');
  });

  it('underlines findings in a textarea without changing its value', async () => {
    await page.locator('#ta').fill(DRAFT);
    const marks = page.locator('[data-aot="underlines"] span[data-rule]');
    await expect.poll(() => marks.count()).toBeGreaterThanOrEqual(4);
    expect(await marks.evaluateAll((els) => els.map((e) => e.textContent))).toEqual(
      expect.arrayContaining(['В настоящее время', 'МКД', 'Доводим до вашего сведения', 'ТКО']),
    );
    expect(await page.locator('#ta').inputValue()).toBe(DRAFT);
    // The overlay lies over the field.
    const [field, overlay] = await Promise.all([page.locator('#ta').boundingBox(), page.locator('[data-aot="underlines"]').boundingBox()]);
    expect(Math.abs(field!.x - overlay!.x)).toBeLessThan(1);
    expect(Math.abs(field!.y - overlay!.y)).toBeLessThan(1);
  });

  it('underlines findings in a contenteditable through CSS highlights, leaving its DOM alone', async () => {
    await page.locator('#ce').click();
    await page.keyboard.type(DRAFT);
    const size = () => page.evaluate(() => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('aot-cliche')?.size ?? 0);
    await expect.poll(size).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('aot-jargon')?.size)).toBe(2);
    // Only the typed text inside the editor: no wrappers, no marks.
    expect(await page.locator('#ce').evaluate((el) => [el.children.length, el.textContent])).toEqual([0, DRAFT]);
    await screenshot(page, 'highlighter-editors');
  });

  it('follows edits: a fixed cliché loses its underline', async () => {
    await page.locator('#ta').fill('Сейчас ремонтируем крышу, закончим до 1 июня.');
    const marks = page.locator('[data-aot="underlines"] span[data-rule]');
    await expect.poll(() => marks.count()).toBe(0);
  });
});
