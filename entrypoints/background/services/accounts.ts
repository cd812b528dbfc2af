/**
 * A body's own pages (issue 19) from the page itself: whether the open page is registered and
 * whose it is, this week's publications against the act's norm for the account's kind (a body's
 * or the Government's), the posts the page shows recorded once each, registering a body's page
 * from its bar in one action, and hiding the «не внесена в реестр» bar of a page for good. The
 * act is the one chosen for the own pages (loadOwnPagesAct), not simply the region's.
 */
import type { AppDatabase } from '@/lib/db';
import { hidePage, isPageHidden, loadNormSetting, loadOwnPagesAct, pageAccount, publicationsIn, recordPublications, registerAccount } from '@/lib/db/accounts';
import { ACTS, canonicalAccountUrl, publicationNorm, weekOf, type ActId, type Clause } from '@/lib/accounts';
import type { Handlers } from '@/lib/messaging/router';
import { canonicalProfile } from '@/lib/sites/hosts';
import { REGIONS } from '@/lib/worktime';
import type { EnvSource } from './env';
import { linkPlanPublications, noEventsWeeks, planOf } from '@/lib/db/plans';

type AccountHandlers = Pick<Handlers, 'accounts.page' | 'accounts.publications' | 'accounts.register' | 'accounts.hide'>;

/** A clause as the bar says it: the act's region and the clause («Саратовская область, п. 4»). */
export function clauseText(c: Clause): string {
  const region = c.act === 'zhatay' ? 'Жатай' : REGIONS[c.act].name;
  return `${region}, ${c.clause}`;
}

/** A lib/accounts reason as the channel carries it: a clause param (an object) said as text. */
function wire(r: { reason: string; params?: Record<string, unknown> }): { reason: string; params?: Record<string, string | number> } {
  if (!r.params) return { reason: r.reason };
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(r.params)) {
    if (typeof v === 'string' || typeof v === 'number') params[k] = v;
    else if (v && typeof v === 'object' && 'act' in v && 'clause' in v) params[k] = clauseText(v as Clause);
  }
  // A clause given beside its act ({act, clause: 'п. 3.1'}) is said with the act's region.
  const act = r.params.act;
  if (typeof act === 'string' && typeof params.clause === 'string' && (act === 'zhatay' || act in REGIONS))
    params.clause = clauseText({ act: act as ActId, clause: params.clause });
  return { reason: r.reason, params };
}

export function accountHandlers({ db, env, newId }: { db: AppDatabase; env: EnvSource; newId: () => string }): AccountHandlers {
  const context = async (url: string) => {
    const e = await env();
    const act: ActId = await loadOwnPagesAct(db, e.workspace.region);
    // The page as the person has it open (a post in an overlay, vk.ru): the page itself.
    const page = canonicalProfile(url) ?? url;
    return { e, act, found: await pageAccount(db, act, page, e.now, e.calendar.spec.zone) };
  };
  return {
    'accounts.page': async ({ url }) => {
      const { e, act, found } = await context(url);
      if (!found) {
        const page = canonicalProfile(url);
        const body = page ? e.workspace.bodies.find((b) => b.pages.some((p) => canonicalProfile(p) === page)) : undefined;
        if (!body) return { state: 'none' };
        // Its bar hidden for good on this page (the registered bar is never hidden).
        return page && (await isPageHidden(db, page)) ? { state: 'hidden', body: body.name } : { state: 'body', body: body.name };
      }
      const { account, week } = found;
      const body = e.workspace.bodies.find((b) => b.id === account.body);
      // The Government's account has its own norm (Khabarovsk п. 5 абз. 1: ≥ 10, no «fewer allowed»).
      const norm = publicationNorm(act, account.kind, await loadNormSetting(db));
      const count = (await publicationsIn(db, account.id, week)).length;
      // This week's content plan, where the act has plans.
      let plan: { state: 'draft' | 'submitted' | 'approved' | 'returned' | 'none' | 'noEvents'; items: number; published: number } | undefined;
      if (ACTS[act].plans) {
        const current = await planOf(db, account.body, week.monday);
        const items = current?.items.filter((i) => i.status !== 'dropped') ?? [];
        const state = current?.state ?? ((await noEventsWeeks(db, account.body)).includes(week.monday) ? 'noEvents' : 'none');
        plan = { state, items: items.length, published: items.filter((i) => i.status === 'published').length };
      }
      return {
        state: 'registered',
        body: body?.name ?? account.body,
        account: account.id,
        count,
        ...(norm ? { norm: { min: norm.min, level: norm.level, ...(norm.clause ? { clause: clauseText(norm.clause) } : {}) } } : {}),
        ...(plan ? { plan } : {}),
        weekEnd: week.end,
      };
    },
    'accounts.publications': async ({ url, posts }) => {
      const { e, found } = await context(url);
      if (!found) return { added: 0, count: 0 };
      const added = await recordPublications(db, found.account.id, posts, e.now);
      // A planned item of the body's content plan for that day is now published.
      await linkPlanPublications(db, found.account.body, posts, e.calendar);
      const count = (await publicationsIn(db, found.account.id, weekOf(e.now, e.calendar.spec.zone))).length;
      return { added, count };
    },
    'accounts.register': async ({ url, name }) => {
      const e = await env();
      const canonical = canonicalAccountUrl(canonicalProfile(url) ?? url);
      if (!canonical.ok) return { ok: false, ...wire(canonical.error) };
      const body = e.workspace.bodies.find((b) => b.pages.some((p) => canonicalProfile(p) === canonicalProfile(canonical.value.url)));
      if (!body) return { ok: false, reason: 'accounts.unknownAccount' };
      const act = await loadOwnPagesAct(db, e.workspace.region);
      const r = await registerAccount(db, act, { id: newId(), body: body.id, url: canonical.value.url, name: name.trim() || body.name }, e.now);
      return r.ok ? { ok: true } : { ok: false, ...wire(r.error) };
    },
    'accounts.hide': async ({ url }) => {
      const e = await env();
      const r = await hidePage(db, canonicalProfile(url) ?? url, e.now);
      return r.ok ? { ok: true, url: r.value } : { ok: false, ...wire(r.error) };
    },
  };
}
