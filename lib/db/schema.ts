/**
 * Every version of the database schema, oldest first. Never edit a released version: add a
 * new one with its upgrade function, and a migration test that writes data with the old
 * version (test/unit/lib/migrations.test.ts) and reads it with the new one.
 */
import type { Transaction } from 'dexie';
import { eventId } from './events';
import { MAX_INSTANT, MIN_INSTANT } from '../worktime/range';
import type { WorkflowEvent } from '../model/workflow';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const DB_NAME = 'answer-on-time';

/**
 * Version 2 (the workflow): a message carries its step, assignments and derived queue keys.
 * A version-1 message (captured with a free-text executor and an 8-hour deadline) becomes a
 * message routed to that executor as a body, due as before.
 */
/**
 * The body of a version-1 message captured without an executor: a code the UI names
 * (t('body.unspecified')). Messages upgraded by an older release carry its Russian words instead.
 */
export const UNSPECIFIED_BODY = 'unspecified';

export function upgradeV1Message(old: Record<string, unknown>): Record<string, unknown> {
  const { executor, dueAt, ...rest } = old as { executor?: string; dueAt?: number } & Record<string, unknown>;
  const body = typeof executor === 'string' && executor.trim() ? executor.trim() : UNSPECIFIED_BODY;
  const detectedAt = rest.detectedAt as number;
  const open = rest.status !== 'closed';
  return {
    ...rest,
    step: open ? 'routed' : 'published',
    mode: 'single',
    assignments: [{ body, order: 0, state: 'active', routedAt: detectedAt }],
    routedAt: detectedAt,
    firstRoutedAt: detectedAt,
    remarks: [],
    publications: [],
    breaches: [],
    openFor: open ? [`body:${body}`] : [],
    bodies: [body],
    ...(open && typeof dueAt === 'number' ? { nextDueAt: dueAt, nextDueKind: 'answer' } : {}),
  };
}

/**
 * Version 3: a message's `publishedAt` was both the post's time as the page showed it (set at
 * capture) and the answer's publication (set when published), so a post whose page time was
 * later than detection looked answered, and publishing lost the post's time. The post's time is
 * now `postedAt`. `publishedAt` stays only where it is the answer's (an answer was published at
 * that instant). Returns null when nothing changes.
 */
