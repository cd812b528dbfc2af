import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Onboarding } from '@/components/options/Onboarding';

describe('Onboarding', () => {
  it('guesses nothing: no role is refused, an executor without a body is refused', async () => {
    const user = userEvent.setup();
    const onDone = vi.fn();
    render(<Onboarding onDone={onDone} />);
    await user.click(screen.getByLabelText(/Куратор/));
    await user.click(screen.getByRole('button', { name: /Начать/ }));
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Выберите роль');
    await user.click(screen.getByLabelText(/Исполнитель/));
    await user.click(screen.getByRole('button', { name: /Начать/ }));
    expect(screen.getByRole('alert').textContent).toContain('выберите свой орган');
    await user.selectOptions(screen.getByLabelText(/Ваш орган/), 'minstroy');
    await user.click(screen.getByRole('button', { name: /Начать/ }));
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ user: expect.objectContaining({ roles: ['executor'], bodies: ['minstroy'] }) }));
  });
});
