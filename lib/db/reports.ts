/**
 * What a report reads: the messages that can count in a period (and the one before it), and
 * their event log. A message detected before the period still counts where it is open now or
 * a deadline of it fell in the period, so every open message is read too, and those detected in
 * the months just before (a breach of theirs may fall in the period).
 */
import type { Message, WorkflowEvent } from '../model/workflow';
import type { AppDatabase } from './index';

/** How far before the period messages are read (their late steps may fall in it). */
export const REPORT_LOOKBACK_MS = 92 * 86_400_000;

export interface ReportData {
  messages: Message[];
  events: WorkflowEvent[];
}

export async function reportData(db: AppDatabase, from: number, to: number): Promise<ReportData> {
  return db.transaction('r', db.messages, db.events, async () => {
    const [recent, open] = await Promise.all([
      db.messages
        .where('detectedAt')
        .between(from - REPORT_LOOKBACK_MS, to, true, false)
        .toArray(),
      db.messages.where('status').equals('open').toArray(),
    ]);
    const byId = new Map<string, Message>();
    for (const m of recent) byId.set(m.id, m);
    for (const m of open) byId.set(m.id, m);
    const messages = [...byId.values()];
    const events = messages.length
      ? await db.events
          .where('messageId')
          .anyOf([...byId.keys()])
          .toArray()
      : [];
    return { messages, events };
  });
}
