/** What the region's administrator does from the command line (and tests do directly). */
import { sql } from 'kysely';
import { z } from 'zod';
import type { DB } from './db';
import { hash, newInvitationCode, normaliseCode } from './auth';
import { bodySchema, regionSchema, starterWorkspace, workspaceSchema, type Workspace } from '../lib/workflow/workspace';
import { roleSchema } from '../lib/model/workflow';
import { syncIdSchema } from '../lib/sync/protocol';

export async function createWorkspace(db: DB, input: { id: string; name: string; region: z.infer<typeof regionSchema> }): Promise<Workspace> {
  syncIdSchema.parse(input.id);
  // The region's starter directory and regulation; the server's own person is not a user.
  const ws = starterWorkspace(regionSchema.parse(input.region), { id: 'server', name: input.name, roles: ['curator'] });
  await db
    .insertInto('workspaces')
    .values({ id: input.id, name: input.name, data: JSON.stringify(ws) })
    .execute();
  return ws;
}

/** Adds or replaces a body in the workspace's directory (as a curator's directory edit does). */
export async function putBody(db: DB, workspaceId: string, body: { id: string; name: string }): Promise<void> {
  const parsed = bodySchema.parse({ executors: [], pages: [], ...body });
  await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${workspaceId}, 0))`.execute(trx);
    const row = await trx.selectFrom('workspaces').select(['data', 'version']).where('id', '=', workspaceId).forNoKeyUpdate().executeTakeFirstOrThrow();
    const ws = workspaceSchema.parse(row.data);
    const bodies = ws.bodies.some((b) => b.id === parsed.id) ? ws.bodies.map((b) => (b.id === parsed.id ? parsed : b)) : [...ws.bodies, parsed];
    const version = String(Number(row.version) + 1);
    await trx
      .updateTable('workspaces')
      .set({ data: JSON.stringify({ ...ws, bodies }), version, directory_version: version })
      .where('id', '=', workspaceId)
      .execute();
  });
}

export const personInputSchema = z.object({
  workspaceId: syncIdSchema,
  id: syncIdSchema,
  name: z.string().trim().min(1).max(200),
  roles: z.array(roleSchema).min(1),
  bodies: z.array(z.string().min(1)).default([]),
});

/**
 * Adds a person. An executor is also put into the directory under each of his bodies (the
 * curator routes to him by name there), in the same transaction: the browsers get it on their
 * next pull, as any directory change.
 */
export async function createPerson(db: DB, input: z.input<typeof personInputSchema>): Promise<void> {
  const p = personInputSchema.parse(input);
  await db.transaction().execute(async (trx) => {
    // The region's turn first: the insert below holds a key-share lock on the region's row, and
    // two people added at once must not each wait for the other's lock.
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${p.workspaceId}, 0))`.execute(trx);
    await trx
      .insertInto('people')
      .values({ id: p.id, workspace_id: p.workspaceId, name: p.name, roles: p.roles, bodies: p.bodies, disabled_at: null })
      .execute();
    if (!p.roles.includes('executor') || !p.bodies.length) return;
    const row = await trx.selectFrom('workspaces').select(['data', 'version']).where('id', '=', p.workspaceId).forNoKeyUpdate().executeTakeFirstOrThrow();
    const ws = workspaceSchema.parse(row.data);
    let changed = false;
    const bodies = ws.bodies.map((b) => {
      if (!p.bodies.includes(b.id) || b.executors.some((e) => e.id === p.id)) return b;
      changed = true;
      return { ...b, executors: [...b.executors, { id: p.id, name: p.name, substitutes: [], absent: false }] };
    });
    if (!changed) return;
    const version = String(Number(row.version) + 1);
    await trx
      .updateTable('workspaces')
      .set({ data: JSON.stringify({ ...ws, bodies }), version, directory_version: version })
      .where('id', '=', p.workspaceId)
      .execute();
  });
}

/** A one-time invitation code for a person, valid `days` days. The code is shown once; only its hash is kept. */
export async function invite(db: DB, personId: string, days = 7): Promise<{ code: string; expiresAt: Date }> {
  const code = newInvitationCode();
  const expiresAt = new Date(Date.now() + days * 86_400_000);
  await db
    .insertInto('invitations')
    .values({ code_hash: hash(normaliseCode(code)), person_id: personId, expires_at: expiresAt, used_at: null, device_id: null })
    .execute();
  return { code, expiresAt };
}

export async function listDevices(db: DB, workspaceId: string) {
  return db
    .selectFrom('devices')
    .innerJoin('people', 'people.id', 'devices.person_id')
    .select(['devices.id', 'devices.name', 'devices.created_at', 'devices.revoked_at', 'people.id as person_id', 'people.name as person_name'])
    .where('people.workspace_id', '=', workspaceId)
    .orderBy('devices.created_at')
    .execute();
}

/** Everything a workspace holds, as JSON: the directory, people, messages, their events and the command log. */
export async function exportWorkspace(db: DB, workspaceId: string) {
  const ws = await db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirstOrThrow();
  const people = await db
    .selectFrom('people')
    .select(['id', 'name', 'roles', 'bodies', 'disabled_at'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('id')
    .execute();
  const messages = await db.selectFrom('messages').select('data').where('workspace_id', '=', workspaceId).orderBy('id').execute();
  const events = await db.selectFrom('events').select('data').where('workspace_id', '=', workspaceId).orderBy('seq').execute();
  const mutations = await db
    .selectFrom('mutations')
    .select(['client_group_id', 'client_id', 'mutation_id', 'name', 'args', 'person_id', 'at', 'status', 'code', 'error', 'message_id', 'version'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('seq')
    .execute();
  return {
    format: 'gov-replies-team-export',
    version: 1,
    workspace: { id: ws.id, name: ws.name, version: Number(ws.version), data: ws.data },
    people,
    messages: messages.map((m) => m.data),
    events: events.map((e) => e.data),
    mutations,
  };
}
