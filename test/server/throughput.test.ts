/**
 * Figures on a real PostgreSQL (printed, with a floor far below the target so a slow CI machine
 * does not fail): 50 clients pushing at once, and a single command's push round trip.
 * The bar (≥ 500 accepted commands/s from 50 clients) is for `npm run bench`.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson, invite } from '../../server/admin';
import { redeemInvitation } from '../../server/auth';
import { captureArgs, client, team, type Team } from './helpers';

let t: Team;
beforeAll(async () => {
  t = await team();
});
afterAll(async () => {
  await t?.drop();
});

describe('throughput on real PostgreSQL', () => {
  it('50 clients push captures, routes and drafts at once: every command accepted, none lost', async () => {
    const CLIENTS = 50;
    const ROUNDS = 8;
    const tokens: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      await createPerson(t.database.db, { workspaceId: 'yak', id: `cur${i}`, name: `Куратор ${i}`, roles: ['curator', 'executor'], bodies: ['minstroy'] });
      const r = await redeemInvitation(t.database.db, (await invite(t.database.db, `cur${i}`)).code, 'pc');
      if (!r.ok) throw new Error(r.error);
      tokens.push(r.token);
    }
    const started = performance.now();
    const cpu = process.cpuUsage();
    let accepted = 0;
    await Promise.all(
      tokens.map(async (token, c) => {
        const api = client(t.app, token);
        let id = 0;
        for (let round = 0; round < ROUNDS; round++) {
          const mid = `tp-${c}-${round}`;
          const mutations = [
            { clientID: `tc${c}`, id: ++id, name: 'capture', args: captureArgs(mid, 'minstroy') },
            { clientID: `tc${c}`, id: ++id, name: 'step', args: { messageId: mid, command: { type: 'receive' } } },
            {
              clientID: `tc${c}`,
              id: ++id,
              name: 'step',
              args: { messageId: mid, command: { type: 'submitDraft', kind: 'answer', text: 'Ответ по существу.' } },
            },
          ];
          const r = await api.push({ clientGroupID: `tg${c}`, mutations });
          expect(r.statusCode, r.body).toBe(200);
          accepted += (r.json().results as Array<{ status: string }>).filter((x) => x.status === 'accepted').length;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    console.log(`[throughput] the server process's CPU: ${((used.user + used.system) / 1e6).toFixed(2)} s of ${seconds.toFixed(2)} s`);
    const total = CLIENTS * ROUNDS * 3;
    expect(accepted).toBe(total);
    const stored = await t.database.db
      .selectFrom('mutations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', 'accepted')
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(total);
    console.log(`[throughput] ${total} commands from ${CLIENTS} clients in ${seconds.toFixed(2)} s: ${Math.round(total / seconds)} accepted commands/s`);
    expect(total / seconds).toBeGreaterThan(50);
  });

  it('a single command’s push round trip (inject, no network)', async () => {
    const api = client(t.app, t.tokens.curA);
    const times: number[] = [];
    for (let i = 1; i <= 60; i++) {
      const started = performance.now();
      const r = await api.push({ clientGroupID: 'rt-g', mutations: [{ clientID: 'rt-c', id: i, name: 'capture', args: captureArgs(`rt${i}`, 'minzhkh') }] });
      times.push(performance.now() - started);
      expect(r.json().results[0].status).toBe('accepted');
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    console.log(`[round trip] push of one command: p50 ${p(0.5)} ms, p95 ${p(0.95)} ms`);
    const pulled = performance.now();
    const r = await api.pull('rt-g', null);
    console.log(`[pull] first pull of ${(r.json().patch as unknown[]).length} patch entries in ${(performance.now() - pulled).toFixed(1)} ms`);
    expect(Number(p(0.95))).toBeLessThan(1000);
  });
});

describe('first sync of a year of messages', () => {
  it('a new computer connects to a region with 20,000 messages and holds them all after its first pull', async () => {
    const { connectedClient } = await import('./client-helpers');
    const { sampleItem, sampleRouting } = await import('../helpers/items');
    const seedClient = await connectedClient(t, 'seed', 'cur0');
    await seedClient.capture(sampleItem({ key: 'vk:wall-5_1', url: 'https://vk.com/wall-5_1' }), { ...sampleRouting, executor: 'minstroy' }, 'seed-1');
    await seedClient.sync.syncNow();
    // 20,000 copies of that message under their own ids and post keys, as a year would leave them.
    await sql`
      INSERT INTO messages (workspace_id, id, key, data, bodies, executors, version)
      SELECT m.workspace_id, 'y' || g, 'vk:wall-5_' || (g + 1000),
             jsonb_set(jsonb_set(m.data, '{id}', to_jsonb('y' || g)), '{key}', to_jsonb('vk:wall-5_' || (g + 1000))),
             m.bodies, m.executors, m.version
      FROM messages m, generate_series(1, 20000) g WHERE m.id = 'seed-1'`.execute(t.database.db);
    const started = performance.now();
    const fresh = await connectedClient(t, 'fresh', 'cur1');
    const ms = performance.now() - started;
    const held = await fresh.db.messages.count();
    console.log(`[throughput] first sync of ${held} messages (connect + pull into IndexedDB on fake-indexeddb): ${Math.round(ms)} ms`);
    expect(held).toBeGreaterThanOrEqual(20_001);
    expect(ms).toBeLessThan(120_000);
    await seedClient.close();
    await fresh.close();
  }, 180_000);
});
