/**
 * The walking skeleton end to end: capture a VK post in the page, see it counting down in the
 * popup, and find it again after the browser restarts. Each test seeds what it needs (a test
 * after the save finds the message the save test made; run alone, it captures it first).
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProfile, planDeadlines } from '../../lib/regulations';
import { factsOf } from '../../lib/workflow/machine';
import type { Message } from '../../lib/model/workflow';
import { createWorkCalendar, regionalSchedule, subtractWorkingMinutes, workingMinutesBetween } from '../../lib/worktime';
import { captureWithForm, launch, openExtensionPage, saveWorkspace, screenshot, type Session } from './harness.mjs';
import { starterWorkspace } from '../../lib/workflow/workspace';

// The workspace before onboarding: Yakutia's regulation and calendar (lib/workflow/workspace.ts).
const calendar = createWorkCalendar(regionalSchedule('yakutia'));
const profile = getProfile('yakutia');
/** The extension API inside the service worker (evaluated there, not here). */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  runtime: { onStartup: { hasListeners(): boolean } };
};
let session: Session | undefined;

beforeAll(async () => {
  session = await launch();
  // Who I am: a curator who also answers for the housing department (free-text body).
  await saveWorkspace(session, starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator', 'executor'], bodies: ['minzhkh'] }));
});

afterAll(async () => {
  await session?.context.close();
});

/** The messages in the extension's database, read in the background. */
function storedMessages(): Promise<Message[]> {
  return session!.worker.evaluate(async () => {
    const open = indexedDB.open('answer-on-time');
    const db: IDBDatabase = await new Promise((ok, fail) => {
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const all: Message[] = await new Promise((ok) => {
      const req = db.transaction('messages').objectStore('messages').getAll();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return all;
  });
}

/**
 * The message the save test stores (the wall's first post, «Вывоз мусора» for ЖКХ): the one in
 * the database, or captured the same way when a test runs without the save test before it.
 */
async function captured(): Promise<Message> {
  const [existing] = await storedMessages();
  if (existing) return existing;
  const page = await session!.context.newPage();
  await page.goto('https://vk.com/club100');
  const dialog = await captureWithForm(page, 0, { topic: 'Вывоз мусора', location: 'ул. Лесная, 12', importance: 'high', executor: 'ЖКХ' });
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Сохранено\. /);
  await page.close();
  const [message] = await storedMessages();
  expect(message?.key).toBe('vk:wall-100_501');
  return message!;
}

describe('capture a VK post and see it in the popup', () => {
  it('adds a capture button to every post and comment of a VK wall, none to reposts', async () => {
    const page = await session!.context.newPage();
    await page.goto('https://vk.com/club100');
    const buttons = page.locator('[data-aot="capture"] button');
    // Four posts (the repeated pinned post and the repost are not extra items) and one comment.
    await expect.poll(() => buttons.count()).toBe(5);
    expect(await page.locator('[data-testid="wall_comments_comment_root"] [data-aot="capture"] button[data-kind="comment"]').count()).toBe(1);
    expect(await buttons.first().textContent()).toBe('Взять в работу');
    // A post loaded later gets its button too, and nothing is duplicated.
    await page.evaluate(() => (window as unknown as { addPost: (...a: string[]) => void }).addPost('600', 'Новый автор', 'Новый пост'));
    await expect.poll(() => buttons.count()).toBe(6);
    await page.waitForTimeout(300);
    expect(await buttons.count()).toBe(6);
    // VK re-renders and virtualises posts: a post that leaves and comes back gets one button again.
    await page.evaluate(() => {
      const post = document.querySelector('[data-post-id="-100_502"]')!.closest('[data-testid="post"]')!;
      const parent = post.parentElement!;
      post.remove();
      setTimeout(() => parent.append(post), 300);
    });
    await page.waitForTimeout(700);
    expect(await page.locator('[data-post-id="-100_502"] [data-aot="capture"]').count()).toBe(1);
    expect(await buttons.count()).toBe(6);
    // The vk.com origin never gets a database of ours.
    expect(await page.evaluate(() => indexedDB.databases())).toEqual([]);
    await page.close();
  });

  it('opens the form prefilled from the post and saves the message', async () => {
    const page = await session!.context.newPage();
    await page.goto('https://vk.com/club100');
    const before = Date.now();
    await page.locator('[data-aot="capture"] button').first().click();
    const dialog = page.getByRole('dialog', { name: 'Новое сообщение' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByText('Иван Петров').isVisible()).toBe(true);
    expect(await dialog.getByRole('link', { name: 'https://vk.com/wall-100_501' }).isVisible()).toBe(true);
    expect(await dialog.getByTestId('capture-text').textContent()).toContain('не вывозят мусор');

    // Saving without the required fields names them and saves nothing.
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    expect(await dialog.getByRole('alert').allTextContents()).toEqual(['Заполните поле «Тема»', 'Заполните поле «Исполнитель»']);

    await dialog.getByLabel('Тема').fill('Вывоз мусора');
    await dialog.getByLabel('Локация').fill('ул. Лесная, 12');
    await dialog.getByLabel('Важность').selectOption('high');
    await dialog.getByLabel('Исполнитель').fill('ЖКХ');
    await screenshot(page, 'vk-capture-form');
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Сохранено\. Срок ответа: /);
    await screenshot(page, 'vk-capture-saved');
    await dialog.getByRole('button', { name: 'Закрыть' }).first().click();
    await expect.poll(() => dialog.count()).toBe(0);

    const button = page.locator('[data-aot="capture"] button').first();
    // The button now shows the step and the working time left to the next deadline.
    await expect.poll(() => button.getAttribute('data-state')).toBe('captured');
    await expect.poll(() => button.textContent()).toMatch(/у исполнителя · \d+ час/);
    expect(await button.getAttribute('title')).toMatch(/осталось .* рабочего времени/);

    // The background stored it in the extension's database with its detection time and deadline.
    const all = await storedMessages();
    expect(all).toHaveLength(1);
    const stored = all[0];
    expect(stored?.key).toBe('vk:wall-100_501');
    expect(stored!.detectedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(stored!.detectedAt).toBeLessThanOrEqual(Date.now());
    // Routed at once to the named executor; the answer is due in 8 working hours (Yakutia п. 9),
    // and the next deadline is the draft's, 4 hours before it (п. 10).
    expect(stored).toMatchObject({ step: 'routed', bodies: ['minzhkh'], nextDueKind: 'draft' });
    const answer = planDeadlines(profile, calendar, factsOf(stored!)).deadlines.find((d) => d.kind === 'answer')!;
    expect(workingMinutesBetween(calendar, stored!.detectedAt, answer.dueAt)).toBe(480);
    expect(workingMinutesBetween(calendar, stored!.nextDueAt!, answer.dueAt)).toBe(240);
    // The toolbar: the title counts open messages; the badge only what is urgent for me.
    await expect.poll(() => session!.worker.evaluate(() => chrome.action.getTitle({}))).toMatch(/1 открытое/);

    // Capturing the same post again opens the existing message instead of a new one.
    await button.click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Сообщение уже в работе' }).isVisible()).toBe(true);
    await page.close();
  });

  it('lists the message in the popup with a countdown that runs', async () => {
    const stored = await captured();
    // Look at the popup at a working moment 30 working minutes before the deadline (seconds
    // show in the last hour), so the countdown runs whatever time of day the test runs.
    const at = subtractWorkingMinutes(calendar, stored.nextDueAt!, 30);
    const page = await session!.context.newPage();
    await page.clock.install({ time: at });
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${session!.extensionId}/popup.html`);
    const row = page.getByTestId('message-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Иван Петров');
    expect(await row.textContent()).toContain('Вывоз мусора');
    expect(await row.textContent()).toContain('ЖКХ');
    const countdown = row.getByTestId('countdown');
    const first = await countdown.textContent();
    expect(workingMinutesBetween(calendar, at, stored.nextDueAt!)).toBe(30);
    expect(first).toMatch(/осталось (30 минут|29 минут \d+ секунд\S*) рабочего времени/);
    await expect.poll(() => countdown.textContent(), { timeout: 5000 }).not.toBe(first);
    const title = await countdown.getAttribute('title');
    expect(title).toContain(DateTime.fromMillis(stored.nextDueAt!, { zone: 'Asia/Yakutsk' }).toFormat('HH:mm'));
    await screenshot(page, 'popup');
    await page.close();
  });

  it('keeps the message after the browser restarts', async () => {
    await captured();
    const dir = session!.userDataDir;
    // Pages of ours left open would come back with the restored session: close them first.
    for (const p of session!.context.pages()) {
      await p.waitForLoadState().catch(() => undefined);
      if (p.url().startsWith('chrome-extension://')) await p.close();
    }
    await session!.context.close();
    session = await launch(dir);
    // The browser's start wakes the worker, which recomputes the badge from the database
    // before any page of ours is open (Chrome does not keep the badge across restarts).
    expect(
      session.context
        .pages()
        .filter((p) => p.url().startsWith('chrome-extension://'))
        .map((p) => p.url()),
    ).toEqual([]);
    // Chromium here starts the worker anyway; runtime.onStartup is what asks it to everywhere.
    expect(await session.worker.evaluate(() => chrome.runtime.onStartup.hasListeners())).toBe(true);
    await expect.poll(() => session!.worker.evaluate(() => chrome.action.getTitle({}))).toMatch(/1 открытое/);
    const popup = await openExtensionPage(session, 'popup.html');
    await expect.poll(() => popup.getByTestId('message-row').count()).toBe(1);
    expect(await popup.getByTestId('message-row').textContent()).toContain('Иван Петров');
  });

  it('opens the side panel and options pages', async () => {
    await captured();
    const panel = await openExtensionPage(session!, 'sidepanel.html', { width: 420, height: 700 });
    expect(await panel.getByRole('heading', { name: 'Рабочий стол' }).isVisible()).toBe(true);
    // A person with both roles starts with all of their work; the curator's own queue is empty
    // (the message is with the executor).
    const role = panel.getByRole('combobox', { name: 'Роль' });
    await expect.poll(() => role.inputValue()).toBe('all');
    await expect.poll(() => panel.getByTestId('message-row').count()).toBe(1);
    await role.selectOption('curator');
    await expect.poll(() => panel.getByText('В очереди пусто').count()).toBe(1);
    // The answer checker in the panel: findings as you type, one-click plain replacements.
    await panel.getByRole('textbox', { name: 'Проверка ответа' }).fill('Уважаемый житель! В настоящее время ведётся работа по вывозу ТКО.');
    await expect.poll(() => panel.getByTestId('lint-score').textContent()).toMatch(/Стиль: .* из 10/);
    expect(await panel.locator('[data-rule="jargon.tko"]').count()).toBe(1);
    await screenshot(panel, 'sidepanel');
    const options = await openExtensionPage(session!, 'options.html', { width: 1000, height: 700 });
    expect(await options.getByRole('heading', { name: 'Настройки' }).isVisible()).toBe(true);
    await expect.poll(() => options.getByText('Сообщений в базе: 1').count()).toBe(1);
    await screenshot(options, 'options');
  });
});