export function upgradeV2Message(m: Record<string, unknown>): Record<string, unknown> | null {
  // Messages upgraded from version 1 have no page changes list yet; a next due time outside
  // the calendar's range (an older import let 1e300 through) is dropped: the next step re-plans.
  let base = Array.isArray(m.pageChanges) ? m : { ...m, pageChanges: [] };
  // Attachment links that are not https (an older release took them) lose the link, keep the attachment.
  const attachments = Array.isArray(base.attachments) ? (base.attachments as Array<Record<string, unknown>>) : [];
  if (attachments.some((a) => typeof a.url === 'string' && !/^https:\/\//i.test(a.url)))
    base = { ...base, attachments: attachments.map((a) => (typeof a.url === 'string' && !/^https:\/\//i.test(a.url) ? { type: a.type } : a)) };
  const due = base.nextDueAt;
  if (due !== undefined && !(typeof due === 'number' && Number.isInteger(due) && due >= MIN_INSTANT && due <= MAX_INSTANT)) {
    const { nextDueAt: _due, nextDueKind: _kind, ...rest } = base;
    base = rest;
  }
  const at = m.publishedAt;
  const publications = Array.isArray(m.publications) ? (m.publications as Array<{ kind?: unknown; at?: unknown }>) : [];
  if (typeof at !== 'number' || publications.some((p) => p.kind === 'answer' && p.at === at)) return base === m ? null : base;
  const { publishedAt: _post, ...rest } = base;
  return { ...rest, postedAt: at };
}

/**
 * Version 3: events get their id (lib/db/events.ts), and version-1 events, stored without an
 * actor, get one ('' = not recorded), so a database upgraded from version 1 exports a file its
 * own import accepts.
 */
export function upgradeV2Event(e: Record<string, unknown>): Record<string, unknown> {
  const fixed: Record<string, unknown> = { ...e, actor: typeof e.actor === 'string' ? e.actor : '', data: e.data && typeof e.data === 'object' ? e.data : {} };
  return { ...fixed, id: eventId(fixed as unknown as WorkflowEvent) };
}

/** Rewrites every stored message in place with `upgrade` (null: leave it as it is). */
async function rewriteMessages(tx: Transaction, upgrade: (m: Record<string, unknown>) => Record<string, unknown> | null): Promise<void> {
  await tx
    .table('messages')
    .toCollection()
    .modify((m: Record<string, unknown>) => {
      const upgraded = upgrade(m);
      if (!upgraded) return;
      for (const k of Object.keys(m)) delete m[k];
      Object.assign(m, upgraded);
    });
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // id: uuid; key: canonical post/comment key, unique (one message per post);
      // [status+dueAt]: the open queue in deadline order.
      messages: 'id, &key, status, dueAt, [status+dueAt], detectedAt',
      // seq: insertion order; the audit trail of a message.
      events: '++seq, messageId, at, [messageId+at]',
      settings: 'key',
    },
  },
  {
    version: 2,
    stores: {
      // [status+nextDueAt]: every open message by its next deadline; *openFor: a person's or a
      // body's queue; *bodies, detectedAt, topic, location: the filters and reports.
      messages: 'id, &key, status, step, [status+nextDueAt], *openFor, *bodies, detectedAt, topic, location, repeatOf, incidentId',
      events: '++seq, messageId, at, [messageId+at], type',
      settings: 'key',
    },
    upgrade: (tx) => rewriteMessages(tx, upgradeV1Message),
  },
  {
    version: 3,
    stores: {
      messages: 'id, &key, status, step, [status+nextDueAt], *openFor, *bodies, detectedAt, topic, location, repeatOf, incidentId',
      // &id: an event's content-derived id, unique: merged logs never hold one step twice.
      events: '++seq, &id, messageId, at, [messageId+at], type',
      settings: 'key',
    },
    upgrade: async (tx) => {
      await rewriteMessages(tx, upgradeV2Message);
      // Duplicates (the same event stored twice by an older import) keep their first copy.
      const seen = new Set<string>();
      const duplicates: number[] = [];
      await tx
        .table('events')
        .toCollection()
        .modify((e: Record<string, unknown>) => {
          const upgraded = upgradeV2Event(e);
          const id = upgraded.id as string;
          if (seen.has(id)) {
            duplicates.push(e.seq as number); // deleted below; given no id, it breaks no uniqueness meanwhile
            return;
          }
          seen.add(id);
          Object.assign(e, upgraded);
        });
      if (duplicates.length) await tx.table('events').bulkDelete(duplicates);
    },
  },
  {
    // Version 4 (the team server, lib/db/sync.ts): the outbox of commands not yet accepted, the
    // server's last state of what they touched (to rebase them on a pull), and refusals.
    version: 4,
    stores: {
      messages: 'id, &key, status, step, [status+nextDueAt], *openFor, *bodies, detectedAt, topic, location, repeatOf, incidentId',
      events: '++seq, &id, messageId, at, [messageId+at], type',
      settings: 'key',
      // seq: the order the person gave the commands in.
      outbox: '++seq',
      // id: a message id, or 'directory'.
      shadows: 'id',
      // key: '<clientID>/<mutation id>'; messageId: shown on the message; at: newest first.
      refusals: 'key, messageId, at',
    },
  },
  {
    // Version 5 (our own pages, lib/db/accounts.ts): what the body published on its registered
    // pages, one row per post (key: the post's key), by account and time.
    version: 5,
    stores: {
      messages: 'id, &key, status, step, [status+nextDueAt], *openFor, *bodies, detectedAt, topic, location, repeatOf, incidentId',
      events: '++seq, &id, messageId, at, [messageId+at], type',
      settings: 'key',
      outbox: '++seq',
      shadows: 'id',
      refusals: 'key, messageId, at',
      publications: 'key, [account+publishedAt]',
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
