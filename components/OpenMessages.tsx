import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { getDb, openMessagesByDue } from '@/lib/db';
import { getCalendar } from './state/calendar';
import { startClock } from './state/clock';
import { MessageList } from './MessageList';

/** The open messages in deadline order, live from the database, with ticking countdowns. */
export function OpenMessages() {
  const messages = useLiveQuery(() => openMessagesByDue(getDb()), []);
  useEffect(() => startClock(), []);
  return <MessageList messages={messages} calendar={getCalendar()} />;
}

export function useOpenCount(): number | undefined {
  return useLiveQuery(() => getDb().messages.where('status').equals('open').count(), []);
}
