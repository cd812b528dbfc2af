/** My queue, live from Dexie: loaded by the popup after its first paint (see my-queue.ts). */
import { liveQuery } from 'dexie';
import { getDb, queueFor } from '@/lib/db';
import { loadWorkspace } from '@/lib/db/messages';
import { queueKeys } from '@/lib/workflow/notify';
import type { MyQueue } from './my-queue';

/** Calls onData now and after every change to my queue; returns the function that stops it. */
export function watchMyQueue(onData: (queue: MyQueue) => void): () => void {
  const subscription = liveQuery(async () => {
    const workspace = await loadWorkspace(getDb());
    return { workspace, messages: await queueFor(getDb(), queueKeys(workspace.user)) };
  }).subscribe({
    next: onData,
    error: (error: unknown) => console.error('[popup] reading my queue failed', error),
  });
  return () => subscription.unsubscribe();
}
