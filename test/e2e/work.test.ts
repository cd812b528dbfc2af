/**
 * A working day where nothing a person does is lost or misplaced, in Chromium: the executor is
 * chosen from the directory by its abbreviation, a draft survives leaving the card and closing
 * the panel, a renamed body keeps its queue, and a published message is found in the archive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterWorkspace } from '../../lib/workflow/workspace';
import { launch, openExtensionPage, saveWorkspace, screenshot, type Session } from './harness.mjs';

let session: Session;
beforeAll(async () => {
  session = await launch();
  await saveWorkspace(session, starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator', 'executor'], bodies: ['mintrans'] }));
});
afterAll(async () => {
  await session?.context.close();
});

describe('nothing lost or misplaced', () => {
  it('finds the body from «Минтранс», refuses a made-up one, keeps a draft, keeps the queue through a rename, and archives the published message', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/club100');
    await page.locator('[data-aot="capture"] button').first().click();
    const dialog = page.getByRole('dialog');
    // «Тема» has the focus as the form opens.
    await expect.poll(() => dialog.getByLabel('Тема').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await dialog.getByLabel('Тема').fill('Дороги');
    await dialog.getByLabel('Исполнитель').fill('Минфин');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => dialog.getByRole('alert').first().textContent()).toContain('нет в справочнике');
    await dialog.getByLabel('Исполнитель').fill('Минтранс');
    expect(await dialog.getByTestId('executor-resolved').textContent()).toContain('Министерство транспорта и дорожного хозяйства');
    await screenshot(page, 'capture-executor-resolved');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Сохранено/);
    // Esc closes the form even with the focus back on the page.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // A draft typed, the card left, the panel closed: it is all still there.
    let panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 1000 });
    await panel.getByRole('button', { name: 'Открыть карточку' }).first().click();
    await panel.getByLabel('Текст ответа').fill('Яму на Лесной заделаем до 5 декабря, тел. 42-15-16.');
    await panel.waitForTimeout(700);
    await panel.getByRole('button', { name: '← К очереди' }).click();
    await panel.getByRole('button', { name: 'Открыть карточку' }).first().click();
    // The saved draft is read from the database as the card opens; the box is read-only till then.
    await expect.poll(() => panel.getByLabel('Текст ответа').inputValue()).toBe('Яму на Лесной заделаем до 5 декабря, тел. 42-15-16.');
    expect(await panel.getByLabel('Текст ответа').isEditable()).toBe(true);
    await panel.close();
    panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 1000 });
    await panel.getByRole('button', { name: 'Открыть карточку' }).first().click();
    await expect.poll(() => panel.getByLabel('Текст ответа').inputValue()).toBe('Яму на Лесной заделаем до 5 декабря, тел. 42-15-16.');
    await screenshot(panel, 'desk-draft-restored');
    await panel.close();

    // The body renamed in the options: the message stays in its queue, «Ваш орган» stays.
    const options = await openExtensionPage(session, 'options.html', { width: 1000, height: 1200 });
    const bodies = options.getByTestId('body-list');
    const row = bodies.getByRole('textbox').nth(2);
    expect(await row.inputValue()).toBe('Министерство транспорта и дорожного хозяйства РС(Я)');
    await row.fill('Минтранс Якутии');
    await options.getByRole('button', { name: 'Сохранить' }).click();
    await options.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
    await bodies.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-body-renamed');
    await options.close();
    panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 1000 });
    await panel.getByRole('combobox', { name: 'Роль' }).selectOption('executor');
    await expect.poll(() => panel.getByTestId('message-row').count()).toBe(1);
    expect(await panel.getByTestId('message-row').first().textContent()).toContain('Минтранс Якутии');

    // Through to publication; then the archive finds it. J opens the next message wherever the
    // focus is in the panel (here: on the page, after choosing the view).
    await panel.getByRole('combobox', { name: 'Роль' }).selectOption('all');
    await panel.locator('h1, h2').first().click();
    await panel.keyboard.press('j');
    await panel.getByTestId('message-card').waitFor();
    await panel.getByRole('button', { name: 'Отправить на согласование' }).click();
    await panel.getByRole('button', { name: 'Согласовать', exact: true }).click();
    await panel.getByLabel('Ссылка на опубликованный ответ').fill('https://vk.com/wall-100_501?reply=901');
    await panel.getByRole('button', { name: 'Отметить как опубликованный' }).click();
    await expect.poll(() => panel.getByTestId('card-step').textContent()).toBe('опубликовано');
    await panel.getByRole('button', { name: '← К очереди' }).click();
    await panel.getByRole('combobox', { name: 'Роль' }).selectOption('archive');
    await panel.getByRole('searchbox').fill('Лесной');
    await expect.poll(() => panel.getByTestId('message-row').count()).toBe(1);
    await screenshot(panel, 'desk-archive');
    await page.close();
  });

  it('shows the curator a message whose body was removed from the directory, and routes it anew', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/club100');
    await page.locator('[data-aot="capture"] button').nth(1).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Тема').fill('Горячая вода');
    await dialog.getByLabel('Исполнитель').fill('Минстрой');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Сохранено/);
    await page.close();
    // The body is removed from the directory.
    const options = await openExtensionPage(session, 'options.html', { width: 1000, height: 1200 });
    await options.getByRole('button', { name: 'Удалить орган «Министерство строительства РС(Я)»' }).click();
    await options.getByRole('button', { name: 'Сохранить' }).click();
    await options.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
    await options.close();
    // Nobody's queue holds it any more, but the curator's desk does.
    const panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 1000 });
    await panel.getByRole('combobox', { name: 'Роль' }).selectOption('curator');
    await expect.poll(() => panel.getByTestId('message-row').count()).toBe(1);
    await panel.getByRole('button', { name: 'Открыть карточку' }).first().click();
    await expect.poll(() => panel.getByTestId('orphan').textContent()).toContain('minstroy');
    await panel.locator('.aot-action select[multiple]').selectOption(['minzhkh']);
    await screenshot(panel, 'desk-orphan-reassign');
    await panel.getByRole('button', { name: 'Направить' }).click();
    await expect.poll(() => panel.getByTestId('orphan').count()).toBe(0);
    expect(await panel.getByTestId('card-step').textContent()).toBe('у исполнителя');
    await panel.close();
  });
});
