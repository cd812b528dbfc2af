/**
 * Loading a backup that fails for a reason the importer does not explain: the person gets the
 * Russian, actionable sentence with a code to quote, never the thrown value's own text.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Backup } from '@/components/options/Backup';

const thrown = vi.hoisted(() => ({ value: undefined as unknown }));
vi.mock('@/lib/db/backup', async (original) => ({
  ...(await original<typeof import('@/lib/db/backup')>()),
  importBackup: async () => Promise.reject(thrown.value),
}));

afterEach(() => vi.restoreAllMocks());

async function load(value: unknown): Promise<string> {
  thrown.value = value;
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  const user = userEvent.setup();
  const { container, unmount } = render(<Backup />);
  const input = container.querySelector('input[type=file]') as HTMLInputElement;
  // jsdom's File has no text(): the page reads the file with it.
  const file = Object.assign(new File(['{}'], 'backup.json', { type: 'application/json' }), { text: async () => '{}' });
  await user.upload(input, file);
  const status = await screen.findByRole('alert');
  // The details go to the console.
  expect(warn).toHaveBeenCalledWith(expect.any(String), value);
  const text = status.textContent ?? '';
  unmount();
  return text;
}

describe('options: a backup that cannot be loaded', () => {
  it('says what to do and a code for anything thrown, not its text', async () => {
    const text = await load('IDB internal: transaction aborted at /secret/path');
    expect(text).toBe('Не удалось загрузить файл; данные не изменены. Попробуйте ещё раз; если повторится, сообщите код: AOT-ERROR');
  });

  it("an Error's name is the code, its message stays in the console", async () => {
    const text = await load(Object.assign(new Error('quota exceeded at /secret/path'), { name: 'QuotaExceededError' }));
    expect(text).toContain('сообщите код: AOT-QUOTAEXCEEDEDERROR');
    expect(text).not.toContain('secret');
  });
});
