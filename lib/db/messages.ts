/** Message storage operations of the background (and tests): each in one transaction. */
import type { AppDatabase } from './index';
import { withIds } from './events';
import type { CapturedItem, Routing } from '../model/message';
import { reason, type Reason } from '../i18n';
import { issueReasons } from '../i18n/issues';
import { newMessage, transition, workflowError, WorkflowFailure, type TransitionResult } from '../workflow/machine';
import { observePage, withPageChange } from '../workflow/page-changes';
import { REPEAT_WINDOW_MS, suggestRepeats } from '../workflow/repeats';
import type { Actor, Message } from '../model/workflow';
import { resolveAssignee, starterWorkspace, workspaceSchema, DEFAULT_REGION, type Workspace } from '../workflow/workspace';
import { detectionTime, INCIDENT_SHARED, withCover } from '../workflow/rules';
import type { WorkCalendar } from '../worktime';
import { recordMutation, syncTables } from './sync';
import { directoryOps } from '../sync/directory';

/** The detection moment's rule (lib/workflow/rules.ts), as callers of this module import it. */
export { detectionTime };

export interface SaveCaptureInput {
  item: CapturedItem;
  routing: Routing;
  detectedAt?: number;
}

export interface WorkflowEnv {
  now: number;
  workspace: Workspace;
  calendar: WorkCalendar;
}

/** The body the curator meant (a directory body by id, name or abbreviation), or null. */
export function resolveBody(ws: Workspace, text: string): string | null {
  return resolveAssignee(ws, text)?.body ?? null;
}

/** A capture's executor that names nothing in the directory: refused with the reason (said by the UI). */
export class UnknownExecutorError extends Error {
  readonly reason: Reason;
  constructor(readonly executor: string) {
    super(`executor "${executor}" is not in the directory`);
    this.name = 'UnknownExecutorError';
    this.reason = reason('capture.unknownExecutor', { executor });
  }
}

/**
 * Stores a captured post as a message with its audit events, routed at once when the curator
 * named an executor, in one transaction. Capturing a post that is already a message returns
 * the existing one (created: false), unchanged.
 */
export async function saveCapture(
  db: AppDatabase,
  input: SaveCaptureInput,
  env: WorkflowEnv & { newId: () => string; actor?: Actor },
): Promise<{ message: Message; created: boolean }> {
  const { workspace, calendar, now } = env;
  const actor = env.actor ?? workspace.user;
  return db.transaction('rw', [db.messages, db.events, ...syncTables(db)], async () => {
    const existing = await db.messages.where('key').equals(input.item.key).first();
    if (existing) return { message: existing, created: false };
    // The page's time of the post is the message's postedAt, never the answer's publishedAt.
    const { publishedAt: postedAt, ...item } = input.item;
    const created = newMessage(
      {
        ...item,
        ...(postedAt !== undefined ? { postedAt } : {}),
        id: env.newId(),
        topic: input.routing.topic,
        location: input.routing.location,
        importance: input.routing.importance,
        detectedAt: detectionTime(input.detectedAt, now),
      },
      { ...actor, roles: [...new Set([...actor.roles, 'curator' as const])] },
      now,
      workspace.profile,
      calendar,
    );
    let message = created.message;
    const events = [...created.events];
    let route: { type: 'route'; assignments: [NonNullable<ReturnType<typeof resolveAssignee>>] } | undefined;
    if (input.routing.executor.trim()) {
      const assignee = resolveAssignee(workspace, input.routing.executor);
      if (!assignee) throw new UnknownExecutorError(input.routing.executor.trim());
      route = { type: 'route', assignments: [assignee] };
      const routed = transition(message, withCover(workspace, route, message.site), { ...actor, roles: ['curator'] }, now, workspace.profile, calendar);
      if (!routed.ok) throw new WorkflowFailure(routed.error, 'routing at capture');
      message = routed.message;
      events.push(...routed.events);
    }
    await db.messages.add(message);
    await db.events.bulkAdd(withIds(events));
    // Connected to a team server: the same capture goes to the outbox in this transaction.
    await recordMutation(
      db,
      'capture',
      {
        id: message.id,
        item: input.item,
        topic: input.routing.topic,
        location: input.routing.location,
        importance: input.routing.importance,
        detectedAt: message.detectedAt,
        ...(route ? { route } : {}),
      },
      actor,
      now,
      { messages: [{ id: message.id, before: null }] },
    );
    return { message, created: true };
  });
}

/**
 * Applies a workflow command to a stored message: the message and its events in one
 * transaction. On the lead of an incident (messages grouped with joinIncident), routing, the
 * draft, approval and rework apply to every open member too; each post is then published on
 * its own (its reply has its own link).
 */
export async function applyCommand(
  db: AppDatabase,
  id: string,
  command: unknown,
  actor: Actor,
  env: WorkflowEnv,
): Promise<TransitionResult & { members?: number }> {
  return db.transaction('rw', [db.messages, db.events, ...syncTables(db)], async () => {
    const message = await db.messages.get(id);
    if (!message) return { ok: false, error: workflowError('invalid', 'workflow.notFound') } as const;
    const given = command;
    command = withCover(env.workspace, command, message.site);
    const result = transition(message, command, actor, env.now, env.workspace.profile, env.calendar);
    if (!result.ok) return result;
    await db.messages.put(result.message);
    await db.events.bulkAdd(withIds(result.events));
    const touched: Array<{ id: string; before: Message | null }> = [{ id, before: message }];
    let members = 0;
    const type = (command as { type?: unknown }).type;
    if (typeof type === 'string' && INCIDENT_SHARED.has(type)) {
      for (const member of await db.messages.where('incidentId').equals(id).toArray()) {
        if (member.id === id || member.status !== 'open') continue;
        const r = transition(member, command, actor, env.now, env.workspace.profile, env.calendar);
        if (!r.ok) continue; // a member in another step keeps its own course
        await db.messages.put(r.message);
        await db.events.bulkAdd(withIds(r.events.map((e) => ({ ...e, data: { ...e.data, viaIncident: id } }))));
        touched.push({ id: member.id, before: member });
        members += 1;
      }
    }
    // Connected to a team server: the command as given (the server applies the cover itself).
    await recordMutation(db, 'step', { messageId: id, command: given }, actor, env.now, { messages: touched });
    return { ...result, members };
  });
}

