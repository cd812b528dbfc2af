/**
 * A body's own page (issue 19) in Chromium: the page of a body in the directory but not in the
 * registry offers to be registered from the bar in one action; once registered, the bar says
 * «Официальная страница» with this week's publications against the act's norm, counting the
 * body's own posts the page shows (not a citizen's post under it, not last week's). A page that
 * is not the body's gets no bar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openExtensionPage, saveWorkspace, screenshot, type Session } from './harness.mjs';
import { seriousViolations } from './a11y.mjs';
import { starterWorkspace } from '../../lib/workflow/workspace';

let session: Session;
beforeAll(async () => {
  session = await launch();
  const workspace = starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator', 'executor'], bodies: ['minstroy'] });
  workspace.bodies = workspace.bodies.map((b) => (b.id === 'minstroy' ? { ...b, pages: ['https://vk.com/club300', 'https://ok.ru/group/400'] } : b));
  await saveWorkspace(session, workspace);
});
afterAll(async () => {
  await session?.context.close();
});

const bar = (page: import('playwright-core').Page) => page.locator('[data-aot="own-page"] .aot-ownbar');

describe("a body's own page", () => {
  it("offers registration from the bar, then counts this week's own posts against the norm", async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto('https://vk.com/club300');
    await expect.poll(() => bar(page).textContent()).toMatch(/не внесена в реестр официальных аккаунтов/);
    await screenshot(page, 'own-page-unregistered');
    await bar(page).getByRole('button', { name: 'Внести в реестр аккаунтов' }).click();
    await expect
      .poll(() => bar(page).textContent())
      .toMatch(
        /^Официальная страница: Министерство строительства.* · публикаций на этой неделе: 2 из 5 \(рекомендуется, Республика Саха \(Якутия\), прил\. 1 п\. 2\.2\)/,
      );
    await screenshot(page, 'own-page-registered');
    // Recorded once each: the two own posts of this week and last week's one, not the citizen's.
    const stored = await session.worker.evaluate(async () => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const open = indexedDB.open('answer-on-time');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const rows: Array<{ key: string }> = await new Promise((ok) => {
        const req = db.transaction('publications').objectStore('publications').getAll();
        req.onsuccess = () => ok(req.result);
      });
      const registry: { value?: { accounts: Array<{ url: string; body: string }> } } = await new Promise((ok) => {
        const req = db.transaction('settings').objectStore('settings').get('accounts.registry');
        req.onsuccess = () => ok(req.result);
      });
      db.close();
      return { keys: rows.map((r) => r.key).sort(), accounts: registry.value?.accounts.map((a) => `${a.body} ${a.url}`) };
    });
    expect(stored).toEqual({ keys: ['vk:wall-300_11', 'vk:wall-300_8', 'vk:wall-300_9'], accounts: ['minstroy https://vk.com/club300'] });
    // Seen again, nothing is counted twice.
    await page.reload();
    await expect.poll(() => bar(page).textContent()).toMatch(/публикаций на этой неделе: 2 из 5/);
    await page.close();
  });

  it("marks the comments the act allows to remove; a removal with the site's own control is logged, and the second by one author proposes blocking", async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto('https://vk.com/club300');
    const mark = (key: string) => page.locator(`[data-aot="moderation"][data-aot-key="${key}"] .aot-modmark`);
    await expect.poll(() => mark('vk:wall-300_11_r901').textContent()).toMatch(/^К удалению: оскорбление \(Республика Саха \(Якутия\), прил\. 1 п\. 2\.5\)/);
    await expect.poll(() => mark('vk:wall-300_9_r903').count()).toBe(1);
    // Ordinary criticism is not marked.
    expect(await page.locator('[data-aot="moderation"][data-aot-key="vk:wall-300_11_r902"]').count()).toBe(0);
    await screenshot(page, 'own-page-moderation');
    // The bar and the marks pass axe (their shadow roots are open in the tests).
    expect(await seriousViolations(page, '[data-aot="own-page"]')).toEqual([]);
    expect(await seriousViolations(page, '[data-aot="moderation"]')).toEqual([]);
    // The moderator removes with VK's own control; the extension never presses it.
    await page.locator('#comment-300_901 [data-fixture-delete]').click();
    const toast = page.locator('[data-aot="toast"] .aot-toast');
    await expect.poll(() => toast.textContent()).toMatch(/Удаление записано в журнал модерации \(нарушений автора: 1\)/);
    await page.locator('#comment-300_903 [data-fixture-delete]').click();
    await expect
      .poll(() => toast.textContent())
      .toMatch(/нарушений автора: 2\).*Можно предложить блокировку автора — решает руководитель или заместитель \(Жатай, п\. 4\.3\)/);
    await screenshot(page, 'own-page-block-proposal');
    const log = await session.worker.evaluate(async () => {
      const db: IDBDatabase = await new Promise((ok, fail) => {
        const open = indexedDB.open('answer-on-time');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(open.error);
      });
      const row: { value?: Array<{ kind: string; commentKey: string; ground: string; author: string }> } = await new Promise((ok) => {
        const req = db.transaction('settings').objectStore('settings').get('accounts.moderation');
        req.onsuccess = () => ok(req.result);
      });
      db.close();
      return row.value?.map((e) => `${e.kind} ${e.commentKey} ${e.ground} ${e.author}`);
    });
    expect(log).toEqual(['removed vk:wall-300_11_r901 insult https://vk.com/id901', 'removed vk:wall-300_9_r903 insult https://vk.com/id901']);
    await page.close();
    // The options with a registry and a moderation log (the block proposal open) pass axe too.
    const options = await openExtensionPage(session, 'options.html', { width: 1000, height: 900 });
    await options.getByTestId('moderation-log').waitFor();
    await options.getByTestId('accounts').waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.getByTestId('moderation-log').scrollIntoViewIfNeeded();
    await screenshot(options, 'options-moderation-log');
    await options.close();
  });

  it("on the body's OK group too: registered from the bar, the group's own posts counted, an insult marked", async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.goto('https://ok.ru/group/400');
    await expect.poll(() => bar(page).textContent()).toMatch(/не внесена в реестр/);
    await bar(page).getByRole('button', { name: 'Внести в реестр аккаунтов' }).click();
    await expect.poll(() => bar(page).textContent()).toMatch(/^Официальная страница: Министерство строительства.* · публикаций на этой неделе: 2 из 5/);
    const marks = page.locator('[data-aot="moderation"] .aot-modmark');
    await expect.poll(() => marks.count()).toBe(1);
    expect(await marks.first().textContent()).toMatch(/^К удалению: оскорбление/);
    await screenshot(page, 'own-page-ok');
    await page.close();
  });

  it("«Скрыть» hides a body's unregistered page's bar for good, until «Показать снова» in the options; the page registered, its account edited", async () => {
    const workspace = starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator', 'executor'], bodies: ['minstroy'] });
    workspace.bodies = workspace.bodies.map((b) =>
      b.id === 'minstroy' ? { ...b, pages: ['https://vk.com/club300', 'https://ok.ru/group/400', 'https://vk.com/club101'] } : b,
    );
    await saveWorkspace(session, workspace);
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto('https://vk.com/club101');
    await expect.poll(() => bar(page).textContent()).toMatch(/не внесена в реестр/);
    await bar(page).getByRole('button', { name: 'Скрыть', exact: true }).click();
    await expect.poll(() => page.locator('[data-aot="own-page"]').count()).toBe(0);
    await page.reload();
    await page.locator('[data-aot="capture"]').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    expect(await page.locator('[data-aot="own-page"]').count()).toBe(0);

    const options = await openExtensionPage(session, 'options.html', { width: 1000, height: 900 });
    const hidden = options.getByTestId('hidden-pages');
    await hidden.scrollIntoViewIfNeeded();
    await expect.poll(() => hidden.textContent()).toContain('https://vk.com/club101');
    await screenshot(options, 'options-hidden-pages');
    await hidden.getByRole('button', { name: 'Показать снова: https://vk.com/club101' }).click();
    await expect.poll(() => options.getByTestId('hidden-pages').count()).toBe(0);

    await page.reload();
    await expect.poll(() => bar(page).textContent()).toMatch(/не внесена в реестр/);
    await bar(page).getByRole('button', { name: 'Внести в реестр аккаунтов' }).click();
    await expect.poll(() => bar(page).textContent()).toMatch(/^Официальная страница/);
    await page.close();

    // The account edited in place: the same form, prefilled; the new name in the table.
    const registry = options.getByRole('region', { name: 'Официальные аккаунты' });
    const edit = registry.getByRole('button', { name: /^Изменить: / });
    await expect.poll(() => edit.count()).toBeGreaterThan(0);
    const rows = await edit.count();
    await edit.nth(rows - 1).click();
    const form = registry.getByRole('form', { name: /^Изменить аккаунт/ });
    await expect.poll(() => form.getByLabel('Адрес страницы').inputValue()).toBe('https://vk.com/club101');
    await form.getByLabel('Наименование').fill('Минстрой РС(Я) — официальная страница');
    await form.scrollIntoViewIfNeeded();
    await screenshot(options, 'options-account-edit');
    await form.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => registry.textContent()).toContain('Минстрой РС(Я) — официальная страница');
    await options.close();
  });

  it("in Khabarovsk, where bodies send weekly content plans, the bar says this week's plan", async () => {
    const workspace = starterWorkspace('khabarovsk', { id: 'me', name: 'Анна', roles: ['curator', 'executor'], bodies: [] });
    const first = workspace.bodies[0]!;
    workspace.bodies = workspace.bodies.map((b) => (b.id === first.id ? { ...b, pages: ['https://vk.com/club300'] } : b));
    await saveWorkspace(session, workspace);
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 700 });
    await page.goto('https://vk.com/club300');
    // Registered by an earlier test, or from the bar now.
    await expect.poll(() => bar(page).textContent()).toMatch(/не внесена в реестр|^Официальная страница/);
    if (/не внесена/.test((await bar(page).textContent()) ?? '')) await bar(page).getByRole('button', { name: 'Внести в реестр аккаунтов' }).click();
    await expect.poll(() => bar(page).textContent()).toMatch(/^Официальная страница: .* · контент-плана на эту неделю нет/);
    await screenshot(page, 'own-page-khabarovsk-plan');
    await page.close();
  });

  it("puts no bar on a page that is not the body's", async () => {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/club100');
    await page.locator('[data-aot="capture"]').first().waitFor({ state: 'attached' });
    expect(await page.locator('[data-aot="own-page"]').count()).toBe(0);
    await page.close();
  });
});
