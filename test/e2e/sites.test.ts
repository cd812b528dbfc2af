/**
 * Working inside VK and OK in Chromium (fixture pages routed as https://vk.com/…, https://vk.ru/…,
 * https://ok.ru/…): capture of posts and comments on each site, a virtualised wall, the reply
 * checker in the sites' own reply boxes, and publish in place recorded with the reply's link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../lib/model/workflow';
import { starterWorkspace } from '../../lib/workflow/workspace';
import { launch, openExtensionPage, saveWorkspace, screenshot, type Session } from './harness.mjs';

interface StorageArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}
/** The extension API inside extension pages (evaluated there, not here). */
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: StorageArea; session: StorageArea };
  tabs: {
    query(info: object): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
    getCurrent(): Promise<{ id?: number }>;
  };
};
type PwPage = import('playwright-core').Page;
type Reply = { ok: boolean; data?: unknown; error?: { code: string; message: string } };

let session: Session;
type Page = Awaited<ReturnType<typeof openExtensionPage>>;
let ext: Page;

/** A request on the extension's channel, from an extension page (as the side panel sends it). */
async function call(type: string, data: unknown): Promise<Reply> {
  return ext.evaluate(([t, d]) => chrome.runtime.sendMessage({ channel: 'aot/1', type: t, data: d }) as Promise<Reply>, [type, data] as const);
}

async function stored(key: string): Promise<Message | undefined> {
  return session.worker.evaluate(async (k) => {
    const open = indexedDB.open('answer-on-time');
    const db: IDBDatabase = await new Promise((ok, fail) => {
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    const found: Message | undefined = await new Promise((ok) => {
      const req = db.transaction('messages').objectStore('messages').index('key').get(k);
      req.onsuccess = () => ok(req.result);
    });
    db.close();
    return found;
  }, key);
}

/** Captures the item whose button is at `index` through the in-page form. */
async function capture(page: Awaited<ReturnType<Session['context']['newPage']>>, selector: string, topic: string) {
  await page.locator(selector).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Тема').fill(topic);
  await dialog.getByLabel('Исполнитель').fill('minstroy');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/^Сохранено/);
  await dialog.getByRole('button', { name: 'Закрыть' }).first().click();
}

/** Walks a stored message to "approved" with an answer text, through the channel. */
async function approve(key: string, text: string): Promise<string> {
  const m = (await stored(key))!;
  for (const command of [{ type: 'submitDraft', kind: 'answer', text }, { type: 'approve' }]) {
    const reply = await call('message.command', { id: m.id, command });
    expect(reply.data, JSON.stringify(reply)).toMatchObject({ ok: true });
  }
  return m.id;
}

beforeAll(async () => {
  session = await launch();
  const ws = starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator', 'executor'], bodies: ['minstroy'] });
  // The body's own pages (the sample pages post replies as these): a reply from them is the body's answer.
  ws.bodies.find((b) => b.id === 'minstroy')!.pages = ['https://vk.com/club100', 'https://ok.ru/group/300'];
  await saveWorkspace(session, ws);
  ext = await openExtensionPage(session, 'options.html');
});
afterAll(async () => {
  await session?.context.close();
});

describe('capture on every post and comment', () => {
  it('captures a comment of a post on vk.ru, stored with its canonical vk.com key and link', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.ru/wall-100_502');
    const buttons = page.locator('[data-aot="capture"] button');
    await expect.poll(() => buttons.count()).toBe(5); // the post and its four comments (two in a thread)
    await screenshot(page, 'vk-post-buttons');
    await capture(page, '#comment-100_601 > .comment-body [data-aot="capture"] button', 'Горячая вода');
    const m = await stored('vk:wall-100_502_r601');
    expect(m).toMatchObject({
      kind: 'comment',
      url: 'https://vk.com/wall-100_502?reply=601',
      parentKey: 'vk:wall-100_502',
      author: { name: 'Ольга Белова', url: 'https://vk.com/olga.belova' },
      text: 'У нас на Садовой, 14 тоже нет воды 😢 Звонили в управляющую компанию — никто не берёт трубку.',
    });
    // The comment's button now shows its state; the thread replies keep theirs.
    await expect.poll(() => page.locator('#comment-100_601 > .comment-body [data-aot="capture"] button').getAttribute('data-state')).toBe('captured');
    expect(await page.locator('#comment-100_602 [data-aot="capture"] button').getAttribute('data-state')).toBe('new');
    await page.close();
  });

  it('captures the post itself on vk.com', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/wall-100_502');
    await capture(page, '[data-post-id="-100_502"] [data-aot="capture"] button', 'Горячая вода');
    expect(await stored('vk:wall-100_502')).toMatchObject({
      kind: 'post',
      author: { name: 'Мария Сидорова' },
      attachments: [{ type: 'photo', url: 'https://vk.com/photo-100_9002' }],
    });
    await page.close();
  });

  it('captures a comment in the legacy photo viewer', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/photo-100_9001');
    await expect.poll(() => page.locator('[data-aot="capture"] button').count()).toBe(3);
    await capture(page, '#pv_comment-100_56 [data-aot="capture"] button', 'Благоустройство');
    expect(await stored('vk:photo-100_9001_r56')).toMatchObject({ text: 'Спасибо, стало чище!\nЕщё бы лавочки покрасить.', author: { name: 'Пётр Иванов' } });
    await page.close();
  });

  it('captures a post on the OK feed and a comment on an OK topic', async () => {
    const feed = await session.context.newPage();
    await feed.goto('https://ok.ru/group/300');
    await capture(feed, '[data-aot="capture"] button', 'Освещение');
    expect(await stored('ok:group/300/topic/700001')).toMatchObject({ kind: 'post', author: { name: 'Ольга Николаева' } });
    await feed.close();

    const topic = await session.context.newPage();
    await topic.goto('https://ok.ru/group/300/topic/700001');
    const buttons = topic.locator('[data-aot="capture"] button');
    await expect.poll(() => buttons.count()).toBe(3);
    // The topic captured from the feed is recognised on its own page.
    await expect.poll(() => buttons.first().getAttribute('data-state')).toBe('captured');
    await capture(topic, '#hook_Block_CommentItem8100001 [data-aot="capture"] button', 'Освещение');
    expect(await stored('ok:group/300/topic/700001_c8100001')).toMatchObject({
      kind: 'comment',
      parentKey: 'ok:group/300/topic/700001',
      author: { name: 'Андрей Соколов', url: 'https://ok.ru/profile/910005' },
    });
    await screenshot(topic, 'ok-topic-buttons');
    await topic.close();
  });
});

