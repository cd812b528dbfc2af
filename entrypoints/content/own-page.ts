/**
 * The slim bar on a body's own page (issue 19): «Официальная страница: <body>» with this week's
 * publications against the act's norm; on a body's page not yet in the registry, one action
 * adds it, and «Скрыть» hides that bar on this page for good (remembered by the background per
 * page address; shown again from the options). × closes either bar for this page view only.
 * The page's own posts (author = the page) are recorded as they are shown, once each. Nothing
 * of this runs on a page that is not among the own pages (one set lookup).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t } from '@/lib/i18n';
import { siteRequest as request } from '@/lib/messaging/site-client';
import type { SiteAdapter } from '@/lib/sites';
import { canonicalProfile } from '@/lib/sites/hosts';
import { isOwnAuthor } from './own';
import { startModeration } from './moderation';
import { attachOurShadow, HOST_ATTR } from './shadow';

type PageState = Awaited<ReturnType<typeof request<'accounts.page'>>>;

/** The page's own posts the adapter finds: key and time, author = this page. */
export function ownPosts(adapter: SiteAdapter, root: ParentNode, pageUrl: string): Array<{ key: string; publishedAt: number }> {
  const page = canonicalProfile(pageUrl);
  if (!page) return [];
  const out: Array<{ key: string; publishedAt: number }> = [];
  for (const item of adapter.findItems(root)) {
    if (item.kind !== 'post' || !item.author.url || canonicalProfile(item.author.url) !== page) continue;
    if (item.publishedAt !== undefined && Number.isInteger(item.publishedAt) && item.publishedAt > 0)
      out.push({ key: item.key, publishedAt: item.publishedAt });
    if (out.length >= 500) break;
  }
  return out;
}

/** What the bar says for a registered page (pure, for the tests). */
export function barText(state: PageState, count: number): string {
  const head = t('ownpage.official', { body: state.body ?? '' });
  const plan = state.plan ? ` · ${t(`ownpage.plan.${state.plan.state}`, { items: state.plan.items, published: state.plan.published })}` : '';
  if (!state.norm) return `${head} · ${t('ownpage.count', { count })}${plan}`;
  const level = t(state.norm.level === 'mandatory' ? 'ownpage.mandatory' : 'ownpage.recommended');
  const clause = state.norm.clause ? `, ${state.norm.clause}` : '';
  return `${head} · ${t('ownpage.norm', { count, min: state.norm.min })} (${level}${clause})${plan}`;
}

export function startOwnPage(ctx: ContentScriptContext, adapter: SiteAdapter): () => void {
  let host: HTMLElement | undefined;
  let box: HTMLElement | undefined;
  let scanTimer: ReturnType<typeof setTimeout> | undefined;
  let dismissed = false;
  let generation = 0;
  let moderation: ReturnType<typeof startModeration> | undefined;

  const remove = () => {
    moderation?.stop();
    moderation = undefined;
    host?.remove();
    host = box = undefined;
    if (scanTimer !== undefined) clearTimeout(scanTimer);
    scanTimer = undefined;
  };

  const ensureBox = () => {
    if (host?.isConnected && box) return box;
    host = document.createElement('div');
    host.setAttribute(HOST_ATTR, 'own-page');
    const shadow = attachOurShadow(host);
    box = document.createElement('div');
    box.className = 'aot-ownbar';
    box.setAttribute('role', 'status');
    shadow.append(box);
    // Fixed at the bottom: it takes no space from the page's flow (nothing below it moves).
    document.body.append(host);
    return box;
  };

  const closeButton = () => {
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'aot-icon-button';
    close.setAttribute('aria-label', t('inpage.close'));
    close.textContent = '×';
    close.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      dismissed = true;
      remove();
    });
    return close;
  };

  const paint = (parts: Node[]) => {
    const b = ensureBox();
    b.replaceChildren(...parts, closeButton());
  };

  const text = (s: string) => {
    const span = document.createElement('span');
    span.textContent = s; // our own words and the directory's names, never HTML
    return span;
  };

  const record = async (state: PageState, gen: number) => {
    if (gen !== generation) return;
    const posts = ownPosts(adapter, document, location.href);
    if (!posts.length || gen !== generation) return;
    const r = await request('accounts.publications', { url: location.href, posts });
    if (gen === generation && box) paint([text(barText(state, r.count))]);
  };

  const show = async () => {
    const gen = ++generation;
    remove();
    if (dismissed || !isOwnAuthor(location.href)) return;
    const state = await request('accounts.page', { url: location.href });
    if (gen !== generation || !ctx.isValid) return;
    // Not a body's page, or its «не внесена в реестр» bar hidden for good.
    if (state.state === 'none' || state.state === 'hidden') return;
    if (state.state === 'body') {
      const add = document.createElement('button');
      add.type = 'button';
      add.className = 'aot-button';
      add.textContent = t('ownpage.register');
      add.addEventListener('click', (e) => {
        if (!e.isTrusted) return;
        add.disabled = true;
        const name = document.querySelector('h1')?.textContent?.trim().slice(0, 300) || document.title.slice(0, 300);
        void request('accounts.register', { url: location.href, name })
          .then((r) => (r.ok ? show() : paint([text(t('ownpage.registerFailed'))])))
          .catch(() => paint([text(t('ownpage.registerFailed'))]));
      });
      const hide = document.createElement('button');
      hide.type = 'button';
      hide.className = 'aot-button';
      hide.textContent = t('ownpage.hide');
      hide.title = t('ownpage.hideTitle');
      hide.addEventListener('click', (e) => {
        if (!e.isTrusted) return;
        // Gone now whatever the background answers; remembered there for this page's next visits
        // (other pages of the site keep their bars: `dismissed` is the × for this view only).
        remove();
        void request('accounts.hide', { url: location.href }).catch(() => undefined);
      });
      paint([text(t('ownpage.notRegistered', { body: state.body ?? '' })), add, hide]);
      return;
    }
    paint([text(barText(state, state.count ?? 0))]);
    // The page's comments, screened for what the act allows to remove.
    moderation = startModeration(ctx, adapter, () => gen !== generation || !ctx.isValid);
    await Promise.all([record(state, gen), moderation.scan()]);
    // Older posts load as the page is scrolled: recorded after the scrolling stops.
    const onScroll = () => {
      if (gen !== generation) return;
      if (scanTimer !== undefined) clearTimeout(scanTimer);
      scanTimer = setTimeout(() => void Promise.all([record(state, gen), moderation?.scan()]).catch(() => undefined), 1500);
    };
    ctx.addEventListener(window, 'scroll', onScroll, { passive: true });
  };

  const run = () => void show().catch(() => remove());
  run();
  ctx.onInvalidated(remove);
  return run;
}
