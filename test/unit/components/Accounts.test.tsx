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
import { hiddenPages, hidePage, loadOwnPagesAct, loadRegistry, registerAccount, reportAccountChange } from '@/lib/db/accounts';
import { loadWorkspace, writeWorkspace } from '@/lib/db/messages';
import { toCsv } from '@/lib/reports/csv';
import { formatDateTime } from '@/components/format';
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

describe('options: changing an account', () => {
  it('opens the same form prefilled from «Изменить», saves a new name and address, and reminds of the change to report', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0 + 86_400_000);
    const user = userEvent.setup();
    const ws = await workspaceIn('khabarovsk');
    await registerAccount(
      getDb(),
      'khabarovsk',
      { id: 'a1', body: 'minstroy', url: 'https://vk.com/minstroy27', name: 'Минстрой края', administrators: ['Иванов И. И.'], statesOfficial: true },
      T0,
    );
    for (const what of ['registry', 'siteLinks'] as const) await reportAccountChange(getDb(), 'khabarovsk', 'a1', what, T0 + 1000);
    render(<Accounts workspace={ws} />);

    await user.click(await screen.findByRole('button', { name: 'Изменить: Минстрой края' }));
    const form = screen.getByRole('form', { name: 'Изменить аккаунт «Минстрой края»' });
    expect(screen.queryByTestId('account-form')).toBeNull();
    expect(within(form).getByLabelText('Орган')).toHaveProperty('value', 'minstroy');
    expect(within(form).getByLabelText('Орган')).toHaveProperty('disabled', true);
    expect(within(form).getByLabelText('Адрес страницы')).toHaveProperty('value', 'https://vk.com/minstroy27');
    expect(document.activeElement).toBe(within(form).getByLabelText('Адрес страницы'));
    expect(within(form).getByLabelText('Наименование')).toHaveProperty('value', 'Минстрой края');
    expect(within(form).getByLabelText(/^Администраторы/)).toHaveProperty('value', 'Иванов И. И.');
    expect(within(form).getByLabelText('Страница сообщает, что она официальная')).toHaveProperty('checked', true);
    expect(screen.queryByTestId('account-reminders')).toBeNull();

    await user.clear(within(form).getByLabelText('Адрес страницы'));
    await user.type(within(form).getByLabelText('Адрес страницы'), 'https://m.vk.com/MinStroy_KHV/');
    await user.clear(within(form).getByLabelText('Наименование'));
    await user.type(within(form).getByLabelText('Наименование'), 'Минстрой Хабаровского края');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));

    expect((await screen.findByRole('status')).textContent).toBe('Аккаунт «Минстрой Хабаровского края» изменён');
    await waitFor(() => expect(screen.queryByTestId('account-edit-form')).toBeNull());
    expect(screen.getByTestId('account-form')).toBeTruthy();
    const row = await screen.findByTestId('account-row');
    await waitFor(() => expect(within(row).getByRole('link').textContent).toBe('https://vk.com/minstroy_khv'));
    expect(within(row).getAllByRole('cell')[2]!.textContent).toBe('Минстрой Хабаровского края');
    // «Добавлен» stays, «Изменён» is the day of the change.
    const [addedCell, changedCell] = within(row).getAllByRole('cell').slice(5, 7);
    expect(addedCell!.textContent).toBe(formatDateTime(T0, 'Asia/Vladivostok'));
    expect(changedCell!.textContent).toBe(formatDateTime(T0 + 86_400_000, 'Asia/Vladivostok'));
    // A new name or address is a change to report within 5 working days (п. 3.2, 3.3), as a creation is.
    const items = within(await screen.findByTestId('account-reminders')).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(
        /^Министерство строительства края: Минстрой Хабаровского края \(ВКонтакте\) — изменён .*сообщить в реестр до .*\(Хабаровский край, п\. 3\.2\)$/,
      ),
      expect.stringMatching(/обновить ссылки на сайте органа до .*\(Хабаровский край, п\. 3\.3\)$/),
    ]);
    const stored = (await loadRegistry(getDb(), 'khabarovsk')).accounts[0]!;
    expect(stored).toMatchObject({ url: 'https://vk.com/minstroy_khv', name: 'Минстрой Хабаровского края', addedAt: T0, changedAt: T0 + 86_400_000 });
    expect((await loadWorkspace(getDb())).bodies.find((b) => b.id === 'minstroy')?.pages).toContain('https://vk.com/minstroy_khv');
  });

  it('says a refusal with its clause and keeps the form open; «Отмена» closes it unchanged', async () => {
    const user = userEvent.setup();
    const ws = await workspaceIn('khabarovsk');
    await registerAccount(getDb(), 'khabarovsk', { id: 'a1', body: 'minstroy', url: 'https://vk.com/minstroy27', name: 'Минстрой ВК' }, T0);
    await registerAccount(getDb(), 'khabarovsk', { id: 'a2', body: 'minstroy', url: 'https://ok.ru/group/777', name: 'Минстрой ОК' }, T0);
    render(<Accounts workspace={ws} />);

    await user.click(await screen.findByRole('button', { name: 'Изменить: Минстрой ОК' }));
    const form = screen.getByTestId('account-edit-form');
    await user.clear(within(form).getByLabelText('Адрес страницы'));
    await user.type(within(form).getByLabelText('Адрес страницы'), 'vk.com/minstroy_more');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'У органа уже есть аккаунт в этой сети (https://vk.com/minstroy27): не более одного на сеть (Хабаровский край, п. 3.1)',
    );
    expect(screen.getByTestId('account-edit-form')).toBeTruthy();
    await user.clear(within(form).getByLabelText('Адрес страницы'));
    await user.type(within(form).getByLabelText('Адрес страницы'), 'https://vk.com/wall-1_2');
    await user.click(within(form).getByRole('button', { name: 'Сохранить' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^Это ссылка на запись, а не на страницу/));

    await user.click(within(form).getByRole('button', { name: 'Отмена' }));
    expect(screen.queryByTestId('account-edit-form')).toBeNull();
    expect((await loadRegistry(getDb(), 'khabarovsk')).accounts.map((a) => [a.url, a.changedAt])).toEqual([
      ['https://vk.com/minstroy27', T0],
      ['https://ok.ru/group/777', T0],
    ]);
  });
});

