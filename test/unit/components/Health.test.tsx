import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { healthBanner } from '@/components/health';
import { HealthBanner } from '@/components/HealthBanner';
import { Diagnostics } from '@/components/options/Diagnostics';

const report = (failed: string[]) => ({
  site: 'vk' as const,
  path: '/wall-100_502',
  ok: failed.length === 0,
  at: Date.UTC(2026, 10, 23, 9),
  checks: ['post-root', 'post-text', 'comment-author', 'reply-box'].map((name) => ({ name, ok: !failed.includes(name), detail: `${name} detail` })),
});

beforeEach(() => fakeBrowser.reset());

describe('healthBanner', () => {
  it('says nothing when every check passed', () => {
    expect(healthBanner(report([]))).toBeNull();
  });
  it('names what failed and what still works', () => {
    expect(healthBanner(report(['reply-box']))).toBe('VK изменил разметку: не найдено поле ответа — захват работает, публикация вручную');
    expect(healthBanner({ ...report(['comment-author', 'reply-box']), site: 'ok' })).toBe(
      'OK изменил разметку: не найдены авторы комментариев, не найдено поле ответа — захват может находить не всё',
    );
  });
});

describe('HealthBanner (popup)', () => {
  it("shows the current tab's failed checks", async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://vk.com/wall-100_502' });
    // The fake browser has no current window: the active tab of the popup's window is this one.
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...tab, active: true }]);
    await fakeBrowser.storage.session.set({ [`health:${tab.id}`]: report(['reply-box']) });
    render(<HealthBanner />);
    expect((await screen.findByRole('alert')).textContent).toContain('не найдено поле ответа');
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    query.mockRestore();
  });
  it('stays silent for a healthy tab', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://vk.com/feed' });
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...tab, active: true }]);
    await fakeBrowser.storage.session.set({ [`health:${tab.id}`]: report([]) });
    render(<HealthBanner />);
    await waitFor(() => expect(query).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByRole('alert')).toBeNull();
    query.mockRestore();
  });
});

describe('Diagnostics (options)', () => {
  it('lists every check of the last report per site and switches the checker per site', async () => {
    await fakeBrowser.storage.local.set({ 'health.last.vk': report(['reply-box']) });
    render(<Diagnostics />);
    const row = await screen.findByRole('rowheader', { name: 'reply-box' });
    expect(row.parentElement!.textContent).toContain('не найдено');
    expect(screen.getByRole('rowheader', { name: 'post-root' }).parentElement!.textContent).toContain('в порядке');
    const vk = screen.getByRole('checkbox', { name: 'ВКонтакте' });
    expect((vk as HTMLInputElement).checked).toBe(true);
    await userEvent.click(vk);
    await waitFor(async () => expect((await fakeBrowser.storage.local.get('checker.sites'))['checker.sites']).toEqual({ vk: false }));
  });
  it("dates the last check in the workspace's zone, labelled when the browser's differs", async () => {
    await fakeBrowser.storage.local.set({ 'health.last.vk': report([]) }); // 09:00 UTC
    const view = render(<Diagnostics zone="Asia/Yakutsk" viewerZone="Europe/Moscow" />);
    expect((await screen.findByRole('heading', { level: 3 })).textContent).toBe('ВКонтакте, /wall-100_502, 23 нояб. 2026 г., 18:00 (UTC+9)');
    view.rerender(<Diagnostics zone="Europe/Moscow" viewerZone="Europe/Moscow" />);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('ВКонтакте, /wall-100_502, 23 нояб. 2026 г., 12:00');
  });
  it('says so when no page was checked yet', async () => {
    render(<Diagnostics />);
    expect(await screen.findByText('Проверок ещё не было: откройте ВКонтакте или Одноклассники.')).toBeTruthy();
  });
});
