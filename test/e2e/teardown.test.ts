/**
 * An update of the extension while a VK page is open: the background puts the new content
 * script into the open tab (entrypoints/background/services/reinject.ts), and the old
 * instance's elements, listeners and styles go — no duplicate buttons, no dead form, no second
 * checker — while the new instance works at once.
 *
 * Chromium started with --load-extension does not bring an extension back after
 * chrome.runtime.reload() (its pages answer ERR_BLOCKED_BY_CLIENT), so the test does what the
 * background does after an update: it injects the manifest's content script into the tab again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, saveWorkspace, type Session } from './harness.mjs';
import { starterWorkspace } from '../../lib/workflow/workspace';

declare const chrome: {
  runtime: { getManifest(): { content_scripts?: { js?: string[] }[] } };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  scripting: { executeScript(i: { target: { tabId: number }; files: string[] }): Promise<unknown> };
};
let session: Session | undefined;

beforeAll(async () => {
  session = await launch();
  await saveWorkspace(session, starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator', 'executor'], bodies: ['minzhkh'] }));
});

afterAll(async () => {
  await session?.context.close();
});

describe('reloading the extension on an open VK page', () => {
  it('leaves nothing of the old instance in the page when the new one starts, and the new one works', async () => {
    const { context } = session!;
    const page = await context.newPage();
    await page.goto('https://vk.com/club100');
    const buttons = page.locator('[data-aot="capture"] button');
    await expect.poll(() => buttons.count()).toBe(5);
    const before = await buttons.count();
    // Leave the old instance with everything it can add: the form open, the checker attached.
    await buttons.first().click();
    await expect.poll(() => page.locator('[data-aot="form"]').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type('В настоящее время ');
    await expect.poll(() => page.locator('style[id$="-highlight-styles"]').count()).toBe(1);
    const hosts = () => page.evaluate(() => [...document.querySelectorAll('[data-aot]')].map((el) => el.getAttribute('data-aot')).sort());
    expect(await hosts()).toContain('form');

    // The update: the new content script is put into this tab, as the background does.
    const injected = await session!.worker.evaluate(async () => {
      const files = (chrome.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.js ?? []);
      const tabs = await chrome.tabs.query({ url: ['https://vk.com/*'] });
      for (const tab of tabs) await chrome.scripting.executeScript({ target: { tabId: tab.id! }, files });
      return { files, tabs: tabs.length };
    });
    expect(injected).toEqual({ files: ['content-scripts/content.js'], tabs: 1 });

    // The old instance's form, toast, checker panel and styles are gone; the buttons are the
    // new instance's, one per item, exactly as many as before.
    await expect.poll(() => page.locator('[data-aot="form"]').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => buttons.count()).toBe(before);
    await page.waitForTimeout(500);
    expect(await buttons.count()).toBe(before);
    expect(await page.locator('style[id$="-highlight-styles"]').count()).toBe(0);
    expect((await hosts()).filter((h) => h !== 'capture')).toEqual([]);

    // The new instance works: a click opens its form, which reaches the new background.
    await buttons.nth(1).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.count()).toBe(1);
    await dialog.getByLabel('Тема').fill('Вывоз мусора');
    await dialog.getByLabel('Исполнитель').fill('minzhkh');
    await dialog.getByRole('button', { name: /Сохранить/ }).click();
    await expect.poll(() => dialog.getByText(/Сохранено/).count()).toBe(1);
    await page.close();
  });
});