describe("options: the Government's accounts (Khabarovsk п. 2.1, п. 5 абз. 1)", () => {
  it('asks whose account it is only under Khabarovsk, marks it in the table and the export, and shows both norms', async () => {
    const user = userEvent.setup();
    const ws = await workspaceIn('khabarovsk');
    render(<Accounts workspace={ws} />);
    await screen.findByText('В реестре пока нет аккаунтов.');
    expect((await screen.findByTestId('account-norm-current')).textContent).toBe(
      'Аккаунты органов: По акту: не менее 5 в неделю, рекомендуется (Хабаровский край, п. 5 абз. 2)',
    );
    expect(screen.getByTestId('account-norm-government').textContent).toBe(
      'Аккаунт Правительства края: По акту: не менее 10 в неделю, рекомендуется (Хабаровский край, п. 5 абз. 1)',
    );
    const form = screen.getByTestId('account-form');
    await user.click(within(form).getByLabelText('Аккаунт Правительства края (ведёт Комитет)'));
    await add(user, { body: 'Комитет по труду и занятости населения края', url: 'https://vk.com/khabkrai', name: 'Правительство края' });
    await screen.findByRole('status');
    const row = await screen.findByTestId('account-row');
    expect(within(row).getAllByRole('cell')[2]!.textContent).toBe('Правительство края (аккаунт Правительства края)');
    const stored = await loadRegistry(getDb(), 'khabarovsk');
    expect(stored.accounts[0]).toMatchObject({ kind: 'government', body: 'mintrud' });
    expect(registryTable(stored, ws).rows[0]![0]).toBe('Правительство края (ведёт: Комитет по труду и занятости населения края)');
    // The form is back to a body's account for the next one.
    expect(within(form).getByLabelText('Аккаунт Правительства края (ведёт Комитет)')).toHaveProperty('checked', false);
    // The Government's account owes no report within 5 working days (п. 3.2–3.3 oblige the bodies).
    expect(screen.queryByTestId('account-reminders')).toBeNull();
  });

  it('does not ask in Yakutia, where the act does not tell them apart', async () => {
    const ws = await workspaceIn('yakutia');
    render(<Accounts workspace={ws} />);
    await screen.findByText('В реестре пока нет аккаунтов.');
    expect(screen.queryByLabelText('Аккаунт Правительства края (ведёт Комитет)')).toBeNull();
    expect(screen.queryByTestId('account-norm-government')).toBeNull();
  });
});

