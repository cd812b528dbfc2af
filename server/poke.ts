/**
 * "Pull now" fan-out per workspace. In one process (the embedded mode is one instance) the hub
 * calls its listeners; on a real PostgreSQL several instances may serve one region, so a
 * change is announced with NOTIFY and every instance (this one included) pokes its own sockets
 * when the notification arrives. (PGlite's NOTIFY does not cross connections: in-process there.)
 */
import type pg from 'pg';

export const POKE_CHANNEL = 'teamserver_poke';

export class PokeHub {
  private readonly listeners = new Map<string, Set<() => void>>();

  subscribe(workspaceId: string, listener: () => void): () => void {
    let set = this.listeners.get(workspaceId);
    if (!set) this.listeners.set(workspaceId, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  poke(workspaceId: string): void {
    for (const l of this.listeners.get(workspaceId) ?? []) l();
  }
}

/**
 * Listens for other instances' changes on a connection of its own (held out of the pool);
 * reconnects after a lost connection. Returns the announcer and a stop function.
 */
export async function crossInstancePokes(
  pool: pg.Pool,
  hub: PokeHub,
  log: (msg: string) => void,
): Promise<{ announce: (workspaceId: string) => Promise<void>; stop: () => Promise<void> }> {
  let client: pg.PoolClient | undefined;
  let stopped = false;
  const releases = new WeakMap<pg.PoolClient, (destroy: boolean) => void>();
  const connect = async (): Promise<void> => {
    const c = await pool.connect();
    let released = false;
    // A client goes back to the pool once: an error after stop() (the database shutting down)
    // or a second error event must not release it again (pg-pool throws on that).
    const release = (destroy: boolean): void => {
      if (released) return;
      released = true;
      c.release(destroy);
    };
    releases.set(c, release);
    c.on('notification', (n) => n.channel === POKE_CHANNEL && n.payload && hub.poke(n.payload));
    c.on('error', (e) => {
      if (released) return;
      release(true);
      if (client === c) client = undefined;
      if (stopped) return;
      log(`poke listener lost its connection: ${e.message}`);
      setTimeout(() => void connect().catch((err: Error) => log(`poke listener: ${err.message}`)), 1000).unref();
    });
    try {
      await c.query(`LISTEN ${POKE_CHANNEL}`);
    } catch (e) {
      release(true);
      throw e;
    }
    client = c;
  };
  await connect();
  return {
    async announce(workspaceId) {
      await pool.query('SELECT pg_notify($1, $2)', [POKE_CHANNEL, workspaceId]);
    },
    async stop() {
      stopped = true;
      const c = client;
      client = undefined;
      if (c) {
        await c.query(`UNLISTEN ${POKE_CHANNEL}`).catch(() => undefined);
        releases.get(c)?.(false);
      }
    },
  };
}