describe('a virtualised wall', () => {
  it('keeps one button per item while VK removes and re-adds posts, and mounts buttons only near the viewport', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto('https://vk.com/club200');
    const hosts = page.locator('[data-aot="capture"]');
    const inDom = () => page.locator('[data-testid="post"]').count();
    await expect.poll(() => hosts.count()).toBeGreaterThan(0);
    // Only the posts near the viewport are in the page, and only those near it get a button.
    expect(await inDom()).toBeLessThan(20);
    const consistent = async () => {
      const [h, p, dup] = await page.evaluate(() => {
        const keys = [...document.querySelectorAll<HTMLElement>('[data-aot="capture"]')].map((e) => e.dataset.aotKey);
        return [keys.length, document.querySelectorAll('[data-testid="post"]').length, keys.length - new Set(keys).size];
      });
      return { hostsAtMostPosts: h <= p, duplicates: dup };
    };
    for (const y of [1500, 3500, 6000, 3000, 0, 4000, 0]) {
      await page.evaluate((to) => window.scrollTo(0, to), y);
      await page.waitForTimeout(250);
      expect(await consistent()).toEqual({ hostsAtMostPosts: true, duplicates: 0 });
    }
    // Back at the top: every post in view has exactly one button again.
    await expect.poll(async () => page.locator('[data-post-id="-200_1000"] [data-aot="capture"]').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __fixtureWall: { removed(): number } }).__fixtureWall.removed())).toBeGreaterThan(10);
    await page.close();
  });
});

