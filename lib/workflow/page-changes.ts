/**
 * Whether what a page shows now on a captured post differs from what was captured: an edit
 * or a deletion. Pure: the content script reports what it saw, the background records the
 * change beside the captured text (which is never overwritten).
 */
import { comparableText } from '../sites/dom';
import type { Message } from '../model/workflow';

export type PageChange = Message['pageChanges'][number];

/** Case, blanks, NBSP and a trailing ellipsis do not count as changes. */
function comparable(text: string): string {
  return comparableText(text).replace(/\s*(?:…|\.\.\.)$/, '');
}

/** At most this many page changes are kept per message (the captured text is always kept). */
export const MAX_PAGE_CHANGES = 20;
/** A second miss at least this long after the first records the deletion. */
export const SECOND_MISS_MS = 2_000;

export interface PageObservation {
  /** The change to record, or null. */
  change: PageChange | null;
  /** A first miss not yet confirmed (undefined: none pending). */
  pageMissedAt: number | undefined;
}

/**
 * What one look at the page means for a captured post. A deletion is recorded only after two
 * misses (a page still loading, or a feed that dropped the post for a moment, is not a
 * deletion); a post seen again after one is recorded as restored.
 */
export function observePage(message: Pick<Message, 'text' | 'pageChanges' | 'pageMissedAt'>, seen: string | null, now: number): PageObservation {
  const last = message.pageChanges.at(-1);
  if (seen === null) {
    if (last?.kind === 'deleted') return { change: null, pageMissedAt: undefined };
    if (message.pageMissedAt === undefined || now - message.pageMissedAt < SECOND_MISS_MS) return { change: null, pageMissedAt: message.pageMissedAt ?? now };
    return { change: { kind: 'deleted', at: now }, pageMissedAt: undefined };
  }
  if (last?.kind === 'deleted') return { change: { kind: 'restored', at: now }, pageMissedAt: undefined };
  return { change: pageChange(message, seen, now), pageMissedAt: undefined };
}

/** The list with one more change, the oldest edits dropped beyond MAX_PAGE_CHANGES. */
export function withPageChange(list: readonly PageChange[], change: PageChange): PageChange[] {
  const next = [...list, change];
  while (next.length > MAX_PAGE_CHANGES) {
    const i = next.findIndex((c) => c.kind === 'edited');
    next.splice(i === -1 || i === next.length - 1 ? 0 : i, 1);
  }
  return next;
}

/**
 * The edit to record, or null, for a post the page shows with `seen` (null: the page no longer
 * shows it: a deletion, see observePage for the two misses). Feeds cut long posts ("Показать
 * ещё") and expand them later, so one text being the beginning of the other is not an edit. A
 * change already recorded last is not recorded again.
 */
export function pageChange(message: Pick<Message, 'text' | 'pageChanges'>, seen: string | null, now: number): PageChange | null {
  const last = message.pageChanges.at(-1);
  if (seen === null) return last?.kind === 'deleted' ? null : { kind: 'deleted', at: now };
  const before = comparable(message.text);
  const after = comparable(seen);
  if (!after || before === after || before.startsWith(after) || after.startsWith(before)) return null;
  // The last known text: the latest edit (restorations and deletions carry none).
  const lastEdit = [...message.pageChanges].reverse().find((c) => c.kind === 'edited');
  if (lastEdit?.text !== undefined && comparable(lastEdit.text) === after) return null;
  return { kind: 'edited', at: now, text: seen };
}
