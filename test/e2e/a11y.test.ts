/** axe-core in Chromium on every screen: no serious or critical violations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './a11y.mjs';
import { captureWithForm, launch, openExtensionPage, type Session } from './harness.mjs';

let session: Session;
beforeAll(async () => {
  session = await launch();
  // Something in the lists: one captured post.
  const page = await session.context.newPage();
  await page.goto('https://vk.com/club100');
  const dialog = await captureWithForm(page, 0, { topic: 'Мусор', executor: 'minstroy' });
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await dialog.getByRole('status').waitFor();
  await page.close();
});
afterAll(async () => {
  await session?.context.close();
});

describe('accessibility (axe-core)', () => {
  it.each([
    ['popup', 'popup.html'],
    ['side panel', 'sidepanel.html'],
    ['options', 'options.html'],
  ])('%s has no serious violations', async (_name, path) => {
    const page = await openExtensionPage(session, path, { width: 460, height: 700 });
    await page.locator('main').waitFor();
    await page.waitForTimeout(300);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the in-page capture button and form have no serious violations', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/club100');
    await page.locator('[data-aot="capture"] button').nth(1).click();
    await page.getByRole('dialog').waitFor();
    expect(await seriousViolations(page, '[data-aot]')).toEqual([]);
  });

  it('the comment buttons, captured-state buttons and the reply checker panel have no serious violations', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/wall-100_502');
    await page.locator('[data-aot="capture"]').first().waitFor({ state: 'attached' });
    await page.locator('[data-testid="content-editable-input"]').click();
    await page.keyboard.type('В настоящее время проводится работа.');
    await page.locator('[data-aot="checker"]').waitFor({ state: 'attached' });
    await page.waitForTimeout(600);
    expect(await seriousViolations(page, '[data-aot]')).toEqual([]);
  });
});
