/**
 * Push and pull over PostgreSQL. A push is one transaction: its commands run in order through the
 * same pure applyMutation the extension runs, with the message rows they name locked, each one
 * seeing the ones before it; one last statement writes them all and counts the region's version
 * up by one per command, so the region's row is locked only from there to the commit (version
 * order is commit order). A push whose directory changed meanwhile runs again. Each command is
 * recorded accepted or rejected (with its reason), and the client's lastMutationID moves on
 * either way, so a queue never stalls on a refusal.
 */
import { sql, type Transaction } from 'kysely';
import type { DB, Tables } from './db';
import type { Principal } from './auth';
import { applyMutation, changedMessages, mutationTarget, type Applied } from '../lib/sync/apply';
import { executorsOf } from '../lib/sync/scope';
import {
  DIRECTORY_KEY,
  messageKey,
  type MutationResult,
  type PatchOp,
  type PullRequest,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '../lib/sync/protocol';
import { workspaceSchedule, workspaceSchema, type Workspace } from '../lib/workflow/workspace';
import { createWorkCalendar, type WorkCalendar } from '../lib/worktime';
import type { Message, WorkflowEvent } from '../lib/model/workflow';

export class SyncError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error: string } & Record<string, unknown>,
  ) {
    super(body.error);
  }
}

const calendars = new Map<string, WorkCalendar>();
function calendarOf(ws: Workspace): WorkCalendar {
  const key = JSON.stringify([ws.region, ws.schedule]);
  let c = calendars.get(key);
  if (!c) {
    c = createWorkCalendar(workspaceSchedule(ws));
    if (calendars.size > 200) calendars.clear();
    calendars.set(key, c);
  }
  return c;
}

/** The parsed workspace per directory version (parsing it on every command would cost more than the command). */
const parsedWorkspaces = new WeakMap<DB, Map<string, { directoryVersion: string; workspace: Workspace }>>();
async function workspaceAt(db: DB, trx: Transaction<Tables>, workspaceId: string, directoryVersion: string): Promise<Workspace> {
  let workspaces = parsedWorkspaces.get(db);
  if (!workspaces) parsedWorkspaces.set(db, (workspaces = new Map()));
  const cached = workspaces.get(workspaceId);
  if (cached?.directoryVersion === directoryVersion) return cached.workspace;
  const row = await trx.selectFrom('workspaces').select(['data', 'directory_version']).where('id', '=', workspaceId).executeTakeFirstOrThrow();
  const workspace = workspaceSchema.parse(row.data);
  if (workspaces.size > 1000) workspaces.clear();
  workspaces.set(workspaceId, { directoryVersion: row.directory_version, workspace });
  return workspace;
}

/**
 * A command's transaction, run again when it met a concurrent one: the same post captured by two
 * people at once (unique key), the directory changed under it (no region row: NOT NULL), a
 * deadlock. Each run starts from what is committed, so the second capture is refused as a repeat.
 * From the third run on the command locks the region's row before it reads the directory
 * (`careful`), so a burst of directory edits cannot keep it from running.
 */
const RETRIED = new Set(['23505', '23502', '40P01', '40001']);
async function retrying<T>(run: (careful: boolean) => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run(i >= 3);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (i >= attempts || typeof code !== 'string' || !RETRIED.has(code)) throw error;
    }
  }
}

/** The client group is the device's that first used it; another device may not write or read through it. */
async function claimGroup(db: DB, p: Principal, clientGroupID: string): Promise<void> {
  const g = await db
    .insertInto('client_groups')
    .values({ id: clientGroupID, device_id: p.deviceId, person_id: p.actor.id, workspace_id: p.workspaceId })
    .onConflict((oc) => oc.column('id').doUpdateSet({ id: sql<string>`client_groups.id` }))
    .returning('device_id')
    .executeTakeFirstOrThrow();
  if (g.device_id !== p.deviceId) throw new SyncError(403, { error: 'client-group-not-yours', clientGroupID });
}

async function lastMutationIDs(db: DB, clientGroupID: string): Promise<Record<string, number>> {
  const rows = await db.selectFrom('clients').select(['id', 'last_mutation_id']).where('client_group_id', '=', clientGroupID).execute();
  return Object.fromEntries(rows.map((r) => [r.id, Number(r.last_mutation_id)]));
}

