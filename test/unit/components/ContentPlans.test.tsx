/**
 * The options page's «Контент-планы» (Khabarovsk п. 5–7): a body's weekly plan made, sent,
 * returned with recommendations, corrected, sent again and approved; the due time of next week's
 * plan moved by the May holidays; weeks without a plan noticed; nothing outside Khabarovsk.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentPlans } from '@/components/options/ContentPlans';
import { getDb } from '@/lib/db';
import { writeWorkspace } from '@/lib/db/messages';
import { createPlan, planOf } from '@/lib/db/plans';
import { registerAccount } from '@/lib/db/accounts';
import { starterWorkspace, type Workspace } from '@/lib/workflow/workspace';
import type { Actor } from '@/lib/model/workflow';
import type { Region } from '@/lib/worktime';

// Monday 27 April 2026, 10:00 in Khabarovsk. Next week's plan (4 May) is due on Wednesday
// 29 April at 17:00: 1 May is a holiday, so 30 April is the week's last working day.
const NOW = Date.parse('2026-04-27T10:00:00+10:00');
const NEXT = '2026-05-04';

async function workspaceIn(region: Region, user: Partial<Actor> = { id: 'anna', roles: ['curator', 'executor'] }): Promise<Workspace> {
  const ws = starterWorkspace(region, user);
  await writeWorkspace(getDb(), ws, NOW);
  return ws;
}

async function addItem(user: ReturnType<typeof userEvent.setup>, date: string, topic: string, format: string) {
  const form = screen.getByTestId('plan-item-form');
  await user.selectOptions(within(form).getByLabelText('Дата публикации'), date);
  await user.type(within(form).getByLabelText('Тема'), topic);
  await user.selectOptions(within(form).getByLabelText('Формат'), format);
  await user.click(within(form).getByRole('button', { name: 'Добавить в план' }));
  await screen.findByText(`Публикация «${topic}» добавлена в план`);
}

const state = () => screen.getByTestId('plan-state').textContent;
const deadline = (kind: string) => screen.getByTestId('plan-deadlines').querySelector(`[data-kind="${kind}"]`) as HTMLElement | null;

beforeEach(async () => {
  await getDb().settings.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('options: content plans', () => {
  it('makes next week’s plan, sends it, takes it back with the curator’s recommendations, resends and approves it', async () => {
    const user = userEvent.setup();
    const ws = await workspaceIn('khabarovsk');
    render(<ContentPlans workspace={ws} />);

    const section = await screen.findByRole('region', { name: 'Контент-планы' });
    // options.html#plans (a plan's notification) opens here.
    expect(section.id).toBe('plans');
    expect(within(section).getByLabelText('Орган')).toHaveProperty('value', 'minstroy');
    await user.selectOptions(screen.getByLabelText('Неделя'), NEXT);
    await screen.findByText('Плана на неделю 04.05.2026 – 10.05.2026 нет.');
    // п. 6: the penultimate working day of this week (Wednesday 29 April: 1 May is a holiday), 17:00.
    const due = deadline('planDue')!;
    expect(due.textContent).toMatch(/^Направить план: до ср, 29 апр\., 17:00( \(UTC\+10\))? \(Хабаровский край, п\. 6\) — осталось 2 дня 7 часов$/);
    expect(due.className).toBe('');

    await user.click(screen.getByRole('button', { name: 'Составить план' }));
    await screen.findByText('План составлен: добавьте публикации');
    expect(screen.getByText('В плане пока нет публикаций.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Отправить на согласование' })).toHaveProperty('disabled', true);
    await addItem(user, '2026-05-04', 'Ремонт дорог', 'photo');
    await addItem(user, '2026-05-06', 'Приём граждан', 'text');

    const table = screen.getByRole('table', { name: 'План публикаций: Министерство строительства края, 04.05.2026 – 10.05.2026' });
    const rows = within(table).getAllByTestId('plan-item');
    expect(rows.map((r) => [...r.children].map((c) => c.textContent))).toEqual([
      ['пн, 04.05', 'Ремонт дорог', 'фото', 'запланировано', 'Убрать'],
      ['ср, 06.05', 'Приём граждан', 'текст', 'запланировано', 'Убрать'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'Ремонт дорог' })).toBeTruthy();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.getAttribute('scope')),
    ).toEqual(['col', 'col', 'col', 'col', 'col']);

    await user.click(screen.getByRole('button', { name: 'Отправить на согласование' }));
    await screen.findByText('План отправлен на согласование');
    expect(state()).toMatch(/^Статус плана: на согласовании\. Направлен пн, 27 апр\., 10:00/);
    expect(screen.queryByTestId('plan-item-form')).toBeNull();
    expect(deadline('planDue')!.textContent).toContain('— выполнено пн, 27 апр., 10:00');
    // п. 7 абз. 1: the curator answers by the end of the next working day.
    expect(deadline('planReview')!.textContent).toMatch(/^Согласовать или вернуть план: до вт, 28 апр\., 18:00.* \(Хабаровский край, п\. 7 абз\. 1\)/);

    // The curator returns it: the return needs the recommendations written.
    const returnButton = screen.getByRole('button', { name: 'Вернуть с рекомендациями' });
    expect(returnButton).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('Рекомендации'), 'Добавьте видео о ходе ремонта');
    await user.click(returnButton);
    await screen.findByText('План возвращён с рекомендациями');
    expect(screen.getByTestId('plan-recommendations').textContent).toBe('Рекомендации куратора: Добавьте видео о ходе ремонта');
    expect(state()).toContain('Статус плана: возвращён с рекомендациями.');
    expect(deadline('planCorrect')!.textContent).toContain('(Хабаровский край, п. 7 абз. 2)');

    // Corrected: one item replaced by a video, and sent again.
    await user.click(screen.getByRole('button', { name: 'Убрать из плана: Приём граждан' }));
    await screen.findByText('Публикация «Приём граждан» убрана из плана');
    await addItem(user, '2026-05-07', 'Видео с объекта', 'video');
    await user.click(screen.getByRole('button', { name: 'Отправить на согласование' }));
    await screen.findByText('План отправлен на согласование');
    await user.click(screen.getByRole('button', { name: 'Согласовать' }));
    await screen.findByText('План согласован');
    expect(state()).toContain('Статус плана: согласован.');
    expect(screen.queryByRole('button', { name: /Согласовать|Вернуть с рекомендациями|Отправить на согласование/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Отменить публикацию: Видео с объекта' })).toBeTruthy();

    const stored = await planOf(getDb(), 'minstroy', NEXT);
    expect(stored).toMatchObject({ state: 'approved', recommendations: 'Добавьте видео о ходе ремонта', firstSubmittedAt: NOW, approvedAt: NOW });
    expect(stored?.items.map((i) => `${i.date} ${i.topic} ${i.format}`)).toEqual(['2026-05-04 Ремонт дорог photo', '2026-05-07 Видео с объекта video']);
  });

  it('notices the weeks left without a plan (п. 5 абз. 4), overdue in red', async () => {
    const ws = await workspaceIn('khabarovsk');
    render(<ContentPlans workspace={ws} />);
    const notice = await screen.findByTestId('plan-missing');
    const items = within(notice).getAllByRole('listitem');
    // From four weeks back to this week; next week's plan is not due yet.
    expect(items).toHaveLength(5);
    const last = items[items.length - 1]!;
    expect(last.textContent).toMatch(
      /^Нет плана на неделю 27\.04\.2026 – 03\.05\.2026: срок был чт, 23 апр\., 17:00.* \(Хабаровский край, п\. 6\) Нет значимых информационных поводов$/,
    );
    expect(last.className).toBe('aot-countdown--overdue');
    // This week's own deadline, shown overdue.
    expect(deadline('planDue')!.className).toBe('aot-countdown--overdue');
    expect(deadline('planDue')!.textContent).toContain('просрочено на 3 дня 17 часов');
    // A week without newsworthy events (п. 5 абз. 3–4), declared in one action: no plan is missing there.
    await userEvent.setup().click(within(last).getByRole('button', { name: 'Нет значимых информационных поводов' }));
    await waitFor(() => expect(within(screen.getByTestId('plan-missing')).getAllByRole('listitem')[4]!.dataset.kind).toBe('noEvents'));
    const declared = within(screen.getByTestId('plan-missing')).getAllByRole('listitem')[4]!;
    expect(declared.className).toBe('');
    expect(declared.textContent).toMatch(/объявлена без значимых информационных поводов: план не требуется \(Хабаровский край, п\. 5 абз\. 4\)/);
  });

  it('shows a published item with its post; an executor sends but cannot approve or return', async () => {
    const user = userEvent.setup();
    const ws = await workspaceIn('khabarovsk', { id: 'ivan', roles: ['executor'], bodies: ['minzhkh'] });
    await createPlan(getDb(), {
      body: 'minzhkh',
      week: '2026-04-27',
      items: [
        { id: 'i1', date: '2026-04-27', topic: 'Отопление', format: 'repost', status: 'published', postKey: 'vk:wall-300_7' },
        { id: 'i2', date: '2026-04-28', topic: 'Вывоз мусора', format: 'text' },
      ],
    });
    render(<ContentPlans workspace={ws} />);
    const link = await screen.findByRole('link', { name: 'Запись на странице: Отопление' });
    expect(link.getAttribute('href')).toBe('https://vk.com/wall-300_7');
    expect(link.closest('td')?.textContent).toBe('опубликовано запись');
    expect(screen.getByRole('row', { name: /Отопление/ }).textContent).toContain('репост с официального сайта');
    await user.click(screen.getByRole('button', { name: 'Отправить на согласование' }));
    await screen.findByText('План отправлен на согласование');
    expect(screen.queryByRole('button', { name: 'Согласовать' })).toBeNull();
    expect(screen.queryByLabelText('Рекомендации')).toBeNull();
  });

  it("the Government's plan, prepared by the Committee (п. 2.2): items only — no sending, no п. 6–7 deadlines, no missing weeks", async () => {
    const user = userEvent.setup();
    const ws = await workspaceIn('khabarovsk');
    const gov = { id: 'g1', body: 'mintrud', url: 'https://vk.com/khabkrai', name: 'Правительство края', kind: 'government' as const };
    expect((await registerAccount(getDb(), 'khabarovsk', gov, NOW - 86_400_000)).ok).toBe(true);
    render(<ContentPlans workspace={ws} />);
    // A body's plan (the default body) still has its notice and deadlines.
    await screen.findByTestId('plan-missing');
    expect(screen.getByTestId('plan-deadlines')).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('Орган'), 'mintrud');
    const note = await screen.findByTestId('plan-government');
    expect(note.textContent).toBe(
      'План Правительства края готовит Комитет (Хабаровский край, п. 2.2): срок направления (п. 6), согласование и исправления (п. 7) к нему не относятся.',
    );
    expect(screen.queryByTestId('plan-missing')).toBeNull();
    expect(screen.queryByTestId('plan-deadlines')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Составить план' }));
    await screen.findByText('План составлен: добавьте публикации');
    await addItem(user, '2026-04-29', 'Заседание Правительства', 'video');
    expect(screen.getByTestId('plan-government')).toBeTruthy();
    expect(screen.queryByTestId('plan-state')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Отправить на согласование' })).toBeNull();
    expect(screen.queryByTestId('plan-deadlines')).toBeNull();
    expect((await planOf(getDb(), 'mintrud', '2026-04-27'))?.items.map((i) => i.topic)).toEqual(['Заседание Правительства']);
  });

  it('renders nothing where the act has no content plans', async () => {
    for (const region of ['saratov', 'yakutia', 'ivanovo'] as const) {
      const ws = await workspaceIn(region);
      const { container, unmount } = render(<ContentPlans workspace={ws} />);
      await waitFor(() => expect(container.innerHTML).toBe(''));
      unmount();
    }
  });
});
