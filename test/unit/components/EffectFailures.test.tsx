import { render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { Diagnostics } from '@/components/options/Diagnostics';
import { EFFECT_FAILURES_KEY } from '@/lib/model/effects';

beforeEach(() => fakeBrowser.reset());

describe('diagnostics: side effects that failed after a saved step', () => {
  it('lists each effect with its count, last time and last error, newest first', async () => {
    await fakeBrowser.storage.local.set({
      [EFFECT_FAILURES_KEY]: {
        notification: { count: 1, lastAt: Date.UTC(2026, 11, 1, 7), lastError: 'Error: notifications blocked' },
        badge: { count: 3, lastAt: Date.UTC(2026, 11, 2, 7), lastError: 'TypeError: u.action is undefined' },
        junk: 'not a record',
      },
    });
    render(<Diagnostics zone="Europe/Moscow" />);
    const table = await screen.findByTestId('effect-failures');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => tr.textContent);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Значок на панели браузера');
    expect(rows[0]).toContain('3');
    expect(rows[0]).toContain('u.action is undefined');
    expect(rows[1]).toContain('Уведомление о сроке');
  });

  it('shows nothing when nothing failed', async () => {
    render(<Diagnostics zone="Europe/Moscow" />);
    await screen.findByText('Диагностика страниц');
    expect(screen.queryByTestId('effect-failures')).toBeNull();
  });
});