describe('the reply checker in the sites’ reply boxes', () => {
  const typeAndCheck = async (url: string, box: string, screenshotName: string, before?: (page: PwPage) => Promise<void>) => {
    const page = await session.context.newPage();
    await page.goto(url);
    await page.locator('[data-aot="capture"]').first().waitFor({ state: 'attached' });
    if (before) await before(page);
    const editor = page.locator(box);
    await editor.click();
    await page.keyboard.type('В настоящее время проводится работа по данному вопросу.');
    const panel = page.locator('[data-aot="checker"]');
    await expect.poll(() => panel.evaluate((h) => h.shadowRoot?.textContent ?? '')).toContain('«В настоящее время»');
    // Underlined in place through the Highlight API; the site's editor holds only what was typed.
    expect(
      await page.evaluate(() => (CSS as unknown as { highlights: Map<string, Set<unknown>> }).highlights.get('aot-reply-cliche')?.size ?? 0),
    ).toBeGreaterThan(0);
    expect(await editor.evaluate((e) => e.children.length)).toBe(0);
    expect(await editor.textContent()).toBe('В настоящее время проводится работа по данному вопросу.');
    await screenshot(page, screenshotName);
    return page;
  };

  it('underlines a cliché typed into the VK reply box', async () => {
    const page = await typeAndCheck('https://vk.com/wall-100_502', '[data-testid="content-editable-input"]', 'vk-checker');
    // The site empties the box after sending, with no input event: the panel goes with the text.
    await page.locator('[data-testid="content-editable-input"]').evaluate((el) => {
      el.textContent = '';
    });
    const hidden = () => page.locator('[data-aot="checker"]').evaluate((h) => h.shadowRoot?.querySelector<HTMLElement>('.aot-checker')?.hidden ?? null);
    expect(await hidden()).toBe(false);
    await expect.poll(hidden, { timeout: 5000 }).toBe(true);
    await page.close();
  });

  it('underlines a cliché typed into the OK reply box, and shows forbidden content of the post answered', async () => {
    const page = await typeAndCheck('https://ok.ru/group/300/topic/700001', '.comments_add-ceditable', 'ok-checker', async (topic) => {
      // The topic being answered insults its readers: the panel says so.
      await topic.locator('.media-text_cnt_tx').evaluate((el) => {
        el.textContent = 'Во дворе не горят фонари. Вы там в администрации все идиоты?';
      });
    });
    const panel = page.locator('[data-aot="checker"]');
    expect(await panel.evaluate((h) => h.shadowRoot?.querySelector('.aot-checker__incoming')?.textContent ?? '')).toMatch(
      // The ground of the workspace region's clause, and the words that decided it.
      /запрещённое содержание: .*оскорбительные выражения \(п\. \d+ регламента\)\. «[^»]*идиоты[^»]*»/,
    );
    await page.close();
  });

  it('stays off on a site where the options switched it off', async () => {
    await ext.evaluate(() => chrome.storage.local.set({ 'checker.sites': { vk: false, ok: true } }));
    const page = await session.context.newPage();
    try {
      await page.goto('https://vk.com/wall-100_502');
      await page.locator('[data-aot="capture"]').first().waitFor({ state: 'attached' });
      await page.locator('[data-testid="content-editable-input"]').click();
      await page.keyboard.type('В настоящее время');
      await page.waitForTimeout(800);
      expect(await page.locator('[data-aot="checker"]').count()).toBe(0);
    } finally {
      await ext.evaluate(() => chrome.storage.local.remove('checker.sites'));
      await page.close();
    }
  });
});

