/**
 * The extension's side of the team server (../shared/docs/team-server.md, «The protocol»), on
 * Dexie. Every step the person takes while connected is applied locally and appended to the
 * outbox in the same transaction (recordMutation, called by lib/db/messages.ts); the background
 * pushes the outbox and pulls. A pull writes what the server says, drops the commands it has
 * acknowledged, and re-applies the still-pending ones on top with the same lib/workflow code
 * (lib/sync rebase). What the server refused is kept as a refusal the desk shows, and a refused
 * draft's text is kept as the person's local draft: nothing typed is lost.
 */
import type { Table } from 'dexie';
import type { AppDatabase } from './index';
import { exportBackup } from './backup';
import { draftKey } from './drafts';
import { loadWorkspace, writeWorkspace } from './messages';
import { BEFORE_CONNECT_KEY, SYNC_KEY, syncConfigSchema, type OutboxEntry, type RefusalRecord, type ShadowRecord, type SyncConfig } from './sync-records';
import type { Actor, Message } from '../model/workflow';
import { actorSchema, messageSchema } from '../model/workflow';
import { DIRECTORY_KEY, mutationNames, mutationTarget, rebase, stepArgsSchema, type Mutation, type MutationResult, type PullResponse } from '../sync';
import { withDirectory } from '../sync/directory';
import { calendarCache } from '../workflow/schedule';
import { workspaceSchema, type Workspace } from '../workflow/workspace';
import { z } from 'zod';

export { SYNC_KEY, BEFORE_CONNECT_KEY, type SyncConfig };

/** The tables a step writes besides messages and events when the team server is connected. */
export const syncTables = (db: AppDatabase): Table[] => [db.settings, db.outbox, db.shadows];

export async function loadSyncConfig(db: AppDatabase): Promise<SyncConfig | undefined> {
  const parsed = syncConfigSchema.safeParse((await db.settings.get(SYNC_KEY))?.value);
  return parsed.success ? parsed.data : undefined;
}

/** Changes the stored connection in one transaction (a no-op when not connected). */
export async function updateSyncConfig(db: AppDatabase, change: (c: SyncConfig) => SyncConfig): Promise<SyncConfig | undefined> {
  return db.transaction('rw', db.settings, async () => {
    const current = await loadSyncConfig(db);
    if (!current) return undefined;
    const next = syncConfigSchema.parse(change(current));
    await db.settings.put({ key: SYNC_KEY, value: next });
    return next;
  });
}

/**
 * Connects this browser to a team server: a fresh client group, nothing pulled yet. The local
 * data as it is now is kept (BEFORE_CONNECT_KEY, a backup file's content), and offered for
 * download in the options. A curator's messages become the team's: each goes to the outbox as
 * an import command (in the same transaction), so the first pull keeps them on top of the
 * team's queue, and the server takes each unless the team already has that post. An executor's
 * queue is the team's after the first pull (theirs stays in the kept file).
 */
export async function connectSync(
  db: AppDatabase,
  input: { server: string; token: string; deviceId?: string; person?: Actor; workspaceName?: string; now: number; newId: () => string },
): Promise<SyncConfig & { imported: number }> {
  const backup = (await db.messages.count()) > 0 ? await exportBackup(db, input.now) : undefined;
  const config = syncConfigSchema.parse({
    server: new URL(input.server).origin,
    token: input.token,
    ...(input.deviceId ? { deviceId: input.deviceId } : {}),
    clientGroupID: `g-${input.newId()}`,
    clientID: `c-${input.newId()}`,
    nextMutationId: 1,
    cookie: null,
    ...(input.person ? { person: input.person } : {}),
    ...(input.workspaceName ? { workspaceName: input.workspaceName } : {}),
    connectedAt: input.now,
  });
  const upload = input.person?.roles.includes('curator') ?? false;
  let imported = 0;
  await db.transaction('rw', [db.messages, db.settings, db.outbox, db.shadows], async () => {
    if (backup && !(await db.settings.get(BEFORE_CONNECT_KEY)))
      await db.settings.put({ key: BEFORE_CONNECT_KEY, value: { at: input.now, file: JSON.stringify(backup) } });
    await db.outbox.clear();
    await db.shadows.clear();
    let next = 1;
    if (upload && input.person) {
      const actor = input.person;
      const entries: OutboxEntry[] = [];
      const shadows: ShadowRecord[] = [];
      await db.messages.each((message) => {
        entries.push({ mutation: { clientID: config.clientID, id: next++, name: 'import', args: { message } }, actor, at: input.now, touched: [message.id] });
        shadows.push({ id: message.id, kind: 'message', base: null });
      });
      await db.outbox.bulkAdd(entries);
      await db.shadows.bulkPut(shadows);
      imported = entries.length;
    }
    await db.settings.put({ key: SYNC_KEY, value: { ...config, nextMutationId: next } });
  });
  return { ...config, nextMutationId: 1 + imported, imported };
}

