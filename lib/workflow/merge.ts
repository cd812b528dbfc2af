/**
 * Merging two copies of one message (a backup or a hand-over file against the local database):
 * the state is derived by replaying the union of both event logs, so a step taken in either
 * browser is kept even when the other copy changed meanwhile. Pure: profile and calendar are
 * passed in.
 */
import { reason, type Reason } from '../i18n';
import type { RegulationProfile } from '../regulations';
import type { WorkCalendar } from '../worktime';
import { newMessage, transition, WorkflowFailure } from './machine';
import type { Actor, Message, WorkflowEvent } from '../model/workflow';

export type MergeOutcome =
  | { kind: 'unchanged' }
  | { kind: 'merged'; message: Message; events: WorkflowEvent[] }
  /** The logs cannot be replayed together (each copy took a step the other forbids). */
  | { kind: 'conflict'; why: Reason }
  /** A copy whose log does not reproduce it (written before the log was complete). */
  | { kind: 'unreplayable' };

/**
 * The actor of a recorded step, as far as replay needs one: the step was checked against the
 * person's roles when it was taken (in their browser), so the replay checks the order of steps,
 * not who could take them then.
 */
function recordedActor(m: Message) {
  const bodies = [...new Set([...m.bodies, ...m.assignments.map((a) => a.body)])];
  return (id: string): Actor => ({ id, name: id, roles: ['curator', 'executor'], bodies });
}

/**
 * The actor of one recorded step: a body's own step (a part, a return) acted for the bodies the
 * event names, never for every body of the message (one body's part is not another's).
 */
function actorOf(e: WorkflowEvent, all: (id: string) => Actor): Actor {
  const actor = all(e.actor);
  const named = e.data.bodies;
  return Array.isArray(named) && named.every((b) => typeof b === 'string') && named.length ? { ...actor, bodies: named as string[] } : actor;
}

/** The message as it was captured, rebuilt from a copy and its capture event. */
function initialOf(m: Message, capture: WorkflowEvent, profile: RegulationProfile, calendar: WorkCalendar): Message {
  const base = {
    id: m.id,
    key: m.key,
    site: m.site,
    kind: m.kind,
    url: m.url,
    ...(m.parentKey !== undefined ? { parentKey: m.parentKey } : {}),
    author: m.author,
    text: m.text,
    attachments: m.attachments,
    topic: m.topic,
    location: m.location,
    importance: m.importance,
    detectedAt: m.detectedAt,
    ...(m.postedAt !== undefined ? { postedAt: m.postedAt } : {}),
  };
  return newMessage(base, recordedActor(m)(capture.actor), capture.at, profile, calendar).message;
}

/** Workflow commands in the order they were taken (stable for equal instants). */
function commandsOf(events: readonly WorkflowEvent[]): WorkflowEvent[] {
  return events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.command !== undefined)
    .sort((a, b) => a.e.at - b.e.at || a.i - b.i)
    .map(({ e }) => e);
}

/** A recorded step the replay refused, with the step. */
class ReplayFailure extends WorkflowFailure {
  constructor(
    error: WorkflowFailure['error'],
    readonly event: WorkflowEvent,
  ) {
    super(error, `replay failed at ${event.type} (${new Date(event.at).toISOString()})`);
  }
}

/** The derived state the workflow would give: what two replays must agree on. */
function shape(m: Message) {
  // Not the deadlines: they follow the profile and the calendar, which may have changed since.
  return JSON.stringify([m.step, m.status, m.mode, m.assignments.map((a) => [a.body, a.state]), m.draft?.text ?? null, m.publications.length]);
}

function replayFrom(m: Message, events: readonly WorkflowEvent[], profile: RegulationProfile, calendar: WorkCalendar): Message {
  const capture = events.find((e) => e.type === 'capture');
  if (!capture) throw new Error('no capture event');
  // A route that stated the location replays it onto a message captured without one.
  const located = commandsOf(events).some((e) => e.command?.type === 'route' && e.command.location !== undefined);
  const initial = initialOf(located ? { ...m, location: '' } : m, capture, profile, calendar);
  const all = recordedActor(m);
  let state = initial;
  for (const e of commandsOf(events)) {
    const r = transition(state, e.command, actorOf(e, all), e.at, profile, calendar);
    if (!r.ok) throw new ReplayFailure(r.error, e);
    state = r.message;
  }
  return state;
}

/**
 * Merges `incoming` (with its events) into `local` (with its events); `id` gives each event's
 * identity. Page observations (not workflow steps) are united; the latest update time is kept.
 */
export function mergeMessage(
  local: Message,
  localEvents: readonly WorkflowEvent[],
  incoming: Message,
  incomingEvents: readonly WorkflowEvent[],
  id: (e: WorkflowEvent) => string,
  profile: RegulationProfile,
  calendar: WorkCalendar,
): MergeOutcome {
  const known = new Set(localEvents.map(id));
  const fresh = incomingEvents.filter((e) => !known.has(id(e)));
  const pageChanges = [...local.pageChanges];
  for (const c of incoming.pageChanges) if (!pageChanges.some((p) => p.kind === c.kind && p.at === c.at)) pageChanges.push(c);
  pageChanges.sort((a, b) => a.at - b.at);
  const pageChanged = pageChanges.length !== local.pageChanges.length;
  if (!fresh.some((e) => e.command !== undefined)) {
    if (!fresh.length && !pageChanged) return { kind: 'unchanged' };
    return { kind: 'merged', message: { ...local, pageChanges, updatedAt: Math.max(local.updatedAt, incoming.updatedAt) }, events: fresh };
  }
  // Both copies must be what their own logs give; otherwise the logs are not the whole story.
  try {
    if (shape(replayFrom(local, localEvents, profile, calendar)) !== shape(local)) return { kind: 'unreplayable' };
    if (shape(replayFrom(incoming, incomingEvents, profile, calendar)) !== shape(incoming)) return { kind: 'unreplayable' };
  } catch {
    return { kind: 'unreplayable' };
  }
  let merged: Message;
  try {
    merged = replayFrom(local, [...localEvents, ...fresh], profile, calendar);
  } catch (error) {
    if (!(error instanceof ReplayFailure)) return { kind: 'conflict', why: reason('backup.conflict.failed') };
    const { type, at } = error.event;
    return {
      kind: 'conflict',
      why: reason('backup.conflict.step', { step: reason(`event.${type}` as Reason['reason']), at: new Date(at).toISOString(), cause: error.error }),
    };
  }
  return {
    kind: 'merged',
    message: {
      ...merged,
      pageChanges,
      ...(local.pageMissedAt !== undefined ? { pageMissedAt: local.pageMissedAt } : {}),
      createdAt: local.createdAt,
      updatedAt: Math.max(local.updatedAt, incoming.updatedAt, merged.updatedAt),
    },
    events: fresh,
  };
}
