/**
 * Backup and hand-over files: the whole workspace, or the messages of one body, as a single
 * JSON file. Imports are zod-validated and merge without duplicates (a message by id or post
 * key, the newer copy wins; events by their identity); a broken or foreign file is rejected
 * with a clear message and changes nothing.
 */
import { z } from 'zod';
import { reason, type Params, type Reason } from '../i18n';
import { issueReasons } from '../i18n/issues';
import type { AppDatabase } from './index';
import { eventId, withIds } from './events';
import { LATEST_VERSION } from './schema';
import { mergeMessage } from '../workflow/merge';
import { eventSchema, messageSchema, type Message, type WorkflowEvent } from '../model/workflow';
import { regionSchema, starterWorkspace, workspaceSchedule, workspaceSchema, DEFAULT_REGION, type Workspace } from '../workflow/workspace';
import { instantSchema } from '../model/message';
import { createWorkCalendar, REGIONS } from '../worktime';

export const BACKUP_FORMAT = 'answer-on-time/backup';

export const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  kind: z.enum(['full', 'handover']),
  schemaVersion: z.number().int().positive(),
  exportedAt: instantSchema,
  /** The region whose regulation counted these messages' deadlines. */
  region: regionSchema.optional(),
  /** Hand-over files: the body they carry. */
  body: z.string().optional(),
  workspace: workspaceSchema.optional(),
  messages: z.array(messageSchema).max(200_000),
  events: z.array(eventSchema).max(2_000_000),
});
export type Backup = z.infer<typeof backupSchema>;

/**
 * A file refused: `reason` and `params` say why (a message key the UI translates); the message
 * is for the log.
 */
export class ImportError extends Error implements Reason {
  readonly reason: Reason['reason'];
  readonly params?: Params;
  constructor(key: Reason['reason'], params?: Params) {
    super(`backup refused: ${key}`);
    this.name = 'ImportError';
    this.reason = key;
    if (params) this.params = params;
  }
}

/** The largest file the importer reads (a region's year of messages is a few megabytes). */
export const MAX_BACKUP_BYTES = 200 * 1024 * 1024;

/** The whole workspace: settings, directory, every message and its audit trail. */
export async function exportBackup(db: AppDatabase, now: number): Promise<Backup> {
  const [record, messages, events] = await Promise.all([db.settings.get('workspace'), db.messages.toArray(), db.events.toArray()]);
  const workspace = workspaceSchema.safeParse(record?.value);
  return {
    format: BACKUP_FORMAT,
    kind: 'full',
    schemaVersion: LATEST_VERSION,
    exportedAt: now,
    ...(workspace.success ? { workspace: workspace.data, region: workspace.data.region } : {}),
    messages,
    events: withIds(events),
  };
}

/** A hand-over file: the messages routed to one body, with their events (curator → executor and back). */
export async function exportHandover(db: AppDatabase, body: string, now: number): Promise<Backup> {
  const messages = await db.messages.where('bodies').equals(body).toArray();
  const ids = messages.map((m) => m.id);
  const events = ids.length ? await db.events.where('messageId').anyOf(ids).toArray() : [];
  const workspace = workspaceSchema.safeParse((await db.settings.get('workspace'))?.value);
  return {
    format: BACKUP_FORMAT,
    kind: 'handover',
    schemaVersion: LATEST_VERSION,
    exportedAt: now,
    ...(workspace.success ? { region: workspace.data.region } : {}),
    body,
    messages,
    events: withIds(events),
  };
}

/** Reads and validates a file's text; throws ImportError with the reason for the user. */
export function parseBackup(text: string): Backup {
  if (text.length > MAX_BACKUP_BYTES) throw new ImportError('backup.tooLarge', { size: Math.round(text.length / 1048576), max: MAX_BACKUP_BYTES / 1048576 });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ImportError('backup.notJson');
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) throw new ImportError('backup.foreign');
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version === 'number' && version > LATEST_VERSION) throw new ImportError('backup.newer', { version });
  // The first problems, each naming its field, in the person's language (the UI says them).
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) throw new ImportError('backup.corrupt', { issues: issueReasons(parsed.error.issues, 3) });
  return parsed.data;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  events: number;
  workspace: boolean;
  /** Messages whose steps in the file and here cannot both stand: kept as they are here (with why, said by the UI). */
  conflicts: Array<{ id: string; key: string } & Reason>;
  /** Messages the file may not carry (a hand-over file's message of another body): not imported. */
  skipped: Array<{ id: string; key: string } & Reason>;
}

