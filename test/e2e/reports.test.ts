/**
 * The reports page in Chromium on a seeded workspace (Saratov, November 2026: several bodies and
 * topics, late and on-time answers across a month boundary and a public holiday, an interim
 * answer, a return, a rework): the figures on screen are the ones lib/reports computes for the
 * same data, the XLSX download opens with real cells, the deficiency report lists each breach,
 * and the print view renders to an A4 PDF.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, deficiencyReport } from '../../lib/reports';
import { starterWorkspace } from '../../lib/workflow/workspace';
import { calendar, fixture, NOVEMBER, OCTOBER, profile } from '../helpers/reports';
import { seriousViolations } from './a11y.mjs';
import { EXTENSION_DIR, launch, openExtensionPage, saveWorkspace, screenshot, SCREENSHOTS, type Session } from './harness.mjs';

let session: Session;
const data = fixture();

beforeAll(async () => {
  session = await launch();
  await saveWorkspace(session, starterWorkspace('saratov', { id: 'cur', name: 'Куратор', roles: ['curator'], bodies: [] }));
  const page = await openExtensionPage(session, 'options.html');
  await page.evaluate(async ({ messages, events }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('answer-on-time');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['messages', 'events'], 'readwrite');
      for (const m of messages) tx.objectStore('messages').put(m);
      for (const e of events) tx.objectStore('events').put(e);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, data);
  await page.close();
});
afterAll(async () => {
  await session?.context.close();
});

/** Opens the reports page on a free period of local dates. */
async function openOn(kind: 'free' | 'deficiency', from: string, to: string) {
  const page = await openExtensionPage(session, `reports.html?kind=${kind}`, { width: 1200, height: 1400 });
  await page.getByLabel('С', { exact: true }).fill(from);
  await page.getByLabel('По (включительно)').fill(to);
  await expect.poll(() => page.getByTestId('report-title').textContent()).toContain('01.11.2026 — 30.11.2026');
  return page;
}

