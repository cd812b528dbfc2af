/**
 * One pushed command applied to the team's state: the same pure lib/workflow transition the
 * extension runs locally. The server runs it inside its transaction (message row and region
 * locked); the client runs it again to rebase its pending commands on a pull. Pure: time, the
 * actor, the regulation and the calendar are passed in; the input is never mutated.
 */
import { reason, type Reason } from '../i18n';
import type { RegulationProfile } from '../regulations';
import type { WorkCalendar } from '../worktime';
import { newMessage, transition } from '../workflow/machine';
import type { Workspace } from '../workflow/workspace';
import { detectionTime, INCIDENT_SHARED, withCover } from '../workflow/rules';
import type { Actor, Message, WorkflowEvent } from '../model/workflow';
import { captureArgsSchema, directoryArgsSchema, importArgsSchema, stepArgsSchema, type Mutation, type RejectionCode } from './protocol';
import { visibleTo } from './scope';

/** What a command may read: the workspace (directory) and the messages it names. */
export interface SyncState {
  workspace: Workspace;
  message(id: string): Message | undefined;
  messageByKey(key: string): Message | undefined;
  /** The messages grouped under this one as their incident's lead (joinIncident). */
  incidentMembers(leadId: string): Message[];
}

export type Applied =
  | {
      ok: true;
      message?: Message;
      /** Open incident members the lead's step applied to as well (see INCIDENT_SHARED). */
      members?: Message[];
      workspace?: Workspace;
      events: WorkflowEvent[];
    }
  | { ok: false; code: RejectionCode; error: Reason; messageId?: string; existingId?: string };

const reject = (code: RejectionCode, key: Parameters<typeof reason>[0], extra: { messageId?: string; existingId?: string } = {}): Applied => ({
  ok: false,
  code,
  error: reason(key),
  ...extra,
});

export { detectionTime, INCIDENT_SHARED, withCover };

/** The messages a mutation reads (to lock their rows before applying): by id, by key, the incident's members. */
export function mutationTarget(mutation: Pick<Mutation, 'name' | 'args'>): { id?: string; key?: string; incident?: boolean } {
  if (mutation.name === 'step') {
    const parsed = stepArgsSchema.safeParse(mutation.args);
    return parsed.success ? { id: parsed.data.messageId, ...(INCIDENT_SHARED.has(parsed.data.command.type) ? { incident: true } : {}) } : {};
  }
  if (mutation.name === 'capture') {
    const parsed = captureArgsSchema.safeParse(mutation.args);
    return parsed.success ? { id: parsed.data.id, key: parsed.data.item.key } : {};
  }
  if (mutation.name === 'import') {
    const parsed = importArgsSchema.safeParse(mutation.args);
    return parsed.success ? { id: parsed.data.message.id, key: parsed.data.message.key } : {};
  }
  return {};
}