describe('publish in place', () => {
  it('answers a VK comment from the side panel: text in the reply form, the official sends, the reply is recorded', async () => {
    const id = await approve('vk:wall-100_502_r601', 'Ольга, аварийная бригада работает на Садовой, 14; воду дадут до 18:00. Телефон 05.');
    const panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 900 });
    await panel.getByRole('combobox', { name: 'Роль' }).selectOption('all');
    await panel.getByRole('button', { name: 'Открыть карточку' }).first().waitFor();
    // Open this message's card.
    await panel.evaluate((mid) => chrome.storage.session.set({ 'desk.selectedId': mid }), id);
    await panel.getByTestId('message-card').waitFor();
    await panel.getByRole('button', { name: 'Опубликовать ответ' }).click();
    await expect.poll(() => panel.getByRole('status').first().textContent(), { timeout: 15_000 }).toContain('Текст вставлен');

    // The extension opened the post in a tab, clicked the site's own "reply" and inserted the text.
    const page = session.context.pages().find((p) => p.url().startsWith('https://vk.com/wall-100_502'))!;
    expect(page).toBeDefined();
    const composer = page.locator('[data-testid="content-editable-input"]');
    // VK wrote «Ольга, » in the box; the answer starting with the name gets it once.
    await expect.poll(() => composer.textContent()).toBe('Ольга, аварийная бригада работает на Садовой, 14; воду дадут до 18:00. Телефон 05.');
    expect((await stored('vk:wall-100_502_r601'))!.step).toBe('approved'); // nothing recorded before sending
    await screenshot(page, 'vk-publish-inserted');
    await page.locator('[data-testid="send-comment"]').click(); // the official sends
    await expect.poll(async () => (await stored('vk:wall-100_502_r601'))!.step, { timeout: 10_000 }).toBe('published');
    const m = (await stored('vk:wall-100_502_r601'))!;
    expect(m.publications.at(-1)?.url).toMatch(/^https:\/\/vk\.com\/wall-100_502\?reply=\d+$/);
    await expect.poll(() => panel.getByTestId('card-step').textContent()).toBe('опубликовано');
    expect(await panel.getByTestId('publication').textContent()).toContain(m.publications.at(-1)!.url!);
    await screenshot(panel, 'desk-published-in-place');
    await page.close();
    await panel.close();
  });

  it('records the sent reply even when Chromium stopped the worker between inserting and sending', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/wall-100_502');
    await capture(page, '#comment-100_602 [data-aot="capture"] button', 'Отопление');
    const id = await approve('vk:wall-100_502_r602', 'Батареи проверим сегодня до 17:00, тел. 42-15-16.');
    expect((await call('publish.start', { id })).data).toMatchObject({ ok: true });
    const tab = session.context.pages().find((p) => p !== page && p.url().startsWith('https://vk.com/wall-100_502')) ?? page;
    // The worker goes away mid-publication; the pending publication is in storage.session.
    const cdp = await session.context.newCDPSession(tab);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await tab.locator('[data-testid="send-comment"]').click();
    await expect.poll(async () => (await stored('vk:wall-100_502_r602'))!.step, { timeout: 15_000 }).toBe('published');
    if (tab !== page) await tab.close();
    await page.close();
  });

  it('answers a comment in the legacy VK photo viewer', async () => {
    const id = await approve('vk:photo-100_9001_r56', 'Пётр, лавочки покрасим до 1 июня. Вопросы: 8 (4112) 42-15-16.');
    const reply = await call('publish.start', { id });
    expect(reply.data).toMatchObject({ ok: true, method: 'execCommand' });
    const page = session.context.pages().find((p) => p.url().startsWith('https://vk.com/photo-100_9001'))!;
    expect(await page.locator('#reply_to-100_9001').inputValue()).toBe('56');
    await page.locator('[data-fixture-send="vk-legacy"]').click();
    await expect.poll(async () => (await stored('vk:photo-100_9001_r56'))!.step, { timeout: 10_000 }).toBe('published');
    expect((await stored('vk:photo-100_9001_r56'))!.publications.at(-1)?.url).toMatch(/^https:\/\/vk\.com\/photo-100_9001\?reply=\d+$/);
    await page.close();
  });

  it('answers an OK topic in place', async () => {
    // Two lines: inserted line by line with the editor's own line breaks (Enter could send).
    const id = await approve('ok:group/300/topic/700001', 'Фонари на улице Мира, 5 починим до 30 ноября.\nГорсвет: 8 (4112) 40-00-00.');
    const reply = await call('publish.start', { id });
    expect(reply.data).toMatchObject({ ok: true });
    const page = session.context.pages().find((p) => p.url().startsWith('https://ok.ru/group/300/topic/700001'))!;
    const box = page.locator('.comments_add-ceditable');
    expect(await box.evaluate((e) => (e as HTMLElement).innerText)).toBe('Фонари на улице Мира, 5 починим до 30 ноября.\nГорсвет: 8 (4112) 40-00-00.');
    await page.locator('button[data-l="t,submit"]').click();
    await expect.poll(async () => (await stored('ok:group/300/topic/700001'))!.step, { timeout: 10_000 }).toBe('published');
    expect((await stored('ok:group/300/topic/700001'))!.publications.at(-1)?.url).toMatch(/^https:\/\/ok\.ru\/group\/300\/topic\/700001\?commentId=\d+$/);
    await page.close();
  });

  it('answers a malformed or impossible publishing request from the background with a clear error, touching nothing', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/wall-100_502');
    await page.locator('[data-aot="capture"]').first().waitFor({ state: 'attached' });
    const composer = page.locator('[data-testid="content-editable-input"]');
    const before = await composer.textContent();
    const send = (message: unknown) =>
      ext.evaluate(async (m) => {
        const [tab] = await chrome.tabs.query({ url: 'https://vk.com/wall-100_502*' });
        return chrome.tabs.sendMessage(tab!.id!, m);
      }, message);
    expect(await send({ channel: 'aot/tab', type: 'publish.insert', messageId: 'x', key: 'vk:wall-100_502', text: 5 })).toEqual({
      ok: false,
      reason: 'error.refused',
      params: { code: 'AOT-BAD-TAB-REQUEST' },
    });
    expect(await send({ channel: 'aot/tab', type: 'publish.insert', messageId: 'x', key: 'vk:wall-100_999', text: 'Ответ' })).toEqual({
      ok: false,
      reason: 'inpage.publish.notFound',
    });
    expect(await composer.textContent()).toBe(before);
    await page.close();
  });

  it('refuses to put a message at rework into the reply box where the act wants a second approval (Yakutia п. 12)', async () => {
    const m = (await stored('vk:wall-100_502'))!;
    for (const command of [
      { type: 'submitDraft', kind: 'answer', text: 'Ваше обращение рассмотрено.' },
      { type: 'requestRework', remarks: 'Нужен срок' },
    ]) {
      const r = await call('message.command', { id: m.id, command });
      expect(r.data, JSON.stringify(r)).toMatchObject({ ok: true });
    }
    expect((await stored('vk:wall-100_502'))!.step).toBe('rework');
    const before = session.context.pages().length;
    const reply = await call('publish.start', { id: m.id });
    expect(reply.data).toEqual({ ok: false, reason: 'publish.error.step' });
    expect(session.context.pages().length).toBe(before); // no tab opened, nothing inserted
    const back = await call('message.command', { id: m.id, command: { type: 'submitDraft', kind: 'answer', text: 'Починим до 1 декабря, тел. 42-15-16.' } });
    expect(back.data).toMatchObject({ ok: true });
  });

  it('accepts a "reply sent" report only from a site tab', async () => {
    const m = (await stored('vk:wall-100_502'))!;
    // Only content scripts on the sites may report a sent reply (and only the tab asked to publish).
    const reply = await call('publish.sent', { messageId: m.id, replyKey: 'vk:wall-100_502_r1', replyUrl: 'https://vk.com/wall-100_502?reply=1', text: 'x' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await stored('vk:wall-100_502'))!.step).not.toBe('published');
  });

  it('does not take a look-alike reply added by a page script as published: detected, not confirmed, until the official confirms', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/wall-100_502');
    await capture(page, '#comment-100_603 [data-aot="capture"] button', 'Отопление');
    const id = await approve('vk:wall-100_502_r603', 'Починим до 1 декабря, тел. 42-15-16.');
    const m = (await stored('vk:wall-100_502_r603'))!;
    const reply = await call('publish.start', { id });
    expect(reply.data).toMatchObject({ ok: true });
    // A page script posts a comment with the answer's text under someone else's name.
    const tab = session.context.pages().find((p) => p !== page && p.url().startsWith('https://vk.com/wall-100_502')) ?? page;
    await tab.evaluate((text) => {
      const make = (tag: string, attrs: Record<string, string>, content?: string) => {
        const node = document.createElement(tag);
        for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
        if (content) node.textContent = content;
        return node;
      };
      const root = make('div', { 'data-testid': 'wall_comments_comment_root', id: 'comment-100_502_990', class: 'comment' });
      const body = make('div', { class: 'comment-body' });
      body.append(make('a', { 'data-testid': 'comment-owner', href: '/id666' }, 'Администрация Заречного района'));
      const textEl = make('div', { 'data-testid': 'comment-text' });
      textEl.append(make('div', { 'data-testid': 'showmoretext-in' }, text));
      const date = make('a', { 'data-testid': 'wall_comment_date', href: '/wall-100_502?reply=990' });
      date.append(make('span', { 'data-ts': String(Math.floor(Date.now() / 1000)) }, 'только что'));
      body.append(textEl, date);
      root.append(make('a', { 'data-testid': 'comment-avatar', href: '/id666' }), body);
      document.querySelector('[data-fixture-comments]')!.append(root);
    }, 'Починим до 1 декабря, тел. 42-15-16.');
    await expect
      .poll(() => ext.evaluate(async (key) => (await chrome.storage.session.get(key))[key], `publish:detected:${m.id}`), { timeout: 10_000 })
      .toMatchObject({ url: 'https://vk.com/wall-100_502?reply=990', authorUrl: 'https://vk.com/id666' });
    expect((await stored('vk:wall-100_502_r603'))!.step).toBe('approved');
    // The card says so; the official confirms (a trusted click in the extension's own page).
    await ext.evaluate((id) => chrome.storage.session.set({ 'desk.selectedId': id }), m.id);
    const panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 1000 });
    const notice = panel.getByTestId('detected-reply');
    await expect.poll(() => notice.textContent()).toContain('Администрация Заречного района');
    await screenshot(panel, 'desk-detected-reply');
    await notice.getByRole('button', { name: 'Подтвердить: это наш ответ' }).click();
    await expect.poll(async () => (await stored('vk:wall-100_502_r603'))!.step).toBe('published');
    expect((await stored('vk:wall-100_502_r603'))!.publications.at(-1)?.url).toBe('https://vk.com/wall-100_502?reply=990');
    await panel.close();
    await page.close();
  });
});

