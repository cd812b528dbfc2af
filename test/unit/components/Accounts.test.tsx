/**
 * The options page's «Официальные аккаунты»: adding an account to the registry (and to the body's
 * own pages), the refusals said with their clause or reason, removal asked for first, reminders
 * of unreported changes, and the registry's export rows.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Accounts } from '@/components/options/Accounts';
import { registryTable } from '@/components/options/accounts-view';
import { addAccount, type Registry } from '@/lib/accounts';
import { getDb } from '@/lib/db';
import { loadRegistry, registerAccount } from '@/lib/db/accounts';
import { loadWorkspace, writeWorkspace } from '@/lib/db/messages';
import { toCsv } from '@/lib/reports/csv';
import { starterWorkspace, type Workspace } from '@/lib/workflow/workspace';
import type { Region } from '@/lib/worktime';

const T0 = Date.parse('2026-11-24T10:00:00+10:00'); // a Tuesday in Khabarovsk

async function workspaceIn(region: Region): Promise<Workspace> {
  const ws = starterWorkspace(region, { id: 'anna', roles: ['curator'] });
  await writeWorkspace(getDb(), ws, T0);
  return ws;
}

async function add(user: ReturnType<typeof userEvent.setup>, fields: { body: string; url: string; name: string; administrators?: string; official?: boolean }) {
  const form = screen.getByTestId('account-form');
  await user.selectOptions(within(form).getByLabelText('Орган'), fields.body);
  await user.clear(within(form).getByLabelText('Адрес страницы'));
  await user.type(within(form).getByLabelText('Адрес страницы'), fields.url);
  await user.clear(within(form).getByLabelText('Наименование'));
  await user.type(within(form).getByLabelText('Наименование'), fields.name);
  if (fields.administrators) await user.type(within(form).getByLabelText(/^Администраторы/), fields.administrators);
  if (fields.official) await user.click(within(form).getByLabelText('Страница сообщает, что она официальная'));
  await user.click(within(form).getByRole('button', { name: 'Добавить' }));
}

beforeEach(async () => {
  await getDb().settings.clear();
});
afterEach(() => vi.useRealTimers());

describe('options: official accounts', () => {
  it('adds an account: shown in the table under its body, and its address among the body’s pages', async () => {
    const user = userEvent.setup();
    const ws = await workspaceIn('khabarovsk');
    render(<Accounts workspace={ws} />);
    await screen.findByText('В реестре пока нет аккаунтов.');
    await add(user, {
      body: 'Министерство строительства края',
      url: 'https://m.vk.com/MinStroy27/',
      name: 'Минстрой края',
      administrators: 'Иванов И. И.,\nПетрова П. П.',
      official: true,
    });

    expect((await screen.findByRole('status')).textContent).toBe('Аккаунт «Минстрой края» добавлен в реестр');
    const table = await screen.findByRole('table', { name: 'Реестр официальных аккаунтов по органам' });
    expect(within(table).getByRole('rowheader', { name: 'Министерство строительства края' })).toBeTruthy();
    const link = within(table).getByRole('link', { name: 'https://vk.com/minstroy27' });
    expect(link.getAttribute('href')).toBe('https://vk.com/minstroy27');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
    const row = within(table).getByTestId('account-row');
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(0, 5)).toEqual(['ВКонтакте', 'https://vk.com/minstroy27', 'Минстрой края', 'Иванов И. И., Петрова П. П.', 'да']);

    const stored = await loadWorkspace(getDb());
    expect(stored.bodies.find((b) => b.id === 'minstroy')?.pages).toContain('https://vk.com/minstroy27');
    expect((await loadRegistry(getDb(), 'khabarovsk')).accounts).toMatchObject([{ body: 'minstroy', url: 'https://vk.com/minstroy27', statesOfficial: true }]);
  });

  it('refuses a second VK account of a body in Khabarovsk, with the clause', async () => {
    const user = userEvent.setup();
    const ws = await workspaceIn('khabarovsk');
    render(<Accounts workspace={ws} />);
    await screen.findByText('В реестре пока нет аккаунтов.');
    await add(user, { body: 'Министерство строительства края', url: 'vk.com/minstroy27', name: 'Минстрой края' });
    await screen.findByRole('status');
    await add(user, { body: 'Министерство строительства края', url: 'https://vk.com/club123', name: 'Минстрой, второй' });

    expect((await screen.findByRole('alert')).textContent).toBe(
      'У органа уже есть аккаунт в этой сети (https://vk.com/minstroy27): не более одного на сеть (Хабаровский край, п. 3.1)',
    );
    expect(screen.getAllByTestId('account-row')).toHaveLength(1);
    expect((await loadRegistry(getDb(), 'khabarovsk')).accounts.map((a) => a.url)).toEqual(['https://vk.com/minstroy27']);
    // Another body may have its own VK account.
    await add(user, { body: 'Министерство ЖКХ края', url: 'https://vk.com/club123', name: 'Минжкх края' });
    await waitFor(() => expect(screen.getAllByTestId('account-row')).toHaveLength(2));
  });

  it('refuses a link to a post with its reason, and stores nothing', async () => {
    const user = userEvent.setup();
    const ws = await workspaceIn('yakutia');
    render(<Accounts workspace={ws} />);
    await screen.findByText('В реестре пока нет аккаунтов.');
    await add(user, { body: 'Министерство строительства РС(Я)', url: 'https://vk.com/wall-1_2', name: 'Минстрой' });

    expect((await screen.findByRole('alert')).textContent).toMatch(/^Это ссылка на запись, а не на страницу: https:\/\/vk\.com\//);
    expect(screen.queryByTestId('account-row')).toBeNull();
    expect((await loadRegistry(getDb(), 'yakutia')).accounts).toEqual([]);
    expect((await loadWorkspace(getDb())).bodies.find((b) => b.id === 'minstroy')?.pages).toEqual([]);
  });

  it('asks before removing an account, and removes it only when confirmed', async () => {
    const user = userEvent.setup();
    const ws = await workspaceIn('yakutia');
    await registerAccount(getDb(), 'yakutia', { id: 'a1', body: 'minstroy', url: 'https://vk.com/minstroy14', name: 'Минстрой РС(Я)' }, T0);
    render(<Accounts workspace={ws} />);

    await user.click(await screen.findByRole('button', { name: 'Удалить: Минстрой РС(Я)' }));
    expect(screen.getByRole('group', { name: 'Удалить аккаунт «Минстрой РС(Я)» из реестра?' })).toBeTruthy();
    expect((await loadRegistry(getDb(), 'yakutia')).accounts[0]?.removedAt).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Отмена' }));
    expect(screen.getAllByTestId('account-row')).toHaveLength(1);
    expect((await loadRegistry(getDb(), 'yakutia')).accounts[0]?.removedAt).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Удалить: Минстрой РС(Я)' }));
    await user.click(screen.getByRole('button', { name: 'Да, удалить' }));
    expect((await screen.findByRole('status')).textContent).toBe('Аккаунт «Минстрой РС(Я)» удалён из реестра');
    await waitFor(() => expect(screen.queryByTestId('account-row')).toBeNull());
    expect((await loadRegistry(getDb(), 'yakutia')).accounts[0]?.removedAt).toEqual(expect.any(Number));
  });

  it('reminds of changes not reported within 5 working days, overdue ones marked, and takes the marks', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-12-03T10:00:00+10:00')); // Thursday: Tuesday 24 Nov + 5 working days is Tuesday 1 Dec
    const user = userEvent.setup();
    const ws = await workspaceIn('khabarovsk');
    await registerAccount(getDb(), 'khabarovsk', { id: 'a1', body: 'minstroy', url: 'https://vk.com/minstroy27', name: 'Минстрой края' }, T0);
    render(<Accounts workspace={ws} />);

    const reminders = await screen.findByTestId('account-reminders');
    const items = within(reminders).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('Просрочено.');
    expect(items[0]!.textContent).toContain('сообщить в реестр до');
    expect(items[0]!.textContent).toContain('(Хабаровский край, п. 3.2)');
    expect(items[1]!.textContent).toContain('(Хабаровский край, п. 3.3)');
    expect(items[0]!.className).toBe('aot-countdown--overdue');

    await user.click(screen.getByRole('button', { name: 'Изменение сообщено: Минстрой края' }));
    await waitFor(() => expect(within(screen.getByTestId('account-reminders')).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: 'Изменение сообщено: Минстрой края' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Ссылки на сайте обновлены: Минстрой края' }));
    await waitFor(() => expect(screen.queryByTestId('account-reminders')).toBeNull());
  });

  it('has no report marks where the act sets no reporting term', async () => {
    const ws = await workspaceIn('saratov');
    await registerAccount(getDb(), 'saratov', { id: 'a1', body: 'minstroy', url: 'https://ok.ru/group/5555', name: 'Минстрой области' }, T0);
    render(<Accounts workspace={ws} />);
    await screen.findByTestId('account-row');
    expect(screen.queryByTestId('account-reminders')).toBeNull();
    expect(screen.queryByRole('button', { name: /Изменение сообщено|Ссылки на сайте обновлены/ })).toBeNull();
  });
});

describe('the registry export', () => {
  it('has Russian headers and a row per active account, in the CSV', () => {
    const ws = starterWorkspace('khabarovsk');
    let registry: Registry = { act: 'khabarovsk', accounts: [] };
    const added = (r: Registry, input: Parameters<typeof addAccount>[1], at: number) => {
      const result = addAccount(r, input, at);
      if (!result.ok) throw new Error(result.error.reason);
      return result.value;
    };
    registry = added(
      registry,
      { id: 'a1', body: 'minstroy', url: 'vk.com/minstroy27', name: 'Минстрой; края', administrators: ['Иванов И. И.', 'Петрова П. П.'], statesOfficial: true },
      T0,
    );
    registry = added(registry, { id: 'a2', body: 'minzhkh', url: 'https://ok.ru/group/777', name: 'Минжкх' }, T0);
    registry = { ...registry, accounts: registry.accounts.map((a) => (a.id === 'a2' ? { ...a, removedAt: T0 + 1 } : a)) };

    const table = registryTable(registry, ws);
    expect(table.rows).toHaveLength(1);
    const csv = toCsv(table, 'Asia/Vladivostok');
    const [header, row, end] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('Орган;Соцсеть;Адрес;Наименование;Администраторы;Страница сообщает, что она официальная;Добавлен;Изменён');
    expect(row).toBe(
      'Министерство строительства края;ВКонтакте;https://vk.com/minstroy27;"Минстрой; края";Иванов И. И., Петрова П. П.;да;24.11.2026;24.11.2026',
    );
    expect(end).toBe('');
  });
});
