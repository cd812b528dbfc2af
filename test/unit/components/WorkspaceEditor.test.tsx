import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { WorkspaceEditor } from '@/components/options/WorkspaceEditor';
import { starterWorkspace, type Workspace } from '@/lib/workflow/workspace';

describe('WorkspaceEditor', () => {
  it('renames a body by its label only: its id, «Ваш орган» and its queue stay', async () => {
    const user = userEvent.setup();
    const ws = starterWorkspace('yakutia', { id: 'me', roles: ['executor'], bodies: ['minstroy'] });
    const onSave = vi.fn(async (_ws: Workspace) => {});
    render(<WorkspaceEditor workspace={ws} onSave={onSave} />);
    const first = screen.getByLabelText('Орган 1');
    await user.clear(first);
    await user.type(first, 'Минстрой Якутии');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    const saved = onSave.mock.calls[0]![0];
    expect(saved.bodies[0]).toMatchObject({ id: 'minstroy', name: 'Минстрой Якутии' });
    expect(saved.bodies.map((b) => b.id)).toEqual(ws.bodies.map((b) => b.id));
    expect(saved.user.bodies).toEqual(['minstroy']);
    expect(await screen.findByRole('status')).toBeTruthy(); // «Сохранено»
  });
});

describe("the workspace's own target", () => {
  it("is set in hours and stored as its own timer, never the act's", async () => {
    const user = userEvent.setup();
    const ws = starterWorkspace('khabarovsk', { id: 'me', roles: ['curator'] });
    const onSave = vi.fn(async (_ws: Workspace) => {});
    render(<WorkspaceEditor workspace={ws} onSave={onSave} />);
    expect(screen.getByText('Общий срок ответа регламентом не установлен: у каждого этапа свой')).toBeTruthy();
    await user.type(screen.getByLabelText(/Собственная цель/), '12');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    const saved = onSave.mock.calls[0]![0];
    expect(saved.profile.timers.target).toEqual({ minutes: 720, clock: 'working', clause: 'цель рабочей области, не срок регламента' });
    expect(saved.profile.timers.answer).toBeUndefined();
  });
});
