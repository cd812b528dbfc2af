/**
 * The moderation log of the bodies' own pages (issue 19): removals, dismissed false marks and
 * decisions on blocking, kept as one settings record and changed only through lib/accounts'
 * checks, in one transaction each.
 */
import { z } from 'zod';
import type { AppDatabase } from './index';
import { dismissMark, moderationEntrySchema, recordBlockDecision, recordRemoval, type ModerationEntry, type Removal, type Result } from '../accounts';

export const MODERATION_KEY = 'accounts.moderation';

export async function loadModerationLog(db: AppDatabase): Promise<ModerationEntry[]> {
  const parsed = z.array(moderationEntrySchema).safeParse((await db.settings.get(MODERATION_KEY))?.value);
  return parsed.success ? parsed.data : [];
}

async function change(db: AppDatabase, fn: (log: ModerationEntry[]) => Result<ModerationEntry[]>): Promise<Result<ModerationEntry[]>> {
  return db.transaction('rw', db.settings, async () => {
    const result = fn(await loadModerationLog(db));
    if (result.ok) await db.settings.put({ key: MODERATION_KEY, value: result.value });
    return result;
  });
}

export function logRemoval(db: AppDatabase, removal: Omit<Removal, 'kind'>): Promise<Result<ModerationEntry[]>> {
  // A comment removed twice (seen again after a reload) is one removal.
  return change(db, (log) =>
    log.some((e) => e.kind === 'removed' && e.commentKey === removal.commentKey) ? { ok: true, value: log } : recordRemoval(log, removal),
  );
}

export function logDismissal(db: AppDatabase, dismissal: { id: string; at: number; by: string; commentKey: string }): Promise<Result<ModerationEntry[]>> {
  return change(db, (log) => dismissMark(log, dismissal));
}

/** The head's or a deputy's decision on a proposal to block (Zhatay п. 4.3), with who recorded it. */
export function logBlockDecision(
  db: AppDatabase,
  decision: { id: string; at: number; by: string; role: 'head' | 'deputy'; author: string; decision: 'block' | 'noBlock' },
): Promise<Result<ModerationEntry[]>> {
  return change(db, (log) => recordBlockDecision(log, decision));
}
