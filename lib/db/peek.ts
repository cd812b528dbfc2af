/**
 * A read-only look into the database without Dexie: one raw IndexedDB transaction for the
 * popup's first paint (Dexie, and the schemas that come with it, load afterwards for live
 * updates). It never creates or upgrades the database: when the database does not exist yet,
 * or lacks a store or index this release reads, the answer is null and the caller takes the
 * Dexie path, which creates and upgrades it.
 */
import type { Message } from '../model/workflow';
import { DB_NAME } from './schema';

const WORKSPACE_KEY = 'workspace';

export interface QueuePeek {
  /** The stored workspace record's value as it is: the caller checks what it needs of it. */
  workspace: unknown;
  messages: Message[];
}

const byNextDue = (a: Message, b: Message) => (a.nextDueAt ?? Infinity) - (b.nextDueAt ?? Infinity);

/** One queue from the lists of its keys: each open message once, the next deadline first. */
export function mergeQueue(lists: readonly (readonly Message[])[]): Message[] {
  const byId = new Map<string, Message>();
  for (const list of lists) for (const m of list) if (m.status === 'open') byId.set(m.id, m);
  return [...byId.values()].sort(byNextDue);
}

function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(name);
    } catch {
      return resolve(null);
    }
    // Only a database that does not exist yet gets here: leave creating it to Dexie.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      // Never stand in the way of an upgrade in another page.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(null);
    };
    request.onblocked = () => resolve(null);
  });
}

/**
 * The workspace and the queue of the keys `keysOf` derives from it (null: no queue), read in
 * one transaction: one get and one index getAll per key.
 */
export async function peekQueue(keysOf: (workspace: unknown) => string[] | null, name: string = DB_NAME): Promise<QueuePeek | null> {
  const db = await openExisting(name);
  if (!db) return null;
  try {
    return await new Promise<QueuePeek | null>((resolve) => {
      let tx: IDBTransaction;
      let byOwner: IDBIndex;
      let settings: IDBObjectStore;
      try {
        tx = db.transaction(['settings', 'messages'], 'readonly');
        settings = tx.objectStore('settings');
        byOwner = tx.objectStore('messages').index('openFor');
      } catch {
        return resolve(null); // an older schema: no such store or index
      }
      tx.onerror = (event) => {
        event.preventDefault();
        resolve(null);
      };
      tx.onabort = () => resolve(null);
      const wsRequest = settings.get(WORKSPACE_KEY);
      wsRequest.onsuccess = () => {
        const workspace = (wsRequest.result as { value?: unknown } | undefined)?.value;
        const keys = keysOf(workspace);
        if (!keys) return resolve(null);
        const lists: Message[][] = [];
        let left = keys.length;
        if (!left) return resolve({ workspace, messages: [] });
        keys.forEach((key, i) => {
          const r = byOwner.getAll(key);
          r.onsuccess = () => {
            lists[i] = r.result as Message[];
            if (--left === 0) resolve({ workspace, messages: mergeQueue(lists) });
          };
        });
      };
    });
  } finally {
    db.close();
  }
}
