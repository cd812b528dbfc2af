/**
 * The HTTP surface: Fastify 5 with zod-validated bodies (fastify-type-provider-zod), JSON
 * errors a client can act on, a body size limit and a rate limit per device token.
 *
 *   GET  /healthz            200 once the database answers and every migration is applied
 *   POST /auth/redeem        one-time invitation code → device token
 *   GET  /me                 the person, their workspace
 *   POST /sync/push          commands, each accepted or rejected with a reason
 *   POST /sync/pull          cookie → patch, lastMutationIDs, new cookie
 *   GET  /messages/:id       one message, if the person may see it
 *   GET  /sync/poke          WebSocket: send {"type":"auth","token":…} first; then {"type":"poke"}
 *                            means "pull now"; {"type":"ping"} every 20 s keeps an MV3 worker alive
 */
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import websocket from '@fastify/websocket';
import { z } from 'zod';
import type { Database } from './db';
import { migrationState, rowSecurityAvailable } from './db';
import { authenticate, redeemInvitation, type Principal } from './auth';
import { messageFor, pull, push, SyncError } from './sync';
import { pullRequestSchema, pushRequestSchema, syncIdSchema } from '../lib/sync/protocol';
import { RateLimiter } from './rate-limit';
import { crossInstancePokes, PokeHub } from './poke';

export interface AppOptions {
  database: Database;
  /** Bytes a request body may have (default 2 MiB). */
  bodyLimit?: number;
  /** Requests per second per token (or address, before one has a token), and the burst allowed. */
  rate?: { perSecond: number; burst: number };
  logger?: FastifyServerOptions['logger'];
  now?: () => number;
  pokes?: PokeHub;
  /** The poke socket's keepalive (default 20 s: Chrome keeps an MV3 worker alive with a message every 20 s). */
  keepaliveMs?: number;
  /**
   * Announce changes to other instances with PostgreSQL NOTIFY (default: on a real PostgreSQL;
   * the embedded one is a single instance and pokes in-process).
   */
  crossInstance?: boolean;
  /** Behind a reverse proxy: take the client's address from X-Forwarded-For (TRUST_PROXY=1). */
  trustProxy?: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

export const DEFAULT_BODY_LIMIT = 2 * 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { database } = options;
  const db = database.db;
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit, trustProxy: options.trustProxy ?? false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // JSON only: a text body is refused as such (415), not read as a string.
  app.removeContentTypeParser('text/plain');
  const limiter = new RateLimiter(options.rate ?? { perSecond: 20, burst: 100 });
  const pokes = options.pokes ?? new PokeHub();
  const cross =
    (options.crossInstance ?? database.mode === 'postgres') ? await crossInstancePokes(database.pool, pokes, (msg) => app.log.warn(msg)) : undefined;
  if (cross) app.addHook('onClose', () => cross.stop());
  const announce = (workspaceId: string) => {
    if (!cross) return pokes.poke(workspaceId);
    // After commit; a lost announcement costs a delay (the extension also pulls on a timer), never data.
    cross.announce(workspaceId).catch((e: Error) => app.log.warn({ err: e }, 'poke not announced'));
  };
  let rowSecurity = false;
  let ready = false;

  async function health() {
    const m = await migrationState(database.pool);
    ready = m.applied >= m.expected;
    if (ready) rowSecurity = await rowSecurityAvailable(database.pool);
    return { ...m, ready };
  }