export interface PushOptions {
  now?: () => number;
  /** Called after a command is committed (the poke fan-out). */
  onCommitted?: (workspaceId: string) => void;
}

export async function push(db: DB, p: Principal, req: PushRequest, options: PushOptions = {}): Promise<PushResponse> {
  const now = options.now ?? Date.now;
  await claimGroup(db, p, req.clientGroupID);
  // A gap is refused before anything runs: nothing changes on a bad request.
  const known = await lastMutationIDs(db, req.clientGroupID);
  const firstNew = new Map<string, number>();
  for (const m of req.mutations) if (m.id > (known[m.clientID] ?? 0) && !firstNew.has(m.clientID)) firstNew.set(m.clientID, m.id);
  for (const [clientID, id] of firstNew) {
    const expected = (known[clientID] ?? 0) + 1;
    if (id !== expected) throw new SyncError(409, { error: 'mutation-gap', clientID, expected, got: id });
  }
  // Roles and bodies as the people table said when the request was authorised (read with the token).
  const actor = p.actor;
  const targets = req.mutations.map((m) => mutationTarget(m));
  const ids = [...new Set(targets.flatMap((t) => (t.id !== undefined ? [t.id] : [])))];
  const keys = [...new Set(targets.flatMap((t) => (t.key !== undefined ? [t.key] : [])))];
  const leads = [...new Set(targets.flatMap((t) => (t.incident && t.id !== undefined ? [t.id] : [])))];
  const clientIDs = [...new Set(req.mutations.map((m) => m.clientID))];
  const results = await retrying((careful) =>
    db.transaction().execute(async (trx) => {
      // The clients' last ids (their rows locked), every message the commands name (locked), the
      // directory's version. The region itself is not locked yet: its row is, by the last
      // statement, which counts its version up (so version order is commit order) and holds it
      // only until commit.
      const head = (
        await sql<{ lasts: Record<string, string>; directory_version: string; found: Array<{ id: string; key: string; data: Message }> }>`
          WITH c AS (
            INSERT INTO clients (client_group_id, id, last_mutation_id)
            SELECT ${req.clientGroupID}, x, 0 FROM unnest(${clientIDs}::text[]) AS x
            ON CONFLICT (client_group_id, id) DO UPDATE SET last_mutation_id = clients.last_mutation_id
            RETURNING id, last_mutation_id
          ), m AS (
            SELECT id, key, data FROM messages
            WHERE workspace_id = ${p.workspaceId}
              AND (id = ANY(${ids}::text[]) OR key = ANY(${keys}::text[]) OR data->>'incidentId' = ANY(${leads}::text[]))
            FOR UPDATE
          )
          SELECT (SELECT json_object_agg(c.id, c.last_mutation_id) FROM c) AS lasts, w.directory_version,
            (SELECT coalesce(json_agg(json_build_object('id', m.id, 'key', m.key, 'data', m.data)), '[]'::json) FROM m) AS found
          FROM workspaces w WHERE w.id = ${p.workspaceId}`.execute(trx)
      ).rows[0]!;
      // Run again after conflicts: the region's row locked now (after the message rows, the
      // order every command takes them in), so the directory read is the one written below.
      const directoryVersion = careful
        ? (await sql<{ directory_version: string }>`SELECT directory_version FROM workspaces WHERE id = ${p.workspaceId} FOR NO KEY UPDATE`.execute(trx))
            .rows[0]!.directory_version
        : head.directory_version;
      let workspace = await workspaceAt(db, trx, p.workspaceId, directoryVersion);
      let directory: string | null = null;
      const byId = new Map<string, Message>();
      const byKey = new Map<string, Message>();
      for (const row of head.found) {
        byId.set(row.id, row.data);
        byKey.set(row.key, row.data);
      }
      const last = new Map(clientIDs.map((c) => [c, Number(head.lasts[c] ?? 0)]));
      /** What the statement below writes: each command's record (seq: its place in the version count), the messages' last states, the events. */
      const mutations: Array<Record<string, unknown>> = [];
      const messages = new Map<string, { data: Message; bodies: string[]; executors: string[]; seq: number }>();
      const events: Array<{ seq: number; data: WorkflowEvent }> = [];
      const out: MutationResult[] = [];
      for (const m of req.mutations) {
        const known = last.get(m.clientID) ?? 0;
        if (m.id <= known) {
          out.push({ clientID: m.clientID, id: m.id, status: 'duplicate' });
          continue;
        }
        if (m.id > known + 1) throw new SyncError(409, { error: 'mutation-gap', clientID: m.clientID, expected: known + 1, got: m.id });
        const seq = mutations.length + 1;
        const at = now();
        let applied: Applied;
        try {
          applied = applyMutation(
            {
              workspace,
              message: (id) => byId.get(id),
              messageByKey: (key) => byKey.get(key),
              incidentMembers: (leadId) => [...byId.values()].filter((x) => x.incidentId === leadId),
            },
            m,
            actor,
            workspace.profile,
            calendarOf(workspace),
            at,
          );
        } catch (e) {
          // A command the pure code cannot run is refused, never retried forever.
          applied = {
            ok: false,
            code: 'bad-command',
            error: { reason: 'workflow.badCommand', params: { issues: String((e as Error).message).slice(0, 200) } },
          };
        }
        let context: MutationResult['context'];
        if (applied.ok) {
          out.push({ clientID: m.clientID, id: m.id, status: 'accepted' });
          if (applied.workspace) {
            workspace = applied.workspace;
            directory = JSON.stringify(applied.workspace);
          }
          for (const changed of changedMessages(applied)) {
            byId.set(changed.id, changed);
            byKey.set(changed.key, changed);
            messages.set(changed.id, { data: changed, bodies: changed.bodies, executors: executorsOf(changed), seq });
          }
          for (const event of applied.events) events.push({ seq, data: event });
        } else {
          context = await refusalContext(trx, p.workspaceId, applied, byId, events);
          out.push({ clientID: m.clientID, id: m.id, status: 'rejected', code: applied.code, error: applied.error, ...(context ? { context } : {}) });
        }
        mutations.push({
          seq,
          client_id: m.clientID,
          mutation_id: m.id,
          name: m.name,
          args: m.args ?? null,
          at,
          status: applied.ok ? 'accepted' : 'rejected',
          code: applied.ok ? null : applied.code,
          error: applied.ok ? null : applied.error,
          context: context ?? null,
          message_id: applied.ok ? (applied.message?.id ?? null) : (applied.messageId ?? null),
        });
        last.set(m.clientID, m.id);
      }
      const n = mutations.length;
      if (!n) return out;
      // Everything the push changes, in one statement: the region's version counted up by one per
      // command (its row locked until commit; only if the directory is still the one the commands
      // ran on — else no row, the inserts below meet NOT NULL and the push runs again), a
      // directory edit, the messages' last states, their events, each command's record (accepted
      // or refused, with its version), the clients' last ids.
      await sql`
        WITH w AS (
          UPDATE workspaces SET version = version + ${n},
            data = coalesce(${directory}::jsonb, data),
            directory_version = CASE WHEN ${directory}::jsonb IS NULL THEN directory_version ELSE version + ${n} END
          WHERE id = ${p.workspaceId} AND directory_version = ${directoryVersion}
          RETURNING version - ${n} AS base
        ), msg AS (
          INSERT INTO messages (workspace_id, id, key, data, bodies, executors, version)
          SELECT ${p.workspaceId}, r.value->'data'->>'id', r.value->'data'->>'key', r.value->'data',
            ARRAY(SELECT jsonb_array_elements_text(r.value->'bodies')), ARRAY(SELECT jsonb_array_elements_text(r.value->'executors')),
            (SELECT base FROM w) + (r.value->>'seq')::int
          FROM jsonb_array_elements(${JSON.stringify([...messages.values()])}::jsonb) AS r (value)
          ON CONFLICT (workspace_id, id) DO UPDATE
            SET data = excluded.data, bodies = excluded.bodies, executors = excluded.executors, version = excluded.version
          RETURNING 1
        ), ev AS (
          INSERT INTO events (workspace_id, message_id, data, version)
          SELECT ${p.workspaceId}, e.value->'data'->>'messageId', e.value->'data', (SELECT base FROM w) + (e.value->>'seq')::int
          FROM jsonb_array_elements(${JSON.stringify(events)}::jsonb) WITH ORDINALITY AS e (value, n)
          ORDER BY e.n
          RETURNING 1
        ), mu AS (
          INSERT INTO mutations (workspace_id, client_group_id, client_id, mutation_id, name, args, person_id, at, status, code, error, context, message_id, version)
          SELECT ${p.workspaceId}, ${req.clientGroupID}, x.value->>'client_id', (x.value->>'mutation_id')::bigint, x.value->>'name', x.value->'args', ${actor.id},
            (x.value->>'at')::bigint, x.value->>'status', x.value->>'code', nullif(x.value->'error', 'null'::jsonb), nullif(x.value->'context', 'null'::jsonb),
            x.value->>'message_id', (SELECT base FROM w) + (x.value->>'seq')::int
          FROM jsonb_array_elements(${JSON.stringify(mutations)}::jsonb) AS x (value)
          RETURNING 1
        )
        UPDATE clients SET last_mutation_id = l.last
        FROM (SELECT key AS id, value::bigint AS last FROM jsonb_each_text(${JSON.stringify(Object.fromEntries(last))}::jsonb)) AS l
        WHERE client_group_id = ${req.clientGroupID} AND clients.id = l.id`.execute(trx);
      return out;
    }),
  );
  if (results.some((r) => r.status !== 'duplicate')) options.onCommitted?.(p.workspaceId);
  const lastIDs = { ...known };
  for (const r of results) lastIDs[r.clientID] = Math.max(lastIDs[r.clientID] ?? 0, r.id);
  return { results, lastMutationIDs: lastIDs };
}

