/**
 * The team server on a real PostgreSQL: races, duplicates, visibility, revocation and bad
 * requests. Requests go through Fastify's inject() (no port).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revoke } from '../../server/auth';
import { createPerson, exportWorkspace, invite } from '../../server/admin';
import { applyMutation, changedMessages, stateOf } from '../../lib/sync/apply';
import { starterWorkspace, workspaceSchedule, type Workspace } from '../../lib/workflow/workspace';
import { createWorkCalendar } from '../../lib/worktime';
import type { Actor, Message } from '../../lib/model/workflow';
import { buildApp } from '../../server/app';
import { captureArgs, client, team, type Team } from './helpers';

let t: Team;
beforeAll(async () => {
  t = await team();
});
afterAll(async () => {
  await t?.drop();
});

/** Everything the server holds that a request could change, to compare before and after. */
async function snapshot() {
  const q = async (table: string) => (await sql<{ n: string }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(t.database.db)).rows[0]!.n;
  const ws = await t.database.db.selectFrom('workspaces').select(['version', 'data']).execute();
  return {
    ws,
    messages: await t.database.db.selectFrom('messages').select(['id', 'version', 'data']).orderBy('id').execute(),
    counts: await Promise.all(['mutations', 'events', 'clients', 'client_groups', 'devices', 'invitations'].map(q)),
  };
}

let seq = 0;
/** A client with its own group and ids, pushing one mutation at a time. */
function device(token: string) {
  const c = client(t.app, token);
  const group = `g${++seq}`;
  const clientID = `c${seq}`;
  let next = 1;
  return {
    group,
    clientID,
    ...c,
    async send(name: string, args: unknown) {
      const r = await c.push({ clientGroupID: group, mutations: [{ clientID, id: next++, name, args }] });
      expect(r.statusCode, r.body).toBe(200);
      return r.json().results[0] as {
        status: string;
        code?: string;
        context?: { step?: string; lastChange?: { type: string; actorName?: string; at: number } };
      };
    },
  };
}

