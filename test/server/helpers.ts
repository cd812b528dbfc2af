/** Test helpers: a fresh database per test file on the PostgreSQL started by ./global-setup.ts, and a seeded team. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, migrate, type Database } from '../../server/db';
import { buildApp, type AppOptions } from '../../server/app';
import { createPerson, createWorkspace, invite } from '../../server/admin';
import { redeemInvitation } from '../../server/auth';
import type { FastifyInstance } from 'fastify';

/** A new, migrated database on the test cluster; dropped by the returned cleanup. */
export async function freshDatabase(): Promise<{ database: Database; url: string; drop: () => Promise<void> }> {
  const admin = inject('pgAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const url = admin.replace(/\/postgres$/, `/${name}`);
  const database = await openDatabase({ databaseUrl: url, poolMax: 12 });
  await migrate(database.pool);
  return {
    database,
    url,
    async drop() {
      await database.close();
      const c2 = new pg.Client({ connectionString: admin });
      await c2.connect();
      await c2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c2.end();
    },
  };
}

export interface Team {
  app: FastifyInstance;
  database: Database;
  tokens: Record<'curA' | 'curB' | 'exStroy' | 'exZhkh', string>;
  devices: Record<'curA' | 'curB' | 'exStroy' | 'exZhkh', string>;
  drop: () => Promise<void>;
}

/** A Yakutia workspace with two curators and executors of two bodies, each with a device token. */
export async function team(options: Partial<AppOptions> = {}): Promise<Team> {
  const { database, drop } = await freshDatabase();
  const db = database.db;
  await createWorkspace(db, { id: 'yak', name: 'Якутия', region: 'yakutia' });
  const people = {
    curA: { id: 'ivanova', name: 'Иванова', roles: ['curator' as const], bodies: [] },
    curB: { id: 'petrov', name: 'Петров', roles: ['curator' as const], bodies: [] },
    exStroy: { id: 'sidorov', name: 'Сидоров', roles: ['executor' as const], bodies: ['minstroy'] },
    exZhkh: { id: 'kuznetsova', name: 'Кузнецова', roles: ['executor' as const], bodies: ['minzhkh'] },
  };
  const tokens = {} as Team['tokens'];
  const devices = {} as Team['devices'];
  for (const [k, p] of Object.entries(people) as Array<[keyof typeof people, (typeof people)[keyof typeof people]]>) {
    await createPerson(db, { workspaceId: 'yak', ...p });
    const { code } = await invite(db, p.id);
    const r = await redeemInvitation(db, code, `${k}-pc`);
    if (!r.ok) throw new Error(r.error);
    tokens[k] = r.token;
    devices[k] = r.deviceId;
  }
  const app = await buildApp({ database, rate: { perSecond: 1000, burst: 1000 }, ...options });
  return {
    app,
    database,
    tokens,
    devices,
    async drop() {
      await app.close();
      await drop();
    },
  };
}

let counter = 0;
/** A capture's args for a fresh post, routed at once when `body` is given. */
export function captureArgs(id: string, body?: string) {
  counter += 1;
  const n = `${Date.now() % 100000}${counter}`;
  return {
    id,
    item: { site: 'vk', kind: 'post', key: `vk:wall-1_${n}`, url: `https://vk.com/wall-1_${n}`, author: { name: 'Житель' }, text: 'Нет воды третий день' },
    topic: 'Водоснабжение',
    importance: 'normal',
    ...(body ? { route: { type: 'route', assignments: [{ body }] } } : {}),
  };
}

/** POST/GET with a token through inject(). */
export function client(app: FastifyInstance, token: string) {
  const headers = { authorization: `Bearer ${token}` };
  return {
    push: (body: unknown) => app.inject({ method: 'POST', url: '/sync/push', headers, payload: body as object }),
    pull: (clientGroupID: string, cookie: number | null) => app.inject({ method: 'POST', url: '/sync/pull', headers, payload: { clientGroupID, cookie } }),
    get: (url: string) => app.inject({ method: 'GET', url, headers }),
  };
}
