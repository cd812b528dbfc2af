// @ts-check
/**
 * A team server for the end-to-end scenarios, in the test's own process: the embedded
 * PostgreSQL (as `npm run server` starts it with no DATABASE_URL) in a throwaway folder, a
 * Yakutia workspace, and what the other people of the team do (their commands go in through
 * the server's own push, as their browsers' would).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../../server/app';
import { createPerson, createWorkspace, invite } from '../../../server/admin';
import { redeemInvitation } from '../../../server/auth';
import { migrate, openDatabase } from '../../../server/db';

/**
 * @param {Array<{ id: string, name: string, roles: Array<'curator' | 'executor'>, bodies?: string[] }>} people
 */
export async function startTeamServer(people) {
  const dir = mkdtempSync(join(tmpdir(), 'aot-team-'));
  const database = await openDatabase({ dataDir: dir });
  await migrate(database.pool);
  await createWorkspace(database.db, { id: 'yak', name: 'Якутия: центр управления регионом', region: 'yakutia' });
  for (const p of people) await createPerson(database.db, { workspaceId: 'yak', ...p });
  const app = await buildApp({ database });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  /** @type {Map<string, { token: string, next: number }>} */
  const devices = new Map();
  return {
    origin,
    /** A one-time invitation code for the person. @param {string} personId */
    invite: async (personId) => (await invite(database.db, personId)).code,
    /**
     * A step by another person, from their own computer.
     * @param {string} personId @param {string} messageId @param {unknown} command
     */
    async step(personId, messageId, command) {
      let device = devices.get(personId);
      if (!device) {
        const r = await redeemInvitation(database.db, (await invite(database.db, personId)).code, `${personId}-pc`);
        if (!r.ok) throw new Error(r.error);
        devices.set(personId, (device = { token: r.token, next: 1 }));
      }
      const reply = await app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { authorization: `Bearer ${device.token}` },
        payload: { clientGroupID: `${personId}-g`, mutations: [{ clientID: `${personId}-c`, id: device.next++, name: 'step', args: { messageId, command } }] },
      });
      return /** @type {{ results: Array<{ status: string }> }} */ (reply.json());
    },
    /** The message the server holds for a post key, or undefined. @param {string} key */
    async message(key) {
      const row = await database.db.selectFrom('messages').select('data').where('key', '=', key).executeTakeFirst();
      return /** @type {Record<string, any> | undefined} */ (row?.data);
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
