import { act, render, screen, waitFor, within } from '@testing-library/react';
import { DateTime } from 'luxon';
import { Profiler } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_ROWS, MessageList } from '@/components/MessageList';
import { startClock, useClock } from '@/components/state/clock';
import type { Message } from '@/lib/model/workflow';
import { createWorkCalendar, DEFAULT_SCHEDULE } from '@/lib/worktime';

const calendar = createWorkCalendar(DEFAULT_SCHEDULE);
const msk = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Moscow' }).toMillis();

function message(id: string, dueIso: string, extra: Partial<Message> = {}): Message {
  return {
    id,
    key: `vk:wall-1_${id}`,
    site: 'vk',
    kind: 'post',
    url: `https://vk.com/wall-1_${id}`,
    author: { name: `Автор ${id}` },
    text: `Текст ${id}\nвторая строка`,
    attachments: [],
    topic: 'Дороги',
    location: 'Заречный',
    importance: 'normal',
    status: 'open',
    step: 'routed',
    mode: 'single',
    assignments: [{ body: 'Дорожный отдел', order: 0, state: 'active', routedAt: 0 }],
    remarks: [],
    publications: [],
    breaches: [],
    pageChanges: [],
    openFor: ['body:Дорожный отдел'],
    bodies: ['Дорожный отдел'],
    detectedAt: 0,
    nextDueAt: msk(dueIso),
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

let stop: () => void;
beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(msk('2026-11-25T16:00:00'));
  useClock.setState({ now: Date.now() });
});
afterEach(() => {
  stop?.();
  vi.useRealTimers();
});

describe('MessageList', () => {
  it('shows each message with author, first line, topic, executor and a countdown', () => {
    render(<MessageList messages={[message('1', '2026-11-25T18:00'), message('2', '2026-11-26T11:00')]} calendar={calendar} />);
    const rows = screen.getAllByTestId('message-row');
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(first.getByText('Автор 1')).toBeTruthy();
    expect(first.getByRole('link').textContent).toBe('Текст 1');
    expect(first.getByRole('link').getAttribute('href')).toBe('https://vk.com/wall-1_1');
    expect(rows[0]!.textContent).toContain('Исполнитель: Дорожный отдел');
    expect(first.getByTestId('countdown').textContent).toContain('осталось 2 часа рабочего времени');
    // 16:00 → 18:00 today (2 h) + 09:00 → 11:00 tomorrow (2 h)
    expect(within(rows[1]!).getByTestId('countdown').textContent).toContain('осталось 4 часа рабочего времени');
  });

  it('tells loading and empty apart', () => {
    const { rerender } = render(<MessageList messages={undefined} calendar={calendar} />);
    expect(screen.getByText('Загрузка…')).toBeTruthy();
    rerender(<MessageList messages={[]} calendar={calendar} />);
    expect(screen.getByText(/Открытых сообщений нет/)).toBeTruthy();
  });

  it('ticks every second from one shared clock (seconds show in the last hour)', () => {
    render(<MessageList messages={[message('1', '2026-11-25T16:30')]} calendar={calendar} />);
    stop = startClock();
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByTestId('countdown').textContent).toContain('осталось 29 минут 57 секунд рабочего времени');
    expect(vi.getTimerCount()).toBe(1);
  });

  it('marks urgency in words and data, not only colour, and stands still off hours', () => {
    vi.setSystemTime(msk('2026-11-25T17:30:00'));
    useClock.setState({ now: Date.now() });
    const { rerender } = render(<MessageList messages={[message('1', '2026-11-25T18:00')]} calendar={calendar} />);
    expect(screen.getByTestId('countdown').dataset.urgency).toBe('soon');
    act(() => useClock.setState({ now: msk('2026-11-25T18:30') }));
    expect(screen.getByTestId('countdown').dataset.urgency).toBe('overdue');
    expect(screen.getByTestId('countdown').textContent).toContain('просрочено на');
    rerender(<MessageList messages={[message('2', '2026-11-26T10:00')]} calendar={calendar} />);
    expect(screen.getByTestId('countdown').textContent).toContain('нерабочее время');
  });

  it('does not re-render the list or rows whose text did not change', () => {
    const renders: string[] = [];
    render(
      <Profiler id="list" onRender={(id, phase) => renders.push(`${id}:${phase}`)}>
        <MessageList messages={[message('1', '2026-11-25T18:00'), message('2', '2026-11-26T18:00')]} calendar={calendar} />
      </Profiler>,
    );
    renders.length = 0;
    // Evening: both countdowns stand still, so a tick changes nothing on screen.
    act(() => useClock.setState({ now: msk('2026-11-25T19:00:00') }));
    renders.length = 0;
    act(() => useClock.setState({ now: msk('2026-11-25T19:00:01') }));
    expect(renders).toEqual([]);
  });
});

describe('MessageList, a long list', () => {
  it('renders the first screen at once and every row right after, each row once', async () => {
    vi.useRealTimers();
    const many = Array.from({ length: 40 }, (_, i) => message(String(i), '2026-11-26T11:00'));
    const reports: Array<[number, number]> = [];
    const renders: string[] = [];
    render(
      <Profiler id="list" onRender={(_id, phase) => renders.push(phase)}>
        <MessageList messages={many} calendar={calendar} onRendered={(rows, total) => reports.push([rows, total])} />
      </Profiler>,
    );
    expect(screen.getAllByTestId('message-row')).toHaveLength(FIRST_ROWS);
    expect(reports).toEqual([[FIRST_ROWS, 40]]);
    await waitFor(() => expect(screen.getAllByTestId('message-row')).toHaveLength(40));
    expect(reports).toEqual([
      [FIRST_ROWS, 40],
      [40, 40],
    ]);
    // The rows are in deadline order as given, the first ones kept (not re-created).
    expect(screen.getAllByTestId('message-row').map((r) => r.getAttribute('data-key'))).toEqual(many.map((m) => m.key));
    expect(renders).toEqual(['mount', 'update']);
  });
});
