// @ts-check
/**
 * `npm run demo`: builds the extension and opens Chromium with it on the bundled sample VK and
 * OK pages (served as https://vk.com/club100 and https://ok.ru/group/300), so anyone can try
 * the flow without a VK or OK account.
 * - With a display: a real window; capture posts yourself, open the popup from the toolbar.
 * - Without one (or with --headless): plays the flow and writes screenshots to test-output/demo/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, captureWithForm, launch, onboard, openExtensionPage, ROOT, screenshot } from './e2e/harness.mjs';

const OUT = join(ROOT, 'test-output/demo');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

if (!existsSync(CHROMIUM)) {
  console.error(`Chromium not found at ${CHROMIUM}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  process.exit(1);
}
if (!process.argv.includes('--no-build')) {
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

const session = await launch(undefined, { headless });

// First run: the options page onboards (region, role, starter directories). The extension opens
// it by itself on install; headless, the demo fills it in.
const options = headless ? await openExtensionPage(session, 'options.html', { width: 1000, height: 800 }) : null;
if (options) await onboard(options, { region: 'Республика Саха (Якутия)', name: 'Анна', body: 'Министерство ЖКХ и энергетики РС(Я)' });
const vk = await session.context.newPage();
await vk.goto('https://vk.com/club100');

if (!headless) {
  for (const url of ['https://vk.com/wall-100_502', 'https://ok.ru/group/300', 'https://ok.ru/group/300/topic/700001']) {
    const tab = await session.context.newPage();
    await tab.goto(url);
  }
  await openExtensionPage(session, 'popup.html');
  await vk.bringToFront();
  console.log(`
Демо запущено. Вкладки: настройки (первый запуск: выберите регион и роль), лента ВКонтакте, пост с
комментариями, лента и тема Одноклассников, список сообщений (popup). Нажмите «Взять в работу» у поста
или комментария, заполните форму и сохраните; начните писать ответ в поле комментария — появится
проверка; рабочий стол — sidepanel.html («Опубликовать ответ» вставит согласованный текст в поле
ответа на странице). Примеры страниц публикуют ответ от имени https://vk.com/club100 и https://ok.ru/group/300:
впишите их в настройках как страницы органа — тогда отправленный ответ отметится сам, иначе карточка
попросит подтвердить его. Закройте окно, чтобы выйти.
Demo running: options (first run), a VK feed, a VK post with comments, an OK feed and topic, and the
popup page. The sample pages reply as https://vk.com/club100 and https://ok.ru/group/300: list them in the
options as the body's pages and a sent reply is recorded by itself; otherwise the card asks you to confirm it.
Close the window to quit.`);
  await new Promise((done) => session.context.on('close', done));
  process.exit(0);
}

const shots = [];
await vk.locator('[data-aot="capture"] button').first().waitFor();
shots.push(await screenshot(vk, '1-vk-wall-buttons', OUT));
let dialog = await captureWithForm(vk, 0, {
  topic: 'Вывоз мусора',
  location: 'ул. Лесная, 12',
  importance: 'high',
  executor: 'Министерство ЖКХ и энергетики РС(Я)',
});
shots.push(await screenshot(vk, '2-vk-capture-form', OUT));
await dialog.getByRole('button', { name: 'Сохранить' }).click();
await dialog.getByRole('status').waitFor();
shots.push(await screenshot(vk, '3-vk-capture-saved', OUT));
await dialog.getByRole('button', { name: 'Закрыть' }).first().click();
dialog = await captureWithForm(vk, 1, { topic: 'Горячая вода', location: 'ул. Садовая', executor: 'Министерство ЖКХ и энергетики РС(Я)' });
await dialog.getByRole('button', { name: 'Сохранить' }).click();
await dialog.getByRole('status').waitFor();

const ok = await session.context.newPage();
await ok.goto('https://ok.ru/group/300');
dialog = await captureWithForm(ok, 0, { topic: 'Уличное освещение', location: 'ул. Мира, 5', executor: 'Министерство ЖКХ и энергетики РС(Я)' });
shots.push(await screenshot(ok, '4-ok-capture-form', OUT));
await dialog.getByRole('button', { name: 'Сохранить' }).click();
await dialog.getByRole('status').waitFor();

const popup = await openExtensionPage(session, 'popup.html');
await popup.getByTestId('message-row').nth(2).waitFor();
shots.push(await screenshot(popup, '5-popup', OUT));
const panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 800 });
await panel.getByRole('combobox', { name: 'Роль' }).selectOption('executor');
await panel.getByTestId('message-row').first().waitFor();
await panel.getByRole('button', { name: 'Открыть карточку' }).first().click();
await panel.getByLabel('Текст ответа').fill('В настоящее время вопрос прорабатывается.');
shots.push(await screenshot(panel, '6-sidepanel', OUT));
if (options) shots.push(await screenshot(options, '7-options', OUT));
// The answer checker in VK's own reply box, under a post with comment threads.
const post = await session.context.newPage();
await post.goto('https://vk.com/wall-100_502');
await post.locator('[data-aot="capture"] button').first().waitFor();
await post.locator('[data-testid="content-editable-input"]').click();
await post.keyboard.type('В настоящее время проводится работа по данному вопросу.');
await post.locator('[data-aot="checker"]').waitFor({ state: 'attached' });
await post.waitForTimeout(800);
shots.push(await screenshot(post, '8-vk-reply-checker', OUT));
await session.context.close();
console.log(`No display: played the demo headless. Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
