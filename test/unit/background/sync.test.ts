/** The sync service's edges without a server: addresses, and answers that are not what the protocol says. */
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type AppDatabase } from '@/lib/db';
import { saveCapture, loadWorkspace } from '@/lib/db/messages';
import { connectSync, loadSyncConfig } from '@/lib/db/sync';
import { serverOrigin, syncService, type HttpPort } from '@/entrypoints/background/services/sync';
import { createWorkCalendar } from '@/lib/worktime';
import { workspaceSchedule } from '@/lib/workflow/workspace';
import { sampleItem, sampleRouting } from '../../helpers/items';

let db: AppDatabase;
let n = 0;
afterEach(async () => {
  db?.close();
  await db?.delete();
});

const reply =
  (status: number, body: unknown): HttpPort =>
  async () => ({ status, json: async () => (body instanceof Error ? Promise.reject(body) : body) });

async function connected(http: HttpPort) {
  db = createDatabase(`sync-unit-${++n}`);
  await connectSync(db, { server: 'https://team.example.ru', token: 'token-0123456789', now: 1, newId: () => `x${++n}` });
  const ws = await loadWorkspace(db);
  await saveCapture(
    db,
    { item: sampleItem(), routing: sampleRouting },
    { now: Date.UTC(2026, 10, 25, 2), workspace: ws, calendar: createWorkCalendar(workspaceSchedule(ws)), newId: () => 'm1' },
  );
  return syncService({ db, http, now: () => 1000, newId: () => 'id', deviceName: 'test' });
}

describe('serverOrigin', () => {
  it.each([
    ['team.example.ru', 'https://team.example.ru'],
    ['https://team.example.ru/some/path?x=1', 'https://team.example.ru'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
  ])('%s → %s', (input, origin) => expect(serverOrigin(input)).toEqual({ ok: true, origin }));

  it.each([
    ['http://team.example.ru', 'insecure'],
    ['ftp://team.example.ru', 'bad-address'],
    ['https://user:pass@team.example.ru', 'bad-address'],
    ['https://', 'bad-address'],
    ['', 'bad-address'],
  ])('refuses %s (%s)', (input, code) => expect(serverOrigin(input)).toEqual({ ok: false, code }));
});

describe('sync service against a bad server', () => {
  it.each([
    ['an HTML error page', reply(502, new SyntaxError('Unexpected token <')), 'server-error'],
    ['a push answer of the wrong shape', reply(200, { results: 'nope' }), 'bad-response'],
    ['a 500', reply(500, { error: 'internal' }), 'server-error'],
    ['a 503 while migrating', reply(503, { error: 'not-ready' }), 'not-ready'],
    ['a refused token', reply(401, { error: 'token-revoked' }), 'token-revoked'],
    ['no network', (async () => Promise.reject(new TypeError('Failed to fetch'))) as HttpPort, 'unreachable'],
  ])('%s: says %s and keeps the command', async (_name, http, code) => {
    const sync = await connected(http);
    expect(await sync.syncNow()).toMatchObject({ ok: false, code });
    expect(await db.outbox.count()).toBe(1);
    expect((await loadSyncConfig(db))?.lastError).toMatchObject({ code, at: 1000 });
  });

  it('rate limited: says when to try again', async () => {
    const sync = await connected(reply(429, { error: 'rate-limited', retryAfterMs: 700 }));
    expect(await sync.syncNow()).toEqual({ ok: false, code: 'rate-limited', retryAfterMs: 700 });
  });

  it('a server that never answers times out instead of hanging', async () => {
    const hanging: HttpPort = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    db = createDatabase(`sync-unit-${++n}`);
    await connectSync(db, { server: 'https://team.example.ru', token: 'token-0123456789', now: 1, newId: () => `x${++n}` });
    const sync = syncService({ db, http: hanging, now: () => 1000, newId: () => 'id', deviceName: 'test', timeoutMs: 50 });
    expect(await sync.syncNow()).toMatchObject({ ok: false, code: 'timeout' });
  });

  it('a pull whose patch does not read writes nothing', async () => {
    const http: HttpPort = async (url) => ({
      status: 200,
      json: async () =>
        url.endsWith('/sync/push')
          ? { results: [{ clientID: 'c', id: 1, status: 'accepted' }], lastMutationIDs: {} }
          : { cookie: 5, lastMutationIDs: {}, patch: [{ op: 'put', key: 'message/zzz', value: { id: 'zzz', text: 42 } }] },
    });
    const sync = await connected(http);
    expect(await sync.syncNow()).toMatchObject({ ok: false, code: 'bad-response' });
    expect(await db.messages.get('zzz')).toBeUndefined();
    expect(await db.messages.get('m1')).toBeDefined();
    expect((await loadSyncConfig(db))?.cookie).toBeNull();
  });

  it('two calls at once run one cycle and then one more, never two at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const http: HttpPort = async (url) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return {
        status: 200,
        json: async () => (url.endsWith('/sync/pull') ? { cookie: 1, lastMutationIDs: {}, patch: [] } : { results: [], lastMutationIDs: {} }),
      };
    };
    const sync = await connected(http);
    await Promise.all([sync.syncNow(), sync.syncNow(), sync.syncNow()]);
    expect(most).toBe(1);
  });
});
