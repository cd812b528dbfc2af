/**
 * Every version of the database schema, oldest first. Never edit a released version: add a
 * new one with its upgrade function, and a migration test that writes data with the old
 * version (test/unit/db/migrations.test.ts) and reads it with the new one.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const DB_NAME = 'answer-on-time';

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
];

export const LATEST_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