describe('health and page changes', () => {
  it('reports the page health to the popup when a hook is gone, and lists checks in the options', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/wall-100_502');
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('[data-testid="content-editable-input"]')) el.setAttribute('data-testid', 'composer-v2');
      document.querySelector('[class^="vkitCommentInput__root"]')?.setAttribute('class', 'composer');
    });
    // A navigation inside the site makes the content script check again.
    await page.evaluate(() => history.pushState({}, '', '/wall-100_502?z=1'));
    await expect
      .poll(
        async () => {
          const value = await ext.evaluate(() => chrome.storage.local.get('health.last.vk'));
          const report = value['health.last.vk'] as { checks?: Array<{ name: string; ok: boolean }> } | undefined;
          return report?.checks?.find((c) => c.name === 'reply-box')?.ok;
        },
        { timeout: 10_000 },
      )
      .toBe(false);
    const options = await openExtensionPage(session, 'options.html', { width: 1000, height: 900 });
    const diagnostics = options.getByRole('region', { name: 'Диагностика страниц' });
    await expect.poll(() => diagnostics.getByTestId('diagnostics-vk').textContent()).toContain('reply-box');
    expect(await diagnostics.getByRole('alert').textContent()).toBe('VK изменил разметку: не найдено поле ответа — захват работает, публикация вручную');
    await diagnostics.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-diagnostics');
    await options.close();
    // The popup, opened over that tab, says what failed and what still works.
    await page.bringToFront();
    const tabId = await ext.evaluate(async () => (await chrome.tabs.query({ url: 'https://vk.com/wall-100_502*' }))[0]?.id);
    const report = await ext.evaluate(async (id) => (await chrome.storage.session.get(`health:${id}`))[`health:${id}`], tabId);
    expect(report).toMatchObject({ site: 'vk', ok: false });
    await page.close();
    // The popup over a tab with that report (the popup opened as a tab here is its own active tab).
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.evaluate(async (r) => {
      const tab = await chrome.tabs.getCurrent();
      await chrome.storage.session.set({ [`health:${tab.id}`]: r });
    }, report);
    await popup.reload();
    expect(await popup.getByTestId('health-banner').textContent()).toBe('VK изменил разметку: не найдено поле ответа — захват работает, публикация вручную');
    await screenshot(popup, 'popup-health');
    await popup.close();
  });

  it('shows an edit of a captured post on the message, keeping the captured text', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/wall-100_502');
    await page.evaluate(() => {
      document.querySelector('[data-post-id="-100_502"] [data-testid="showmoretext-in-expanded"]')!.textContent =
        'Пятый день нет горячей воды! Никто не отвечает.';
      // VK re-renders the edited post as a new node.
      const post = document.querySelector('[data-testid="post"]')!;
      post.replaceWith(post.cloneNode(true));
    });
    await expect
      .poll(async () => (await stored('vk:wall-100_502'))?.pageChanges.at(-1), { timeout: 10_000 })
      .toMatchObject({ kind: 'edited', text: 'Пятый день нет горячей воды! Никто не отвечает.' });
    const m = (await stored('vk:wall-100_502'))!;
    expect(m.text).toBe('Третий день нет горячей воды в домах по улице Садовой. Куда обращаться?');
    await page.close();
    // The message card shows the change beside the captured text.
    const panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 900 });
    await panel.getByRole('combobox', { name: 'Роль' }).selectOption('all');
    await panel.evaluate((id) => chrome.storage.session.set({ 'desk.selectedId': id }), m.id);
    const change = panel.getByTestId('page-change');
    await expect.poll(() => change.textContent()).toContain('После захвата пост изменён на странице');
    expect(await change.textContent()).toContain('Пятый день нет горячей воды! Никто не отвечает.');
    await screenshot(panel, 'desk-page-change');
    await panel.close();
  });

  it("notes that a captured post's own page no longer shows it", async () => {
    const feed = await session.context.newPage();
    await feed.goto('https://vk.com/club100');
    await feed.evaluate(() => (window as unknown as { addPost: (...a: string[]) => void }).addPost('777', 'Автор', 'Пост, который потом удалят'));
    await capture(feed, '[data-post-id="-100_777"] [data-aot="capture"] button', 'Прочее');
    await feed.close();
    // Its own page (served here without it, as VK shows a deleted post's page).
    const page = await session.context.newPage();
    await page.goto('https://vk.com/wall-100_777');
    await expect.poll(async () => (await stored('vk:wall-100_777'))?.pageChanges.at(-1)?.kind, { timeout: 15_000 }).toBe('deleted');
    expect((await stored('vk:wall-100_777'))!.text).toBe('Пост, который потом удалят');
    await page.close();
  });
});

