/**
 * The interface language: chosen in the options («Язык интерфейса»), it turns the options, the
 * popup, the desk, the toolbar button's title and the in-page controls on a VK page to it — the
 * content script bundles no catalog and reads the one in use from storage.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterWorkspace } from '../../lib/workflow/workspace';
import { launch, openExtensionPage, saveWorkspace, screenshot, type Session } from './harness.mjs';

/** The extension API inside the service worker (evaluated there, not here). */
declare const chrome: { action: { getTitle(details: object): Promise<string> } };

let session: Session;
beforeAll(async () => {
  session = await launch();
  await saveWorkspace(session, starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator'] }));
});
afterAll(async () => {
  await session?.context.close();
});

const title = () => session.worker.evaluate(() => chrome.action.getTitle({}));

describe('the interface language', () => {
  it('is Russian as chosen, everywhere', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/wall-100_502');
    await expect.poll(() => page.locator('[data-aot="capture"] button').first().textContent()).toBe('Взять в работу');
    await expect.poll(title).toMatch(/^Ответ в срок — /);
    await page.close();
  });

  it('English chosen in the options: the options at once, the popup, the desk, the toolbar title and the buttons on a VK page', async () => {
    const options = await openExtensionPage(session, 'options.html', { width: 1000, height: 900 });
    const select = options.getByRole('combobox', { name: 'Язык интерфейса' });
    expect(await select.locator('option').allTextContents()).toEqual(['Как в браузере', 'Русский', 'English']);
    await select.selectOption({ label: 'English' });
    // The page itself follows the choice without a reload, keeping its place.
    await options.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await options.getByRole('combobox', { name: 'Interface language' }).waitFor();
    expect(await options.evaluate(() => document.documentElement.lang)).toBe('en');
    await screenshot(options, 'language-options-en');

    const popup = await openExtensionPage(session, 'popup.html');
    await popup.getByRole('heading', { name: 'My messages' }).waitFor();
    expect(await popup.locator('body').textContent()).not.toMatch(/[\u0400-\u04FF]/);

    const desk = await openExtensionPage(session, 'sidepanel.html', { width: 500, height: 800 });
    await desk.getByRole('heading', { name: 'Desk' }).waitFor();
    expect(await desk.title()).toBe('Answer on time — desk');

    await expect.poll(title).toMatch(/^Answer on time — /);

    const vk = await session.context.newPage();
    await vk.goto('https://vk.com/wall-100_502');
    await expect.poll(() => vk.locator('[data-aot="capture"] button').first().textContent()).toBe('Take on');
    expect(await vk.locator('[data-aot="capture"] button').first().getAttribute('title')).toBe('Record this post and route it to an executor');
    await screenshot(vk, 'language-vk-en');

    // And back: Russian again on the next page.
    await options.getByRole('combobox', { name: 'Interface language' }).selectOption({ label: 'Русский' });
    await options.getByRole('heading', { name: 'Настройки', level: 1 }).waitFor();
    await vk.reload();
    await expect.poll(() => vk.locator('[data-aot="capture"] button').first().textContent()).toBe('Взять в работу');
    await expect.poll(title).toMatch(/^Ответ в срок — /);
  });
});