export function applyMutation(
  state: SyncState,
  mutation: Pick<Mutation, 'name' | 'args'>,
  actor: Actor,
  profile: RegulationProfile,
  calendar: WorkCalendar,
  now: number,
): Applied {
  switch (mutation.name) {
    case 'capture': {
      const parsed = captureArgsSchema.safeParse(mutation.args);
      if (!parsed.success) return reject('bad-args', 'workflow.badCommand');
      const args = parsed.data;
      if (state.message(args.id)) return reject('exists', 'workflow.badCommand', { messageId: args.id });
      const existing = state.messageByKey(args.item.key);
      if (existing) return reject('already-captured', 'workflow.badCommand', { messageId: args.id, existingId: existing.id });
      const { publishedAt: postedAt, ...item } = args.item;
      const created = newMessage(
        {
          ...item,
          ...(postedAt !== undefined ? { postedAt } : {}),
          id: args.id,
          topic: args.topic,
          location: args.location,
          importance: args.importance,
          detectedAt: detectionTime(args.detectedAt, now),
        },
        actor,
        now,
        profile,
        calendar,
      );
      if (!args.route) return { ok: true, message: created.message, events: created.events };
      const routed = transition(created.message, withCover(state.workspace, args.route, created.message.site), actor, now, profile, calendar);
      if (!routed.ok) return { ok: false, code: routed.error.code, error: { reason: routed.error.reason, params: routed.error.params }, messageId: args.id };
      return { ok: true, message: routed.message, events: [...created.events, ...routed.events] };
    }
    case 'step': {
      const parsed = stepArgsSchema.safeParse(mutation.args);
      if (!parsed.success) return reject('bad-args', 'workflow.badCommand');
      const { messageId, command } = parsed.data;
      const message = state.message(messageId);
      // A message the actor may not see is not there for them (its existence is not told).
      if (!message || !visibleTo(message, actor)) return reject('not-found', 'workflow.notFound', { messageId });
      const covered = withCover(state.workspace, command, message.site);
      const result = transition(message, covered, actor, now, profile, calendar);
      if (!result.ok) return { ok: false, code: result.error.code, error: { reason: result.error.reason, params: result.error.params }, messageId };
      if (!INCIDENT_SHARED.has(command.type)) return { ok: true, message: result.message, events: result.events };
      const members: Message[] = [];
      const events = [...result.events];
      for (const member of state.incidentMembers(messageId)) {
        if (member.id === messageId || member.status !== 'open') continue;
        const r = transition(member, covered, actor, now, profile, calendar);
        if (!r.ok) continue; // a member in another step keeps its own course
        members.push(r.message);
        events.push(...r.events.map((e) => ({ ...e, data: { ...e.data, viaIncident: messageId } })));
      }
      return { ok: true, message: result.message, ...(members.length ? { members } : {}), events };
    }
    case 'import': {
      const parsed = importArgsSchema.safeParse(mutation.args);
      if (!parsed.success) return reject('bad-args', 'workflow.badCommand');
      if (!actor.roles.includes('curator')) return reject('forbidden', 'workflow.curatorOnly');
      const message = parsed.data.message;
      if (state.message(message.id)) return reject('exists', 'workflow.badCommand', { messageId: message.id });
      const existing = state.messageByKey(message.key);
      if (existing) return reject('already-captured', 'workflow.badCommand', { messageId: message.id, existingId: existing.id });
      return { ok: true, message, events: [{ messageId: message.id, type: 'import', at: now, actor: actor.id, data: {} }] };
    }
    case 'directory': {
      const parsed = directoryArgsSchema.safeParse(mutation.args);
      if (!parsed.success) return reject('bad-args', 'workflow.badCommand');
      if (!actor.roles.includes('curator')) return reject('forbidden', 'workflow.curatorOnly');
      const ws = state.workspace;
      const op = parsed.data;
      let next: Workspace;
      switch (op.op) {
        case 'putBody':
          next = {
            ...ws,
            bodies: ws.bodies.some((b) => b.id === op.body.id) ? ws.bodies.map((b) => (b.id === op.body.id ? op.body : b)) : [...ws.bodies, op.body],
          };
          break;
        case 'removeBody':
          next = { ...ws, bodies: ws.bodies.filter((b) => b.id !== op.id) };
          break;
        case 'putTopic':
          next = {
            ...ws,
            topics: ws.topics.some((t) => t.id === op.topic.id) ? ws.topics.map((t) => (t.id === op.topic.id ? op.topic : t)) : [...ws.topics, op.topic],
          };
          break;
        case 'removeTopic':
          next = { ...ws, topics: ws.topics.filter((t) => t.id !== op.id) };
          break;
        case 'putLocation':
          next = { ...ws, locations: ws.locations.includes(op.name) ? ws.locations : [...ws.locations, op.name] };
          break;
        case 'removeLocation':
          next = { ...ws, locations: ws.locations.filter((l) => l !== op.name) };
          break;
      }
      return { ok: true, workspace: next, events: [] };
    }
  }
}

/** A SyncState over plain values (the client's rebase, tests). */
export function stateOf(workspace: Workspace, messages: Iterable<Message>): SyncState {
  const byId = new Map<string, Message>();
  const byKey = new Map<string, Message>();
  for (const m of messages) {
    byId.set(m.id, m);
    byKey.set(m.key, m);
  }
  return {
    workspace,
    message: (id) => byId.get(id),
    messageByKey: (key) => byKey.get(key),
    incidentMembers: (leadId) => [...byId.values()].filter((m) => m.incidentId === leadId),
  };
}

export interface PendingCommand {
  mutation: Pick<Mutation, 'clientID' | 'id' | 'name' | 'args'>;
  actor: Actor;
  /** When the person gave it (the client's clock): the rebased message counts from it. */
  at: number;
}

/**
 * The client's rebase after a pull: the pulled state, with the still-pending commands applied
 * on top in order (the same code the server will run). A pending command the new state
 * refuses is returned with its reason, so it reaches the person (its text kept as a draft).
 */
export function rebase(
  base: { workspace: Workspace; messages: Iterable<Message> },
  pending: readonly PendingCommand[],
  profile: (ws: Workspace) => RegulationProfile,
  calendar: (ws: Workspace) => WorkCalendar,
): { workspace: Workspace; messages: Map<string, Message>; refused: Array<{ command: PendingCommand; refusal: Extract<Applied, { ok: false }> }> } {
  let workspace = base.workspace;
  const messages = new Map<string, Message>();
  for (const m of base.messages) messages.set(m.id, m);
  const refused: Array<{ command: PendingCommand; refusal: Extract<Applied, { ok: false }> }> = [];
  for (const command of pending) {
    const r = applyMutation(stateOf(workspace, messages.values()), command.mutation, command.actor, profile(workspace), calendar(workspace), command.at);
    if (!r.ok) {
      refused.push({ command, refusal: r });
      continue;
    }
    for (const m of changedMessages(r)) messages.set(m.id, m);
    if (r.workspace) workspace = r.workspace;
  }
  return { workspace, messages, refused };
}

/** Every message an accepted command changed: its own and its incident's members. */
export function changedMessages(applied: Applied): Message[] {
  if (!applied.ok) return [];
  return [...(applied.message ? [applied.message] : []), ...(applied.members ?? [])];
}
