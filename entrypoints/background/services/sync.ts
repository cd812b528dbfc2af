/**
 * The team server's client in the background: connect with an invitation code, push the outbox,
 * pull what changed, and say how it stands. Data work is lib/db/sync.ts; this service only talks
 * HTTP (a port: the worker's fetch, or the server's inject() in tests) and keeps one cycle
 * running at a time. Every answer is checked with the protocol's zod schemas; a failure is
 * recorded as a code the options and the desk say, and never loses a command: the outbox keeps
 * it until the server has acknowledged it.
 */
import type { AppDatabase } from '@/lib/db';
import {
  applyPull,
  connectSync,
  disconnectSync,
  loadSyncConfig,
  openRefusals,
  outboxBatch,
  pendingCount,
  PendingCommandsError,
  recordPushResults,
  SyncPatchError,
  updateSyncConfig,
  type SyncConfig,
} from '@/lib/db/sync';
import { actorSchema } from '@/lib/model/workflow';
import { MAX_MUTATIONS_PER_PUSH, pullResponseSchema, pushResponseSchema } from '@/lib/sync';
import { z } from 'zod';
import { serverOrigin } from '@/lib/sync/origin';

export { serverOrigin };

/** What the service needs of fetch: a method, JSON in and out. */
export type HttpPort = (
  url: string,
  init: { method: 'GET' | 'POST'; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ status: number; json(): Promise<unknown> }>;

/** Why the server could not be used, as the UI says it (sync.error.<code>). */
export type SyncErrorCode =
  | 'unreachable'
  | 'timeout'
  | 'insecure'
  | 'bad-address'
  | 'invitation-unknown'
  | 'invitation-used'
  | 'invitation-expired'
  | 'person-disabled'
  | 'token-revoked'
  | 'rate-limited'
  | 'server-error'
  | 'not-ready'
  | 'bad-response'
  | 'client-group-not-yours'
  | 'pending';

export interface SyncStatus {
  connected: boolean;
  server?: string;
  workspaceName?: string;
  person?: SyncConfig['person'];
  pending: number;
  refusals: number;
  lastPullAt?: number;
  lastPushAt?: number;
  lastError?: SyncConfig['lastError'];
  revoked: boolean;
}

export type SyncOutcome =
  | { ok: true; pushed: number; refused: number; changed: number; pending: number }
  | { ok: false; code: SyncErrorCode; retryAfterMs?: number }
  | { ok: true; off: true };

export interface SyncDeps {
  db: AppDatabase;
  http: HttpPort;
  now: () => number;
  newId: () => string;
  /** The device's name the server lists (e.g. the browser and OS). */
  deviceName: string;
  /** After a cycle changed something (the badge, the deadline check). */
  onChanged?: () => void;
  log?: (message: string, error?: unknown) => void;
  timeoutMs?: number;
}

const redeemResponseSchema = z.object({
  ok: z.literal(true),
  token: z.string().min(10).max(200),
  deviceId: z.string().max(100).optional(),
  person: actorSchema,
  workspace: z.object({ id: z.string(), name: z.string() }),
});

class HttpFailure extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(code);
  }
}

