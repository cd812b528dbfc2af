/** Message storage operations shared by the background and extension pages. */
import type { AppDatabase } from './index';
import type { CapturedItem, MessageRecord, Routing } from '../model/message';
import { messageFromCapture } from '../workflow/capture';
import type { WorkCalendar } from '../worktime';

/** How far the page's detection time may differ from the background's clock. */
const MAX_DETECTION_AGE_MS = 12 * 60 * 60_000;
const MAX_CLOCK_SKEW_MS = 2 * 60_000;

/**
 * The detection moment: when the curator pressed «Взять в работу» on the page, if the page's
 * clock is plausible; otherwise the background's own time.
 */
export function detectionTime(claimed: number | undefined, now: number): number {
  if (claimed === undefined) return now;
  if (claimed > now + MAX_CLOCK_SKEW_MS || claimed < now - MAX_DETECTION_AGE_MS) return now;
  return Math.min(claimed, now);
}

export interface SaveCaptureInput {
  item: CapturedItem;
  routing: Routing;
  detectedAt?: number;
}

/**
 * Stores a captured post as a message with its audit event, in one transaction. Capturing
 * a post that is already a message returns the existing one (created: false), unchanged.
 */
export async function saveCapture(
  db: AppDatabase,
  input: SaveCaptureInput,
  env: { now: number; calendar: WorkCalendar; newId: () => string },
): Promise<{ message: MessageRecord; created: boolean }> {
  return db.transaction('rw', db.messages, db.events, async () => {
    const existing = await db.messages.where('key').equals(input.item.key).first();
    if (existing) return { message: existing, created: false };
    const { message, events } = messageFromCapture(input.item, input.routing, {
      id: env.newId(),
      now: env.now,
      detectedAt: detectionTime(input.detectedAt, env.now),
      calendar: env.calendar,
    });
    await db.messages.add(message);
    await db.events.bulkAdd(events);
    return { message, created: true };
  });
}

export async function findByKeys(db: AppDatabase, keys: string[]): Promise<MessageRecord[]> {
  if (keys.length === 0) return [];
  return db.messages.where('key').anyOf(keys).toArray();
}
