/**
 * Backup and hand-over files: the whole workspace, or the messages of one body, as a single
 * JSON file. Imports are zod-validated and merge without duplicates (a message by id or post
 * key, the newer copy wins; events by their identity); a broken or foreign file is rejected
 * with a clear message and changes nothing.
 */
import { z } from 'zod';
import type { AppDatabase } from './index';
import { LATEST_VERSION } from './schema';
import { eventSchema, messageSchema, type Message, type WorkflowEvent } from '../workflow/model';
import { workspaceSchema } from '../workflow/workspace';

export const BACKUP_FORMAT = 'answer-on-time/backup';

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  kind: z.enum(['full', 'handover']),
  schemaVersion: z.number().int().positive(),
  exportedAt: z.number(),
  /** Hand-over files: the body they carry. */
  body: z.string().optional(),
  workspace: workspaceSchema.optional(),
  messages: z.array(messageSchema),
  events: z.array(eventSchema),
});
export type Backup = z.infer<typeof backupSchema>;

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

const eventKey = (e: WorkflowEvent) => `${e.messageId}|${e.type}|${e.at}|${e.actor}`;
const stripSeq = (e: WorkflowEvent): WorkflowEvent => {
  const { seq: _seq, ...rest } = e;
  return rest;
};

/** The whole workspace: settings, directory, every message and its audit trail. */
export async function exportBackup(db: AppDatabase, now: number): Promise<Backup> {
  const [record, messages, events] = await Promise.all([db.settings.get('workspace'), db.messages.toArray(), db.events.toArray()]);
  const workspace = workspaceSchema.safeParse(record?.value);
  return {
    format: BACKUP_FORMAT,
    kind: 'full',
    schemaVersion: LATEST_VERSION,
    exportedAt: now,
    ...(workspace.success ? { workspace: workspace.data } : {}),
    messages,
    events: events.map(stripSeq),
  };
}

/** A hand-over file: the messages routed to one body, with their events (curator → executor and back). */
export async function exportHandover(db: AppDatabase, body: string, now: number): Promise<Backup> {
  const messages = await db.messages.where('bodies').equals(body).toArray();
  const ids = messages.map((m) => m.id);
  const events = ids.length ? await db.events.where('messageId').anyOf(ids).toArray() : [];
  return { format: BACKUP_FORMAT, kind: 'handover', schemaVersion: LATEST_VERSION, exportedAt: now, body, messages, events: events.map(stripSeq) };
}

/** Reads and validates a file's text; throws ImportError with a message for the user. */
export function parseBackup(text: string): Backup {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ImportError('Файл не читается: это не JSON');
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT)
    throw new ImportError('Это не файл «Ответа в срок» (резервная копия или передача сообщений)');
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > LATEST_VERSION)
    throw new ImportError(`Файл создан более новой версией расширения (схема ${version}); обновите расширение`);
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ImportError(`Файл повреждён: ${first.join('; ')}`);
  }
  return parsed.data;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  events: number;
  workspace: boolean;
}

/**
 * Merges a backup or hand-over file into the database in one transaction: messages by id
 * (or by post key), the most recently updated copy wins; events without duplicates. The
 * workspace settings are taken only into an empty workspace, or when asked.
 */
export async function importBackup(db: AppDatabase, text: string, { replaceWorkspace = false } = {}): Promise<ImportResult> {
  const backup = parseBackup(text);
  return db.transaction('rw', db.messages, db.events, db.settings, async () => {
    const result: ImportResult = { added: 0, updated: 0, unchanged: 0, events: 0, workspace: false };
    for (const incoming of backup.messages) {
      const existing: Message | undefined = (await db.messages.get(incoming.id)) ?? (await db.messages.where('key').equals(incoming.key).first());
      if (!existing) {
        await db.messages.add(incoming);
        result.added += 1;
      } else if (incoming.updatedAt > existing.updatedAt) {
        if (existing.id !== incoming.id) await db.messages.delete(existing.id);
        await db.messages.put(incoming);
        result.updated += 1;
      } else result.unchanged += 1;
    }
    const ids = [...new Set(backup.events.map((e) => e.messageId))];
    const known = new Set((ids.length ? await db.events.where('messageId').anyOf(ids).toArray() : []).map(eventKey));
    const fresh = backup.events.filter((e) => !known.has(eventKey(e))).map(stripSeq);
    if (fresh.length) await db.events.bulkAdd(fresh);
    result.events = fresh.length;
    if (backup.workspace && (replaceWorkspace || !(await db.settings.get('workspace')))) {
      await db.settings.put({ key: 'workspace', value: backup.workspace });
      result.workspace = true;
    }
    return result;
  });
}