describe('team server', () => {
  it('GET /healthz answers 200 with JSON once the database is migrated', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, database: 'postgres', migrations: { applied: 2, expected: 2 }, rowSecurity: true });
  });

  it('two approvals race: exactly one wins, the other is refused with who approved it and when', async () => {
    const curA = device(t.tokens.curA);
    const curB = device(t.tokens.curB);
    const ex = device(t.tokens.exStroy);
    for (let i = 0; i < 8; i++) {
      const id = `race${i}`;
      expect((await curA.send('capture', captureArgs(id, 'minstroy'))).status).toBe('accepted');
      expect((await ex.send('step', { messageId: id, command: { type: 'submitDraft', kind: 'answer', text: 'Заменим трубу до пятницы.' } })).status).toBe(
        'accepted',
      );
      const [a, b] = await Promise.all([
        curA.send('step', { messageId: id, command: { type: 'approve' } }),
        curB.send('step', { messageId: id, command: { type: 'approve' } }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual(['accepted', 'rejected']);
      const loser = a.status === 'rejected' ? a : b;
      expect(loser.code).toBe('wrong-step');
      expect(loser.context?.step).toBe('approved');
      expect(loser.context?.lastChange?.type).toBe('approve');
      expect(['Иванова', 'Петров']).toContain(loser.context?.lastChange?.actorName);
      const approvals = await t.database.db
        .selectFrom('events')
        .select('data')
        .where('message_id', '=', id)
        .where(sql<boolean>`data->>'type' = 'approve'`)
        .execute();
      expect(approvals).toHaveLength(1);
    }
    // The refusal reaches the loser's next pull.
    const pulled = (await curB.pull(curB.group, null)).json() as { patch: Array<{ op: string; key?: string; value?: { code?: string } }> };
    const lostByB = pulled.patch.filter((p) => p.key?.startsWith('refusal/'));
    const lostByA = ((await curA.pull(curA.group, null)).json() as typeof pulled).patch.filter((p) => p.key?.startsWith('refusal/'));
    expect(lostByA.length + lostByB.length).toBe(8);
    for (const p of [...lostByA, ...lostByB]) expect(p.value?.code).toBe('wrong-step');
  });

  it('a duplicate push is a no-op; a gap is refused and changes nothing', async () => {
    const c = client(t.app, t.tokens.curA);
    const body = {
      clientGroupID: 'dup-g',
      mutations: [
        { clientID: 'dup-c', id: 1, name: 'capture', args: captureArgs('dup1') },
        { clientID: 'dup-c', id: 2, name: 'step', args: { messageId: 'dup1', command: { type: 'route', assignments: [{ body: 'minzhkh' }] } } },
      ],
    };
    const first = await c.push(body);
    expect(first.json().results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'accepted']);
    const before = await snapshot();
    const again = await c.push(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({
      results: [
        { clientID: 'dup-c', id: 1, status: 'duplicate' },
        { clientID: 'dup-c', id: 2, status: 'duplicate' },
      ],
      lastMutationIDs: { 'dup-c': 2 },
    });
    expect(await snapshot()).toEqual(before);
    const gap = await c.push({
      clientGroupID: 'dup-g',
      mutations: [{ clientID: 'dup-c', id: 4, name: 'step', args: { messageId: 'dup1', command: { type: 'receive' } } }],
    });
    expect(gap.statusCode).toBe(409);
    expect(gap.json()).toEqual({ error: 'mutation-gap', clientID: 'dup-c', expected: 3, got: 4 });
    expect(await snapshot()).toEqual(before);
  });

  it('an executor never receives another body’s message, even by asking for its id, and loses it when it leaves his scope', async () => {
    const cur = device(t.tokens.curA);
    const zhkh = device(t.tokens.exZhkh);
    const stroy = device(t.tokens.exStroy);
    await cur.send('capture', captureArgs('vis-stroy', 'minstroy'));
    await cur.send('capture', captureArgs('vis-zhkh', 'minzhkh'));
    await cur.send('capture', captureArgs('vis-none'));
    const first = (await zhkh.pull(zhkh.group, null)).json() as { cookie: number; patch: Array<{ op: string; key?: string }> };
    const keys = first.patch.filter((p) => p.op === 'put' && p.key?.startsWith('message/')).map((p) => p.key);
    expect(keys).toContain('message/vis-zhkh');
    expect(keys).not.toContain('message/vis-stroy');
    expect(keys).not.toContain('message/vis-none');
    // By id: not found, the same answer as for a message that does not exist.
    const asked = await zhkh.get('/messages/vis-stroy');
    expect(asked.statusCode).toBe(404);
    expect(asked.json()).toEqual({ error: 'not-found' });
    expect((await zhkh.get('/messages/vis-zhkh')).statusCode).toBe(200);
    expect((await stroy.get('/messages/vis-stroy')).statusCode).toBe(200);
    // Acting on it: refused as not found, with nothing about the message.
    const acted = await zhkh.send('step', { messageId: 'vis-stroy', command: { type: 'return', reason: 'не наше' } });
    expect(acted).toMatchObject({ status: 'rejected', code: 'not-found' });
    expect(acted.context).toBeUndefined();
    // The curator re-routes it elsewhere: the executor's next pull removes it.
    expect((await cur.send('step', { messageId: 'vis-zhkh', command: { type: 'route', reassign: true, assignments: [{ body: 'minstroy' }] } })).status).toBe(
      'accepted',
    );
    const next = (await zhkh.pull(zhkh.group, first.cookie)).json() as { patch: Array<{ op: string; key?: string }> };
    expect(next.patch).toContainEqual({ op: 'del', key: 'message/vis-zhkh' });
    expect(next.patch.filter((p) => p.op === 'put' && p.key?.startsWith('message/'))).toEqual([]);
    const stroyPull = (await stroy.pull(stroy.group, null)).json() as { patch: Array<{ op: string; key?: string }> };
    expect(stroyPull.patch.map((p) => p.key)).toEqual(expect.arrayContaining(['message/vis-zhkh', 'message/vis-stroy']));
  });

  it('row-level security is a second fence: as the reader, an executor’s session sees only his body’s messages', async () => {
    const seen = await t.database.db.transaction().execute(async (trx) => {
      await sql`SELECT set_config('app.user_id', 'kuznetsova', true)`.execute(trx);
      await sql`SET LOCAL ROLE teamserver_reader`.execute(trx);
      // No scope filter in this query: only the policy stands between the executor and the rows.
      return (await trx.selectFrom('messages').select(['id', 'bodies']).execute()).map((r) => r.bodies);
    });
    expect(seen.length).toBeGreaterThan(0);
    for (const bodies of seen) expect(bodies).toContain('minzhkh');
    const none = await t.database.db.transaction().execute(async (trx) => {
      await sql`SET LOCAL ROLE teamserver_reader`.execute(trx);
      return trx.selectFrom('messages').select('id').execute();
    });
    expect(none).toEqual([]);
  });

  it('a pull counts from its cookie: nothing new, nothing sent', async () => {
    const cur = device(t.tokens.curA);
    const full = (await cur.pull(cur.group, null)).json() as { cookie: number };
    const again = (await cur.pull(cur.group, full.cookie)).json() as { cookie: number; patch: unknown[] };
    // Only who the person is (so a changed role reaches the browser); no message, no directory.
    expect(again).toMatchObject({ cookie: full.cookie, patch: [{ op: 'put', key: 'me', value: { id: 'ivanova' } }] });
    expect(again.patch).toHaveLength(1);
  });

  it('a revoked token is refused; an unknown one too; the others keep working', async () => {
    const ex = client(t.app, t.tokens.exStroy);
    expect((await ex.pull('rev-g', null)).statusCode).toBe(200);
    expect(await revoke(t.database.db, { deviceId: t.devices.exStroy })).toBe(1);
    const before = await snapshot();
    const pulled = await ex.pull('rev-g', null);
    expect(pulled.statusCode).toBe(401);
    expect(pulled.json()).toEqual({ error: 'token-revoked' });
    const pushed = await ex.push({ clientGroupID: 'rev-g', mutations: [{ clientID: 'rev-c', id: 1, name: 'capture', args: captureArgs('rev1') }] });
    expect(pushed.statusCode).toBe(401);
    expect((await client(t.app, 'not-a-token').pull('x', null)).json()).toEqual({ error: 'unauthorized' });
    expect((await t.app.inject({ method: 'POST', url: '/sync/pull', payload: { clientGroupID: 'x', cookie: null } })).statusCode).toBe(401);
    expect(await snapshot()).toEqual(before);
    expect((await client(t.app, t.tokens.curA).get('/me')).json()).toMatchObject({ person: { id: 'ivanova', roles: ['curator'] }, workspace: { id: 'yak' } });
  });

  it('malformed, invalid, oversized and replayed requests get clear JSON errors and change nothing', async () => {
    const small = await buildApp({ database: t.database, bodyLimit: 4096, rate: { perSecond: 1000, burst: 1000 } });
    const headers = { authorization: `Bearer ${t.tokens.curA}`, 'content-type': 'application/json' };
    const before = await snapshot();
    const malformed = await small.inject({ method: 'POST', url: '/sync/push', headers, payload: '{"clientGroupID": "g", "mutations": [' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toEqual({ error: 'malformed-json' });
    const invalid = await small.inject({
      method: 'POST',
      url: '/sync/push',
      headers,
      payload: { clientGroupID: 'g', mutations: [{ clientID: 'c', id: 0, name: 'drop table' }] },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error).toBe('invalid-request');
    expect(invalid.json().issues.length).toBeGreaterThan(0);
    const nonConsecutive = await small.inject({
      method: 'POST',
      url: '/sync/push',
      headers,
      payload: { clientGroupID: 'g', mutations: [1, 3].map((id) => ({ clientID: 'c', id, name: 'capture', args: captureArgs(`nc${id}`) })) },
    });
    expect(nonConsecutive.statusCode).toBe(400);
    const big = await small.inject({
      method: 'POST',
      url: '/sync/push',
      headers,
      payload: { clientGroupID: 'g', mutations: [{ clientID: 'c', id: 1, name: 'capture', args: { pad: 'я'.repeat(5000) } }] },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toEqual({ error: 'too-large', limit: 4096 });
    const text = await small.inject({ method: 'POST', url: '/sync/pull', headers: { ...headers, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toBe('unsupported-media-type');
    expect((await small.inject({ method: 'GET', url: '/nothing-here' })).json()).toEqual({ error: 'not-found' });
    expect(await snapshot()).toEqual(before);
    // A replayed invitation: the code works once.
    const { code } = await invite(t.database.db, 'petrov');
    const redeem = () => small.inject({ method: 'POST', url: '/auth/redeem', payload: { code: code.toLowerCase(), deviceName: 'ноутбук' } });
    const once = await redeem();
    expect(once.statusCode).toBe(200);
    expect(once.json()).toMatchObject({ ok: true, person: { id: 'petrov' }, workspace: { id: 'yak' } });
    const afterRedeem = await snapshot();
    const twice = await redeem();
    expect(twice.statusCode).toBe(410);
    expect(twice.json()).toEqual({ error: 'invitation-used' });
    expect((await small.inject({ method: 'POST', url: '/auth/redeem', payload: { code: 'AAAA-BBBB-CCCC-DDDD' } })).json()).toEqual({
      error: 'invitation-unknown',
    });
    expect(await snapshot()).toEqual(afterRedeem);
    await small.close();
  });

  it('a client group belongs to the device that first used it', async () => {
    const a = client(t.app, t.tokens.curA);
    const b = client(t.app, t.tokens.curB);
    expect((await a.pull('owned-g', null)).statusCode).toBe(200);
    const stolen = await b.pull('owned-g', null);
    expect(stolen.statusCode).toBe(403);
    expect(stolen.json()).toEqual({ error: 'client-group-not-yours', clientGroupID: 'owned-g' });
  });

  it('rate-limits each token', async () => {
    const limited = await buildApp({ database: t.database, rate: { perSecond: 1, burst: 3 } });
    const c = client(limited, t.tokens.curA);
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await c.get('/me')).statusCode);
    expect(codes).toEqual([200, 200, 200, 429]);
    expect((await c.get('/me')).json()).toMatchObject({ error: 'rate-limited' });
    // Another token has its own allowance.
    expect((await client(limited, t.tokens.curB).get('/me')).statusCode).toBe(200);
    await limited.close();
  });

  it('a push runs its commands in order in one transaction: each sees the ones before it, each gets its own version, a refusal names the step just taken', async () => {
    const c = client(t.app, t.tokens.curA);
    const v0 = Number((await t.database.db.selectFrom('workspaces').select('version').where('id', '=', 'yak').executeTakeFirstOrThrow()).version);
    const r = await c.push({
      clientGroupID: 'batch-g',
      mutations: [
        { clientID: 'batch-c', id: 1, name: 'directory', args: { op: 'putLocation', name: 'Хандыга' } },
        { clientID: 'batch-c', id: 2, name: 'capture', args: captureArgs('batch1', 'minstroy') },
        { clientID: 'batch-c', id: 3, name: 'step', args: { messageId: 'batch1', command: { type: 'route', assignments: [{ body: 'minzhkh' }] } } },
        { clientID: 'batch-c', id: 4, name: 'step', args: { messageId: 'batch-none', command: { type: 'approve' } } },
        { clientID: 'batch-c', id: 5, name: 'capture', args: captureArgs('batch1', 'minstroy') },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    const results = r.json().results as Array<{ status: string; code?: string }>;
    expect(results.map((x) => x.status)).toEqual(['accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
    // Routing a message routed a moment before in the same push: refused like any step out of turn.
    expect(results[2]!.code).not.toBe('not-found');
    expect(results[3]!.code).toBe('not-found');
    expect(r.json().lastMutationIDs).toEqual({ 'batch-c': 5 });
    const mutations = await t.database.db
      .selectFrom('mutations')
      .select(['mutation_id', 'version', 'status'])
      .where('client_group_id', '=', 'batch-g')
      .orderBy('mutation_id')
      .execute();
    expect(mutations.map((m) => Number(m.version))).toEqual([v0 + 1, v0 + 2, v0 + 3, v0 + 4, v0 + 5]);
    const message = await t.database.db.selectFrom('messages').select(['version', 'data']).where('id', '=', 'batch1').executeTakeFirstOrThrow();
    expect(Number(message.version)).toBe(v0 + 2);
    const ws = await t.database.db.selectFrom('workspaces').select(['version', 'directory_version', 'data']).where('id', '=', 'yak').executeTakeFirstOrThrow();
    expect(Number(ws.version)).toBe(v0 + 5);
    expect((ws.data as { locations: string[] }).locations).toContain('Хандыга');
    expect(Number(ws.directory_version)).toBeGreaterThan(v0);
  });

  it('commands of one region pushed at once get distinct versions in commit order; one post captured by two at once is the team’s once', async () => {
    const before = Number((await t.database.db.selectFrom('workspaces').select('version').where('id', '=', 'yak').executeTakeFirstOrThrow()).version);
    const curators = Array.from({ length: 12 }, (_, i) => device(i % 2 ? t.tokens.curA : t.tokens.curB));
    // Twelve curators at once: six distinct posts, and one post captured by the other six (same key).
    const same = captureArgs('same-post-a', 'minstroy');
    const results = await Promise.all(
      curators.map((c, i) =>
        i < 6 ? c.send('capture', captureArgs(`burst${i}`, 'minstroy')) : c.send('capture', { ...same, id: `same-post-${i}`, item: { ...same.item } }),
      ),
    );
    expect(results.slice(0, 6).every((r) => r.status === 'accepted')).toBe(true);
    const sameStatuses = results.slice(6).map((r) => r.status);
    expect(sameStatuses.filter((s) => s === 'accepted')).toHaveLength(1);
    expect(sameStatuses.filter((s) => s === 'rejected')).toHaveLength(5);
    const rows = await t.database.db.selectFrom('messages').select(['id', 'key']).where('key', '=', same.item.key).execute();
    expect(rows).toHaveLength(1);
    // Every command (accepted or refused) counted the region up once, no two alike, no gap.
    const versions = (
      await t.database.db.selectFrom('mutations').select('version').where('workspace_id', '=', 'yak').where('version', '>', String(before)).execute()
    ).map((r) => Number(r.version));
    expect(versions).toHaveLength(12);
    expect(new Set(versions).size).toBe(12);
    expect(Math.min(...versions)).toBe(before + 1);
    expect(Math.max(...versions)).toBe(before + 12);
  });

  it('a directory edit committed while a command runs: the command runs again on the new directory', async () => {
    const ex = device(t.tokens.exZhkh);
    const edits = Array.from({ length: 6 }, (_, i) => device(t.tokens.curB).send('directory', { op: 'putLocation', name: `Посёлок ${i}` }));
    const steps = Array.from({ length: 6 }, (_, i) => device(t.tokens.curA).send('capture', captureArgs(`dir-race${i}`, 'minstroy')));
    const all = await Promise.all([...edits, ...steps]);
    expect(all.map((r) => r.status)).toEqual(Array(12).fill('accepted'));
    const pulled = await ex.pull(ex.group, null);
    expect(pulled.statusCode, pulled.body).toBe(200);
    const start = pulled.json() as { patch: Array<{ key?: string; value?: { locations?: string[] } }> };
    const locations = start.patch.find((p) => p.key === 'directory')?.value?.locations ?? [];
    for (let i = 0; i < 6; i++) expect(locations).toContain(`Посёлок ${i}`);
    const versions = (await t.database.db.selectFrom('mutations').select('version').where('workspace_id', '=', 'yak').execute()).map((r) => r.version);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('people added at once (executors go into the directory) while commands run: none waits on another for ever, every one is in the directory', async () => {
    const people = Array.from({ length: 8 }, (_, i) =>
      createPerson(t.database.db, { workspaceId: 'yak', id: `burst-ex${i}`, name: `Исполнитель ${i}`, roles: ['executor'], bodies: ['minstroy'] }),
    );
    const steps = Array.from({ length: 4 }, (_, i) => device(t.tokens.curA).send('capture', captureArgs(`people-race${i}`, 'minstroy')));
    const [added, captured] = await Promise.all([Promise.allSettled(people), Promise.all(steps)]);
    expect(added.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(captured.map((r) => r.status)).toEqual(Array(4).fill('accepted'));
    const ws = await t.database.db.selectFrom('workspaces').select('data').where('id', '=', 'yak').executeTakeFirstOrThrow();
    const executors = (ws.data as { bodies: Array<{ id: string; executors: Array<{ id: string }> }> }).bodies
      .find((b) => b.id === 'minstroy')!
      .executors.map((e) => e.id);
    for (let i = 0; i < 8; i++) expect(executors).toContain(`burst-ex${i}`);
  });

  it('directory edits are the curators’ and reach every pull', async () => {
    const cur = device(t.tokens.curA);
    const ex = device(t.tokens.exZhkh);
    const start = (await ex.pull(ex.group, null)).json() as { cookie: number };
    expect((await ex.send('directory', { op: 'putLocation', name: 'Тикси' })).code).toBe('forbidden');
    expect((await cur.send('directory', { op: 'putLocation', name: 'Тикси' })).status).toBe('accepted');
    const next = (await ex.pull(ex.group, start.cookie)).json() as { patch: Array<{ key?: string; value?: { locations?: string[] } }> };
    expect(next.patch.find((p) => p.key === 'directory')?.value?.locations).toContain('Тикси');
  });
});

describe('poke socket', () => {
  it('tells a connected client to pull when another pushes — through another server instance (NOTIFY) — and keeps the socket alive', async () => {
    const app = await buildApp({ database: t.database, rate: { perSecond: 1000, burst: 1000 }, keepaliveMs: 100 });
    await app.ready();
    const ws = await app.injectWS('/sync/poke');
    const received: Array<{ type: string }> = [];
    ws.on('message', (d: Buffer) => received.push(JSON.parse(d.toString())));
    const until = async (pred: () => boolean) => {
      for (let i = 0; i < 100 && !pred(); i++) await new Promise((r) => setTimeout(r, 20));
      expect(pred()).toBe(true);
    };
    ws.send(JSON.stringify({ type: 'auth', token: t.tokens.exZhkh }));
    await until(() => received.some((m) => m.type === 'ready'));
    const started = performance.now();
    // The push goes to another instance on the same database: the poke crosses by LISTEN/NOTIFY.
    const pushed = await client(t.app, t.tokens.curA).push({
      clientGroupID: 'poke-g',
      mutations: [{ clientID: 'poke-c', id: 1, name: 'capture', args: captureArgs('poke1', 'minzhkh') }],
    });
    expect(pushed.json().results[0].status).toBe('accepted');
    await until(() => received.some((m) => m.type === 'poke'));
    expect(performance.now() - started).toBeLessThan(1000);
    await until(() => received.filter((m) => m.type === 'ping').length >= 2);
    ws.terminate();

    const bad = await app.injectWS('/sync/poke');
    const closed = new Promise<number>((resolve) => bad.on('close', (code: number) => resolve(code)));
    bad.send(JSON.stringify({ type: 'auth', token: 'nope' }));
    expect(await closed).toBe(4401);
    await app.close();
  });
});

describe('incidents', () => {
  it('routing and approving an incident’s lead moves its open members too, as the extension does', async () => {
    const cur = device(t.tokens.curA);
    const ex = device(t.tokens.exZhkh);
    await cur.send('capture', captureArgs('inc-lead'));
    await cur.send('capture', captureArgs('inc-member'));
    expect((await cur.send('step', { messageId: 'inc-member', command: { type: 'joinIncident', incidentId: 'inc-lead' } })).status).toBe('accepted');
    expect((await cur.send('step', { messageId: 'inc-lead', command: { type: 'route', assignments: [{ body: 'minzhkh' }] } })).status).toBe('accepted');
    const member = (await ex.get('/messages/inc-member')).json() as Message;
    expect(member).toMatchObject({ step: 'routed', bodies: ['minzhkh'], incidentId: 'inc-lead' });
    await ex.send('step', { messageId: 'inc-lead', command: { type: 'submitDraft', kind: 'answer', text: 'Один ответ на всех.' } });
    await cur.send('step', { messageId: 'inc-lead', command: { type: 'approve' } });
    expect(((await ex.get('/messages/inc-member')).json() as Message).step).toBe('approved');
    const via = await t.database.db.selectFrom('events').select('data').where('message_id', '=', 'inc-member').execute();
    expect(via.filter((e) => (e.data as { data: { viaIncident?: string } }).data.viaIncident === 'inc-lead').length).toBe(3);
  });
});

describe('export', () => {
  it('the exported command log, replayed through the pure code from the starter workspace, reproduces every stored message', async () => {
    const dump = await exportWorkspace(t.database.db, 'yak');
    expect(dump.messages.length).toBeGreaterThan(10);
    const people = new Map(dump.people.map((p) => [p.id, { id: p.id, name: p.name, roles: p.roles as Actor['roles'], bodies: p.bodies }]));
    let workspace = starterWorkspace('yakutia', { id: 'server', name: 'Якутия', roles: ['curator'] });
    const messages = new Map<string, Message>();
    const calendar = createWorkCalendar(workspaceSchedule(workspace));
    for (const m of dump.mutations.filter((x) => x.status === 'accepted')) {
      const r = applyMutation(
        stateOf(workspace, messages.values()),
        { name: m.name as 'capture', args: m.args },
        people.get(m.person_id)!,
        workspace.profile,
        calendar,
        Number(m.at),
      );
      expect(r.ok, `${m.name} ${JSON.stringify(m.args)}`).toBe(true);
      if (!r.ok) continue;
      for (const changed of changedMessages(r)) messages.set(changed.id, changed);
      if (r.workspace) workspace = r.workspace;
    }
    const stored = new Map((dump.messages as Message[]).map((m) => [m.id, m]));
    expect(messages).toEqual(stored);
    expect(workspace.locations).toEqual((dump.workspace.data as Workspace).locations);
  });
});