/** What a refused command ran into: the message's step and who changed it last, when («already approved by Иванова at 10:42»). */
async function refusalContext(
  trx: Transaction<Tables>,
  workspaceId: string,
  applied: Extract<Applied, { ok: false }>,
  rows: Map<string, Message>,
  /** Events of this push, not written yet: the last change may be one of them. */
  pending: ReadonlyArray<{ data: WorkflowEvent }> = [],
) {
  if (applied.existingId) return { existingId: applied.existingId };
  // A message the person may not see stays unnamed.
  if (applied.code === 'not-found' || !applied.messageId) return undefined;
  const message = rows.get(applied.messageId);
  if (!message) return undefined;
  const recent = pending.findLast((e) => e.data.messageId === applied.messageId && e.data.type !== 'deadline-missed')?.data;
  const last = recent
    ? { data: recent }
    : await trx
        .selectFrom('events')
        .select('data')
        .where('workspace_id', '=', workspaceId)
        .where('message_id', '=', applied.messageId)
        .where(sql<boolean>`data->>'type' <> 'deadline-missed'`)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
  const event = last?.data as WorkflowEvent | undefined;
  if (!event) return { step: message.step };
  const who = await trx.selectFrom('people').select('name').where('id', '=', event.actor).executeTakeFirst();
  return { step: message.step, lastChange: { type: event.type, actor: event.actor, ...(who ? { actorName: who.name } : {}), at: event.at } };
}

