import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Executors } from '@/components/options/Executors';
import type { Body } from '@/lib/workflow/workspace';

type People = Record<string, Body['executors']>;

function Harness({ initial, onChange }: { initial: People; onChange: (p: People) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <Executors
      bodies={[
        { id: 'zhkh', name: 'Отдел ЖКХ' },
        { id: 'roads', name: 'Дорожный отдел' },
      ]}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange(next);
      }}
    />
  );
}

describe('Executors (options)', () => {
  it('adds people to a body, marks one absent with a substitute, and removes one', async () => {
    const onChange = vi.fn();
    render(<Harness initial={{ zhkh: [{ id: 'a', name: 'Иванов', substitutes: [], absent: false }] }} onChange={onChange} />);
    expect(screen.getByRole('combobox', { name: 'Орган' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Добавить исполнителя' }));
    const names = screen.getAllByRole('textbox', { name: 'Исполнитель' });
    await userEvent.clear(names[1]!);
    await userEvent.type(names[1]!, 'Петрова');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Иванов отсутствует' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Кто замещает: Иванов' }), 'Петрова');
    let last = onChange.mock.calls.at(-1)![0] as People;
    const petrova = last.zhkh!.find((p) => p.name === 'Петрова')!;
    expect(last.zhkh!.find((p) => p.id === 'a')).toEqual({ id: 'a', name: 'Иванов', substitutes: [petrova.id], absent: true });
    // Removing Петрова also removes her as a substitute.
    await userEvent.click(screen.getByRole('button', { name: 'Удалить: Петрова' }));
    last = onChange.mock.calls.at(-1)![0] as People;
    expect(last.zhkh).toEqual([{ id: 'a', name: 'Иванов', substitutes: [], absent: true }]);
  });

  it('edits one body at a time', async () => {
    render(<Harness initial={{ zhkh: [{ id: 'a', name: 'Иванов', substitutes: [], absent: false }] }} onChange={() => undefined} />);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Орган' }), 'roads');
    expect(screen.getByText('Исполнители не указаны: сообщения направляются органу.')).toBeTruthy();
  });
});
