/**
 * A team on two computers: the curator and an executor, each in a Chromium profile of their own
 * with the built extension, connected to a team server on this machine (the embedded PostgreSQL,
 * as `npm run server` starts it). The curator connects from the options page, captures a post on
 * VK routed to the executor's body; it appears in the executor's popup without a reload; the
 * executor's draft reaches the curator's desk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { createPerson, createWorkspace, invite } from '../../server/admin';
import { redeemInvitation } from '../../server/auth';
import { migrate, openDatabase, type Database } from '../../server/db';
import { captureWithForm, launch, openExtensionPage, screenshot, type Session } from './harness.mjs';

let dir: string;
let database: Database;
let app: FastifyInstance;
let server: string;
let port: number;
const sessions: Session[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aot-team-'));
  database = await openDatabase({ dataDir: dir });
  await migrate(database.pool);
  await createWorkspace(database.db, { id: 'yak', name: 'Якутия: центр управления регионом', region: 'yakutia' });
  await createPerson(database.db, { workspaceId: 'yak', id: 'ivanova', name: 'Иванова А. П.', roles: ['curator'] });
  await createPerson(database.db, { workspaceId: 'yak', id: 'sidorov', name: 'Сидоров И. В.', roles: ['executor'], bodies: ['minstroy'] });
  await createPerson(database.db, { workspaceId: 'yak', id: 'head', name: 'Руководитель центра', roles: ['curator'] });
  app = await buildApp({ database, keepaliveMs: 20_000 });
  server = await app.listen({ host: '127.0.0.1', port: 0 });
  port = Number(new URL(server).port);
});

afterAll(async () => {
  for (const s of sessions) await s.context.close().catch(() => undefined);
  await app?.close();
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * The person's own step, outside the page: allowing the server's address for the extension on
 * chrome://extensions (headless Chromium cannot show the permission prompt). The options page's
 * own request in the click then resolves at once, as after a person's «Разрешить».
 */
async function allowServer(s: Session) {
  const page = await s.context.newPage();
  await page.goto(`chrome://extensions/?id=${s.extensionId}`);
  await page.evaluate(
    ([id, origin]) =>
      (
        globalThis as unknown as { chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } } }
      ).chrome.developerPrivate.addHostPermission(id, `http://${new URL(origin).hostname}/*`),
    [s.extensionId, server] as const,
  );
  await page.close();
}

async function connect(s: Session, personId: string, shot: string) {
  const { code } = await invite(database.db, personId);
  await allowServer(s);
  const page = await openExtensionPage(s, 'options.html', { width: 900, height: 900 });
  const section = page.getByTestId('team-server');
  await section.getByLabel('Адрес сервера').fill(server);
  await section.getByLabel('Код приглашения').fill(code);
  if (personId === 'ivanova') {
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'team-options-form');
  }
  await section.getByRole('button', { name: 'Подключиться к серверу команды' }).click();
  await expect.poll(() => section.getByTestId('team-server-notice').textContent()).toMatch(/^Подключено: Якутия/);
  await expect.poll(() => section.getByTestId('team-server-state').textContent()).toMatch(/на связи/);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, shot);
  await page.close();
}