/** Earlier messages a new capture likely repeats (see lib/workflow/repeats.ts). */
export async function repeatCandidates(db: AppDatabase, capture: Parameters<typeof suggestRepeats>[0], now: number) {
  const recent = await db.messages
    .where('detectedAt')
    .above(now - REPEAT_WINDOW_MS)
    .toArray();
  return suggestRepeats(capture, recent, now);
}

export async function findByKeys(db: AppDatabase, keys: string[]): Promise<Message[]> {
  if (keys.length === 0) return [];
  return db.messages.where('key').anyOf(keys).toArray();
}

const WORKSPACE_KEY = 'workspace';

/** The stored workspace, or the starter one for the default region (first run). */
export async function loadWorkspace(db: AppDatabase): Promise<Workspace> {
  const record = await db.settings.get(WORKSPACE_KEY);
  const parsed = workspaceSchema.safeParse(record?.value);
  return parsed.success ? parsed.data : starterWorkspace(DEFAULT_REGION);
}

/** settings key: a stored workspace this release could not read, kept before anything replaced it. */
export const UNREADABLE_WORKSPACE_KEY = 'workspace.unreadable';

export interface UnreadableWorkspace {
  value: unknown;
  at: number;
  /** What the check said (the first few problems), said by the UI; `problem` is an older release's text. */
  issues?: Reason[];
  problem?: string;
}

/**
 * Stores the workspace. A stored workspace that does not parse (written by another release, or
 * damaged) is never lost: before it is replaced it is kept under UNREADABLE_WORKSPACE_KEY, and
 * the options page offers it for download.
 */
export async function saveWorkspace(db: AppDatabase, ws: Workspace, now = Date.now()): Promise<void> {
  const value = workspaceSchema.parse(ws);
  await db.transaction('rw', syncTables(db), async () => {
    const before = await loadWorkspace(db);
    await writeWorkspace(db, value, now);
    // Connected to a team server: the directory's changes go to the outbox, one command each.
    for (const op of directoryOps(before, value)) await recordMutation(db, 'directory', op, value.user, now, { directory: before });
  });
}

/**
 * Writes the workspace as it is (the person's edit goes through saveWorkspace; a pull writes the
 * server's directory with this). An unreadable stored one is kept first (see saveWorkspace).
 */
export async function writeWorkspace(db: AppDatabase, ws: Workspace, now: number): Promise<void> {
  const value = workspaceSchema.parse(ws);
  await db.transaction('rw', db.settings, async () => {
    const current = await db.settings.get(WORKSPACE_KEY);
    if (current !== undefined) {
      const parsed = workspaceSchema.safeParse(current.value);
      if (!parsed.success && !(await db.settings.get(UNREADABLE_WORKSPACE_KEY))) {
        const issues = issueReasons(parsed.error.issues, 3, '—');
        await db.settings.put({ key: UNREADABLE_WORKSPACE_KEY, value: { value: current.value, at: now, issues } satisfies UnreadableWorkspace });
      }
    }
    await db.settings.put({ key: WORKSPACE_KEY, value });
  });
}

/** Why the stored workspace cannot be read (the first few problems, said by the UI), or null (none stored, or it reads). */
export async function unreadableWorkspace(db: AppDatabase): Promise<Reason[] | null> {
  const current = await db.settings.get(WORKSPACE_KEY);
  if (current === undefined) return null;
  const parsed = workspaceSchema.safeParse(current.value);
  return parsed.success ? null : issueReasons(parsed.error.issues, 3, '—');
}

/**
 * What content scripts saw of captured posts (`texts`: key → the text the page shows, or null
 * when the post's own page no longer shows it), recorded in one transaction with an audit
 * event per change. Returns the keys whose message changed.
 */
export async function recordPageObservations(db: AppDatabase, texts: ReadonlyMap<string, string | null>, now: number): Promise<string[]> {
  if (!texts.size) return [];
  return db.transaction('rw', db.messages, db.events, async () => {
    const changed: string[] = [];
    for (const m of await db.messages
      .where('key')
      .anyOf([...texts.keys()])
      .toArray()) {
      const { change, pageMissedAt } = observePage(m, texts.get(m.key) ?? null, now);
      if (!change && pageMissedAt === m.pageMissedAt) continue;
      const next: Message = { ...m, ...(change ? { pageChanges: withPageChange(m.pageChanges, change), updatedAt: now } : {}) };
      if (pageMissedAt === undefined) delete next.pageMissedAt;
      else next.pageMissedAt = pageMissedAt;
      await db.messages.put(next);
      if (change) {
        await db.events.bulkAdd(
          withIds([
            { messageId: m.id, type: `page-${change.kind}`, at: now, actor: '', data: change.text !== undefined ? { text: change.text.slice(0, 2000) } : {} },
          ]),
        );
        changed.push(m.key);
      }
    }
    return changed;
  });
}
