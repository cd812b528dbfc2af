import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DraftCheck } from '@/components/DraftCheck';
import { LintPanel } from '@/components/LintPanel';

describe('LintPanel', () => {
  it('shows the score, the substance checklist and findings grouped by category with the span quoted', () => {
    render(<LintPanel text="В настоящее время вывоз ТКО осуществляется по графику." />);
    expect(screen.getByTestId('lint-score').textContent).toMatch(/^Стиль: \d+(,\d)? из 10$/);
    const cliche = screen.getByRole('heading', { name: /Канцелярит/ }).parentElement!;
    expect(
      within(cliche)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('q')?.textContent),
    ).toEqual(['В настоящее время', 'осуществляется']);
    expect(screen.getByRole('heading', { name: /Профессиональные термины \(1\)/ })).toBeTruthy();
    expect(screen.getByText(/Срок или дата — нет/)).toBeTruthy();
    expect(screen.getByText(/Что сделано или будет сделано — есть/)).toBeTruthy();
  });

  it('applies a plain replacement in one click, and offers none for a suggestion that needs a human', async () => {
    const onApply = vi.fn();
    render(<LintPanel text="В настоящее время ремонтируем. Ваше обращение рассмотрено." onApply={onApply} />);
    const buttons = screen.getAllByRole('button', { name: /Заменить на/ });
    expect(buttons).toHaveLength(1);
    await userEvent.click(buttons[0]!);
    expect(onApply).toHaveBeenCalledWith('Сейчас ремонтируем. Ваше обращение рассмотрено.');
  });

  it('puts forbidden content first and quotes page text as text', () => {
    const { container } = render(<LintPanel text={'<b>идиот</b>, ты глава?'} />);
    const first = container.querySelector('.aot-lint__group');
    expect(first?.classList.contains('aot-lint__group--forbidden')).toBe(true);
    expect(container.querySelector('b')).toBeNull();
  });

  it('says so when there is nothing to fix', () => {
    render(<LintPanel text="Анна, яму заделаем до 15 мая. Вопросы — 8 (4112) 42-15-16." />);
    expect(screen.getByText('Замечаний нет')).toBeTruthy();
  });
});

describe('DraftCheck', () => {
  it('checks the text as it is typed and applies fixes into the field', async () => {
    const user = userEvent.setup();
    render(<DraftCheck />);
    const field = screen.getByRole('textbox', { name: 'Проверка ответа' });
    await user.type(field, 'В настоящее время ремонт идёт.');
    await user.click(screen.getByRole('button', { name: 'Заменить на «сейчас»' }));
    expect((field as HTMLTextAreaElement).value).toBe('Сейчас ремонт идёт.');
  });
});
