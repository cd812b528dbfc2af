/**
 * Moderation marks on a registered page (issue 19): each comment the screener finds removable
 * under the act gets a mark beside it — the ground and the clause — and «Не нарушение» to dismiss
 * a false one. The moderator removes a comment with the site's own control; when a marked
 * comment leaves the page, the removal is logged and the author's violations are said (at the
 * second, the proposal to block, which the head or a deputy decides).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { t, type TextKey } from '@/lib/i18n';
import { siteRequest as request } from '@/lib/messaging/site-client';
import type { PageItem, SiteAdapter } from '@/lib/sites';
import { canonicalProfile } from '@/lib/sites/hosts';
import { attachOurShadow, HOST_ATTR } from './shadow';
import { toast } from './toast';

type Mark = Awaited<ReturnType<typeof request<'moderation.screen'>>>['marks'][number];

export function startModeration(ctx: ContentScriptContext, adapter: SiteAdapter, stale: () => boolean): { scan: () => Promise<void>; stop: () => void } {
  const screened = new Set<string>();
  const marked = new Map<Element, { item: PageItem; mark: Mark; host: HTMLElement }>();
  let checkTimer: ReturnType<typeof setTimeout> | undefined;

  const unmark = (element: Element) => {
    marked.get(element)?.host.remove();
    marked.delete(element);
  };

  const paint = (item: PageItem, mark: Mark) => {
    const host = document.createElement('div');
    host.setAttribute(HOST_ATTR, 'moderation');
    host.dataset.aotKey = item.key;
    const shadow = attachOurShadow(host);
    const box = document.createElement('div');
    box.className = 'aot-modmark';
    box.dataset.tone = mark.tentative ? 'check' : 'remove';
    const text = document.createElement('span');
    const ground = t(`moderation.ground.${mark.ground}` as TextKey);
    text.textContent = t(mark.tentative ? 'moderation.check' : 'moderation.remove', { ground, clause: mark.clause ?? '' });
    const dismiss = document.createElement('button');
    dismiss.type = 'button';
    dismiss.className = 'aot-button';
    dismiss.textContent = t('moderation.dismiss');
    dismiss.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      unmark(item.element);
      void request('moderation.dismiss', { key: item.key }).catch(() => undefined);
    });
    box.append(text, dismiss);
    shadow.append(box);
    const { parent, before } = adapter.buttonAnchor(item);
    parent.insertBefore(host, before);
    marked.set(item.element, { item, mark, host });
  };

  const scan = async () => {
    if (stale()) return;
    const page = canonicalProfile(location.href);
    const fresh = adapter
      .findItems(document)
      .filter((i) => i.kind === 'comment' && !screened.has(i.key) && (!i.author.url || canonicalProfile(i.author.url) !== page))
      .slice(0, 200);
    if (!fresh.length) return;
    for (const i of fresh) screened.add(i.key);
    const { marks } = await request('moderation.screen', {
      url: location.href,
      comments: fresh.map((i) => ({ key: i.key, text: i.text.slice(0, 5000), author: (i.author.url ?? i.author.name).slice(0, 500) })),
    });
    if (stale()) return;
    const byKey = new Map(fresh.map((i) => [i.key, i]));
    for (const m of marks) {
      const item = byKey.get(m.key);
      if (item?.element.isConnected) paint(item, m);
    }
  };

  // A marked comment gone from the page: the moderator removed it with the site's control.
  const check = () => {
    checkTimer = undefined;
    for (const [element, { item, mark, host }] of [...marked]) {
      if (element.isConnected) continue;
      host.remove();
      marked.delete(element);
      void request('moderation.removed', {
        url: location.href,
        key: item.key,
        text: item.text.slice(0, 20_000),
        author: (item.author.url ?? item.author.name).slice(0, 500),
        ground: mark.ground,
      })
        .then((r) => {
          const said = t('moderation.logged', { count: r.violations });
          toast(r.proposal ? `${said} ${t('moderation.propose', { count: r.violations, clause: r.proposal.clause })}` : said, 'ok', 15_000);
        })
        .catch(() => toast(t('moderation.logFailed'), 'error'));
    }
  };
  const observer = new MutationObserver(() => {
    if (marked.size && checkTimer === undefined) checkTimer = setTimeout(check, 200);
  });
  observer.observe(document.body, { childList: true, subtree: true });

  const stop = () => {
    observer.disconnect();
    if (checkTimer !== undefined) clearTimeout(checkTimer);
    for (const element of [...marked.keys()]) unmark(element);
  };
  ctx.onInvalidated(stop);
  return { scan, stop };
}