export class PendingCommandsError extends Error {
  constructor(readonly pending: number) {
    super(`${pending} commands not yet on the server`);
    this.name = 'PendingCommandsError';
  }
}

/**
 * Disconnects. Commands the server has not acknowledged would be lost: refused unless `force`
 * (the UI asks first). The local data stays as it is; the extension goes on on its own.
 */
export async function disconnectSync(db: AppDatabase, options: { force?: boolean } = {}): Promise<void> {
  await db.transaction('rw', [db.settings, db.outbox, db.shadows], async () => {
    const pending = await db.outbox.count();
    if (pending && !options.force) throw new PendingCommandsError(pending);
    await db.outbox.clear();
    await db.shadows.clear();
    await db.settings.delete(SYNC_KEY);
  });
}

export interface Touched {
  /** Messages the step changed, each as it was before (null: the step created it). */
  messages?: ReadonlyArray<{ id: string; before: Message | null }>;
  /** The workspace before a directory edit. */
  directory?: Workspace;
}

/**
 * Appends one command to the outbox when connected (else does nothing). Call it inside the
 * step's transaction, with syncTables(db) in its scope: the step and its command commit together.
 * The first pending command on a message keeps the message as it was (its shadow): a pull
 * rebases the pending commands on the server's version of it.
 */
export async function recordMutation(db: AppDatabase, name: Mutation['name'], args: unknown, actor: Actor, at: number, touched: Touched): Promise<boolean> {
  const config = await loadSyncConfig(db);
  if (!config || config.revokedAt !== undefined) return false;
  const ids: string[] = [];
  for (const { id, before } of touched.messages ?? []) {
    ids.push(id);
    if (!(await db.shadows.get(id))) await db.shadows.put({ id, kind: 'message', base: before });
  }
  if (touched.directory) {
    ids.push(DIRECTORY_KEY);
    if (!(await db.shadows.get(DIRECTORY_KEY))) await db.shadows.put({ id: DIRECTORY_KEY, kind: 'directory', base: touched.directory });
  }
  await db.outbox.add({ mutation: { clientID: config.clientID, id: config.nextMutationId, name, args }, actor, at, touched: ids });
  await db.settings.put({ key: SYNC_KEY, value: { ...config, nextMutationId: config.nextMutationId + 1 } });
  return true;
}

/** The oldest pending commands, at most `max` (one push). */
export async function outboxBatch(db: AppDatabase, max: number): Promise<Array<OutboxEntry['mutation']>> {
  return (await db.outbox.orderBy('seq').limit(max).toArray()).map((e) => e.mutation);
}

export async function pendingCount(db: AppDatabase): Promise<number> {
  return db.outbox.count();
}

const refusalValueSchema = z.object({
  clientID: z.string(),
  id: z.number().int(),
  name: z.enum(mutationNames),
  args: z.unknown(),
  code: z.string(),
  error: z.object({ reason: z.string(), params: z.record(z.string(), z.unknown()).optional() }).nullish(),
  context: z
    .object({
      step: z.string().optional(),
      lastChange: z.object({ type: z.string(), actor: z.string(), actorName: z.string().optional(), at: z.number() }).optional(),
      existingId: z.string().optional(),
    })
    .nullish(),
  messageId: z.string().nullish(),
  at: z.number(),
});

