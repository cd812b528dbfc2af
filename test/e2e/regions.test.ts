/**
 * The acts' differences where a person sees them, in Chromium: Khabarovsk (location required,
 * no overall answer term, parallel answers each approved, the summary after the last) and
 * Saratov (the curator sets a shorter term; the executor publishes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterWorkspace } from '../../lib/workflow/workspace';
import { seriousViolations } from './a11y.mjs';
import { captureWithForm, launch, openExtensionPage, saveWorkspace, screenshot, type Session } from './harness.mjs';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.context.close();
});

describe('Khabarovsk', () => {
  it('requires the location, names the next step instead of an invented total, and takes parallel answers through approval to the summary', async () => {
    const ws = starterWorkspace('khabarovsk', { id: 'me', name: 'Ирина', roles: ['curator', 'executor'], bodies: ['minstroy', 'minzhkh'] });
    await saveWorkspace(session, ws);
    const page = await session.context.newPage();
    await page.goto('https://vk.com/club100');
    const dialog = await captureWithForm(page, 0, { topic: 'Подтопление', executor: 'minstroy' });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    // п. 6: the curator states the location.
    await expect.poll(() => dialog.getByRole('alert').first().textContent()).toContain('Локация');
    await dialog.getByLabel('Локация').fill('Хабаровск');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    const status = await dialog.getByRole('status').textContent();
    // No overall answer term in the act: the next step's own deadline, in Khabarovsk time.
    expect(status).toMatch(/^Сохранено\. Общего срока ответа регламент не ставит; ближайший срок — /);
    await screenshot(page, 'khabarovsk-capture-saved');
    await page.close();

    const panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 1100 });
    const step = () => panel.getByTestId('card-step').textContent();
    await panel.getByRole('button', { name: 'Открыть карточку' }).first().click();
    // The executor returns it; the curator routes it to two bodies at once (п. 7: parallel).
    await panel.getByLabel('Причина возврата').fill('Это вопрос двух министерств');
    await panel.getByRole('button', { name: 'Вернуть куратору' }).click();
    await expect.poll(step).toBe('возвращено');
    // Returned, not yet re-routed: no draft term runs while no body has it (п. 10 «с момента получения»).
    expect(await panel.locator('.aot-deadlines').textContent()).not.toContain('Проект ответа куратору');
    await panel.locator('.aot-action select[multiple]').selectOption(['minstroy', 'minzhkh']);
    expect(await panel.getByTestId('route-mode').textContent()).toContain('Одновременно (п. 7, 13)');
    await panel.getByRole('button', { name: 'Направить' }).click();
    await expect.poll(step).toBe('у исполнителя');
    // Each body's answer goes to the curator for approval (п. 13 абз. 3, п. 12).
    await panel.getByLabel('Текст ответа').fill('Откачаем воду до 18:00, тел. 42-15-16.');
    await panel.getByRole('button', { name: 'Отправить свою часть' }).click();
    await expect.poll(() => panel.getByTestId('part-review').count()).toBe(2);
    expect(await seriousViolations(panel)).toEqual([]);
    await screenshot(panel, 'khabarovsk-parts-review');
    await panel.getByTestId('part-review').first().getByRole('button', { name: 'Согласовать' }).click();
    await expect.poll(() => panel.getByTestId('part-review').count()).toBe(1);
    await panel.getByTestId('part-review').getByLabel('Замечания').fill('Нужен срок ремонта');
    await panel.getByTestId('part-review').getByRole('button', { name: 'На доработку' }).click();
    await expect.poll(() => panel.getByTestId('part-review').count()).toBe(0);
    await panel.getByLabel('Текст ответа').fill('Трубу заменим до 5 декабря, тел. 42-15-16.');
    await panel.getByRole('button', { name: 'Отправить свою часть' }).click();
    // The reworked answer is final (п. 12 абз. 2): the curator's summary is next.
    await expect.poll(step).toBe('сводный ответ');
    const deadlines = await panel.locator('.aot-deadlines').textContent();
    expect(deadlines).toContain('Сводный ответ');
    expect(deadlines).toContain('п. 13, абз. 3');
    expect(deadlines).not.toContain('Срок ответа');
    await screenshot(panel, 'khabarovsk-summary');
    await panel.close();
  });
});

describe('Saratov', () => {
  it('lets the curator set a shorter term, shown with who set it and the clause', async () => {
    // A browser of its own: the Khabarovsk message above is not in this curator's desk.
    await session.context.close();
    session = await launch();
    const ws = starterWorkspace('saratov', { id: 'me', name: 'Олег', roles: ['curator', 'executor'], bodies: ['minstroy'] });
    ws.bodies[0]!.officialRepresentative = 'Заместитель министра Иванов И. И.';
    ws.bodies[0]!.executors = [{ id: 'p1', name: 'Петров', substitutes: [], absent: false, accounts: ['vk'] }];
    await saveWorkspace(session, ws);
    const page = await session.context.newPage();
    await page.goto('https://vk.com/club100');
    const dialog = await captureWithForm(page, 1, { topic: 'Дороги', location: 'Саратов', executor: ws.bodies[0]!.id });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    expect(await dialog.getByRole('status').textContent()).toMatch(/^Сохранено\. Срок ответа: /);
    await page.close();
    const panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 1100 });
    await panel.getByRole('button', { name: 'Открыть карточку' }).first().click();
    expect(await panel.getByTestId('representative').textContent()).toBe('Ответ публикуется от имени: Заместитель министра Иванов И. И. (п. 6)');
    await panel.getByLabel(/Сократить срок ответа/).fill('3');
    await panel.getByRole('button', { name: 'Установить срок' }).click();
    await expect.poll(() => panel.getByTestId('short-term').textContent()).toBe('Срок ответа установлен куратором: 3 ч (п. 7), Олег');
    expect(await panel.locator('.aot-deadlines').textContent()).toContain('(п. 7; срок установлен куратором)');
    // Saratov п. 16: no «other» ground to close a post without an answer.
    await panel.getByText('Закрыть без ответа').first().click();
    expect(await panel.getByLabel('Причина').locator('option').allTextContents()).not.toContain('Другое');
    await screenshot(panel, 'saratov-short-term');
    await panel.close();
    // The directory: the representative of each body (п. 6), each executor's accounts (VK, OK).
    const options = await openExtensionPage(session, 'options.html', { width: 900, height: 1400 });
    await expect.poll(() => options.getByLabel(/Официальный представитель/).inputValue()).toBe('Заместитель министра Иванов И. И.');
    const row = options.locator('.aot-executors tbody tr').first();
    expect(await row.getByLabel('VK').isChecked()).toBe(true);
    expect(await row.getByLabel('OK').isChecked()).toBe(false);
    await options.locator('.aot-executors').scrollIntoViewIfNeeded();
    await screenshot(options, 'saratov-options-executors');
    await options.close();
  });
});
