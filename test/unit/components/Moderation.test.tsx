import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Moderation } from '@/components/options/Moderation';
import { getDb } from '@/lib/db';
import { logRemoval, loadModerationLog } from '@/lib/db/moderation';
import { starterWorkspace } from '@/lib/workflow/workspace';

const removal = (id: string, commentKey: string, at: number) => ({
  id,
  at,
  by: 'me',
  commentKey,
  text: 'Чиновники — мрази и твари',
  ground: 'insult' as const,
  author: 'https://vk.com/id901',
  markedBy: 'screener' as const,
});

describe('the moderation log', () => {
  it("proposes blocking at an author's second violation and records who decided, with the notice ready", async () => {
    const user = userEvent.setup();
    const ws = starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator'] });
    await logRemoval(getDb(), removal('r1', 'vk:wall-300_1_r1', Date.UTC(2026, 11, 1, 2)));
    render(<Moderation workspace={ws} zone="Asia/Yakutsk" />);
    const row = await screen.findByRole('row', { name: /id901/ });
    expect(row.textContent).toContain('не предлагается');
    await logRemoval(getDb(), removal('r2', 'vk:wall-300_2_r2', Date.UTC(2026, 11, 2, 2)));
    const proposal = await screen.findByTestId('block-proposal');
    expect(proposal.textContent).toContain('Нарушений: 2');
    expect((within(proposal).getByLabelText('Уведомление пользователю') as HTMLTextAreaElement).value).toContain('нарушений: 2');
    await user.selectOptions(within(proposal).getByLabelText('Кто принял решение'), 'deputy');
    await user.click(within(proposal).getByRole('button', { name: 'Заблокировать' }));
    await waitFor(() => expect(screen.getByRole('row', { name: /id901/ }).textContent).toMatch(/Заблокирован по решению: Заместитель руководителя/));
    expect((await loadModerationLog(getDb())).find((e) => e.kind === 'blockDecided')).toMatchObject({ role: 'deputy', decision: 'block', by: 'me' });
  });
});