/** A refused command becomes a refusal record; a refused draft's text becomes the person's local draft. */
async function keepRefusal(db: AppDatabase, value: z.infer<typeof refusalValueSchema>, userId: string): Promise<void> {
  const key = `${value.clientID}/${value.id}`;
  if (await db.refusals.get(key)) return;
  let keptDraft = false;
  const messageId = value.messageId ?? undefined;
  if (value.name === 'step') {
    const step = stepArgsSchema.safeParse(value.args);
    const command = step.success ? step.data.command : undefined;
    if (step.success && command && (command.type === 'submitDraft' || command.type === 'submitPart') && command.text.trim()) {
      const draft = draftKey(step.data.messageId, userId);
      // The person's newer text wins; else the refused one is what they get back in the draft box.
      if (!(await db.settings.get(draft))) await db.settings.put({ key: draft, value: { text: command.text, at: value.at } });
      keptDraft = true;
    }
  }
  const record: RefusalRecord = {
    key,
    name: value.name,
    args: value.args,
    code: value.code as RefusalRecord['code'],
    ...(value.error ? { error: value.error as RefusalRecord['error'] } : {}),
    ...(value.context ? { context: value.context } : {}),
    ...(messageId ? { messageId } : {}),
    at: value.at,
    ...(keptDraft ? { keptDraft } : {}),
  };
  await db.refusals.put(record);
}

/** What a push answered: refusals are kept at once (the pull that follows acknowledges the commands). */
export async function recordPushResults(db: AppDatabase, results: readonly MutationResult[], now: number): Promise<number> {
  const outbox = new Map((await db.outbox.toArray()).map((e) => [`${e.mutation.clientID}/${e.mutation.id}`, e]));
  const ws = await loadWorkspace(db);
  let refused = 0;
  await db.transaction('rw', [db.settings, db.refusals], async () => {
    for (const r of results) {
      if (r.status !== 'rejected') continue;
      const entry = outbox.get(`${r.clientID}/${r.id}`);
      if (!entry) continue;
      const target = mutationTarget(entry.mutation);
      refused += 1;
      await keepRefusal(
        db,
        {
          clientID: r.clientID,
          id: r.id,
          name: entry.mutation.name,
          args: entry.mutation.args,
          code: r.code ?? 'invalid',
          error: r.error ?? null,
          context: r.context ?? null,
          messageId: target.id ?? null,
          at: now,
        },
        ws.user.id,
      );
    }
  });
  return refused;
}

export interface PullOutcome {
  /** Messages written (put or removed) from the server's patch. */
  changed: number;
  /** Commands the server acknowledged (dropped from the outbox). */
  acknowledged: number;
  /** New refusals. */
  refused: number;
  /** Pending commands re-applied on the server's state. */
  rebased: number;
}

/**
 * Applies a pull in one transaction: the server's rows, the directory and the person, refusals;
 * drops acknowledged commands; re-applies the pending ones on the server's state. Values are
 * checked before anything is written: a malformed patch changes nothing (the error says where).
 */
