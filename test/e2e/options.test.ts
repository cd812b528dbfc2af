/** The options page: first-run onboarding, the workspace editor, backups. */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './a11y.mjs';
import { launch, onboard, openExtensionPage, saveWorkspace, screenshot, type Session } from './harness.mjs';
import { starterWorkspace } from '../../lib/workflow/workspace';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.context.close();
});

describe('options', () => {
  it('onboards: region and role pick the starter directory; then the editor saves changes', async () => {
    const page = await openExtensionPage(session, 'options.html', { width: 1000, height: 900 });
    await page.getByRole('heading', { name: 'Добро пожаловать' }).waitFor();
    await screenshot(page, 'options-onboarding');
    await onboard(page, { region: 'Саратовская область', name: 'Пётр', body: 'Министерство здравоохранения области' });
    expect(await page.getByText('Постановление Губернатора Саратовской области от 24.03.2020 № 92').count()).toBe(1);
    expect(await page.getByText(/Срок ответа \(публикация\): 540 мин \(п\. 9\)/).count()).toBe(1);
    expect(await page.getByLabel('Населённые пункты').inputValue()).toContain('Энгельс');
    expect(await page.getByText(/часовой пояс Europe\/Saratov/).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(/Напоминать до срока/).fill('45');
    // An executor of the first body, away, covered by a colleague.
    await page.getByRole('button', { name: 'Добавить исполнителя' }).click();
    await page.getByRole('button', { name: 'Добавить исполнителя' }).click();
    const names = page.getByRole('textbox', { name: 'Исполнитель' });
    await names.nth(0).fill('Иванова Е. П.');
    await names.nth(1).fill('Кузнецов А. В.');
    await page.getByRole('checkbox', { name: 'Иванова Е. П. отсутствует' }).check();
    await page.getByRole('combobox', { name: 'Кто замещает: Иванова Е. П.' }).selectOption({ label: 'Кузнецов А. В.' });
    await page.getByRole('group', { name: 'Исполнители и замещающие' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'options-executors');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByRole('status').filter({ hasText: 'Сохранено' }).waitFor();
    await page.reload();
    expect(await page.getByLabel(/Напоминать до срока/).inputValue()).toBe('45');
    expect(await page.getByLabel('Ваше имя').inputValue()).toBe('Пётр');
    expect(await page.getByRole('checkbox', { name: 'Иванова Е. П. отсутствует' }).isChecked()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Кто замещает: Иванова Е. П.' }).locator('option:checked').textContent()).toBe('Кузнецов А. В.');
    await screenshot(page, 'options-editor');
  });

  it('changes the region later, asking twice; who I am stays', async () => {
    // Its own start, whatever ran before: a Saratov workspace of Пётр.
    await saveWorkspace(session, starterWorkspace('saratov', { id: 'me', name: 'Пётр', roles: ['executor'], bodies: ['minzdrav'] }));
    const page = await openExtensionPage(session, 'options.html', { width: 1000, height: 900 });
    await page.getByText('Постановление Губернатора Саратовской области от 24.03.2020 № 92').waitFor();
    await page.getByRole('combobox', { name: /^Регион/ }).selectOption({ label: 'Республика Саха (Якутия)' });
    await page.getByRole('button', { name: 'Сменить регион' }).click();
    await page.getByRole('alert').filter({ hasText: 'Сообщения и ваше имя останутся' }).waitFor();
    await screenshot(page, 'options-region-change');
    await page.getByRole('button', { name: 'Да, сменить регион' }).click();
    await page.getByText('Указ Главы РС(Я) от 23.04.2020 № 1131, прил. 2').waitFor();
    expect(await page.getByLabel('Ваше имя').inputValue()).toBe('Пётр');
  });

  it("makes a hand-over file for a body, and refuses another region's file, changing nothing", async () => {
    await saveWorkspace(session, starterWorkspace('yakutia', { id: 'me', name: 'Пётр', roles: ['curator'] }));
    const page = await openExtensionPage(session, 'options.html', { width: 1000, height: 900 });
    await page.getByRole('heading', { name: 'Резервная копия' }).waitFor();
    await page.getByRole('combobox', { name: /Файл передачи для органа/ }).selectOption('minstroy');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Скачать файл передачи' }).click()]);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8')) as { kind: string; body: string; region: string };
    expect(file).toMatchObject({ kind: 'handover', body: 'minstroy', region: 'yakutia' });
    const foreign = JSON.stringify({ ...file, kind: 'full', region: 'saratov', body: undefined });
    await page.locator('input[type=file]').setInputFiles({ name: 'saratov.json', mimeType: 'application/json', buffer: Buffer.from(foreign) });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Файл другого региона (Саратовская область)');
    await screenshot(page, 'options-foreign-region');
  });

  it('rejects a broken backup file with a clear message', async () => {
    const page = await openExtensionPage(session, 'options.html', { width: 1000, height: 900 });
    await page.getByRole('heading', { name: 'Резервная копия' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from('{"hello":1}') });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Это не файл «Ответа в срок»');
  });
});
