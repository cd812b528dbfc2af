/**
 * A body's own pages (issue 19), stored: the registry of official accounts (a settings record,
 * validated by lib/accounts on every change) and what each registered page published (one row
 * per post). Adding an account also puts its address among the body's own pages in the
 * workspace, in the same transaction: the content script then leaves the page's replies alone.
 * Beside them, settings records of their own: the act chosen for the own pages (a Yakutia
 * workspace may follow the Положение ГО «Жатай»), the workspace's own norm, and the pages whose
 * «не внесена в реестр» bar was hidden.
 */
import type { AppDatabase } from './index';
import { loadWorkspace, writeWorkspace } from './messages';
import {
  accountAt,
  activeAccounts,
  addAccount,
  canonicalAccountUrl,
  markReported,
  ownPagesAct,
  ownPagesActs,
  registrySchema,
  removeAccount,
  updateAccount,
  weekOf,
  type AccountInput,
  type AccountPatch,
  type ActId,
  type NormSetting,
  type Registry,
  type Result,
  type Week,
} from '../accounts';
import { fail, ok } from '../accounts/reasons';
import { instantSchema } from '../model/message';
import { canonicalProfile } from '../sites/hosts';
import type { Region } from '../worktime';
import { z } from 'zod';

/** settings key of the registry. */
export const REGISTRY_KEY = 'accounts.registry';

export interface PublicationRecord {
  /** The post's key ('vk:wall-1_2'). */
  key: string;
  /** The registered account's id. */
  account: string;
  publishedAt: number;
  /** When the extension saw it on the page. */
  seenAt: number;
}

/** The stored registry, or an empty one under the workspace's act. A stored one of another act keeps its accounts. */
export async function loadRegistry(db: AppDatabase, act: ActId): Promise<Registry> {
  const parsed = registrySchema.safeParse((await db.settings.get(REGISTRY_KEY))?.value);
  return parsed.success ? { ...parsed.data, act } : { act, accounts: [] };
}

/** Puts a registry change through and keeps the bodies' own pages in step, in one transaction. */
async function change(db: AppDatabase, act: ActId, now: number, fn: (r: Registry) => Result<Registry>): Promise<Result<Registry>> {
  return db.transaction('rw', db.settings, async () => {
    const result = fn(await loadRegistry(db, act));
    if (!result.ok) return result;
    await db.settings.put({ key: REGISTRY_KEY, value: result.value });
    const ws = await loadWorkspace(db);
    const pages = new Map<string, Set<string>>();
    for (const a of activeAccounts(result.value)) {
      const set = pages.get(a.body) ?? new Set<string>();
      set.add(a.url);
      pages.set(a.body, set);
    }
    const bodies = ws.bodies.map((b) => {
      const registered = pages.get(b.id);
      if (!registered) return b;
      const known = new Set(b.pages.map((p) => canonicalProfile(p) ?? p));
      const added = [...registered].filter((u) => !known.has(u));
      return added.length ? { ...b, pages: [...b.pages, ...added].slice(0, 20) } : b;
    });
    if (bodies.some((b, i) => b !== ws.bodies[i])) await writeWorkspace(db, { ...ws, bodies }, now);
    // A hidden «не внесена в реестр» bar of a page now registered is no longer hidden.
    const hidden = await hiddenPages(db);
    const registered = new Set(activeAccounts(result.value).map((a) => a.url));
    if (hidden.some((h) => registered.has(h.url))) await db.settings.put({ key: HIDDEN_PAGES_KEY, value: hidden.filter((h) => !registered.has(h.url)) });
    return result;
  });
}

export function registerAccount(db: AppDatabase, act: ActId, input: AccountInput, now: number): Promise<Result<Registry>> {
  return change(db, act, now, (r) => addAccount(r, input, now));
}

/**
 * Changes an account's address, name, administrators, official note or kind (lib/accounts
 * updateAccount: the address checked again, the one-per-network rule against the others, a new
 * name or address a change to report). A new address joins the body's own pages.
 */
export function editAccount(db: AppDatabase, act: ActId, id: string, patch: AccountPatch, now: number): Promise<Result<Registry>> {
  return change(db, act, now, (r) => updateAccount(r, id, patch, now));
}

export function unregisterAccount(db: AppDatabase, act: ActId, id: string, now: number): Promise<Result<Registry>> {
  return change(db, act, now, (r) => removeAccount(r, id, now));
}

export function reportAccountChange(db: AppDatabase, act: ActId, id: string, what: 'registry' | 'siteLinks', now: number): Promise<Result<Registry>> {
  return change(db, act, now, (r) => markReported(r, id, what, now));
}

/**
 * Records what a registered page shows it published (deduplicated by post key; a post seen
 * again keeps its first record). Returns how many were new.
 */
export async function recordPublications(
  db: AppDatabase,
  account: string,
  posts: ReadonlyArray<{ key: string; publishedAt: number }>,
  now: number,
): Promise<number> {
  if (!posts.length) return 0;
  return db.transaction('rw', db.publications, async () => {
    const known = new Set((await db.publications.bulkGet(posts.map((p) => p.key))).flatMap((r) => (r ? [r.key] : [])));
    const fresh = posts.filter((p, i) => !known.has(p.key) && posts.findIndex((q) => q.key === p.key) === i);
    await db.publications.bulkAdd(fresh.map((p) => ({ key: p.key, account, publishedAt: p.publishedAt, seenAt: now })));
    return fresh.length;
  });
}

