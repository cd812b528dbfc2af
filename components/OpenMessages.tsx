import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { getDb, queueFor } from '@/lib/db';
import { queueKeys } from '@/lib/workflow/notify';
import { loadWorkspace } from '@/lib/db/messages';
import { calendarFor, getCalendar } from './state/calendar';
import { startClock } from './state/clock';
import { MessageList } from './MessageList';

/** My open messages in deadline order, live from the database, with ticking countdowns. */
export function OpenMessages({ onPost }: { onPost?: (id: string) => void }) {
  // My items (routed to me or my bodies, and, for a curator, what waits for the curator) and
  // the workspace they are counted in, read in one go: one round trip before the first row.
  const data = useLiveQuery(async () => {
    const ws = await loadWorkspace(getDb());
    return { workspace: ws, messages: await queueFor(getDb(), queueKeys(ws.user)) };
  }, []);
  const workspace = data?.workspace;
  const messages = data?.messages;
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
