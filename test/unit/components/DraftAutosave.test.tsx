import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Actions, draftKey } from '@/components/desk/Actions';
import { getDb } from '@/lib/db';
import { starterWorkspace } from '@/lib/workflow/workspace';
import { curator, scenario } from '../../helpers/workflow';

describe('a draft being typed', () => {
  it('is kept as typed and comes back when the card is opened again (per message and person)', async () => {
    const user = userEvent.setup();
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    const ws = starterWorkspace('yakutia', { id: 'anna', roles: ['executor'], bodies: ['minstroy'] });
    const run = vi.fn(async () => null);
    const first = render(<Actions message={s.message} workspace={ws} role="executor" run={run} />);
    await waitFor(() => expect((screen.getByLabelText('Текст ответа') as HTMLTextAreaElement).readOnly).toBe(false));
    await user.type(screen.getByLabelText('Текст ответа'), 'Трубу заменим до 1 декабря');
    await waitFor(async () =>
      expect((await getDb().settings.get(draftKey(s.message.id, 'anna')))?.value).toMatchObject({ text: 'Трубу заменим до 1 декабря' }),
    );
    first.unmount(); // «← К очереди», or the panel closed
    render(<Actions message={s.message} workspace={ws} role="executor" run={run} />);
    await waitFor(() => expect((screen.getByLabelText('Текст ответа') as HTMLTextAreaElement).value).toBe('Трубу заменим до 1 декабря'));
    // Another person's draft of the same message is theirs alone.
    expect(await getDb().settings.get(draftKey(s.message.id, 'boris'))).toBeUndefined();
  });

  it('keeps what was typed when the message changes under the form (another person acted)', async () => {
    const user = userEvent.setup();
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    const ws = starterWorkspace('yakutia', { id: 'olga', roles: ['executor'], bodies: ['minstroy'] });
    const run = vi.fn(async () => null);
    const view = render(<Actions message={s.message} workspace={ws} role="executor" run={run} />);
    await waitFor(() => expect((screen.getByLabelText('Текст ответа') as HTMLTextAreaElement).readOnly).toBe(false));
    await user.type(screen.getByLabelText('Текст ответа'), 'Трубу заменим');
    s.do('2026-11-24T09:30', curator, { type: 'requirePhotos', required: true }); // the message's updatedAt changes
    view.rerender(<Actions message={s.message} workspace={ws} role="executor" run={run} />);
    expect((screen.getByLabelText('Текст ответа') as HTMLTextAreaElement).value).toBe('Трубу заменим');
    // And a form closed before the pause still leaves the text stored.
    await user.type(screen.getByLabelText('Текст ответа'), ' до 1 декабря');
    view.unmount();
    await waitFor(async () =>
      expect((await getDb().settings.get(draftKey(s.message.id, 'olga')))?.value).toMatchObject({ text: 'Трубу заменим до 1 декабря' }),
    );
  });

  it('cannot be typed over before the saved draft is read, and then shows it', async () => {
    const s = scenario('yakutia', '2026-11-24T09:00');
    s.do('2026-11-24T09:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] });
    const ws = starterWorkspace('yakutia', { id: 'ivan', roles: ['executor'], bodies: ['minstroy'] });
    await getDb().settings.put({ key: draftKey(s.message.id, 'ivan'), value: { text: 'Сохранённый текст', at: 1 } });
    const settings = getDb().settings;
    const read = settings.get.bind(settings);
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const spy = vi.spyOn(settings, 'get').mockImplementation(((key: string) => gate.then(() => read(key))) as typeof settings.get);
    try {
      render(<Actions message={s.message} workspace={ws} role="executor" run={vi.fn(async () => null)} />);
      const box = screen.getByLabelText('Текст ответа') as HTMLTextAreaElement;
      expect(box.readOnly).toBe(true);
      expect(box.getAttribute('aria-busy')).toBe('true');
      release();
      await waitFor(() => expect(box.value).toBe('Сохранённый текст'));
      expect(box.readOnly).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});
