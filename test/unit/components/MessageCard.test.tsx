import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLocale } from '@/lib/i18n';
import { Actions } from '@/components/desk/Actions';
import { MessageCard } from '@/components/desk/MessageCard';
import { starterWorkspace, workspaceSchedule } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { curator, executor, scenario } from '../../helpers/workflow';

describe('the message card', () => {
  it('shows the same overdue mark as the queue row', () => {
    const s = scenario('yakutia', '2026-11-24T09:00'); // routing was due at 09:30 that day: long overdue now
    const ws = starterWorkspace('yakutia', { id: 'cur', roles: ['curator'] });
    render(
      <MessageCard message={s.message} workspace={ws} calendar={createWorkCalendar(workspaceSchedule(ws))} role="curator" run={vi.fn()} onBack={vi.fn()} />,
    );
    const mark = screen.getByTestId('card-countdown');
    expect(mark.textContent).toContain('Направить исполнителю');
    expect(mark.textContent).toContain('просрочено');
    expect(mark.querySelector('.aot-countdown--overdue')).not.toBeNull();
  });
});

describe('re-routing after a return', () => {
  it('preselects no body: the curator chooses who answers instead', () => {
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    s.do('2026-11-24T09:20', executor('minstroy'), { type: 'return', reason: 'Не наше' });
    const ws = starterWorkspace('yakutia', { id: 'cur', roles: ['curator'] });
    render(<Actions message={s.message} workspace={ws} role="curator" run={vi.fn(async () => null)} />);
    const select = screen.getByRole('listbox', { name: /Орган/ }) as HTMLSelectElement;
    expect([...select.selectedOptions]).toEqual([]);
    expect((screen.getByRole('button', { name: 'Направить' }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("the deadlines' notes", () => {
  afterEach(() => setLocale('ru'));

  it('are said in the language in use (lib/ gives a key and params)', () => {
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    const ws = starterWorkspace('yakutia', { id: 'cur', roles: ['curator'] });
    const card = () =>
      render(
        <MessageCard message={s.message} workspace={ws} calendar={createWorkCalendar(workspaceSchedule(ws))} role="curator" run={vi.fn()} onBack={vi.fn()} />,
      );
    const { unmount } = card();
    expect(screen.getByText(/не позднее чем за 4 ч до срока ответа/)).toBeTruthy();
    unmount();
    setLocale('en');
    card();
    expect(screen.getByText(/no later than 4 h before the answer deadline/)).toBeTruthy();
    expect(screen.queryByText(/не позднее/)).toBeNull();
  });
});
