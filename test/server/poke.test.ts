/**
 * The cross-instance poke listener against a pool that behaves like pg-pool on release: a client
 * released twice throws. The database going away after stop() (a test dropping its database, a
 * server restart) emits 'error' on the already released client; that must not release it again.
 */
import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { describe, expect, it, vi } from 'vitest';
import { crossInstancePokes, PokeHub, POKE_CHANNEL } from '../../server/poke';

class FakeClient extends EventEmitter {
  releases = 0;
  queries: string[] = [];
  failListen = false;
  async query(sql: string): Promise<void> {
    this.queries.push(sql);
    if (this.failListen && sql.startsWith('LISTEN')) throw new Error('connection refused');
  }
  release(): void {
    if (++this.releases > 1) throw new Error('Release called on client which has already been released to the pool.');
  }
}

function fakePool(make: () => FakeClient = () => new FakeClient()): { pool: pg.Pool; clients: FakeClient[] } {
  const clients: FakeClient[] = [];
  const pool = {
    connect: async () => {
      const c = make();
      clients.push(c);
      return c;
    },
    query: vi.fn(async () => undefined),
  };
  return { pool: pool as unknown as pg.Pool, clients };
}

describe('cross-instance pokes', () => {
  it('pokes the hub on a notification of its channel only', async () => {
    const { pool, clients } = fakePool();
    const hub = new PokeHub();
    const seen: string[] = [];
    hub.subscribe('yak', () => seen.push('yak'));
    const cross = await crossInstancePokes(pool, hub, () => undefined);
    expect(clients[0]!.queries).toEqual([`LISTEN ${POKE_CHANNEL}`]);
    clients[0]!.emit('notification', { channel: 'other', payload: 'yak' });
    clients[0]!.emit('notification', { channel: POKE_CHANNEL, payload: 'yak' });
    expect(seen).toEqual(['yak']);
    await cross.stop();
  });

  it('an error after stop() does not release the client a second time, nor reconnect', async () => {
    vi.useFakeTimers();
    try {
      const { pool, clients } = fakePool();
      const logs: string[] = [];
      const cross = await crossInstancePokes(pool, new PokeHub(), (m) => logs.push(m));
      await cross.stop();
      expect(clients[0]!.releases).toBe(1);
      expect(() => clients[0]!.emit('error', new Error('terminating connection due to administrator command'))).not.toThrow();
      expect(() => clients[0]!.emit('error', new Error('again'))).not.toThrow();
      await vi.advanceTimersByTimeAsync(5000);
      expect(clients).toHaveLength(1);
      expect(clients[0]!.releases).toBe(1);
      expect(logs).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a lost connection is released once, logged, and listened again a second later', async () => {
    vi.useFakeTimers();
    try {
      const { pool, clients } = fakePool();
      const logs: string[] = [];
      const cross = await crossInstancePokes(pool, new PokeHub(), (m) => logs.push(m));
      clients[0]!.emit('error', new Error('connection lost'));
      clients[0]!.emit('error', new Error('connection lost again'));
      expect(clients[0]!.releases).toBe(1);
      expect(logs[0]).toMatch(/connection lost/);
      await vi.advanceTimersByTimeAsync(1000);
      expect(clients).toHaveLength(2);
      expect(clients[1]!.queries).toEqual([`LISTEN ${POKE_CHANNEL}`]);
      await cross.stop();
      expect(clients[1]!.releases).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a LISTEN that fails gives the client back and says why', async () => {
    const failing = new FakeClient();
    failing.failListen = true;
    const { pool } = fakePool(() => failing);
    await expect(crossInstancePokes(pool, new PokeHub(), () => undefined)).rejects.toThrow(/connection refused/);
    expect(failing.releases).toBe(1);
  });
});