/** Every message the profile holds, as `id:step`, read from its database. */
const stepOf = (s: Session) =>
  s.worker.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok, fail) => {
      const open = indexedDB.open('answer-on-time');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const all: Array<{ step: string; id: string; key: string }> = await new Promise((ok) => {
      const req = db.transaction('messages').objectStore('messages').getAll();
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return all.map((m) => `${m.id}:${m.step}`).sort();
  });

describe('a team on two computers (Chromium, two profiles, a local team server)', () => {
  it('the curator captures on VK; the executor sees it at once, drafts, and the curator gets the draft', async () => {
    const curator = await launch();
    const executor = await launch();
    sessions.push(curator, executor);
    await connect(curator, 'ivanova', 'team-options-connected');
    await connect(executor, 'sidorov', 'team-options-executor');

    // The executor's popup is open, waiting.
    const popup = await openExtensionPage(executor, 'popup.html');
    await expect.poll(() => popup.locator('body').textContent()).toMatch(/Сидоров|сообщений нет|Нет сообщений|пуст/i);

    const page = await curator.context.newPage();
    await page.goto('https://vk.com/club100');
    const dialog = await captureWithForm(page, 0, { topic: 'Вывоз мусора', location: 'ул. Лесная, 12', executor: 'Министерство строительства РС(Я)' });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    const savedAt = Date.now();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Сохранено\. /);

    // It arrives in the executor's popup (poke → pull), without a reload.
    await expect.poll(() => popup.locator('body').textContent(), { timeout: 15_000 }).toContain('Вывоз мусора');
    const visibleAfter = Date.now() - savedAt;
    console.log(`[team] capture → visible on the other computer: ${visibleAfter} ms`);
    await screenshot(popup, 'team-executor-popup');

    // The executor drafts from the desk; the curator's desk shows it for approval.
    const desk = await openExtensionPage(executor, 'sidepanel.html', { width: 420, height: 900 });
    await desk.getByRole('combobox', { name: 'Роль' }).selectOption('executor');
    await desk.getByRole('button', { name: 'Открыть карточку' }).first().click();
    await desk.getByTestId('message-card').waitFor();
    const draft = desk.getByLabel('Текст ответа');
    await expect.poll(() => draft.isEditable()).toBe(true);
    await draft.fill('Вывоз мусора по ул. Лесной организован 4 декабря.');
    await desk.getByRole('button', { name: 'Отправить на согласование' }).click();
    await expect.poll(() => desk.getByTestId('card-step').textContent()).toBe('на согласовании');

    const curatorDesk = await openExtensionPage(curator, 'sidepanel.html', { width: 420, height: 900 });
    await curatorDesk.getByRole('combobox', { name: 'Роль' }).selectOption('curator');
    await expect.poll(() => curatorDesk.locator('body').textContent(), { timeout: 15_000 }).toMatch(/на согласовании/);
    await screenshot(curatorDesk, 'team-curator-desk');
    // Both computers hold the same message, in the same step.
    await expect.poll(() => stepOf(executor)).toEqual(await stepOf(curator));
    expect((await stepOf(curator))[0]).toMatch(/:review$/);
  });

  it('the curator approves, the executor publishes; an executor who drafted offline is told the message was closed meanwhile, and keeps the text', async () => {
    const [curator, executor] = sessions as [Session, Session];
    // Approve on the curator's desk; the executor sees it approved and marks it published.
    const curatorDesk = await openExtensionPage(curator, 'sidepanel.html', { width: 420, height: 900 });
    await curatorDesk.getByRole('combobox', { name: 'Роль' }).selectOption('curator');
    await curatorDesk.getByRole('button', { name: 'Открыть карточку' }).first().click();
    await curatorDesk.getByRole('button', { name: 'Согласовать', exact: true }).click();
    await expect.poll(() => curatorDesk.getByTestId('card-step').textContent()).toBe('согласовано');
    const desk = await openExtensionPage(executor, 'sidepanel.html', { width: 420, height: 900 });
    await desk.getByRole('combobox', { name: 'Роль' }).selectOption('executor');
    await desk.getByRole('button', { name: 'Открыть карточку' }).first().click();
    await expect.poll(() => desk.getByTestId('card-step').textContent(), { timeout: 15_000 }).toBe('согласовано');
    await desk.getByLabel('Ссылка на опубликованный ответ').fill('https://vk.com/wall-100_501?reply=901');
    await desk.getByRole('button', { name: 'Отметить как опубликованный' }).click();
    await expect.poll(async () => (await stepOf(curator)).filter((m) => m.endsWith(':published')).length, { timeout: 15_000 }).toBe(1);

    // A second post, routed to the executor.
    const page = await curator.context.newPage();
    await page.goto('https://vk.com/club100');
    const dialog = await captureWithForm(page, 1, { topic: 'Дороги', location: 'ул. Ленина, 3', executor: 'Министерство строительства РС(Я)' });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Сохранено\. /);
    await expect.poll(async () => (await stepOf(executor)).filter((m) => m.endsWith(':routed')).length, { timeout: 15_000 }).toBe(1);
    const second = (await stepOf(executor)).find((m) => m.endsWith(':routed'))!.split(':')[0]!;

    // The server goes away; the executor drafts anyway.
    await app.close();
    await desk
      .getByRole('button', { name: /К очереди|Назад/ })
      .first()
      .click()
      .catch(() => undefined);
    await desk.reload();
    await desk.getByRole('combobox', { name: 'Роль' }).selectOption('executor');
    await desk.getByRole('button', { name: 'Открыть карточку' }).first().click();
    const text = 'Ямочный ремонт на ул. Ленина выполнят до 10 декабря.';
    await desk.getByLabel('Текст ответа').fill(text);
    await desk.getByRole('button', { name: 'Отправить на согласование' }).click();
    await expect.poll(() => desk.getByTestId('card-step').textContent()).toBe('на согласовании');
    const options = await openExtensionPage(executor, 'options.html', { width: 900, height: 900 });
    const section = options.getByTestId('team-server');
    await expect.poll(() => section.getByTestId('team-server-pending').textContent(), { timeout: 15_000 }).toBe('1');
    await expect.poll(() => section.getByTestId('team-server-state').textContent(), { timeout: 15_000 }).toMatch(/недоступен/);
    await section.scrollIntoViewIfNeeded();
    await screenshot(options, 'team-options-offline');

    // Meanwhile the head of the centre closes that post as not to be processed.
    app = await buildApp({ database, keepaliveMs: 20_000 });
    const { code } = await invite(database.db, 'head');
    const redeemed = await redeemInvitation(database.db, code, 'head-pc');
    if (!redeemed.ok) throw new Error(redeemed.error);
    const closed = await app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: { authorization: `Bearer ${redeemed.token}` },
      payload: {
        clientGroupID: 'head-g',
        mutations: [
          {
            clientID: 'head-c',
            id: 1,
            name: 'step',
            args: { messageId: second, command: { type: 'markNotProcessable', category: 'insult', confirmed: true } },
          },
        ],
      },
    });
    expect(closed.json()).toMatchObject({ results: [{ status: 'accepted' }] });
    await app.listen({ host: '127.0.0.1', port });

    // Back online: the executor's step is refused, said on the desk, and the text is kept.
    await section.getByRole('button', { name: 'Синхронизировать сейчас' }).click();
    await expect.poll(() => section.getByTestId('team-server-pending').textContent(), { timeout: 15_000 }).toBe('0');
    await desk.reload();
    const refusals = desk.getByTestId('refusals');
    await expect.poll(() => refusals.textContent(), { timeout: 15_000 }).toMatch(/Сервер команды не принял/);
    expect(await refusals.textContent()).toMatch(/Руководитель центра/);
    expect(await refusals.textContent()).toMatch(/черновик/);
    await screenshot(desk, 'team-refusal');
    await expect.poll(async () => (await stepOf(executor)).find((m) => m.startsWith(`${second}:`))).toBe(`${second}:not_processable`);
    // The kept draft is in the card's box again (the message is closed, so it is read there, not sent).
    const kept = await executor.worker.evaluate(async (key) => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const open = indexedDB.open('answer-on-time');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const row: { value?: { text?: string } } | undefined = await new Promise((ok) => {
        const req = db.transaction('settings').objectStore('settings').get(key);
        req.onsuccess = () => ok(req.result);
      });
      db.close();
      return row?.value?.text;
    }, `draft:${second}:sidorov`);
    expect(kept).toBe(text);
  });
});
