import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CaptureForm, type FormStatus } from '@/components/CaptureForm';

const item = {
  author: { name: 'Иван Петров', url: 'https://vk.com/ivan.petrov' },
  url: 'https://vk.com/wall-100_501',
  text: 'На улице Лесной не вывозят мусор',
};

function renderForm(status: FormStatus = { kind: 'idle' }, text = item.text) {
  const onSubmit = vi.fn();
  const onClose = vi.fn();
  const view = render(<CaptureForm item={{ ...item, text }} status={status} onSubmit={onSubmit} onClose={onClose} />);
  return { onSubmit, onClose, view };
}

describe('CaptureForm', () => {
  it('shows the post as read from the page: author, link and text', () => {
    renderForm();
    expect(screen.getByRole('dialog', { name: 'Новое сообщение' })).toBeTruthy();
    expect(screen.getByText('Иван Петров')).toBeTruthy();
    expect(screen.getByRole('link', { name: item.url }).getAttribute('href')).toBe(item.url);
    expect(screen.getByTestId('capture-text').textContent).toBe(item.text);
  });

  it('submits the routing the curator typed, trimmed', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.type(screen.getByLabelText(/Тема/), '  Вывоз мусора ');
    await user.type(screen.getByLabelText(/Локация/), 'ул. Лесная, 12');
    await user.selectOptions(screen.getByLabelText('Важность'), 'high');
    await user.type(screen.getByLabelText(/Исполнитель/), 'Отдел ЖКХ');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(onSubmit).toHaveBeenCalledWith({
      topic: 'Вывоз мусора',
      location: 'ул. Лесная, 12',
      importance: 'high',
      executor: 'Отдел ЖКХ',
    });
  });

  it('submits with Enter and the topic focused first (keyboard only)', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    expect(document.activeElement).toBe(screen.getByLabelText(/Тема/));
    await user.keyboard('Дороги');
    await user.type(screen.getByLabelText(/Исполнитель/), 'Дорожный отдел{Enter}');
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ topic: 'Дороги', executor: 'Дорожный отдел', location: '' }));
  });

  it('names the missing required fields and does not submit', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.type(screen.getByLabelText(/Тема/), '   ');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual(['Заполните поле «Тема»', 'Заполните поле «Исполнитель»']);
    expect(screen.getByLabelText(/Тема/).getAttribute('aria-invalid')).toBe('true');
    // Fixing a field clears its own message, not the others'.
    await user.type(screen.getByLabelText(/Тема/), 'Дороги');
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual(['Заполните поле «Исполнитель»']);
    expect(screen.getByLabelText(/Тема/).getAttribute('aria-invalid')).toBeNull();
  });

  it("in a site's page, ignores a submit a script dispatched (not a person's): a page cannot route a capture", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<CaptureForm requireTrusted item={item} status={{ kind: 'idle' }} onSubmit={onSubmit} onClose={vi.fn()} />);
    await user.type(screen.getByLabelText(/Тема/), 'Вывоз мусора');
    await user.type(screen.getByLabelText(/Исполнитель/), 'Отдел ЖКХ');
    // jsdom events, like a page script's, are not trusted.
    screen.getByRole('button', { name: 'Сохранить' }).closest('form')!.requestSubmit();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('requires the location where the act has the curator state it (Khabarovsk п. 6)', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(
      <CaptureForm
        item={item}
        status={{ kind: 'idle' }}
        onSubmit={onSubmit}
        onClose={vi.fn()}
        directory={{ topics: [], locations: [], bodies: [{ id: 'zhkh', name: 'Отдел ЖКХ' }], locationRequired: true }}
      />,
    );
    await user.type(screen.getByLabelText(/Тема/), 'Вывоз мусора');
    await user.type(screen.getByLabelText(/Исполнитель/), 'Отдел ЖКХ');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Локация');
    await user.type(screen.getByLabelText(/Локация/), 'Хабаровск');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ location: 'Хабаровск' }));
  });

  it('takes the executor from the directory: an abbreviation finds the body, a made-up name is refused', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    const bodies = [
      { id: 'mintrans', name: 'Министерство транспорта и дорожного хозяйства' },
      { id: 'minstroy', name: 'Министерство строительства' },
    ];
    render(<CaptureForm item={item} status={{ kind: 'idle' }} onSubmit={onSubmit} onClose={vi.fn()} directory={{ topics: [], locations: [], bodies }} />);
    await user.type(screen.getByLabelText(/Тема/), 'Дороги');
    await user.type(screen.getByLabelText(/Исполнитель/), 'Минфин');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('нет в справочнике');
    await user.clear(screen.getByLabelText(/Исполнитель/));
    await user.type(screen.getByLabelText(/Исполнитель/), 'Минтранс');
    expect(screen.getByTestId('executor-resolved').textContent).toContain('Министерство транспорта');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ executor: 'mintrans' }));
  });

  it('says a too-long topic is too long, not that it is missing', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<CaptureForm item={item} status={{ kind: 'idle' }} onSubmit={onSubmit} onClose={vi.fn()} />);
    await user.click(screen.getByLabelText(/Тема/));
    await user.paste('т'.repeat(201));
    await user.type(screen.getByLabelText(/Исполнитель/), 'Отдел');
    await user.click(screen.getByRole('button', { name: 'Сохранить' }));
    expect(screen.getByRole('alert').textContent).toBe('Поле «Тема» слишком длинное');
  });

  it('offers the executor of the previous capture again', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    render(<CaptureForm item={item} status={{ kind: 'idle' }} onSubmit={onSubmit} onClose={vi.fn()} lastExecutor="Отдел ЖКХ" />);
    expect((screen.getByLabelText(/Исполнитель/) as HTMLInputElement).value).toBe('Отдел ЖКХ');
    await user.keyboard('Мусор{Enter}');
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ topic: 'Мусор', executor: 'Отдел ЖКХ' }));
  });

  it('closes on Escape and on Cancel', async () => {
    const user = userEvent.setup();
    const { onClose } = renderForm();
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Отмена' }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('renders hostile page text as text, never as HTML', () => {
    const hostile = '<img src=x onerror="window.pwned=1"><b>bold</b>';
    const { view } = renderForm({ kind: 'idle' }, hostile);
    expect(screen.getByTestId('capture-text').textContent).toBe(hostile);
    expect(view.container.querySelector('img, b')).toBeNull();
  });

  it('shows saving, saved, existing and error states', () => {
    const { view } = renderForm({ kind: 'saving' });
    expect((screen.getByRole('button', { name: 'Сохранение…' }) as HTMLButtonElement).disabled).toBe(true);
    view.rerender(
      <CaptureForm
        item={item}
        status={{ kind: 'saved', dueAt: Date.UTC(2026, 10, 25, 15) }}
        onSubmit={vi.fn()}
        onClose={vi.fn()}
        zone="Europe/Moscow"
        viewerZone="Europe/Moscow"
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Сохранено. Срок ответа: ср, 25 нояб., 18:00');
    expect((screen.getByLabelText(/Тема/) as HTMLInputElement).disabled).toBe(true);
    view.rerender(<CaptureForm item={item} status={{ kind: 'existing', dueAt: Date.UTC(2026, 10, 26, 7) }} onSubmit={vi.fn()} onClose={vi.fn()} />);
    expect(screen.getByRole('dialog', { name: 'Сообщение уже в работе' })).toBeTruthy();
    expect(screen.queryByLabelText(/Тема/)).toBeNull();
    view.rerender(<CaptureForm item={item} status={{ kind: 'error', message: 'нет связи' }} onSubmit={vi.fn()} onClose={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toBe('Не удалось сохранить: нет связи');
  });

  describe("times in the workspace's zone, labelled when the browser's differs", () => {
    // 18:00 in Yakutsk on Wed 25 Nov 2026 is 12:00 in Moscow.
    const yakutsk18 = Date.UTC(2026, 10, 25, 9);
    const form = (status: FormStatus, zone?: string) => (
      <CaptureForm
        item={{ ...item, publishedAt: Date.UTC(2026, 10, 25, 1, 30) }}
        status={status}
        onSubmit={vi.fn()}
        onClose={vi.fn()}
        viewerZone="Europe/Moscow"
        {...(zone ? { zone } : {})}
      />
    );

    it('a Yakutia workspace in a Moscow browser: the deadline at 18:00 Yakutsk time, labelled', () => {
      const view = render(form({ kind: 'saved', dueAt: yakutsk18 }, 'Asia/Yakutsk'));
      expect(screen.getByRole('status').textContent).toBe('Сохранено. Срок ответа: ср, 25 нояб., 18:00 (UTC+9)');
      // When the post was written, in the same zone: 10:30 in Yakutsk (04:30 in Moscow).
      expect(view.container.querySelector('.aot-form__time')!.textContent).toBe('Время: 25 нояб. 2026 г., 10:30 (UTC+9)');
      view.rerender(form({ kind: 'existing', dueAt: yakutsk18 }, 'Asia/Yakutsk'));
      expect(screen.getByRole('status').textContent).toBe('Это сообщение уже зафиксировано. Срок ответа: ср, 25 нояб., 18:00 (UTC+9).');
    });

    it('Khabarovsk and Saratov workspaces likewise; Ivanovo in a Moscow browser needs no label', () => {
      const view = render(form({ kind: 'saved', dueAt: yakutsk18 }, 'Asia/Vladivostok'));
      expect(screen.getByRole('status').textContent).toBe('Сохранено. Срок ответа: ср, 25 нояб., 19:00 (UTC+10)');
      view.rerender(form({ kind: 'saved', dueAt: yakutsk18 }, 'Europe/Saratov'));
      expect(screen.getByRole('status').textContent).toBe('Сохранено. Срок ответа: ср, 25 нояб., 13:00 (UTC+4)');
      view.rerender(form({ kind: 'saved', dueAt: yakutsk18 }, 'Europe/Moscow'));
      expect(screen.getByRole('status').textContent).toBe('Сохранено. Срок ответа: ср, 25 нояб., 12:00');
      expect(view.container.querySelector('.aot-form__time')!.textContent).toBe('Время: 25 нояб. 2026 г., 04:30');
    });
  });
});
