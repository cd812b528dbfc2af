/**
 * The team server's figures (issue 17, «Quality bar»), on a real PostgreSQL 15 this script
 * starts itself (the recipe of test/server/global-setup.ts) and stops at the end:
 *
 *  1. throughput: 50 clients of one region push capture/receive/draft commands at once
 *     (through inject(), as test/server/throughput.test.ts does): accepted commands/s, median
 *     of 3 runs (bar ≥ 500/s);
 *  2. capture → visible on another client over loopback HTTP: the executor holds the poke
 *     WebSocket open and pulls on each poke; from the curator's push start to the executor's
 *     pull holding the message, 50 samples (bar p95 ≤ 1 s);
 *  3. first sync of a region's year (20,000 messages): a fresh client's pull over HTTP, and the
 *     extension's own connect (lib/db on fake-indexeddb, the background's sync service over
 *     HTTP) (bar ≤ 5 s);
 *  4. a day's load of all 85 regions against one server (3,000 clients, 6,000 messages, about
 *     60,000 commands with refused conflicting steps), pushed with at most 64 pushes in flight
 *     and up to 100 commands per push: time, commands/s, accepted and refused, peak memory.
 *     BENCH_TEAM_SCALE (0 < s ≤ 1) scales the messages and commands (the clients stay 3,000).
 *
 * Run: `npx tsx test/bench/team-server.ts` (part of `npm run bench`). Writes
 * test-output/bench/team-server.json. Skips (exit 0) when PostgreSQL 15's binaries are missing.
 */
import 'fake-indexeddb/auto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { sql } from 'kysely';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { PG_BIN, postgresAvailable, startPostgres } from '../server/global-setup';
import { openDatabase, migrate, type Database } from '../../server/db';
import { buildApp } from '../../server/app';
import { createPerson, createWorkspace, invite } from '../../server/admin';
import { redeemInvitation } from '../../server/auth';
import { regionSchema, starterWorkspace } from '../../lib/workflow/workspace';
import type { Region } from '../../lib/worktime';
import { MAX_MUTATIONS_PER_PUSH, type MutationResult, type PullResponse, type PushResponse } from '../../lib/sync/protocol';
import { createDatabase } from '../../lib/db';
import { syncService, type HttpPort } from '../../entrypoints/background/services/sync';

/** The `ws` package (a dependency of @fastify/websocket) has no types in this repo: the little used here. */
interface PokeSocket {
  on(event: 'open', listener: () => void): void;
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'error', listener: (e: Error) => void): void;
  send(data: string): void;
  close(): void;
}
const { WebSocket } = createRequire(import.meta.url)('ws') as { WebSocket: new (url: string) => PokeSocket };

const SCALE = Math.min(1, Math.max(0.01, Number(process.env.BENCH_TEAM_SCALE ?? '1') || 1));
const RATE = { perSecond: 1_000_000, burst: 1_000_000 };
const REGIONS: readonly Region[] = regionSchema.options;

// ---------------------------------------------------------------- small helpers

const round = (x: number, digits = 0) => Number(x.toFixed(digits));
function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
}
const median = (values: number[]) => quantile(values, 0.5);
const mb = (bytes: number) => round(bytes / 1024 / 1024, 1);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` over `items` with at most `limit` at once. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

let postCounter = 0;
/** A capture's args for a fresh post (its own key), routed to `body` when given. */
function captureArgs(id: string, body?: string, owner = 1) {
  const n = ++postCounter;
  return {
    id,
    item: {
      site: 'vk',
      kind: 'post',
      key: `vk:wall-${owner}_${n}`,
      url: `https://vk.com/wall-${owner}_${n}`,
      author: { name: 'Житель' },
      text: 'Нет воды третий день',
    },
    topic: 'Водоснабжение',
    // Three of the four regulations need the location before routing.
    location: 'ул. Лесная, 12',
    importance: 'normal',
    ...(body ? { route: { type: 'route', assignments: [{ body }] } } : {}),
  };
}
const replyUrl = (args: ReturnType<typeof captureArgs>) => `${args.item.url}?reply=7`;
const DRAFT = 'Здравствуйте! Бригада выехала на место, подача воды будет восстановлена сегодня до 18:00.';

