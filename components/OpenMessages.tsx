import { useEffect } from 'react';
import { calendarFor, getCalendar } from './state/calendar';
import { startClock } from './state/clock';
import type { MyQueue } from './state/my-queue';
import { MessageList } from './MessageList';
import { bodyLabel } from './body';

/** My open messages in deadline order (see useMyQueue), with ticking countdowns. */
export function OpenMessages({
  queue,
  onPost,
  onRendered,
}: {
  queue: MyQueue | undefined;
  onPost?: (id: string) => void;
  onRendered?: (rows: number, total: number) => void;
}) {
  useEffect(() => startClock(), []);
  const workspace = queue?.workspace;
  const bodyNames = new Map(workspace?.bodies.map((b) => [b.id, b.name]) ?? []);
  return (
    <MessageList
      messages={queue?.messages}
      calendar={workspace ? calendarFor(workspace) : getCalendar()}
      bodyName={(id) => bodyLabel(id, bodyNames.get(id))}
      {...(onPost ? { onPost } : {})}
      {...(onRendered ? { onRendered } : {})}
    />
  );
}