export async function applyPull(db: AppDatabase, response: PullResponse, now: number): Promise<PullOutcome> {
  // Parse everything first: a bad row must not leave half a pull behind.
  let clear = false;
  let directory: Pick<Workspace, 'region' | 'profile' | 'schedule' | 'bodies' | 'topics' | 'locations'> | undefined;
  let me: Actor | undefined;
  const puts = new Map<string, Message>();
  const dels = new Set<string>();
  const refusals: Array<z.infer<typeof refusalValueSchema>> = [];
  const directorySchema = workspaceSchema.pick({ region: true, profile: true, schedule: true, bodies: true, topics: true, locations: true });
  for (const [i, op] of response.patch.entries()) {
    const where = `patch[${i}]`;
    if (op.op === 'clear') {
      clear = true;
      puts.clear();
      dels.clear();
      continue;
    }
    if (op.key.startsWith('message/')) {
      const id = op.key.slice('message/'.length);
      if (op.op === 'del') {
        puts.delete(id);
        dels.add(id);
        continue;
      }
      const m = messageSchema.safeParse(op.value);
      if (!m.success || m.data.id !== id) throw new SyncPatchError(where, 'message');
      dels.delete(id);
      puts.set(id, m.data);
    } else if (op.key === DIRECTORY_KEY && op.op === 'put') {
      const d = directorySchema.safeParse(op.value);
      if (!d.success) throw new SyncPatchError(where, 'directory');
      directory = d.data;
    } else if (op.key === 'me' && op.op === 'put') {
      const a = actorSchema.safeParse(op.value);
      if (!a.success) throw new SyncPatchError(where, 'me');
      me = a.data;
    } else if (op.key.startsWith('refusal/') && op.op === 'put') {
      const r = refusalValueSchema.safeParse(op.value);
      if (!r.success) throw new SyncPatchError(where, 'refusal');
      refusals.push(r.data);
    }
    // Keys this release does not know are skipped (a newer server may send more).
  }

  const calendarOf = calendarCache();
  return db.transaction('rw', [db.messages, db.settings, db.outbox, db.shadows, db.refusals], async () => {
    const config = await loadSyncConfig(db);
    if (!config) return { changed: 0, acknowledged: 0, refused: 0, rebased: 0 };
    const shadows = new Map((await db.shadows.toArray()).map((s) => [s.id, s]));
    let changed = 0;

    // 1. The server's state: under a pending command it goes to the shadow, else straight in.
    if (clear) {
      await db.messages.clear();
      for (const s of shadows.values()) if (s.kind === 'message') s.base = null;
    }
    for (const id of dels) {
      const s = shadows.get(id);
      if (s?.kind === 'message') s.base = null;
      else {
        await db.messages.delete(id);
        changed += 1;
      }
    }
    const direct: Message[] = [];
    for (const [id, m] of puts) {
      const s = shadows.get(id);
      if (s?.kind === 'message') s.base = m;
      else direct.push(m);
    }
    // Another message stored under a pulled message's post key (captured here too, so the
    // server refuses our capture) gives way to the server's; the rebase below drops ours.
    const keys = direct.map((m) => m.key);
    for (let i = 0; i < keys.length; i += 500) {
      const clash = await db.messages
        .where('key')
        .anyOf(keys.slice(i, i + 500))
        .toArray();
      const ids = new Set(direct.map((m) => m.id));
      for (const c of clash) if (!ids.has(c.id)) await db.messages.delete(c.id);
    }
    await db.messages.bulkPut(direct);
    changed += direct.length;

    let ws = await loadWorkspace(db);
    const dirShadow = shadows.get(DIRECTORY_KEY);
    if (directory) {
      if (dirShadow?.kind === 'directory') dirShadow.base = withDirectory(dirShadow.base, directory);
      else ws = withDirectory(ws, directory);
    }
    // The person as the server knows them; unchanged, nothing is written.
    if (me && JSON.stringify(me) === JSON.stringify(ws.user)) me = undefined;
    if (me) {
      ws = { ...ws, user: me };
      if (dirShadow?.kind === 'directory') dirShadow.base = { ...dirShadow.base, user: me };
    }

    // 2. Refusals reach the person.
    let refused = 0;
    for (const r of refusals) {
      if (r.clientID !== config.clientID) continue;
      const before = await db.refusals.count();
      await keepRefusal(db, r, ws.user.id);
      if ((await db.refusals.count()) > before) refused += 1;
    }

    // 3. Drop what the server acknowledged; re-apply the rest on its state.
    const last = response.lastMutationIDs[config.clientID] ?? 0;
    const outbox = await db.outbox.orderBy('seq').toArray();
    const acked = outbox.filter((e) => e.mutation.id <= last);
    const pending = outbox.filter((e) => e.mutation.id > last);
    if (acked.length) await db.outbox.bulkDelete(acked.map((e) => e.seq!));
    const stillTouched = new Set(pending.flatMap((e) => e.touched));

    const baseMessages = new Map<string, Message>();
    for (const s of shadows.values()) if (s.kind === 'message' && s.base) baseMessages.set(s.id, s.base);
    // What the pending commands read besides their own messages: posts by key, incident members.
    const keysRead: string[] = [];
    const leads: string[] = [];
    for (const e of pending) {
      const t = mutationTarget(e.mutation);
      if (t.key) keysRead.push(t.key);
      if (t.incident && t.id) leads.push(t.id);
    }
    for (const m of keysRead.length ? await db.messages.where('key').anyOf(keysRead).toArray() : []) if (!shadows.has(m.id)) baseMessages.set(m.id, m);
    for (const m of leads.length ? await db.messages.where('incidentId').anyOf(leads).toArray() : []) if (!shadows.has(m.id)) baseMessages.set(m.id, m);

    const baseWorkspace = dirShadow?.kind === 'directory' ? dirShadow.base : ws;
    const rebased = rebase(
      { workspace: baseWorkspace, messages: baseMessages.values() },
      pending.map((e) => ({ mutation: e.mutation, actor: e.actor, at: e.at })),
      (w) => w.profile,
      (w) => calendarOf(w),
    );

    for (const s of shadows.values()) {
      if (s.kind !== 'message') continue;
      if (stillTouched.has(s.id)) {
        const m = rebased.messages.get(s.id);
        if (m) await db.messages.put(m);
        else await db.messages.delete(s.id);
        await db.shadows.put(s);
      } else {
        // Nothing pending on it any more: the server's version is the message.
        if (s.base) await db.messages.put(s.base);
        else await db.messages.delete(s.id);
        await db.shadows.delete(s.id);
      }
      changed += 1;
    }
    if (dirShadow?.kind === 'directory') {
      if (stillTouched.has(DIRECTORY_KEY)) {
        ws = { ...rebased.workspace, user: ws.user };
        await db.shadows.put(dirShadow);
      } else {
        ws = { ...dirShadow.base, user: ws.user };
        await db.shadows.delete(DIRECTORY_KEY);
      }
    }
    if (directory || me || dirShadow) await writeWorkspace(db, ws, now);

    await db.settings.put({
      key: SYNC_KEY,
      value: { ...config, cookie: response.cookie, lastPullAt: now, ...(me ? { person: me } : {}) } satisfies SyncConfig,
    });
    return { changed, acknowledged: acked.length, refused, rebased: pending.length };
  });
}

/** A pull whose patch does not read: nothing was written. */
export class SyncPatchError extends Error {
  constructor(
    readonly where: string,
    readonly what: string,
  ) {
    super(`the server sent a ${what} this release cannot read at ${where}`);
    this.name = 'SyncPatchError';
  }
}

/** Refusals not yet dismissed, newest first (the desk shows them). */
export async function openRefusals(db: AppDatabase): Promise<RefusalRecord[]> {
  return (await db.refusals.orderBy('at').reverse().toArray()).filter((r) => r.seenAt === undefined);
}

export async function dismissRefusal(db: AppDatabase, key: string, now: number): Promise<void> {
  await db.refusals.update(key, { seenAt: now });
}

/** The local data kept at connection (a backup file's text), if any. */
export async function beforeConnectBackup(db: AppDatabase): Promise<{ at: number; file: string } | undefined> {
  const value = (await db.settings.get(BEFORE_CONNECT_KEY))?.value as { at?: unknown; file?: unknown } | undefined;
  return typeof value?.at === 'number' && typeof value.file === 'string' ? { at: value.at, file: value.file } : undefined;
}

export type { ShadowRecord, OutboxEntry, RefusalRecord };
