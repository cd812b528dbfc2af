import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { getDb, openMessagesByDue } from '@/lib/db';
import { loadWorkspace } from '@/lib/db/messages';
import { calendarFor, getCalendar } from './state/calendar';
import { startClock } from './state/clock';
import { MessageList } from './MessageList';

/** The open messages in deadline order, live from the database, with ticking countdowns. */
export function OpenMessages({ onPost }: { onPost?: (id: string) => void }) {
  const messages = useLiveQuery(() => openMessagesByDue(getDb()), []);
  const workspace = useLiveQuery(() => loadWorkspace(getDb()), []);
  useEffect(() => startClock(), []);
  const bodyNames = new Map(workspace?.bodies.map((b) => [b.id, b.name]) ?? []);
  return (
    <MessageList
      messages={messages}
      calendar={workspace ? calendarFor(workspace) : getCalendar()}
      bodyName={(id) => bodyNames.get(id) ?? id}
      {...(onPost ? { onPost } : {})}
    />
  );
}

export function useOpenCount(): number | undefined {
  return useLiveQuery(() => getDb().messages.where('status').equals('open').count(), []);
}