describe('pages the adapters had not seen', () => {
  /** The keys of the capture buttons under a container, in page order. */
  const buttonKeys = (page: PwPage, within: string) =>
    page.locator(`${within} [data-aot="capture"]`).evaluateAll((hosts) => hosts.map((h) => (h as HTMLElement).dataset.aotKey));

  it('puts capture buttons on an OK topic opened in the layer over the feed (no permalink inside it) and on its comments with base64-like ids', async () => {
    const page = await session.context.newPage();
    await page.goto('https://ok.ru/group/300/topic/700005');
    const layer = '#hook_Block_PopLayerMediaTopic';
    await expect.poll(() => page.locator(`${layer} [data-aot="capture"] button`).count()).toBe(4);
    expect(await buttonKeys(page, layer)).toEqual([
      'ok:group/300/topic/700005',
      'ok:group/300/topic/700005_cAZfX2kq8Tq3vYw',
      'ok:group/300/topic/700005_cMf9.2Bq/Ld0w.3D.3D',
      'ok:group/300/topic/700005_cMf9-q_Ld0w',
    ]);
    await screenshot(page, 'ok-topic-layer-buttons');
    // The background stores the comment with its key and the id as OK wrote it in the link.
    await capture(page, '#hook_Block_CommentNewItem_b [data-aot="capture"] button', 'Дороги');
    expect(await stored('ok:group/300/topic/700005_cMf9.2Bq/Ld0w.3D.3D')).toMatchObject({
      kind: 'comment',
      url: 'https://ok.ru/group/300/topic/700005?commentId=Mf9%2Bq%2FLd0w%3D%3D',
      parentKey: 'ok:group/300/topic/700005',
      author: { name: 'Андрей Соколов' },
    });
    await page.close();
  });

  it('puts capture buttons on a VK post page whose post has no id in its markup and whose comments are flat', async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.ru/wall-100_800');
    await expect.poll(() => page.locator('[data-aot="capture"] button').count()).toBe(3);
    // The body's own reply (from its page, listed in the workspace) gets no button; the citizens' do.
    expect(await buttonKeys(page, 'body')).toEqual(['vk:wall-100_800', 'vk:wall-100_800_r901', 'vk:wall-100_800_r903']);
    expect(await page.locator('#comment-100_800_902 [data-aot="capture"]').count()).toBe(0);
    // Each comment's button is inside that comment, after its author's name.
    expect(await page.locator('#comment-100_800_903 [data-aot="capture"]').count()).toBe(1);
    await screenshot(page, 'vk-post-flat-buttons');
    await page.close();
  });
});