function localWorkspace(value: unknown): Workspace | undefined {
  const parsed = workspaceSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Merges a backup or hand-over file into the database in one transaction. A message new here
 * is added with its log; one known here (by id or post key) is merged by replaying both logs
 * together (lib/workflow/merge.ts), so a step taken in either browser is kept; copies whose
 * logs cannot be replayed are left as they are here and reported, never overwritten silently. Events are never stored
 * twice (their ids). A file of another region is refused (its deadlines were counted by another
 * act); a hand-over file brings only messages routed to its body. The workspace settings are
 * taken only into an empty workspace, or when asked. Everything or nothing is written.
 */
export async function importBackup(db: AppDatabase, text: string, { replaceWorkspace = false } = {}): Promise<ImportResult> {
  const backup = parseBackup(text);
  return db.transaction('rw', db.messages, db.events, db.settings, async () => {
    const result: ImportResult = { added: 0, updated: 0, unchanged: 0, events: 0, workspace: false, conflicts: [], skipped: [] };
    const stored = await db.settings.get('workspace');
    const local = localWorkspace(stored?.value);
    const fileRegion = backup.region ?? backup.workspace?.region;
    if (local && fileRegion && fileRegion !== local.region && !replaceWorkspace)
      throw new ImportError('backup.otherRegion', { file: REGIONS[fileRegion].name, here: REGIONS[local.region].name });
    // The regulation to replay by: this workspace's, else the file's region's.
    const ws = (replaceWorkspace ? backup.workspace : undefined) ?? local ?? backup.workspace ?? starterWorkspace(fileRegion ?? DEFAULT_REGION);
    const calendar = createWorkCalendar(workspaceSchedule(ws));
    const byMessage = new Map<string, WorkflowEvent[]>();
    for (const e of backup.events) {
      const list = byMessage.get(e.messageId) ?? [];
      list.push(e);
      byMessage.set(e.messageId, list);
    }
    const storeEvents = async (events: readonly WorkflowEvent[], messageId: string) => {
      const withId = withIds(events.map((e) => ({ ...e, messageId })));
      const existing = new Set((await db.events.where('messageId').equals(messageId).toArray()).map((e) => eventId(e)));
      const fresh = withId.filter((e) => !existing.has(e.id!) && !existing.has(eventId({ ...e, id: undefined })));
      const unique = [...new Map(fresh.map((e) => [e.id!, e])).values()];
      if (unique.length) await db.events.bulkAdd(unique);
      result.events += unique.length;
    };
    for (const incoming of backup.messages) {
      if (backup.kind === 'handover' && backup.body && !incoming.bodies.includes(backup.body)) {
        result.skipped.push({ id: incoming.id, key: incoming.key, ...reason('backup.skipped.otherBody', { body: backup.body }) });
        continue;
      }
      const events = byMessage.get(incoming.id) ?? [];
      const existing: Message | undefined = (await db.messages.get(incoming.id)) ?? (await db.messages.where('key').equals(incoming.key).first());
      if (!existing) {
        await db.messages.add(incoming);
        await storeEvents(events, incoming.id);
        result.added += 1;
        continue;
      }
      const localEvents = await db.events.where('messageId').equals(existing.id).sortBy('seq');
      const incomingEvents = events.map((e) => ({ ...e, messageId: existing.id }));
      const outcome = mergeMessage(existing, localEvents, { ...incoming, id: existing.id }, incomingEvents, (e) => eventId(e), ws.profile, calendar);
      if (outcome.kind === 'unchanged') result.unchanged += 1;
      else if (outcome.kind === 'conflict') result.conflicts.push({ id: existing.id, key: existing.key, ...outcome.why });
      else if (outcome.kind === 'merged') {
        await db.messages.put(outcome.message);
        await storeEvents(outcome.events, existing.id);
        result.updated += 1;
      } else {
        // Logs that cannot be replayed (kept before they were complete): one copy would drop the
        // other's steps without a word, so nothing is merged and the person is told.
        result.conflicts.push({ id: existing.id, key: existing.key, ...reason('backup.conflict.unreplayable') });
      }
    }
    // Events of messages the file does not carry are not imported (nothing to attach them to).
    if (backup.workspace && (replaceWorkspace || !stored)) {
      await db.settings.put({ key: 'workspace', value: backup.workspace });
      result.workspace = true;
    }
    return result;
  });
}