describe('the reports page', () => {
  it('shows the figures lib/reports computes for November, with charts and their tables', async () => {
    const page = await openOn('free', '2026-11-01', '2026-11-30');
    const figures = page.getByTestId('key-figures');
    await figures.waitFor();
    // What the page was asked for: the same data, period and the month before; «now» is the page's.
    const expected = buildReport({ ...data, profile, calendar, period: NOVEMBER, previous: OCTOBER, now: Date.now(), bodies: [] });
    expect(await figures.locator('[data-figure="captured"] dd').textContent()).toBe(String(expected.totals.captured));
    expect(await figures.locator('[data-figure="answered"] dd').textContent()).toBe(String(expected.totals.answered));
    expect(expected.totals.captured).toBeGreaterThan(3);
    // Each body of the period has its row; the topics table lists every topic with its count.
    const bodies = page.getByTestId('table-bodies');
    for (const row of expected.bodies.filter((b) => b.received > 0)) {
      const cells = bodies.locator('tbody tr').filter({ has: page.locator('th', { hasText: row.body === 'saratov' ? /Саратов/ : /./ }) });
      expect(await cells.count()).toBeGreaterThan(0);
    }
    const topics = page.getByTestId('table-topics');
    for (const row of expected.topics) {
      const tr = topics.locator('tbody tr').filter({ has: page.locator('th', { hasText: row.key }) });
      expect((await tr.locator('td').first().textContent())?.trim()).toBe(String(row.count));
    }
    // Four charts, each an SVG with a table behind it.
    for (const id of ['bodies', 'daily', 'change', 'answer-time']) {
      const chart = page.getByTestId(`chart-${id}`);
      await expect.poll(() => chart.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
      expect(await chart.locator('details table').count()).toBe(1);
    }
    // axe-core: no serious or critical violations on the page with its charts.
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'reports-november');
    await page.getByTestId('chart-daily').scrollIntoViewIfNeeded();
    await screenshot(page, 'reports-november-charts');
    // Printed to A4: the charts keep their size and every chart's table is printed with it.
    const pdf = await page.pdf({ format: 'A4' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'reports-november.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 3400 });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await expect.poll(() => page.locator('details[open]').count()).toBe(5);
    for (const id of ['bodies', 'daily', 'change', 'answer-time']) {
      const box = await page.getByTestId(`chart-${id}`).locator('.recharts-wrapper > svg').first().boundingBox();
      expect(box?.width).toBeGreaterThan(500);
    }
    await screenshot(page, 'reports-november-print');
    await page.getByTestId('table-bodies').screenshot({ path: join(SCREENSHOTS, 'reports-november-print-bodies.png') });
    await page.close();
  });

  it('downloads an XLSX file that opens with a sheet per table, real numbers and dates', async () => {
    const page = await openOn('free', '2026-11-01', '2026-11-30');
    await page.getByTestId('key-figures').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toBe('report-2026-11-01_2026-11-30.xlsx');
    mkdirSync(join(SCREENSHOTS, '..'), { recursive: true });
    const file = join(SCREENSHOTS, '..', download.suggestedFilename());
    await download.saveAs(file);
    const sheets = await readXlsxFile(readFileSync(file));
    expect(sheets.map((x) => x.sheet)).toEqual([
      'Итоги',
      'Соблюдение сроков по видам',
      'Сроки куратора',
      'Органы',
      'Темы',
      'Территории',
      'По дням',
      'Время ответа',
    ]);
    const totals = sheets[0]!.data;
    expect(totals[0]).toEqual(['Показатель', 'Значение']);
    const expected = buildReport({ ...data, profile, calendar, period: NOVEMBER, previous: OCTOBER, now: Date.now(), bodies: [] });
    expect(totals.find((r) => r[0] === 'Сообщений выявлено')?.[1]).toBe(expected.totals.captured);
    expect(totals.find((r) => r[0] === 'Дан окончательный ответ')?.[1]).toBe(expected.totals.answered);
    // Large workbooks are zipped on the page's thread: an MV3 page may not start a blob: worker.
    const chunks = join(EXTENSION_DIR, 'chunks');
    expect(readdirSync(chunks).filter((f) => readFileSync(join(chunks, f), 'utf8').includes('new Worker'))).toEqual([]);
    const daily = sheets.find((x) => x.sheet === 'По дням')!.data;
    expect(daily.length).toBe(31); // the header and 30 days
    expect(daily[1]![0]).toBe('01.11.2026');
    expect(typeof daily[1]![daily[1]!.length - 1]).toBe('number');
    await page.close();
  });

  it('lists every breach of the period by whom it fell to and clause, and prints to an A4 PDF', async () => {
    const page = await openOn('deficiency', '2026-11-01', '2026-11-30');
    const table = page.getByTestId('table-deficiency');
    await table.waitFor();
    const expected = deficiencyReport({ ...data, profile, calendar, period: NOVEMBER, now: Date.now() });
    expect(expected.entries.length).toBeGreaterThan(0);
    await expect.poll(() => table.locator('tbody tr').count()).toBe(expected.entries.length);
    // Every row names its clause and links the message.
    const clauses = await table.locator('tbody .aot-deficiency__clause').allTextContents();
    expect(clauses).toHaveLength(expected.entries.length);
    expect(clauses.every((c) => /^п\. \d+/.test(c))).toBe(true);
    // Grouped by whom the deadline fell to: one heading per group.
    expect(await table.locator('h4').count()).toBe(expected.groups.length);
    expect(await table.locator('tbody a[href^="https://vk.com/"]').count()).toBe(expected.entries.length);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'reports-deficiency');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'reports-deficiency.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 portrait: 595 × 842 points.
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595(\.\d+)? 841(\.\d+)?\]|\/MediaBox \[0 0 595(\.\d+)? 842(\.\d+)?\]/);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'reports-deficiency-print');
    await page.close();
  });

  it('says a reversed period instead of counting it', async () => {
    const page = await openExtensionPage(session, 'reports.html?kind=free', { width: 1200, height: 900 });
    await page.getByLabel('С', { exact: true }).fill('2026-11-30');
    await page.getByLabel('По (включительно)').fill('2026-11-01');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Конец периода раньше начала');
    await page.close();
  });
});
