/**
 * Whether what a page shows now on a captured post differs from what was captured: an edit
 * or a deletion. Pure: the content script reports what it saw, the background records the
 * change beside the captured text (which is never overwritten).
 */
import { comparableText } from '../sites/dom';
import type { Message } from './model';

export type PageChange = Message['pageChanges'][number];

/** Case, blanks, NBSP and a trailing ellipsis do not count as changes. */
function comparable(text: string): string {
  return comparableText(text).replace(/\s*(?:…|\.\.\.)$/, '');
}

/**
 * The change to record, or null. `seen` is the text the page shows, or null when the post's
 * own page no longer shows it. Feeds cut long posts ("Показать ещё") and expand them later,
 * so one text being the beginning of the other is not an edit. A change already recorded
 * last is not recorded again.
 */
export function pageChange(message: Pick<Message, 'text' | 'pageChanges'>, seen: string | null, now: number): PageChange | null {
  const last = message.pageChanges.at(-1);
  if (seen === null) return last?.kind === 'deleted' ? null : { kind: 'deleted', at: now };
  const before = comparable(message.text);
  const after = comparable(seen);
  if (!after || before === after || before.startsWith(after) || after.startsWith(before)) return null;
  if (last?.kind === 'edited' && last.text !== undefined && comparable(last.text) === after) return null;
  return { kind: 'edited', at: now, text: seen };
}
