/**
 * Capture: a post read from the page plus the curator's routing becomes a stored message.
 * Pure: the id, the time and the calendar are passed in.
 */
import { SKELETON_ANSWER_TIMER } from '../regulations';
import { addWorkingMinutes, type WorkCalendar } from '../worktime';
import type { CapturedItem, MessageEvent, MessageRecord, Routing } from '../model/message';

export interface CaptureContext {
  id: string;
  /** Now (epoch ms): when the message is recorded. */
  now: number;
  /** When the curator detected the post; every clock starts here. Defaults to now. */
  detectedAt?: number;
  calendar: WorkCalendar;
}

export function messageFromCapture(
  item: CapturedItem,
  routing: Routing,
  { id, now, detectedAt = now, calendar }: CaptureContext,
): { message: MessageRecord; events: MessageEvent[] } {
  const dueAt = addWorkingMinutes(calendar, detectedAt, SKELETON_ANSWER_TIMER.minutes);
  const message: MessageRecord = {
    id,
    key: item.key,
    site: item.site,
    kind: item.kind,
    url: item.url,
    ...(item.parentKey ? { parentKey: item.parentKey } : {}),
    author: item.author,
    text: item.text,
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
    attachments: item.attachments,
    topic: routing.topic,
    location: routing.location,
    importance: routing.importance,
    executor: routing.executor,
    status: 'open',
    step: 'routed',
    detectedAt,
    dueAt,
    createdAt: now,
    updatedAt: now,
  };
  const events: MessageEvent[] = [
    {
      messageId: id,
      type: 'captured',
      at: now,
      data: { routing, dueAt, clause: SKELETON_ANSWER_TIMER.clause },
    },
  ];
  return { message, events };
}