  app.setErrorHandler((error: Error & { code?: string; statusCode?: number; validation?: unknown }, request, reply) => {
    if (error instanceof SyncError) return reply.code(error.status).send(error.body);
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send({ error: 'too-large', limit: bodyLimit });
    if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError)
      return reply.code(400).send({ error: 'malformed-json' });
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send({ error: 'unsupported-media-type', expected: 'application/json' });
    if (error.validation) {
      const issues = (error.validation as Array<{ instancePath?: string; message?: string; params?: { issue?: { path?: unknown[] } } }>)
        .slice(0, 10)
        .map((v) => ({
          path: v.instancePath ?? '',
          message: v.message ?? 'invalid',
        }));
      return reply.code(400).send({ error: 'invalid-request', issues });
    }
    if (error.statusCode && error.statusCode < 500) return reply.code(error.statusCode).send({ error: error.code ?? 'bad-request', message: error.message });
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send({ error: 'internal' });
  });
  // Shutting down: answers still under way go out with `Connection: close`, so a keep-alive
  // client does not hold the server open once its command is answered.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not-found' }));

  const addressOf = (request: FastifyRequest) => {
    try {
      return request.ip ?? 'unknown';
    } catch {
      return 'unknown'; // an injected socket has no address
    }
  };

  /** Every route but /healthz and /auth/redeem needs a device token; every route is rate-limited. */
  async function guard(request: FastifyRequest, needsToken: boolean) {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const wait = limiter.take(token ? `t:${token}` : `a:${addressOf(request)}`);
    if (wait > 0) throw new SyncError(429, { error: 'rate-limited', retryAfterMs: wait });
    if (!needsToken) return;
    if (!ready) await health();
    if (!ready) throw new SyncError(503, { error: 'not-ready' });
    if (!token) throw new SyncError(401, { error: 'unauthorized' });
    const auth = await authenticate(db, token);
    if (!auth.ok) throw new SyncError(401, { error: auth.error });
    request.principal = auth.principal;
  }
  const principal = (request: FastifyRequest) => request.principal!;
  // The poke socket authenticates with its first message (a browser's WebSocket sends no headers).
  const OPEN = new Set(['/healthz', '/auth/redeem', '/sync/poke']);
  // Before the body is read: an unknown or revoked token costs the server nothing more.
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (url === undefined) return; // not a route: 404
    await guard(request, !OPEN.has(url));
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      const h = await health();
      return reply
        .code(h.ready ? 200 : 503)
        .send({ ok: h.ready, database: database.mode, migrations: { applied: h.applied, expected: h.expected }, rowSecurity });
    } catch (e) {
      return reply.code(503).send({ ok: false, database: database.mode, error: 'database-unreachable', message: (e as Error).message });
    }
  });

  app.post(
    '/auth/redeem',
    { schema: { body: z.object({ code: z.string().min(4).max(64), deviceName: z.string().max(200).default('') }) } },
    async (request, reply) => {
      if (!ready) await health();
      const r = await redeemInvitation(db, request.body.code, request.body.deviceName);
      if (!r.ok) return reply.code(r.error === 'invitation-unknown' ? 404 : 410).send({ error: r.error });
      return r;
    },
  );

  app.get('/me', async (request) => {
    const p = principal(request);
    const ws = await db.selectFrom('workspaces').select(['id', 'name']).where('id', '=', p.workspaceId).executeTakeFirstOrThrow();
    return { person: p.actor, deviceId: p.deviceId, workspace: ws };
  });

  app.post('/sync/push', { schema: { body: pushRequestSchema } }, async (request) => {
    return push(db, principal(request), request.body, { ...(options.now ? { now: options.now } : {}), onCommitted: announce });
  });

  app.post('/sync/pull', { schema: { body: pullRequestSchema } }, async (request) => {
    return pull(db, principal(request), request.body, rowSecurity);
  });

  app.get('/messages/:id', { schema: { params: z.object({ id: syncIdSchema }) } }, async (request, reply) => {
    const m = await messageFor(db, principal(request), request.params.id, rowSecurity);
    if (!m) return reply.code(404).send({ error: 'not-found' });
    return m;
  });

  await app.register(websocket, { options: { maxPayload: 4096 } });
  const keepaliveMs = options.keepaliveMs ?? 20_000;
  app.get('/sync/poke', { websocket: true }, (socket) => {
    let unsubscribe: (() => void) | undefined;
    const send = (value: unknown) => socket.readyState === socket.OPEN && socket.send(JSON.stringify(value));
    const refuse = (error: string) => {
      send({ type: 'error', error });
      socket.close(4401, error);
    };
    const authTimer = setTimeout(() => refuse('unauthorized'), 5000);
    const keepalive = setInterval(() => send({ type: 'ping' }), keepaliveMs);
    socket.on('message', (raw: Buffer) => {
      let msg: { type?: unknown; token?: unknown };
      try {
        msg = JSON.parse(raw.toString()) as typeof msg;
      } catch {
        return refuse('malformed-json');
      }
      if (msg.type === 'ping') return void send({ type: 'pong' });
      if (msg.type !== 'auth' || unsubscribe) return;
      if (typeof msg.token !== 'string') return refuse('unauthorized');
      void authenticate(db, msg.token)
        .then((auth) => {
          clearTimeout(authTimer);
          if (!auth.ok) return refuse(auth.error);
          unsubscribe = pokes.subscribe(auth.principal.workspaceId, () => send({ type: 'poke' }));
          send({ type: 'ready' });
        })
        .catch(() => refuse('internal'));
    });
    socket.on('close', () => {
      clearTimeout(authTimer);
      clearInterval(keepalive);
      unsubscribe?.();
    });
  });

  await health().catch(() => undefined);
  return app;
}
