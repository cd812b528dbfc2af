/**
 * Devices and invitations: an administrator hands a person a one-time code; the extension
 * trades it for a device token. Both are stored hashed (SHA-256: they are random, 160+ bits).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DB } from './db';
import type { Actor } from '../lib/model/workflow';

export const hash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** Crockford's base32: no I, L, O, U; case and dashes do not matter when typed. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^0-9A-Z]/g, '');

export function newInvitationCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}-${chars.slice(12, 16)}`;
}

export const newToken = () => randomBytes(32).toString('base64url');

export interface Principal {
  deviceId: string;
  workspaceId: string;
  actor: Actor;
}

export type RedeemOutcome =
  | {
      ok: true;
      token: string;
      deviceId: string;
      person: { id: string; name: string; roles: string[]; bodies: string[] };
      workspace: { id: string; name: string };
    }
  | { ok: false; error: 'invitation-unknown' | 'invitation-used' | 'invitation-expired' | 'person-disabled' };

/** Trades a one-time code for a device token: the code is spent in the same transaction. */
export async function redeemInvitation(db: DB, code: string, deviceName: string, now = new Date()): Promise<RedeemOutcome> {
  return db.transaction().execute(async (trx) => {
    const inv = await trx
      .selectFrom('invitations')
      .selectAll()
      .where('code_hash', '=', hash(normaliseCode(code)))
      .forUpdate()
      .executeTakeFirst();
    if (!inv) return { ok: false, error: 'invitation-unknown' } as const;
    if (inv.used_at) return { ok: false, error: 'invitation-used' } as const;
    if (inv.expires_at.getTime() < now.getTime()) return { ok: false, error: 'invitation-expired' } as const;
    const person = await trx
      .selectFrom('people')
      .innerJoin('workspaces', 'workspaces.id', 'people.workspace_id')
      .select(['people.id', 'people.name', 'people.roles', 'people.bodies', 'people.disabled_at', 'workspaces.id as ws_id', 'workspaces.name as ws_name'])
      .where('people.id', '=', inv.person_id)
      .executeTakeFirstOrThrow();
    if (person.disabled_at) return { ok: false, error: 'person-disabled' } as const;
    const token = newToken();
    const deviceId = randomUUID();
    await trx
      .insertInto('devices')
      .values({ id: deviceId, person_id: person.id, token_hash: hash(token), name: deviceName.slice(0, 200), revoked_at: null })
      .execute();
    await trx.updateTable('invitations').set({ used_at: now, device_id: deviceId }).where('code_hash', '=', inv.code_hash).execute();
    return {
      ok: true,
      token,
      deviceId,
      person: { id: person.id, name: person.name, roles: person.roles, bodies: person.bodies },
      workspace: { id: person.ws_id, name: person.ws_name },
    } as const;
  });
}

export type AuthOutcome = { ok: true; principal: Principal } | { ok: false; error: 'unauthorized' | 'token-revoked' };

/** The person behind a device token, with roles and bodies as the server's people table has them now. */
export async function authenticate(db: DB, token: string): Promise<AuthOutcome> {
  const row = await db
    .selectFrom('devices')
    .innerJoin('people', 'people.id', 'devices.person_id')
    .select([
      'devices.id as device_id',
      'devices.revoked_at',
      'people.id',
      'people.name',
      'people.roles',
      'people.bodies',
      'people.workspace_id',
      'people.disabled_at',
    ])
    .where('devices.token_hash', '=', hash(token))
    .executeTakeFirst();
  if (!row) return { ok: false, error: 'unauthorized' };
  if (row.revoked_at || row.disabled_at) return { ok: false, error: 'token-revoked' };
  return {
    ok: true,
    principal: {
      deviceId: row.device_id,
      workspaceId: row.workspace_id,
      actor: { id: row.id, name: row.name, roles: row.roles as Actor['roles'], bodies: row.bodies },
    },
  };
}

/** Revokes one device, or every device of a person. Returns how many were revoked. */
export async function revoke(db: DB, target: { deviceId?: string; personId?: string }): Promise<number> {
  let q = db
    .updateTable('devices')
    .set({ revoked_at: sql<Date>`now()` })
    .where('revoked_at', 'is', null);
  if (target.deviceId) q = q.where('id', '=', target.deviceId);
  else if (target.personId) q = q.where('person_id', '=', target.personId);
  else throw new Error('revoke: a device or a person is needed');
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}