/** The scope filter the application applies itself (row-level security applies it again). */
function visible(p: Principal) {
  return p.actor.roles.includes('curator')
    ? sql<boolean>`true`
    : sql<boolean>`(bodies && ${sql.val(p.actor.bodies)}::text[] OR ${p.actor.id} = ANY (executors))`;
}

/** Runs reads as the person: app.user_id set for this transaction, and the reader role when row security is in place. */
async function asPerson(trx: Transaction<Tables>, p: Principal, rowSecurity: boolean) {
  await sql`SELECT set_config('app.user_id', ${p.actor.id}, true)`.execute(trx);
  if (rowSecurity) await sql`SET LOCAL ROLE teamserver_reader`.execute(trx);
}

export async function pull(db: DB, p: Principal, req: PullRequest, rowSecurity: boolean): Promise<PullResponse> {
  await claimGroup(db, p, req.clientGroupID);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const ws = await trx.selectFrom('workspaces').select(['data', 'version', 'directory_version']).where('id', '=', p.workspaceId).executeTakeFirstOrThrow();
      const version = Number(ws.version);
      // A cookie from the future (another server's, a reset database) means: start over.
      const cookie = req.cookie !== null && req.cookie <= version ? req.cookie : null;
      const sent = new Set(
        (await trx.selectFrom('client_rows').select('message_id').where('client_group_id', '=', req.clientGroupID).execute()).map((r) => r.message_id),
      );
      await asPerson(trx, p, rowSecurity);
      const scope = visible(p);
      const ids = (await trx.selectFrom('messages').select(['id', 'version']).where('workspace_id', '=', p.workspaceId).where(scope).execute()).map((r) => ({
        id: r.id,
        version: Number(r.version),
      }));
      const wanted = ids.filter((r) => cookie === null || r.version > cookie || !sent.has(r.id)).map((r) => r.id);
      const puts: Message[] = [];
      for (let i = 0; i < wanted.length; i += 1000) {
        const chunk = wanted.slice(i, i + 1000);
        const rows = await trx.selectFrom('messages').select('data').where('workspace_id', '=', p.workspaceId).where('id', 'in', chunk).where(scope).execute();
        puts.push(...rows.map((r) => r.data as Message));
      }
      if (rowSecurity) await sql`RESET ROLE`.execute(trx);
      const visibleIds = new Set(ids.map((r) => r.id));
      const dels = cookie === null ? [] : [...sent].filter((id) => !visibleIds.has(id));
      const patch: PatchOp[] = [];
      if (cookie === null) patch.push({ op: 'clear' });
      if (cookie === null || Number(ws.directory_version) > cookie) {
        const w = workspaceSchema.parse(ws.data);
        patch.push({
          op: 'put',
          key: DIRECTORY_KEY,
          value: { region: w.region, profile: w.profile, schedule: w.schedule, bodies: w.bodies, topics: w.topics, locations: w.locations },
        });
      }
      // Who the person is now (roles and bodies as the people table says): a change reaches the browser on its next pull.
      patch.push({ op: 'put', key: 'me', value: p.actor });
      for (const id of dels) patch.push({ op: 'del', key: messageKey(id) });
      for (const m of puts) patch.push({ op: 'put', key: messageKey(m.id), value: m });
      // Refusals of this group's commands reach the person (never silently dropped).
      let refusals = trx
        .selectFrom('mutations')
        .select(['client_id', 'mutation_id', 'name', 'args', 'code', 'error', 'context', 'message_id', 'at'])
        .where('client_group_id', '=', req.clientGroupID)
        .where('status', '=', 'rejected');
      if (cookie !== null) refusals = refusals.where('version', '>', String(cookie));
      for (const r of await refusals.orderBy('seq').execute())
        patch.push({
          op: 'put',
          key: `refusal/${r.client_id}/${r.mutation_id}`,
          value: {
            clientID: r.client_id,
            id: Number(r.mutation_id),
            name: r.name,
            args: r.args,
            code: r.code,
            error: r.error,
            context: r.context,
            messageId: r.message_id,
            at: Number(r.at),
          },
        });
      // What the group now has, for the next pull's removals.
      if (cookie === null) await trx.deleteFrom('client_rows').where('client_group_id', '=', req.clientGroupID).execute();
      if (dels.length) await trx.deleteFrom('client_rows').where('client_group_id', '=', req.clientGroupID).where('message_id', 'in', dels).execute();
      const fresh = puts.map((m) => m.id).filter((id) => cookie === null || !sent.has(id));
      for (let i = 0; i < fresh.length; i += 1000)
        await trx
          .insertInto('client_rows')
          .values(fresh.slice(i, i + 1000).map((message_id) => ({ client_group_id: req.clientGroupID, message_id })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      const lm = await trx.selectFrom('clients').select(['id', 'last_mutation_id']).where('client_group_id', '=', req.clientGroupID).execute();
      return { cookie: version, lastMutationIDs: Object.fromEntries(lm.map((r) => [r.id, Number(r.last_mutation_id)])), patch };
    });
}

/** One message by id, if the person may see it (else undefined: its existence is not told). */
export async function messageFor(db: DB, p: Principal, id: string, rowSecurity: boolean): Promise<Message | undefined> {
  return db.transaction().execute(async (trx) => {
    await asPerson(trx, p, rowSecurity);
    const row = await trx
      .selectFrom('messages')
      .select('data')
      .where('workspace_id', '=', p.workspaceId)
      .where('id', '=', id)
      .where(visible(p))
      .executeTakeFirst();
    return row?.data as Message | undefined;
  });
}