/** The account's publications in a week (the working calendar's week in the region's zone). */
export async function publicationsIn(db: AppDatabase, account: string, week: Week): Promise<PublicationRecord[]> {
  return db.publications.where('[account+publishedAt]').between([account, week.start], [account, week.end], true, false).toArray();
}

/** The registered account at a page (any form of its address), and this week. */
export async function pageAccount(db: AppDatabase, act: ActId, url: string, now: number, zone: string) {
  const registry = await loadRegistry(db, act);
  const account = accountAt(registry, url);
  return account ? { account, week: weekOf(now, zone) } : null;
}

/** settings key of the workspace's own weekly norm (absent: the act's). */
export const NORM_KEY = 'accounts.norm';

const normSettingSchema = z.object({ min: z.number().int().min(0).max(100), level: z.enum(['mandatory', 'recommended']) });

/** The workspace's own norm, or null (the act's applies). */
export async function loadNormSetting(db: AppDatabase): Promise<NormSetting | null> {
  const parsed = normSettingSchema.safeParse((await db.settings.get(NORM_KEY))?.value);
  return parsed.success ? parsed.data : null;
}

/** Sets the workspace's own norm (null: back to the act's). */
export async function saveNormSetting(db: AppDatabase, setting: NormSetting | null): Promise<void> {
  if (setting === null) await db.settings.delete(NORM_KEY);
  else await db.settings.put({ key: NORM_KEY, value: normSettingSchema.parse(setting) });
}

// ---------------------------------------------------------------------------------------------
// The act of the own pages

/** settings key of the act chosen for the own pages (absent: the region's). */
export const ACT_KEY = 'accounts.act';

/**
 * The act that governs the workspace's own pages — the registry, the norm, content plans and
 * moderation: the region's, or the one chosen here among those the region allows (Zhatay's in a
 * Yakutia workspace). A choice the region does not allow (the workspace moved to another region)
 * is the region's act. Every service and options screen asks this, never the region.
 */
export async function loadOwnPagesAct(db: AppDatabase, region: Region): Promise<ActId> {
  return ownPagesAct(region, (await db.settings.get(ACT_KEY))?.value);
}

/** Chooses the act of the own pages; refused (nothing stored) for an act the region does not allow. */
export async function saveOwnPagesAct(db: AppDatabase, region: Region, act: ActId): Promise<Result<ActId>> {
  if (!ownPagesActs(region).includes(act)) return fail('accounts.actNotForRegion', { act: String(act), region });
  if (act === region) await db.settings.delete(ACT_KEY);
  else await db.settings.put({ key: ACT_KEY, value: act });
  return ok(act);
}

// ---------------------------------------------------------------------------------------------
// Pages whose «не внесена в реестр» bar was hidden

/** settings key of the pages whose unregistered bar is hidden. */
export const HIDDEN_PAGES_KEY = 'accounts.hiddenPages';
/** The most pages remembered (the oldest forgotten first). */
export const MAX_HIDDEN_PAGES = 1000;

const hiddenPageSchema = z.object({ url: z.string().max(500), at: instantSchema });
export type HiddenPage = z.infer<typeof hiddenPageSchema>;

/** The pages hidden, oldest first; an entry that does not read as a canonical page address is left out. */
export async function hiddenPages(db: AppDatabase): Promise<HiddenPage[]> {
  const raw = (await db.settings.get(HIDDEN_PAGES_KEY))?.value;
  if (!Array.isArray(raw)) return [];
  const out: HiddenPage[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    const parsed = hiddenPageSchema.safeParse(entry);
    if (!parsed.success || seen.has(parsed.data.url)) continue;
    const canonical = canonicalAccountUrl(parsed.data.url);
    if (!canonical.ok || canonical.value.url !== parsed.data.url) continue;
    seen.add(parsed.data.url);
    out.push(parsed.data);
  }
  return out;
}

/** Whether the page (any form of its address) is hidden. */
export async function isPageHidden(db: AppDatabase, url: string): Promise<boolean> {
  const canonical = canonicalAccountUrl(url);
  return canonical.ok && (await hiddenPages(db)).some((h) => h.url === canonical.value.url);
}

/**
 * Hides the «не внесена в реестр» bar of a page (any form of its address, made canonical; a post
 * or a host other than VK and OK is refused with canonicalAccountUrl's code). Hiding it again
 * keeps the first time. Resolves to the canonical address.
 */
export async function hidePage(db: AppDatabase, url: string, now: number): Promise<Result<string>> {
  const canonical = canonicalAccountUrl(url);
  if (!canonical.ok) return canonical;
  const entry = hiddenPageSchema.safeParse({ url: canonical.value.url, at: now });
  if (!entry.success) return fail('accounts.invalid', { issues: 'at' });
  return db.transaction('rw', db.settings, async () => {
    const hidden = await hiddenPages(db);
    if (!hidden.some((h) => h.url === entry.data.url))
      await db.settings.put({ key: HIDDEN_PAGES_KEY, value: [...hidden, entry.data].slice(-MAX_HIDDEN_PAGES) });
    return ok(entry.data.url);
  });
}

/** Shows the bar of a hidden page again (any form of its address); a page not hidden is left as it is. */
export async function showPage(db: AppDatabase, url: string): Promise<Result<string>> {
  const canonical = canonicalAccountUrl(url);
  if (!canonical.ok) return canonical;
  return db.transaction('rw', db.settings, async () => {
    const hidden = await hiddenPages(db);
    const rest = hidden.filter((h) => h.url !== canonical.value.url);
    if (rest.length !== hidden.length) await db.settings.put({ key: HIDDEN_PAGES_KEY, value: rest });
    return ok(canonical.value.url);
  });
}
