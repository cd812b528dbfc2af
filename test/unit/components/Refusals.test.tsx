import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Refusals } from '@/components/desk/Refusals';
import { getDb } from '@/lib/db';
import { curator, scenario } from '../../helpers/workflow';

describe('refusals on the desk', () => {
  it('says what the server refused, about which message, who changed it last, that the text was kept; «Понятно» dismisses it', async () => {
    const user = userEvent.setup();
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    const db = getDb();
    await db.messages.put(s.message);
    await db.refusals.bulkPut([
      {
        key: 'c-1/4',
        name: 'step',
        args: { messageId: s.message.id, command: { type: 'approve' } },
        code: 'wrong-step',
        error: { reason: 'workflow.wrongStep', params: { step: { reason: 'workflow.step.approved' } } },
        context: { step: 'approved', lastChange: { type: 'approve', actor: 'ivanova', actorName: 'Иванова', at: Date.UTC(2026, 10, 24, 1, 42) } },
        messageId: s.message.id,
        at: Date.UTC(2026, 10, 24, 2),
        keptDraft: true,
      },
      // From a newer server: a code and a reason key this build does not know.
      { key: 'c-1/5', name: 'step', args: {}, code: 'exists', error: { reason: 'workflow.someNewReason' }, at: Date.UTC(2026, 10, 24, 3) } as never,
    ]);
    const onOpen = vi.fn();
    render(<Refusals zone="Asia/Yakutsk" onOpen={onOpen} />);
    const first = await screen.findByText(/«согласовано»: Действие недоступно: сообщение согласовано/);
    const card = first.closest('article')!;
    expect(card.textContent).toContain('Последнее изменение: согласовано — Иванова, 24 нояб. 2026 г., 10:42');
    expect(card.textContent).toContain(`Сообщение: ${s.message.topic}`);
    expect(card.textContent).toContain('Ваш текст сохранён как черновик');
    // The unknown one is still said, with its code to quote, never dropped.
    expect(screen.getAllByRole('article')).toHaveLength(2);
    await user.click(within(card as HTMLElement).getByRole('button', { name: 'Открыть сообщение' }));
    expect(onOpen).toHaveBeenCalledWith(s.message.id);
    await user.click(within(card as HTMLElement).getByRole('button', { name: 'Понятно' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect((await db.refusals.get('c-1/4'))?.seenAt).toBeGreaterThan(0);
  });
});
