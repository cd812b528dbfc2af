import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Language } from '@/components/options/Language';
import { getLocale, setLocale } from '@/lib/i18n';
import { browserLocaleApi, followChosenLocale, LOCALE_CHOICE_KEY } from '@/lib/platform/locale';

beforeEach(() => fakeBrowser.reset());
afterEach(() => setLocale('ru'));

describe('options: «Язык интерфейса»', () => {
  it("offers the browser's language, Russian and English, and stores the choice every page follows", async () => {
    const stop = await followChosenLocale(browserLocaleApi());
    render(<Language />);
    const select = (await screen.findByRole('combobox', { name: 'Язык интерфейса' })) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect([...select.options].map((o) => o.textContent)).toEqual(['Как в браузере', 'Русский', 'English']);
    expect(select.value).toBe('auto');
    await userEvent.selectOptions(select, 'en');
    expect((await fakeBrowser.storage.local.get(LOCALE_CHOICE_KEY))[LOCALE_CHOICE_KEY]).toBe('en');
    await waitFor(() => expect(getLocale()).toBe('en'));
    stop();
  });

  it('shows a choice made elsewhere (another options tab)', async () => {
    render(<Language />);
    const select = (await screen.findByRole('combobox', { name: 'Язык интерфейса' })) as HTMLSelectElement;
    await fakeBrowser.storage.local.set({ [LOCALE_CHOICE_KEY]: 'ru' });
    await waitFor(() => expect(select.value).toBe('ru'));
  });
});
