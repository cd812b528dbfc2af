/**
 * The extension's sync client in-process: its Dexie database on fake-indexeddb, the background's
 * sync service talking to the server through inject(), and the steps a person takes (the same
 * lib/db functions the background calls).
 */
import 'fake-indexeddb/auto';
import type { FastifyInstance } from 'fastify';
import { createDatabase, type AppDatabase } from '@/lib/db';
import { applyCommand, saveCapture, saveWorkspace, loadWorkspace } from '@/lib/db/messages';
import { createEnv } from '@/entrypoints/background/services/env';
import { syncService, type HttpPort, type SyncService } from '@/entrypoints/background/services/sync';
import { invite } from '../../server/admin';
import type { Team } from './helpers';
import type { CapturedItem, Routing } from '@/lib/model/message';

let n = 0;

export interface Client {
  name: string;
  db: AppDatabase;
  sync: SyncService;
  /** While offline every request fails as a network error. */
  offline: boolean;
  capture(item: CapturedItem, routing: Routing, id?: string): ReturnType<typeof saveCapture>;
  step(id: string, command: unknown): ReturnType<typeof applyCommand>;
  editDirectory(change: (ws: Awaited<ReturnType<typeof loadWorkspace>>) => Awaited<ReturnType<typeof loadWorkspace>>): Promise<void>;
  /** Drops the service (a stopped worker) and makes a new one on the same database. */
  restart(): void;
  close(): Promise<void>;
}

export function injectHttp(app: FastifyInstance, isOffline: () => boolean): HttpPort {
  return async (url, init) => {
    if (isOffline()) throw new TypeError('Failed to fetch');
    const u = new URL(url);
    const res = await app.inject({
      method: init.method,
      url: u.pathname + u.search,
      headers: init.headers,
      ...(init.body !== undefined ? { payload: init.body } : {}),
    });
    return { status: res.statusCode, json: async () => res.json() as unknown };
  };
}

export async function connectedClient(t: Team, name: string, personId: string, clock: () => number = Date.now): Promise<Client> {
  const c = localClient(t, name, clock);
  await connect(t, c, personId);
  return c;
}

/** Connects a client with a fresh invitation of the person (what the options page does). */
export async function connect(t: Team, c: Client, personId: string): Promise<void> {
  const { code } = await invite(t.database.db, personId);
  const r = await c.sync.connect({ server: 'http://127.0.0.1:9', code });
  if (!r.ok) throw new Error(`connect ${c.name}: ${r.code}`);
}

/** A browser working on its own (no server yet). */
export function localClient(t: Team, name: string, clock: () => number = Date.now): Client {
  const db = createDatabase(`client-${name}-${++n}-${Math.random().toString(36).slice(2)}`);
  const env = createEnv(db, clock);
  const c: Client = {
    name,
    db,
    offline: false,
    sync: undefined as unknown as SyncService,
    async capture(item, routing, id) {
      return saveCapture(db, { item, routing }, { ...(await env()), newId: () => id ?? crypto.randomUUID() });
    },
    async step(id, command) {
      const e = await env();
      return applyCommand(db, id, command, e.workspace.user, e);
    },
    async editDirectory(change) {
      await saveWorkspace(db, change(await loadWorkspace(db)), clock());
    },
    restart() {
      c.sync = syncService({ db, http: injectHttp(t.app, () => c.offline), now: clock, newId: () => crypto.randomUUID(), deviceName: name });
    },
    async close() {
      db.close();
      await db.delete();
    },
  };
  c.restart();
  return c;
}
