/**
 * A body's own pages (issue 19), stored: the registry of official accounts (a settings record,
 * validated by lib/accounts on every change) and what each registered page published (one row
 * per post). Adding an account also puts its address among the body's own pages in the
 * workspace, in the same transaction: the content script then leaves the page's replies alone.
 */
import type { AppDatabase } from './index';
import { loadWorkspace, writeWorkspace } from './messages';
import {
  accountAt,
  activeAccounts,
  addAccount,
  markReported,
  registrySchema,
  removeAccount,
  weekOf,
  type AccountInput,
  type ActId,
  type NormSetting,
  type Registry,
  type Result,
  type Week,
} from '../accounts';
import { canonicalProfile } from '../sites/hosts';
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
    return result;
  });
}

export function registerAccount(db: AppDatabase, act: ActId, input: AccountInput, now: number): Promise<Result<Registry>> {
  return change(db, act, now, (r) => addAccount(r, input, now));
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
