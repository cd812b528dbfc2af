/**
 * The extension's IndexedDB (Dexie). Opened only by extension pages and the background
 * service worker, in the extension's origin; content scripts reach it through lib/messaging.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Message, WorkflowEvent } from '../model/workflow';
import { mergeQueue } from './peek';
import { DB_NAME, SCHEMA_VERSIONS, type SchemaVersion } from './schema';
import type { OutboxEntry, RefusalRecord, ShadowRecord } from './sync-records';
import type { PublicationRecord } from './accounts';

export interface SettingRecord {
  key: string;
  value: unknown;
}

export type AppDatabase = Dexie & {
  messages: EntityTable<Message, 'id'>;
  events: EntityTable<WorkflowEvent, 'seq'>;
  settings: EntityTable<SettingRecord, 'key'>;
  /** Commands for the team server not yet acknowledged (lib/db/sync.ts); empty without one. */
  outbox: EntityTable<OutboxEntry, 'seq'>;
  shadows: EntityTable<ShadowRecord, 'id'>;
  refusals: EntityTable<RefusalRecord, 'key'>;
  /** Posts of the body's own registered pages (lib/db/accounts.ts). */
  publications: EntityTable<PublicationRecord, 'key'>;
};

/**
 * Opens the database with the given schema versions (all of them by default). Tests pass an
 * older prefix of SCHEMA_VERSIONS to write data as an earlier release did.
 */
export function createDatabase(
  name: string = DB_NAME,
  versions: readonly SchemaVersion[] = SCHEMA_VERSIONS,
  options?: ConstructorParameters<typeof Dexie>[1],
): AppDatabase {
  const db = new Dexie(name, options) as AppDatabase;
  for (const v of versions) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  return db;
}

let shared: AppDatabase | undefined;

/** The database of this extension context, created on first use. */
export function getDb(): AppDatabase {
  shared ??= createDatabase();
  return shared;
}

export async function countOpen(db: AppDatabase): Promise<number> {
  return db.messages.where('status').equals('open').count();
}

const byNextDue = (a: Message, b: Message) => (a.nextDueAt ?? Infinity) - (b.nextDueAt ?? Infinity);

/** Every open message, the next deadline first. */
export async function openMessagesByDue(db: AppDatabase): Promise<Message[]> {
  return (await db.messages.where('status').equals('open').toArray()).sort(byNextDue);
}

/**
 * A queue: the open messages where `key` has something to do ('user:<id>', 'body:<id>',
 * 'role:curator'), the next deadline first. One index lookup, whatever the archive's size.
 */
export async function queueFor(db: AppDatabase, keys: string[]): Promise<Message[]> {
  // One getAll per key, in parallel (anyOf walks a cursor record by record: ~3× slower).
  const lists = await Promise.all(keys.map((key) => db.messages.where('openFor').equals(key).toArray()));
  return mergeQueue(lists);
}

export { DB_NAME, LATEST_VERSION, SCHEMA_VERSIONS } from './schema';
