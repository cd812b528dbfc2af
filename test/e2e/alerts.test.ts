/**
 * Immediate alerts in Chromium: a post captured as socially significant, on top of a morning
 * busier than usual about heating, puts two alerts on the curator's desk — the significant
 * message with its short report ready to copy, and the spike saying why it fired, whose posts are
 * grouped into one incident from it; each goes away once acknowledged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProfile } from '../../lib/regulations';
import { newMessage } from '../../lib/workflow/machine';
import { starterWorkspace } from '../../lib/workflow/workspace';
import { createWorkCalendar, regionalSchedule } from '../../lib/worktime';
import { captureWithForm, launch, openExtensionPage, saveWorkspace, screenshot, type Session } from './harness.mjs';

const DAY = 86_400_000;
let session: Session;

beforeAll(async () => {
  session = await launch();
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await saveWorkspace(session, starterWorkspace('saratov', { id: 'cur', name: 'Мария', roles: ['curator'], bodies: [] }));
  // Two weeks of one heating post a day at this hour, and four in the last half hour.
  const now = Date.now();
  const profile = getProfile('saratov');
  const calendar = createWorkCalendar(regionalSchedule('saratov'));
  const curator = { id: 'cur', name: 'Мария', roles: ['curator' as const], bodies: [] };
  const times = [...Array.from({ length: 14 }, (_, i) => now - (14 - i) * DAY), ...Array.from({ length: 4 }, (_, i) => now - (30 - i * 5) * 60_000)];
  const messages = times.map(
    (at, i) =>
      newMessage(
        {
          id: `h${i}`,
          key: `vk:wall-1_${9000 + i}`,
          site: 'vk',
          kind: 'post',
          url: `https://vk.com/wall-1_${9000 + i}`,
          author: { name: `Житель ${i}` },
          text: `Холодно в квартире, батареи ледяные (${i})`,
          attachments: [],
          topic: 'Отопление',
          location: 'Саратов',
          importance: 'normal',
          detectedAt: at,
        },
        curator,
        at,
        profile,
        calendar,
      ).message,
  );
  const page = await openExtensionPage(session, 'options.html');
  await page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('answer-on-time');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('messages', 'readwrite');
      for (const m of list) tx.objectStore('messages').put(m);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, messages);
  await page.close();
});
afterAll(async () => {
  await session?.context.close();
});

describe('immediate alerts on the desk', () => {
  it('a significant capture on a busy morning: the report to copy, the spike with why, grouped into one incident', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/club200');
    const dialog = await captureWithForm(page, 0, { topic: 'Отопление', location: 'Саратов', importance: 'Социально значимая', executor: 'ЖКХ' });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Сохранено/);
    const url = page.url();
    await page.close();

    const desk = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 1100 });
    const alerts = desk.getByTestId('alerts');
    await expect.poll(() => alerts.locator('article').count()).toBe(2);
    const report = await alerts.getByTestId('alert-report').textContent();
    expect(report).toContain('Срочное донесение: социально значимое сообщение (п. 19, абз. 3)');
    expect(report).toContain('Что: Отопление');
    expect(report).toMatch(/Где: Саратов; ВКонтакте: https:\/\/vk\.com\//);
    expect(report).toContain('Направлено:');
    expect(url).toContain('vk.com');
    expect(await alerts.getByTestId('spike-why').textContent()).toBe('5 сообщений на тему «Отопление» (Саратов) за 3 ч, обычно 1');
    await screenshot(desk, 'desk-alerts');

    await alerts.getByRole('button', { name: 'Скопировать донесение' }).click();
    await expect.poll(() => alerts.getByRole('status').first().textContent()).toBe('Скопировано');
    expect(await desk.evaluate(() => navigator.clipboard.readText())).toBe(report);

    const spike = alerts.locator('article.aot-alert--spike');
    await spike.getByRole('button', { name: 'Объединить в инцидент' }).click();
    await expect.poll(() => spike.getByRole('status').textContent()).toBe('Объединено в инцидент: 5.');
    await expect.poll(() => spike.locator('.aot-chip').count()).toBe(5);
    await screenshot(desk, 'desk-alerts-incident');

    await spike.getByRole('button', { name: 'Принято' }).click();
    await expect.poll(() => alerts.locator('article').count()).toBe(1);
    await alerts.getByRole('button', { name: 'Принято' }).click();
    await expect.poll(() => desk.getByTestId('alerts').count()).toBe(0);
    await desk.close();
  });
});

describe('the spike thresholds in the options', () => {
  it('saves what is in range and says what is not', async () => {
    const options = await openExtensionPage(session, 'options.html', { width: 1000, height: 1400 });
    const section = options.getByRole('region', { name: 'Всплески активности' });
    await section.getByLabel('Окно, минут').fill('120');
    await section.getByLabel('Не меньше сообщений').fill('8');
    await section.getByRole('button', { name: 'Применить пороги' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Сохранено');
    await section.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-alert-settings');
    await section.getByLabel('Окно, минут').fill('5');
    await section.getByRole('button', { name: 'Применить пороги' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('окно 15–1440 мин');
    await options.reload();
    const again = options.getByRole('region', { name: 'Всплески активности' });
    await expect.poll(() => again.getByLabel('Окно, минут').inputValue()).toBe('120');
    expect(await again.getByLabel('Не меньше сообщений').inputValue()).toBe('8');
    await options.close();
  });
});
