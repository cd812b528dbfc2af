/**
 * The full cycle in Chromium, curator and executor at one desk: capture → route → draft →
 * rework → resubmit → approve → published, watched in the side panel. Counts the user actions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterWorkspace } from '../../lib/workflow/workspace';
import { seriousViolations } from './a11y.mjs';
import { captureWithForm, launch, openExtensionPage, screenshot, type Session } from './harness.mjs';

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.context.close();
});

describe('the desk in the side panel', () => {
  it('walks a message from capture to publication with both roles', async () => {
    let actions = 0;
    // One person with both roles, working for the Ministry of Construction.
    const options = await openExtensionPage(session, 'options.html');
    const workspace = starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator', 'executor'], bodies: ['minstroy'] });
    workspace.bodies.find((b) => b.id === 'minstroy')!.pages = ['https://vk.com/club100'];
    expect(
      await options.evaluate((ws) => chrome.runtime.sendMessage({ channel: 'aot/1', type: 'workspace.save', data: { workspace: ws } }), workspace),
    ).toEqual({ ok: true, data: { saved: true } });

    // Capture: button, topic, executor, save (the form is prefilled from the post).
    const page = await session.context.newPage();
    await page.goto('https://vk.com/club100');
    const dialog = await captureWithForm(page, 1, { topic: 'Горячая вода', executor: 'minstroy' });
    actions += 3; // click, type topic, type executor
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    actions += 1;
    await dialog.getByRole('status').waitFor();

    const panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 900 });
    const role = panel.getByRole('combobox', { name: 'Роль' });
    const step = () => panel.getByTestId('card-step').textContent();
    /** Switches the view (the desk goes back to the queue) and opens the first message: 2 actions. */
    const asRole = async (view: 'curator' | 'executor') => {
      await role.selectOption(view);
      await panel.getByRole('button', { name: 'Открыть карточку' }).first().click();
      await panel.getByTestId('message-card').waitFor();
      actions += 2;
    };

    // Executor: writes the draft, with the checker beside the editor.
    await asRole('executor');
    await panel.getByLabel('Текст ответа').fill('В настоящее время вопрос прорабатывается.');
    // The card with its forms and the checker beside the editor is accessible too.
    expect(await seriousViolations(panel)).toEqual([]);
    await screenshot(panel, 'desk-draft');
    await panel.getByRole('button', { name: 'Отправить на согласование' }).click();
    actions += 2;
    await expect.poll(step).toBe('на согласовании');

    // Curator: sends it back with remarks.
    await asRole('curator');
    expect(await panel.getByTestId('draft-text').textContent()).toContain('прорабатывается');
    await panel.getByLabel('Замечания').fill('Нужны срок и телефон');
    await panel.getByRole('button', { name: 'На доработку' }).click();
    actions += 2;
    await expect.poll(step).toBe('на доработке');

    // Executor: sees the remarks, rewrites, resubmits.
    await asRole('executor');
    expect(await panel.getByRole('note').textContent()).toContain('Нужны срок и телефон');
    await panel.getByLabel('Текст ответа').fill('Горячую воду дадут 2 декабря. Вопросы — 8 (4112) 42-15-16.');
    await panel.getByRole('button', { name: 'Отправить на согласование' }).click();
    actions += 2;
    await expect.poll(step).toBe('на согласовании');

    // Curator approves.
    await asRole('curator');
    await panel.getByRole('button', { name: 'Согласовать', exact: true }).click();
    actions += 1;
    await expect.poll(step).toBe('согласовано');

    // Executor publishes (the link of the reply on VK).
    await asRole('executor');
    await panel.getByLabel('Ссылка на опубликованный ответ').fill('https://vk.com/wall-100_502?reply=777');
    await panel.getByRole('button', { name: 'Отметить как опубликованный' }).click();
    actions += 2;
    await expect.poll(step).toBe('опубликовано');
    const timeline = await panel.getByTestId('timeline').textContent();
    for (const e of ['зафиксировано', 'направлено', 'проект на согласование', 'на доработку: Нужны срок и телефон', 'согласовано', 'опубликовано'])
      expect(timeline).toContain(e);
    // Who did each step.
    expect(timeline).toContain('(Анна)');
    await screenshot(panel, 'desk-published');
    console.log(`full cycle: ${actions} user actions (capture to publication, both roles)`);
    expect(actions).toBeLessThanOrEqual(25);
  });

  it('takes a person with both roles through the cycle in one view, in few actions, publishing in place', async () => {
    let actions = 0;
    const page = await session.context.newPage();
    await page.goto('https://vk.com/wall-100_502');
    // Capture a comment in 3 actions: the executor of the previous capture is offered again.
    await page.locator('#comment-100_604 [data-aot="capture"] button').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Тема').fill('Подтопление');
    expect(await dialog.getByLabel('Исполнитель').inputValue()).toBe('minstroy');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    actions += 3; // button, topic, save
    await dialog.getByRole('status').waitFor();

    // A person with both roles starts in «all my work»: no switching.
    const panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 900 });
    const step = () => panel.getByTestId('card-step').textContent();
    expect(await panel.getByRole('combobox', { name: 'Роль' }).inputValue()).toBe('all');
    await panel.getByRole('button', { name: 'Открыть карточку' }).first().click();
    actions += 1;
    // The card stays open while the message moves from step to step.
    await panel.getByLabel('Текст ответа').fill('Подвал проверим.');
    await panel.getByRole('button', { name: 'Отправить на согласование' }).click();
    await expect.poll(step).toBe('на согласовании');
    await panel.getByLabel('Замечания').fill('Нужен срок');
    await panel.getByRole('button', { name: 'На доработку' }).click();
    await expect.poll(step).toBe('на доработке');
    const answer = 'Воду из подвала откачают сегодня до 18:00, аварийная служба: 8 (4112) 42-15-16.';
    await panel.getByLabel('Текст ответа').fill(answer);
    await panel.getByRole('button', { name: 'Отправить на согласование' }).click();
    await expect.poll(step).toBe('на согласовании');
    actions += 2 + 2 + 2;
    // Approve and publish: the answer goes into VK's reply form under that comment…
    await panel.getByRole('button', { name: 'Согласовать и опубликовать' }).click();
    actions += 1;
    await expect.poll(() => panel.getByRole('status').first().textContent(), { timeout: 15_000 }).toContain('Текст вставлен');
    const post = session.context.pages().find((p) => p !== page && p.url().startsWith('https://vk.com/wall-100_502')) ?? page;
    await expect.poll(() => post.locator('[data-testid="content-editable-input"]').textContent()).toBe(`Николай, ${answer}`);
    // …and the official sends it in the page; the reply is recorded with its link.
    await post.locator('[data-testid="send-comment"]').click();
    actions += 1;
    await expect.poll(step, { timeout: 10_000 }).toBe('опубликовано');
    const link = await panel.getByTestId('publication').textContent();
    expect(link).toMatch(/https:\/\/vk\.com\/wall-100_502\?reply=\d+/);
    // The reply, posted from the body's page, is the body's own: it gets no capture button,
    // while the citizens' comments keep theirs.
    const reply = post.locator(`#comment-100_502_${/reply=(\d+)/.exec(link ?? '')![1]}`);
    await reply.waitFor();
    await post.locator('#comment-100_604').scrollIntoViewIfNeeded();
    await reply.scrollIntoViewIfNeeded();
    await expect.poll(() => post.locator('#comment-100_604 [data-aot="capture"]').count()).toBe(1);
    // The answered comment's button says it is published at once (not at the next minute's refresh).
    await expect
      .poll(() => post.locator('#comment-100_604 [data-aot="capture"]').evaluate((h) => h.shadowRoot?.textContent ?? ''), { timeout: 5000 })
      .toContain('опубликовано');
    await post.waitForTimeout(1500);
    expect(await reply.locator('[data-aot="capture"]').count()).toBe(0);
    console.log(`full cycle in the «all my work» view, published in place: ${actions} user actions, no copy-paste`);
    expect(actions).toBeLessThanOrEqual(12);
  });
});