/** A person with a device token of their own (invitation redeemed, as the options page does). */
async function personWithToken(db: Database['db'], input: Parameters<typeof createPerson>[1]): Promise<string> {
  await createPerson(db, input);
  const r = await redeemInvitation(db, (await invite(db, input.id)).code, `${input.id}-pc`);
  if (!r.ok) throw new Error(`redeem ${input.id}: ${r.error}`);
  return r.token;
}

/** A fresh, migrated database on the cluster, and an app on it. */
async function serverOn(adminUrl: string, name: string): Promise<{ database: Database; app: FastifyInstance; close: () => Promise<void> }> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  // The production pool (server/db.ts POOL_MAX) unless BENCH_TEAM_POOL says otherwise.
  const poolMax = process.env.BENCH_TEAM_POOL ? Number(process.env.BENCH_TEAM_POOL) : undefined;
  const database = await openDatabase({ databaseUrl: adminUrl.replace(/\/postgres$/, `/${name}`), ...(poolMax ? { poolMax } : {}) });
  await migrate(database.pool);
  const app = await buildApp({ database, rate: RATE });
  return {
    database,
    app,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

function injectPush(app: FastifyInstance, token: string, body: unknown) {
  return app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${token}` }, payload: body as object });
}

// ---------------------------------------------------------------- 1. throughput

async function throughput(adminUrl: string) {
  const CLIENTS = 50;
  const ROUNDS = 10;
  const s = await serverOn(adminUrl, 'bench_throughput');
  try {
    const db = s.database.db;
    await createWorkspace(db, { id: 'tp', name: 'Якутия', region: 'yakutia' });
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i++)
      tokens.push(await personWithToken(db, { workspaceId: 'tp', id: `tp${i}`, name: `Сотрудник ${i}`, roles: ['curator', 'executor'], bodies: ['minstroy'] }));
    const runs: Array<{ commands: number; accepted: number; errors: number; seconds: number; perSecond: number; pushP50: number; pushP95: number }> = [];
    for (let run = 1; run <= 3; run++) {
      let accepted = 0;
      let errors = 0;
      const pushMs: number[] = [];
      const started = performance.now();
      await Promise.all(
        tokens.map(async (token, c) => {
          let id = 0;
          for (let r = 0; r < ROUNDS; r++) {
            const mid = `tp-${run}-${c}-${r}`;
            const clientID = `tc${run}-${c}`;
            const mutations = [
              { clientID, id: ++id, name: 'capture', args: captureArgs(mid, 'minstroy') },
              { clientID, id: ++id, name: 'step', args: { messageId: mid, command: { type: 'receive' } } },
              { clientID, id: ++id, name: 'step', args: { messageId: mid, command: { type: 'submitDraft', kind: 'answer', text: DRAFT } } },
            ];
            const t0 = performance.now();
            const res = await injectPush(s.app, token, { clientGroupID: `tg${run}-${c}`, mutations });
            pushMs.push(performance.now() - t0);
            if (res.statusCode !== 200) {
              errors++;
              continue;
            }
            accepted += (res.json() as PushResponse).results.filter((x) => x.status === 'accepted').length;
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const commands = CLIENTS * ROUNDS * 3;
      runs.push({
        commands,
        accepted,
        errors,
        seconds: round(seconds, 2),
        perSecond: round(accepted / seconds),
        pushP50: round(median(pushMs), 1),
        pushP95: round(quantile(pushMs, 0.95), 1),
      });
      console.log(
        `  run ${run}: ${accepted}/${commands} accepted in ${seconds.toFixed(2)} s → ${Math.round(accepted / seconds)} accepted commands/s, ${errors} errors`,
      );
    }
    const perSecond = median(runs.map((r) => r.perSecond));
    return {
      clients: CLIENTS,
      commandsPerRun: CLIENTS * ROUNDS * 3,
      commandsPerPush: 3,
      runs,
      medianAcceptedPerSecond: perSecond,
      bar: '>= 500/s',
      meetsBar: perSecond >= 500,
    };
  } finally {
    await s.close();
  }
}

// ---------------------------------------------------------------- HTTP helpers (2, 3)

async function httpJson<T>(base: string, path: string, token: string, body: unknown): Promise<{ status: number; value: T; bytes: number }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`);
  return { status: res.status, value: JSON.parse(text) as T, bytes: Buffer.byteLength(text) };
}