export function syncService(deps: SyncDeps) {
  const { db, http, now, log = () => undefined } = deps;
  const timeoutMs = deps.timeoutMs ?? 15_000;

  async function call(server: string, path: string, body: unknown, token?: string): Promise<unknown> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Awaited<ReturnType<HttpPort>>;
    try {
      response = await http(`${server}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
      });
    } catch {
      throw new HttpFailure(controller.signal.aborted ? 'timeout' : 'unreachable');
    } finally {
      clearTimeout(timer);
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new HttpFailure(response.status >= 500 ? 'server-error' : 'bad-response', response.status);
    }
    if (response.status === 200) return json;
    const error = (json as { error?: unknown } | null)?.error;
    if (response.status === 401) throw new HttpFailure('token-revoked', 401);
    if (response.status === 429) {
      const wait = (json as { retryAfterMs?: unknown } | null)?.retryAfterMs;
      throw new HttpFailure('rate-limited', 429, typeof wait === 'number' ? wait : 1000);
    }
    if (response.status === 503) throw new HttpFailure('not-ready', 503);
    const known: SyncErrorCode[] = ['invitation-unknown', 'invitation-used', 'invitation-expired', 'person-disabled', 'client-group-not-yours'];
    if (typeof error === 'string' && (known as string[]).includes(error)) throw new HttpFailure(error as SyncErrorCode, response.status);
    throw new HttpFailure(response.status >= 500 ? 'server-error' : 'bad-response', response.status);
  }

  async function fail(error: unknown): Promise<SyncOutcome> {
    const f = error instanceof HttpFailure ? error : error instanceof SyncPatchError ? new HttpFailure('bad-response') : undefined;
    if (!f) throw error;
    log(`team server: ${f.code}${f.status ? ` (${f.status})` : ''}`, error);
    await updateSyncConfig(db, (c) => ({
      ...c,
      lastError: { code: f.code, at: now(), ...(f.status ? { status: f.status } : {}) },
      ...(f.code === 'token-revoked' ? { revokedAt: now() } : {}),
    }));
    return { ok: false, code: f.code, ...(f.retryAfterMs !== undefined ? { retryAfterMs: f.retryAfterMs } : {}) };
  }

  async function pull(config: SyncConfig): Promise<{ changed: number; refused: number; acknowledged: number }> {
    const raw = await call(config.server, '/sync/pull', { clientGroupID: config.clientGroupID, cookie: config.cookie }, config.token);
    const parsed = pullResponseSchema.safeParse(raw);
    if (!parsed.success) throw new HttpFailure('bad-response');
    return applyPull(db, parsed.data, now());
  }

  /** One push–pull cycle: the outbox in batches (each followed by a pull), then a pull. */
  async function cycle(): Promise<SyncOutcome> {
    let config = await loadSyncConfig(db);
    if (!config) return { ok: true, off: true };
    if (config.revokedAt !== undefined) return { ok: false, code: 'token-revoked' };
    let pushed = 0;
    let refused = 0;
    let changed = 0;
    try {
      for (let round = 0; round < 1000; round++) {
        const batch = await outboxBatch(db, MAX_MUTATIONS_PER_PUSH);
        if (!batch.length) break;
        const raw = await call(config.server, '/sync/push', { clientGroupID: config.clientGroupID, mutations: batch }, config.token);
        const parsed = pushResponseSchema.safeParse(raw);
        if (!parsed.success) throw new HttpFailure('bad-response');
        refused += await recordPushResults(db, parsed.data.results, now());
        pushed += parsed.data.results.filter((r) => r.status === 'accepted').length;
        config = (await updateSyncConfig(db, (c) => ({ ...c, lastPushAt: now() }))) ?? config;
        const pulled = await pull(config);
        changed += pulled.changed;
        // Nothing acknowledged: the server did not take the batch; try again on the next cycle.
        if (pulled.acknowledged === 0) break;
        config = (await loadSyncConfig(db)) ?? config;
      }
      if (pushed === 0) {
        const pulled = await pull(config);
        changed += pulled.changed;
        refused += pulled.refused;
      }
      await updateSyncConfig(db, (c) => {
        const { lastError: _gone, ...rest } = c;
        return rest;
      });
    } catch (error) {
      return fail(error);
    }
    if (changed || refused) deps.onChanged?.();
    return { ok: true, pushed, refused, changed, pending: await pendingCount(db) };
  }

  let running: Promise<SyncOutcome> | undefined;
  let again = false;
  /** A cycle now; a call while one runs makes one more run after it (never two at once). */
  function syncNow(): Promise<SyncOutcome> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let outcome = await cycle();
        while (again) {
          again = false;
          outcome = await cycle();
        }
        return outcome;
      } finally {
        running = undefined;
      }
    })();
    return running;
  }

  return {
    syncNow,

    /** Redeems an invitation and connects; the first pull follows at once. */
    async connect(input: { server: string; code: string }): Promise<{ ok: true; status: SyncStatus } | { ok: false; code: SyncErrorCode }> {
      const origin = serverOrigin(input.server);
      if (!origin.ok) return origin;
      if ((await pendingCount(db)) > 0) return { ok: false, code: 'pending' };
      let redeemed: z.infer<typeof redeemResponseSchema>;
      try {
        const raw = await call(origin.origin, '/auth/redeem', { code: input.code.trim(), deviceName: deps.deviceName });
        const parsed = redeemResponseSchema.safeParse(raw);
        if (!parsed.success) return { ok: false, code: 'bad-response' };
        redeemed = parsed.data;
      } catch (error) {
        if (error instanceof HttpFailure) return { ok: false, code: error.code };
        throw error;
      }
      await connectSync(db, {
        server: origin.origin,
        token: redeemed.token,
        ...(redeemed.deviceId ? { deviceId: redeemed.deviceId } : {}),
        person: redeemed.person,
        workspaceName: redeemed.workspace.name,
        now: now(),
        newId: deps.newId,
      });
      await syncNow();
      return { ok: true, status: await status() };
    },

    async disconnect(options: { force?: boolean } = {}): Promise<{ ok: true } | { ok: false; code: 'pending'; pending: number }> {
      try {
        await disconnectSync(db, options);
        return { ok: true };
      } catch (error) {
        if (error instanceof PendingCommandsError) return { ok: false, code: 'pending', pending: error.pending };
        throw error;
      }
    },

    status,
  };

  async function status(): Promise<SyncStatus> {
    const config = await loadSyncConfig(db);
    const [pending, refusals] = await Promise.all([pendingCount(db), openRefusals(db)]);
    if (!config) return { connected: false, pending, refusals: refusals.length, revoked: false };
    return {
      connected: true,
      server: config.server,
      ...(config.workspaceName ? { workspaceName: config.workspaceName } : {}),
      ...(config.person ? { person: config.person } : {}),
      pending,
      refusals: refusals.length,
      ...(config.lastPullAt ? { lastPullAt: config.lastPullAt } : {}),
      ...(config.lastPushAt ? { lastPushAt: config.lastPushAt } : {}),
      ...(config.lastError ? { lastError: config.lastError } : {}),
      revoked: config.revokedAt !== undefined,
    };
  }
}

export type SyncService = ReturnType<typeof syncService>;
