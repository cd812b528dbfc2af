/**
 * Every version of the database schema, oldest first. Never edit a released version: add a
 * new one with its upgrade function, and a migration test that writes data with the old
 * version (test/unit/lib/migrations.test.ts) and reads it with the new one.
 */
import type { Transaction } from 'dexie';

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
export function upgradeV1Message(old: Record<string, unknown>): Record<string, unknown> {
  const { executor, dueAt, ...rest } = old as { executor?: string; dueAt?: number } & Record<string, unknown>;
  const body = typeof executor === 'string' && executor.trim() ? executor.trim() : 'не указан';
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
    upgrade: async (tx) => {
      await tx
        .table('messages')
        .toCollection()
        .modify((m: Record<string, unknown>) => {
          const upgraded = upgradeV1Message(m);
          for (const k of Object.keys(m)) delete m[k];
          Object.assign(m, upgraded);
        });
    },
  },
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