// ---------------------------------------------------------------- 2. capture → visible on another client

async function captureToVisible(base: string, db: Database['db']) {
  const SAMPLES = 50;
  await createWorkspace(db, { id: 'lat', name: 'Якутия', region: 'yakutia' });
  const curator = await personWithToken(db, { workspaceId: 'lat', id: 'lat-cur', name: 'Иванова', roles: ['curator'] });
  const executor = await personWithToken(db, { workspaceId: 'lat', id: 'lat-ex', name: 'Сидоров', roles: ['executor'], bodies: ['minstroy'] });

  // The executor: pulls on connect, then on every poke (one pull at a time, again if poked meanwhile).
  let cookie: number | null = null;
  const seen = new Set<string>();
  const waiters = new Map<string, () => void>();
  let pulling: Promise<void> | undefined;
  let again = false;
  let pulls = 0;
  const pullNow = (): Promise<void> => {
    if (pulling) {
      again = true;
      return pulling;
    }
    pulling = (async () => {
      do {
        again = false;
        const r = await httpJson<PullResponse>(base, '/sync/pull', executor, { clientGroupID: 'lat-ex-g', cookie });
        pulls++;
        cookie = r.value.cookie;
        for (const op of r.value.patch)
          if (op.op === 'put' && op.key.startsWith('message/')) {
            const id = op.key.slice('message/'.length);
            seen.add(id);
            waiters.get(id)?.();
          }
      } while (again);
    })().finally(() => {
      pulling = undefined;
    });
    return pulling;
  };
  await pullNow();
  const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/sync/poke`);
  let pokes = 0;
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token: executor })));
    socket.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { type: string };
      if (msg.type === 'ready') resolve();
      if (msg.type === 'error') reject(new Error(JSON.stringify(msg)));
      if (msg.type === 'poke') {
        pokes++;
        void pullNow().catch((e: Error) => console.error(`  pull after poke failed: ${e.message}`));
      }
    });
  });

  const total: number[] = [];
  const pushRoundTrip: number[] = [];
  try {
    for (let i = 1; i <= SAMPLES; i++) {
      const id = `lat-${i}`;
      const visible = new Promise<void>((resolve) => waiters.set(id, resolve));
      const t0 = performance.now();
      const r = await httpJson<PushResponse>(base, '/sync/push', curator, {
        clientGroupID: 'lat-cur-g',
        mutations: [{ clientID: 'lat-cur-c', id: i, name: 'capture', args: captureArgs(id, 'minstroy') }],
      });
      pushRoundTrip.push(performance.now() - t0);
      if (r.value.results[0]?.status !== 'accepted') throw new Error(`capture ${id}: ${JSON.stringify(r.value.results[0])}`);
      const timeout = sleep(10_000).then(() => 'timeout' as const);
      if ((await Promise.race([visible.then(() => 'ok' as const), timeout])) === 'timeout') throw new Error(`${id} never reached the executor`);
      total.push(performance.now() - t0);
      waiters.delete(id);
      await sleep(50); // people capture one post at a time
    }
  } finally {
    socket.close();
  }
  const p50 = median(total);
  const p95 = quantile(total, 0.95);
  return {
    samples: SAMPLES,
    p50Ms: round(p50, 1),
    p95Ms: round(p95, 1),
    maxMs: round(Math.max(...total), 1),
    pushRoundTripP50Ms: round(median(pushRoundTrip), 1),
    pokes,
    pulls,
    bar: 'p95 <= 1000 ms',
    meetsBar: p95 <= 1000,
  };
}

// ---------------------------------------------------------------- 3. first sync of a region's year

async function firstSync(base: string, db: Database['db']) {
  const YEAR = 20_000;
  await createWorkspace(db, { id: 'year', name: 'Якутия', region: 'yakutia' });
  const seed = await personWithToken(db, { workspaceId: 'year', id: 'y-seed', name: 'Иванова', roles: ['curator'] });
  const r = await httpJson<PushResponse>(base, '/sync/push', seed, {
    clientGroupID: 'y-seed-g',
    mutations: [{ clientID: 'y-seed-c', id: 1, name: 'capture', args: captureArgs('seed-1', 'minstroy', 5) }],
  });
  if (r.value.results[0]?.status !== 'accepted') throw new Error(`seed capture: ${JSON.stringify(r.value.results[0])}`);
  // A year's copies of that message under their own ids and post keys (as throughput.test.ts does).
  await sql`
    INSERT INTO messages (workspace_id, id, key, data, bodies, executors, version)
    SELECT m.workspace_id, 'y' || g, 'vk:wall-5_' || (g + 1000000),
           jsonb_set(jsonb_set(m.data, '{id}', to_jsonb('y' || g)), '{key}', to_jsonb('vk:wall-5_' || (g + 1000000))),
           m.bodies, m.executors, m.version
    FROM messages m, generate_series(1, ${YEAR}) g WHERE m.workspace_id = 'year' AND m.id = 'seed-1'`.execute(db);
  await sql`ANALYZE`.execute(db);

  // A fresh client's pull over HTTP (cookie null), three times (each a new client group).
  const reader = await personWithToken(db, { workspaceId: 'year', id: 'y-reader', name: 'Петров', roles: ['curator'] });
  const raw: Array<{ ms: number; bytes: number; entries: number }> = [];
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const p = await httpJson<PullResponse>(base, '/sync/pull', reader, { clientGroupID: `y-raw-${i}`, cookie: null });
    raw.push({ ms: performance.now() - t0, bytes: p.bytes, entries: p.value.patch.length });
  }

  // The extension: redeem the invitation, pull, apply into Dexie on fake-indexeddb (the background's sync service over HTTP).
  await createPerson(db, { workspaceId: 'year', id: 'y-fresh', name: 'Сидорова', roles: ['curator'] });
  const { code } = await invite(db, 'y-fresh');
  const appDb = createDatabase(`bench-first-sync-${Date.now()}`);
  let pullHttpMs = 0;
  let pullBytes = 0;
  let pullCount = 0;
  const http: HttpPort = async (url, init) => {
    const t0 = performance.now();
    const res = await fetch(url, { method: init.method, headers: init.headers, ...(init.body !== undefined ? { body: init.body } : {}) });
    const text = await res.text();
    if (url.endsWith('/sync/pull')) {
      pullHttpMs += performance.now() - t0;
      pullBytes += Buffer.byteLength(text);
      pullCount++;
    }
    return { status: res.status, json: async () => JSON.parse(text) as unknown };
  };
  const service = syncService({ db: appDb, http, now: Date.now, newId: () => crypto.randomUUID(), deviceName: 'bench' });
  const t0 = performance.now();
  const connected = await service.connect({ server: base, code });
  const connectMs = performance.now() - t0;
  if (!connected.ok) throw new Error(`connect: ${connected.code}`);
  const held = await appDb.messages.count();
  appDb.close();
  await appDb.delete();
  return {
    messages: YEAR + 1,
    httpPull: {
      runs: raw.map((x) => ({ ms: round(x.ms), bytes: x.bytes, patchEntries: x.entries })),
      medianMs: round(median(raw.map((x) => x.ms))),
      responseMB: mb(raw[0]!.bytes),
    },
    extension: {
      connectMs: round(connectMs),
      pullHttpMs: round(pullHttpMs),
      applyAndRestMs: round(connectMs - pullHttpMs),
      pulls: pullCount,
      pulledMB: mb(pullBytes),
      messagesHeld: held,
    },
    bar: '<= 5000 ms',
    meetsBar: connectMs <= 5000 && held >= YEAR + 1,
  };
}

// ---------------------------------------------------------------- 4. a day's load of 85 regions

/**
 * PostgreSQL's memory: the proportional set size (shared buffers split among the processes that
 * touch them) summed over the cluster's processes pg_stat_activity lists. Undefined where /proc
 * cannot be read.
 */
async function postgresPssBytes(client: pg.Client): Promise<number | undefined> {
  const pids = (await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity')).rows.map((r) => r.pid);
  let total = 0;
  for (const pid of pids) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return total || undefined;
}

interface SimClient {
  token: string;
  clientGroupID: string;
  clientID: string;
  nextId: number;
  outbox: Array<{ mutation: { clientID: string; id: number; name: string; args: unknown }; done: (r: MutationResult | undefined) => void }>;
  busy: boolean;
}

interface Region85 {
  id: string;
  curators: SimClient[];
  executorsByBody: Map<string, SimClient[]>;
}

/** A deterministic pseudo-random stream (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function daysLoad(adminUrl: string) {
  const REGION_COUNT = 85;
  const CLIENTS = 3000;
  const MESSAGES = Math.round(6000 * SCALE);
  const IN_FLIGHT = 64;
  const rnd = random(17);
  const s = await serverOn(adminUrl, 'bench_day');
  try {
    const db = s.database.db;
    const setupStarted = performance.now();
    // 85 workspaces, cycling through the regions the extension knows; ~35 clients each (5 curators, the rest executors spread over the bodies).
    const regions: Region85[] = [];
    const people: Array<{ region: Region85; body?: string; input: Parameters<typeof createPerson>[1] }> = [];
    for (let k = 0; k < REGION_COUNT; k++) {
      const region = REGIONS[k % REGIONS.length]!;
      const id = `r${k}`;
      await createWorkspace(db, { id, name: `Регион ${k + 1}`, region });
      const r: Region85 = { id, curators: [], executorsByBody: new Map() };
      regions.push(r);
      const bodies = starterWorkspace(region).bodies.map((b) => b.id);
      const size = Math.floor(CLIENTS / REGION_COUNT) + (k < CLIENTS % REGION_COUNT ? 1 : 0);
      const curators = 5;
      for (let j = 0; j < curators; j++) people.push({ region: r, input: { workspaceId: id, id: `${id}-c${j}`, name: `Куратор ${j}`, roles: ['curator'] } });
      for (let j = 0; j < size - curators; j++) {
        const body = bodies[j % bodies.length]!;
        people.push({ region: r, body, input: { workspaceId: id, id: `${id}-e${j}`, name: `Исполнитель ${j}`, roles: ['executor'], bodies: [body] } });
      }
    }
    await pool(people, 16, async (p) => {
      const token = await personWithToken(db, p.input);
      const c: SimClient = { token, clientGroupID: `g-${p.input.id}`, clientID: `c-${p.input.id}`, nextId: 0, outbox: [], busy: false };
      if (!p.body) p.region.curators.push(c);
      else {
        const list = p.region.executorsByBody.get(p.body) ?? [];
        list.push(c);
        p.region.executorsByBody.set(p.body, list);
      }
    });
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    // The pushing machinery: one push at a time per client, up to 100 commands each, at most IN_FLIGHT pushes at once.
    const ready: SimClient[] = [];
    let inFlight = 0;
    const pushMs: number[] = [];
    let pushes = 0;
    let httpErrors = 0;
    const counts = { commands: 0, accepted: 0, rejected: 0, duplicate: 0, lost: 0 };
    const rejectedBy = new Map<string, number>();
    const unexpected = new Map<string, number>();
    let finished!: () => void;
    const allDone = new Promise<void>((r) => (finished = r));
    let messagesLeft = MESSAGES;

    const pump = () => {
      while (inFlight < IN_FLIGHT && ready.length) {
        const c = ready.shift()!;
        const batch = c.outbox.splice(0, MAX_MUTATIONS_PER_PUSH);
        c.busy = true;
        inFlight++;
        pushes++;
        const t0 = performance.now();
        void injectPush(s.app, c.token, { clientGroupID: c.clientGroupID, mutations: batch.map((b) => b.mutation) })
          .then((res) => {
            pushMs.push(performance.now() - t0);
            if (res.statusCode !== 200) {
              httpErrors++;
              if (httpErrors <= 5) console.error(`  push ${res.statusCode}: ${res.body.slice(0, 300)}`);
              for (const b of batch) b.done(undefined);
              return;
            }
            const results = (res.json() as PushResponse).results;
            batch.forEach((b, i) => b.done(results[i]));
          })
          .catch((e: Error) => {
            httpErrors++;
            console.error(`  push failed: ${e.message}`);
            for (const b of batch) b.done(undefined);
          })
          .finally(() => {
            inFlight--;
            c.busy = false;
            if (c.outbox.length) ready.push(c);
            pump();
          });
      }
    };
    const send = (c: SimClient, name: 'capture' | 'step', args: unknown, expect: 'accepted' | 'either', done: (r: MutationResult | undefined) => void) => {
      counts.commands++;
      c.outbox.push({
        mutation: { clientID: c.clientID, id: ++c.nextId, name, args },
        done: (r) => {
          if (!r) counts.lost++;
          else {
            counts[r.status]++;
            if (r.status === 'rejected') rejectedBy.set(r.code ?? '?', (rejectedBy.get(r.code ?? '?') ?? 0) + 1);
            if (expect === 'accepted' && r.status !== 'accepted') {
              const k = `${name}${name === 'step' ? `:${(args as { command: { type: string } }).command.type}` : ''} → ${r.code ?? r.status}`;
              unexpected.set(k, (unexpected.get(k) ?? 0) + 1);
            }
          }
          done(r);
        },
      });
      if (!c.busy && c.outbox.length === 1) ready.push(c);
    };
    /** Sends the stage's commands at once (a race when several); the next stage when all are answered. */
    const stages = (steps: Array<Array<() => [SimClient, 'capture' | 'step', unknown, 'accepted' | 'either']>>) => {
      const next = (i: number) => {
        if (i >= steps.length) {
          if (--messagesLeft === 0) finished();
          return;
        }
        const stage = steps[i]!;
        let left = stage.length;
        for (const make of stage) {
          const [c, name, args, expect] = make();
          send(c, name, args, expect, () => {
            if (--left === 0) next(i + 1);
          });
        }
      };
      next(0);
    };

    // Each message: captured by a curator (routed at once, or routed by a second command), received and drafted by an
    // executor of the body, mostly sent back for rework and drafted again, approved (mostly raced by a second curator:
    // one is refused), published by the executor (mostly raced by a colleague of the same body: one is refused).
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const plans: Array<() => void> = [];
    for (let i = 0; i < MESSAGES; i++) {
      const region = regions[i % REGION_COUNT]!;
      const bodies = [...region.executorsByBody.keys()];
      const body = pick(bodies);
      const executors = region.executorsByBody.get(body)!;
      const exA = pick(executors);
      const exB = executors.length > 1 ? pick(executors.filter((e) => e !== exA)) : undefined;
      const curA = pick(region.curators);
      const curB = pick(region.curators.filter((c) => c !== curA));
      const mid = `d${i}`;
      const routeSeparately = rnd() < 0.5;
      const capture = captureArgs(mid, routeSeparately ? undefined : body, 100 + (i % REGION_COUNT));
      const url = replyUrl(capture);
      const step = (command: unknown) => ({ messageId: mid, command });
      type Make = () => [SimClient, 'capture' | 'step', unknown, 'accepted' | 'either'];
      const plan: Make[][] = [[() => [curA, 'capture', capture, 'accepted']]];
      if (routeSeparately) plan.push([() => [curA, 'step', step({ type: 'route', assignments: [{ body }] }), 'accepted']]);
      plan.push([() => [exA, 'step', step({ type: 'receive' }), 'accepted']]);
      plan.push([() => [exA, 'step', step({ type: 'submitDraft', kind: 'answer', text: DRAFT }), 'accepted']]);
      if (rnd() < 0.85) {
        plan.push([() => [curA, 'step', step({ type: 'requestRework', remarks: 'Укажите адрес и срок.' }), 'accepted']]);
        plan.push([() => [exA, 'step', step({ type: 'receive' }), 'accepted']]);
        plan.push([() => [exA, 'step', step({ type: 'submitDraft', kind: 'answer', text: `${DRAFT} Адрес: ул. Лесная, 12.` }), 'accepted']]);
      }
      const raceApprove = rnd() < 0.95;
      plan.push(
        raceApprove
          ? [() => [curA, 'step', step({ type: 'approve' }), 'either'], () => [curB, 'step', step({ type: 'approve' }), 'either']]
          : [() => [curA, 'step', step({ type: 'approve' }), 'accepted']],
      );
      const racePublish = exB !== undefined && rnd() < 0.95;
      plan.push(
        racePublish
          ? [() => [exA, 'step', step({ type: 'publish', url }), 'either'], () => [exB, 'step', step({ type: 'publish', url }), 'either']]
          : [() => [exA, 'step', step({ type: 'publish', url }), 'accepted']],
      );
      plans.push(() => stages(plan));
    }

    let peakRss = process.memoryUsage().rss;
    const rssBefore = peakRss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const watcher = new pg.Client({ connectionString: `${adminUrl.replace(/\/postgres$/, '/bench_day')}` });
    await watcher.connect();
    let peakPgPss: number | undefined;
    let sampling = false;
    const pgSampler = setInterval(() => {
      if (sampling) return;
      sampling = true;
      postgresPssBytes(watcher)
        .then((b) => b !== undefined && (peakPgPss = Math.max(peakPgPss ?? 0, b)))
        .catch(() => undefined)
        .finally(() => (sampling = false));
    }, 1000);
    const progress = setInterval(() => console.log(`  … ${counts.accepted + counts.rejected} commands answered, ${messagesLeft} messages open`), 15_000);
    const started = performance.now();
    try {
      for (const p of plans) p();
      pump();
      if (MESSAGES > 0) await allDone;
    } finally {
      clearInterval(sampler);
      clearInterval(pgSampler);
      clearInterval(progress);
      while (sampling) await sleep(10);
      await watcher.end();
    }
    const seconds = (performance.now() - started) / 1000;
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const size = await sql<{ size: string }>`SELECT pg_database_size(current_database())::text AS size`.execute(db);
    const stored = await sql<{ status: string; n: string }>`SELECT status, count(*)::text AS n FROM mutations GROUP BY status`.execute(db);
    const answered = counts.accepted + counts.rejected;
    return {
      scale: SCALE,
      regions: REGION_COUNT,
      clients: CLIENTS,
      messages: MESSAGES,
      commands: counts.commands,
      accepted: counts.accepted,
      rejected: counts.rejected,
      rejectedByCode: Object.fromEntries(rejectedBy),
      unexpectedOutcomes: Object.fromEntries(unexpected),
      duplicate: counts.duplicate,
      lostOrErrored: counts.lost,
      httpErrors,
      storedInDatabase: Object.fromEntries(stored.rows.map((r) => [r.status, Number(r.n)])),
      pushes,
      commandsPerPush: round(answered / Math.max(1, pushes), 2),
      inFlight: IN_FLIGHT,
      setupSeconds: round(setupSeconds, 1),
      seconds: round(seconds, 1),
      commandsPerSecond: round(answered / seconds),
      pushP50Ms: round(median(pushMs), 1),
      pushP95Ms: round(quantile(pushMs, 0.95), 1),
      extrapolatedFullSeconds: round(seconds / SCALE, 0),
      peakRssMB: mb(peakRss),
      rssBeforeMB: mb(rssBefore),
      databaseMB: mb(Number(size.rows[0]!.size)),
      postgresPeakPssMB: peakPgPss === undefined ? null : mb(peakPgPss),
    };
  } finally {
    await s.close();
  }
}

// ---------------------------------------------------------------- main

async function main() {
  if (!postgresAvailable()) {
    console.log(`Team server bench skipped: PostgreSQL 15's server binaries are missing (${PG_BIN}/initdb). Install postgresql-15 or set PG_BIN.`);
    return;
  }
  const cluster = await startPostgres();
  const started = performance.now();
  const figures: Record<string, unknown> = { machine: { cpus: cpus().length, node: process.version } };
  try {
    console.log('Team server on a real PostgreSQL 15 (this process is the server and all its clients; the day runs first, so its memory is its own):');
    // BENCH_TEAM_ONLY=throughput: that part alone (profiling it, comparing a change).
    const only = process.env.BENCH_TEAM_ONLY;
    if (only === 'throughput') {
      const tp = await throughput(cluster.adminUrl);
      console.log(`   median of 3 runs: ${tp.medianAcceptedPerSecond} accepted commands/s`);
      return;
    }
    console.log(`1. A day's load of 85 regions against one server (scale ${SCALE}; BENCH_TEAM_SCALE):`);
    const day = await daysLoad(cluster.adminUrl);
    figures.daysLoad = day;
    console.log(
      `   ${day.clients} clients (each its own device token and client group), ${day.messages} messages, ${day.commands} commands in ${day.pushes} pushes (${day.commandsPerPush} a push, ≤ ${day.inFlight} in flight); setup ${day.setupSeconds} s`,
    );
    console.log(
      `   ${day.seconds} s: ${day.commandsPerSecond} commands/s; ${day.accepted} accepted, ${day.rejected} refused ${JSON.stringify(day.rejectedByCode)}, ${day.lostOrErrored} lost, ${day.httpErrors} failed pushes; push p50 ${day.pushP50Ms} ms, p95 ${day.pushP95Ms} ms`,
    );
    if (Object.keys(day.unexpectedOutcomes).length) console.log(`   unexpected outcomes: ${JSON.stringify(day.unexpectedOutcomes)}`);
    if (SCALE < 1) console.log(`   extrapolated to the full day (6,000 messages): ~${day.extrapolatedFullSeconds} s`);
    console.log(
      `   peak memory: this process ${day.peakRssMB} MB RSS (${day.rssBeforeMB} MB before the replay); PostgreSQL: database ${day.databaseMB} MB on disk, its processes' peak PSS ${day.postgresPeakPssMB ?? 'n/a'} MB`,
    );
    console.log('2. Throughput: 50 clients of one region, each pushing capture + receive + draft (3 commands a push), through inject():');
    const tp = await throughput(cluster.adminUrl);
    figures.throughput = tp;
    console.log(`   median of 3 runs: ${tp.medianAcceptedPerSecond} accepted commands/s (bar ≥ 500/s: ${tp.meetsBar ? 'met' : 'NOT met'})`);

    const http = await serverOn(cluster.adminUrl, 'bench_http');
    try {
      const base = await http.app.listen({ port: 0, host: '127.0.0.1' });
      console.log('3. Capture → visible on another client (loopback HTTP, poke WebSocket, then pull):');
      const lat = await captureToVisible(base, http.database.db);
      figures.captureToVisible = lat;
      console.log(
        `   ${lat.samples} samples: p50 ${lat.p50Ms} ms, p95 ${lat.p95Ms} ms, max ${lat.maxMs} ms (push round trip p50 ${lat.pushRoundTripP50Ms} ms) (bar p95 ≤ 1 s: ${lat.meetsBar ? 'met' : 'NOT met'})`,
      );
      console.log("4. First sync of a region's year:");
      const fs = await firstSync(base, http.database.db);
      figures.firstSync = fs;
      console.log(
        `   a fresh client's pull (cookie null) of ${fs.messages} messages over HTTP: median ${fs.httpPull.medianMs} ms, ${fs.httpPull.responseMB} MB, ${fs.httpPull.runs[0]?.patchEntries} patch entries`,
      );
      console.log(
        `   the extension's connect (redeem + pull + apply into Dexie on fake-indexeddb): ${fs.extension.connectMs} ms (pull over HTTP ${fs.extension.pullHttpMs} ms, apply and the rest ${fs.extension.applyAndRestMs} ms), ${fs.extension.messagesHeld} messages held (bar ≤ 5 s: ${fs.meetsBar ? 'met' : 'NOT met'})`,
      );
    } finally {
      await http.close();
    }
  } finally {
    cluster.stop();
  }
  figures.totalSeconds = round((performance.now() - started) / 1000, 1);
  const dir = join(process.cwd(), 'test-output', 'bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'team-server.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`Figures written to test-output/bench/team-server.json (${figures.totalSeconds} s in all).`);
}

await main();
