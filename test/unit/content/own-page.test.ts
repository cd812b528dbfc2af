/**
 * The bar on a body's own page (entrypoints/content/own-page.ts) in jsdom, with the channel
 * faked: a body's page not in the registry gets the bar with «Внести в реестр аккаунтов» and
 * «Скрыть»; a page whose bar was hidden for good (the background answers «hidden») gets none,
 * and neither does a page that is not a body's. The clicks themselves need trusted events (the
 * bar ignores synthetic ones): the e2e test presses them.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const request = vi.fn();
vi.mock('@/lib/messaging/site-client', () => ({ siteRequest: (...args: unknown[]) => request(...args) }));
vi.mock('@/entrypoints/content/own', () => ({ isOwnAuthor: () => true }));
vi.mock('@/entrypoints/content/moderation', () => ({ startModeration: () => ({ scan: async () => undefined, stop: () => undefined }) }));
// Open roots, so the test can read the bar (the extension's are closed).
vi.mock('@/entrypoints/content/shadow', () => ({ HOST_ATTR: 'data-aot', attachOurShadow: (host: HTMLElement) => host.attachShadow({ mode: 'open' }) }));

const { startOwnPage } = await import('@/entrypoints/content/own-page');

const ctx = { isValid: true, addEventListener: vi.fn(), onInvalidated: vi.fn() } as never;
const adapter = { findItems: () => [] } as never;
const bar = () => document.querySelector('[data-aot="own-page"]')?.shadowRoot?.querySelector('.aot-ownbar') ?? null;

afterEach(() => {
  document.body.replaceChildren();
  request.mockReset();
});

describe('the bar of a body’s page not in the registry', () => {
  it('offers to register it and to hide the bar on this page for good', async () => {
    request.mockResolvedValueOnce({ state: 'body', body: 'Министерство строительства РС(Я)' });
    startOwnPage(ctx, adapter);
    await vi.waitFor(() => expect(bar()).not.toBeNull());
    expect(request).toHaveBeenCalledWith('accounts.page', { url: location.href });
    const buttons = [...bar()!.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Внести в реестр аккаунтов', 'Скрыть', '×']);
    expect(buttons[1]!.title).toMatch(/^Больше не показывать эту панель на этой странице/);
    expect(bar()!.textContent).toMatch(/^Страница органа «Министерство строительства РС\(Я\)» не внесена в реестр официальных аккаунтов/);
  });

  it('is not shown on a page whose bar was hidden, nor on a page that is not a body’s', async () => {
    for (const state of [{ state: 'hidden', body: 'Минстрой' }, { state: 'none' }]) {
      request.mockResolvedValueOnce(state);
      startOwnPage(ctx, adapter);
      await vi.waitFor(() => expect(request).toHaveBeenCalledTimes(1));
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(document.querySelector('[data-aot="own-page"]'), state.state).toBeNull();
      request.mockReset();
    }
  });
});

describe('the bar of a registered page', () => {
  it('says this week’s content plan after the count against the norm', async () => {
    const { barText } = await import('@/entrypoints/content/own-page');
    const { setLocale } = await import('@/lib/i18n');
    setLocale('ru');
    const state = { state: 'registered', body: 'Министерство', norm: { min: 5, level: 'recommended' }, weekEnd: 0 } as const;
    expect(barText({ ...state, plan: { state: 'approved', items: 4, published: 1 } }, 2)).toBe(
      'Официальная страница: Министерство · публикаций на этой неделе: 2 из 5 (рекомендуется) · контент-план недели утверждён: опубликовано 1 из 4',
    );
    expect(barText({ ...state, plan: { state: 'none', items: 0, published: 0 } }, 0)).toMatch(/ · контент-плана на эту неделю нет$/);
    expect(barText(state, 2)).toBe('Официальная страница: Министерство · публикаций на этой неделе: 2 из 5 (рекомендуется)');
  });
});