describe('options: the act of the own pages', () => {
  it('lets a Yakutia workspace follow the Положение ГО «Жатай»: stored, and the norm is then none unless set', async () => {
    const user = userEvent.setup();
    const ws = await workspaceIn('yakutia');
    render(<Accounts workspace={ws} />);
    const select = await screen.findByLabelText('Акт, по которому ведутся официальные аккаунты');
    expect([...(select as HTMLSelectElement).options].map((o) => [o.value, o.textContent])).toEqual([
      ['yakutia', 'Республика Саха (Якутия) — акт региона'],
      ['zhatay', 'Положение ГО «Жатай»'],
    ]);
    expect(select).toHaveProperty('value', 'yakutia');
    expect((await screen.findByTestId('account-norm-current')).textContent).toMatch(/^По акту: не менее 5 в неделю/);
    await user.selectOptions(select, 'zhatay');
    expect((await screen.findByRole('status')).textContent).toBe('Официальные аккаунты ведутся по акту: Положение ГО «Жатай»');
    expect(await loadOwnPagesAct(getDb(), 'yakutia')).toBe('zhatay');
    await waitFor(() => expect(screen.getByTestId('account-norm-current').textContent).toBe('Акт не устанавливает норму публикаций; её можно задать здесь.'));
    expect(screen.getByLabelText('Акт, по которому ведутся официальные аккаунты')).toHaveProperty('value', 'zhatay');
  });

  it('offers no choice where the region has one act', async () => {
    const ws = await workspaceIn('khabarovsk');
    render(<Accounts workspace={ws} />);
    await screen.findByText('В реестре пока нет аккаунтов.');
    expect(screen.queryByTestId('account-act')).toBeNull();
  });
});

describe('options: hidden pages', () => {
  it('lists the pages whose unregistered bar was hidden, and shows one again', async () => {
    const user = userEvent.setup();
    const ws = await workspaceIn('yakutia');
    await hidePage(getDb(), 'https://vk.com/club300', T0);
    await hidePage(getDb(), 'https://ok.ru/group/400', T0);
    render(<Accounts workspace={ws} />);
    const list = await screen.findByRole('group', { name: 'Скрытые страницы' });
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['https://vk.com/club300', 'https://ok.ru/group/400']);
    await user.click(within(list).getByRole('button', { name: 'Показать снова: https://vk.com/club300' }));
    expect((await screen.findByRole('status')).textContent).toBe('Панель снова показывается на странице https://vk.com/club300');
    await waitFor(() => expect(within(screen.getByTestId('hidden-pages')).getAllByRole('link')).toHaveLength(1));
    expect((await hiddenPages(getDb())).map((h) => h.url)).toEqual(['https://ok.ru/group/400']);
    await user.click(screen.getByRole('button', { name: 'Показать снова: https://ok.ru/group/400' }));
    await waitFor(() => expect(screen.queryByTestId('hidden-pages')).toBeNull());
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
