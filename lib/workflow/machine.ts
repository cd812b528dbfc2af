/**
 * The message workflow as a pure state machine (../shared/docs/regulations.md, «Workflow»):
 * transition(message, command, actor, now, profile, calendar) → the next message and its events,
 * or a typed error: a coarse code and a reason (a message key with params the UI translates).
 * Nothing is half-applied: the input is never mutated.
 * Every transition recomputes the deadlines (planDeadlines) and records missed ones as facts.
 */
import { reason, type Params } from '../i18n';
import { issueReasons } from '../i18n/issues';
import { planDeadlines, type MessageFacts, type RegulationProfile } from '../regulations';
import { comparableText } from '../sites/dom';
import type { WorkCalendar } from '../worktime';
import { assignmentsOf, commandRefusal, curatorPublishes, workflowError, type WorkflowError, type WorkflowErrorCode } from './allowed';
import { commandSchema, type Actor, type Assignment, type Command, type Message, type Step, type WorkflowEvent } from '../model/workflow';

export { allowedCommands, commandRefusal, workflowError, type WorkflowError, type WorkflowErrorCode } from './allowed';

export type TransitionResult = { ok: true; message: Message; events: WorkflowEvent[] } | { ok: false; error: WorkflowError };

const fail = (code: WorkflowErrorCode, key: WorkflowError['reason'], params?: Params): TransitionResult => ({
  ok: false,
  error: workflowError(code, key, params),
});

/**
 * A refused step where one was expected (replaying a log, routing a capture): the workflow's
 * error, carried as an exception. Its message is for the log; the UI says `error`.
 */
export class WorkflowFailure extends Error {
  override readonly name = 'WorkflowFailure';
  constructor(
    readonly error: WorkflowError,
    detail = '',
  ) {
    super(`${detail}${detail ? ': ' : ''}${error.code} (${error.reason})`);
  }
}

/** The facts planDeadlines needs, read off the message. */
export function factsOf(m: Message, profile?: RegulationProfile): MessageFacts {
  const facts: MessageFacts = { detectedAt: m.detectedAt, importance: m.importance, mode: m.mode };
  // Each fact read by name: a loop over key names is several times slower over a year of
  // messages (the reports plan every one).
  if (m.routedAt !== undefined) facts.routedAt = m.routedAt;
  if (m.firstRoutedAt !== undefined) facts.firstRoutedAt = m.firstRoutedAt;
  if (m.receivedAt !== undefined) facts.receivedAt = m.receivedAt;
  if (m.returnedAt !== undefined) facts.returnedAt = m.returnedAt;
  if (m.draftSubmittedAt !== undefined) facts.draftSubmittedAt = m.draftSubmittedAt;
  if (m.firstDraftSubmittedAt !== undefined) facts.firstDraftSubmittedAt = m.firstDraftSubmittedAt;
  if (m.reworkRequestedAt !== undefined) facts.reworkRequestedAt = m.reworkRequestedAt;
  if (m.approvedAt !== undefined) facts.approvedAt = m.approvedAt;
  if (m.interimPublishedAt !== undefined) facts.interimPublishedAt = m.interimPublishedAt;
  if (m.publishedAt !== undefined) facts.publishedAt = m.publishedAt;
  if (m.interimSubmittedAt !== undefined) facts.interimSubmittedAt = m.interimSubmittedAt;
  if (m.finalDraftSubmittedAt !== undefined) facts.finalDraftSubmittedAt = m.finalDraftSubmittedAt;
  if (m.clarificationPublishedAt !== undefined) facts.clarificationPublishedAt = m.clarificationPublishedAt;
  if (m.authorRepliedAt !== undefined) facts.authorRepliedAt = m.authorRepliedAt;
  if (m.shortTerm) facts.answerMinutes = m.shortTerm.minutes;
  if (profile ? curatorPublishes(m, profile) : m.mode === 'single' && m.assignments.filter((a) => a.state !== 'returned').at(-1)?.hasAccount === false)
    facts.curatorPublishes = true;
  if (m.assignments.length)
    facts.parts = m.assignments.map((a) => {
      const part: NonNullable<MessageFacts['parts']>[number] = { body: a.body };
      if (a.routedAt !== undefined) part.routedAt = a.routedAt;
      if (a.receivedAt !== undefined) part.receivedAt = a.receivedAt;
      if (a.submittedAt !== undefined) part.submittedAt = a.submittedAt;
      if (a.returnedAt !== undefined) part.returnedAt = a.returnedAt;
      if (a.approvedAt !== undefined) part.approvedAt = a.approvedAt;
      if (a.reworkRequestedAt !== undefined) part.reworkRequestedAt = a.reworkRequestedAt;
      if (a.reworkedAt !== undefined) part.reworkedAt = a.reworkedAt;
      return part;
    });
  return facts;
}

/** Who has something to do on this message now. */
function openFor(m: Message, profile: RegulationProfile): string[] {
  if (m.status === 'closed') return [];
  const executors = (list: Assignment[]) => list.flatMap((a) => [`body:${a.body}`, ...(a.executor ? [`user:${a.executor}`] : [])]);
  switch (m.step) {
    case 'captured':
    case 'returned':
    case 'review':
    case 'summary':
      return ['role:curator'];
    case 'approved':
    case 'routed':
    case 'rework':
    case 'interim': {
      if (m.step === 'approved' && curatorPublishes(m, profile)) return ['role:curator'];
      const active = m.assignments.filter((a) => a.state === 'active' || a.state === 'rework' || (m.step !== 'routed' && a.state !== 'returned'));
      const keys = executors(active);
      if (m.assignments.some((a) => a.state === 'returned')) keys.push('role:curator');
      if (m.mode === 'parallel' && m.step === 'routed' && m.assignments.some((a) => a.state === 'submitted')) keys.push('role:curator');
      if (m.step === 'approved' && profile.publishers.includes('curator')) keys.push('role:curator');
      return [...new Set(keys)];
    }
    default:
      return [];
  }
}

/** Recomputes the derived fields: next deadline, breaches (new ones become events), the queue keys. */
function settle(m: Message, profile: RegulationProfile, calendar: WorkCalendar, now: number, actor: string, events: WorkflowEvent[]): Message {
  const plan = planDeadlines(profile, calendar, factsOf(m, profile));
  const known = new Set(m.breaches.map((b) => `${b.kind}|${b.dueAt}|${b.body ?? ''}`));
  const breaches = [...m.breaches];
  for (const d of plan.deadlines) {
    if (d.met !== false || d.own) continue;
    const id = `${d.kind}|${d.dueAt}|${d.body ?? ''}`;
    if (known.has(id)) continue;
    const breach = { kind: d.kind, dueAt: d.dueAt, clause: d.clause, ...(d.body ? { body: d.body } : {}) };
    breaches.push(breach);
    events.push({ messageId: m.id, type: 'deadline-missed', at: now, actor, data: { ...breach, doneAt: d.doneAt } });
  }
  const next: Message = { ...m, breaches, openFor: [] };
  if (plan.next && m.status === 'open') {
    next.nextDueAt = plan.next.dueAt;
    next.nextDueKind = plan.next.kind;
  } else {
    delete next.nextDueAt;
    delete next.nextDueKind;
  }
  next.openFor = openFor(next, profile);
  next.bodies = [...new Set(next.assignments.map((a) => a.body))];
  return next;
}

/** Whether `reply` is a link to a reply under the post of `itemUrl` (the post itself, or a comment's post). */
export function isReplyUnder(reply: string, itemUrl: string): boolean {
  try {
    const r = new URL(reply);
    const item = new URL(itemUrl);
    return r.origin === item.origin && r.pathname === item.pathname && r.search.length > 1;
  } catch {
    return false;
  }
}

const modeName = (mode: 'sequential' | 'parallel') => reason(mode === 'parallel' ? 'workflow.mode.parallel' : 'workflow.mode.sequential');

/** All parts of a parallel answer approved or reworked: the curator's summary is next (Khabarovsk п. 13 абз. 3). */
const allAccepted = (m: Message) => {
  const live = m.assignments.filter((a) => a.state !== 'returned');
  return live.length > 0 && live.every((a) => a.state === 'accepted') && !m.assignments.some((a) => a.state === 'returned');
};

/**
 * Applies one command. Checks the command's shape, then who may do it at this step under this
 * regulation (commandRefusal, the same check the desk and the background use), then its fields.
 */
export function transition(
  message: Message,
  rawCommand: unknown,
  actor: Actor,
  now: number,
  profile: RegulationProfile,
  calendar: WorkCalendar,
): TransitionResult {
  const parsed = commandSchema.safeParse(rawCommand);
  if (!parsed.success) return fail('bad-command', 'workflow.badCommand', { issues: issueReasons(parsed.error.issues, Infinity, reason('workflow.command')) });
  const cmd: Command = parsed.data;
  const from = message.step;
  const reassigning = cmd.type === 'route' && cmd.reassign === true;
  const refused =
    reassigning && message.status === 'open' && message.step === 'routed' && actor.roles.includes('curator')
      ? undefined
      : commandRefusal(message, cmd.type, actor, profile);
  if (refused) return { ok: false, error: refused };

  let m: Message = { ...message, assignments: message.assignments.map((a) => ({ ...a })), updatedAt: now };
  const mineIn = (...states: Assignment['state'][]) => assignmentsOf(m, actor).filter((a) => states.includes(a.state));
  let to: Step = from;
  const data: Record<string, unknown> = {};

  switch (cmd.type) {
    case 'route': {
      const rerouting = from !== 'captured';
      // Reassigning takes the message back from every body: none of them is kept.
      const kept = rerouting && !cmd.reassign ? m.assignments.filter((a) => a.state !== 'returned') : [];
      if (cmd.reassign) data.reassignedFrom = m.assignments.filter((a) => a.state !== 'returned').map((a) => a.body);
      const total = cmd.assignments.length + kept.length;
      if (cmd.mode === 'single' && cmd.assignments.length > 1) return fail('invalid', 'workflow.severalNeedMode');
      // One region, one way for several bodies (Khabarovsk п. 7: parallel; the others sequential);
      // a message routed before keeps its own.
      const several = rerouting && !cmd.reassign && m.mode !== 'single' ? m.mode : profile.severalBodies;
      if (total > 1 && cmd.mode && cmd.mode !== 'single' && cmd.mode !== several)
        return fail('invalid', 'workflow.severalMode', { mode: modeName(several), clause: profile.severalBodiesClause });
      const mode = total > 1 ? several : 'single';
      const bodies = cmd.assignments.map((a) => a.body);
      if (new Set(bodies).size !== bodies.length) return fail('invalid', 'workflow.bodyTwice');
      if (cmd.location) m.location = cmd.location;
      if (profile.locationRequired && !m.location.trim())
        return fail('invalid', 'workflow.locationRequired', { clause: profile.locationClause ?? reason('workflow.regulation') });
      // Re-routing keeps the parts still under way or submitted; returned ones are replaced, and
      // in a sequence the replacement takes the returned body's turn.
      const fresh = cmd.assignments
        .filter((a) => !kept.some((k) => k.body === a.body))
        .map((a) => ({
          body: a.body,
          ...(a.executor ? { executor: a.executor } : {}),
          ...(a.hasAccount !== undefined ? { hasAccount: a.hasAccount } : {}),
          order: 0,
          state: 'waiting' as Assignment['state'],
        }));
      if (rerouting && fresh.length === 0) return fail('invalid', 'workflow.rerouteOther');
      const ordered: Assignment[] = [
        ...kept.filter((a) => a.state !== 'waiting' && a.state !== 'active'),
        ...kept.filter((a) => a.state === 'active'),
        ...fresh,
        ...kept.filter((a) => a.state === 'waiting'),
      ].map((a, i) => ({ ...a, order: i }));
      if (mode === 'sequential') {
        if (!ordered.some((a) => a.state === 'active')) {
          const first = ordered.find((a) => a.state === 'waiting');
          if (first) Object.assign(first, { state: 'active', routedAt: now });
        }
      } else {
        for (const a of ordered) if (a.state === 'waiting') Object.assign(a, { state: 'active', routedAt: now });
      }
      m.assignments = ordered;
      m.mode = mode;
      m.routedAt = now;
      m.firstRoutedAt ??= now;
      to = 'routed';
      data.assignments = m.assignments.map((a) => a.body);
      break;
    }
    case 'receive': {
      for (const a of mineIn('active', 'rework')) a.receivedAt ??= now;
      m.receivedAt = now;
      break;
    }
    case 'return': {
      const mine = mineIn('active');
      for (const a of mine) Object.assign(a, { state: 'returned', returnedAt: now, returnReason: cmd.reason });
      m.returnedAt = now;
      // In parallel answering the other bodies go on; the curator re-routes the returned part.
      to = m.mode === 'parallel' && m.assignments.some((a) => a.state !== 'returned') ? 'routed' : 'returned';
      data.reason = cmd.reason;
      data.bodies = mine.map((a) => a.body);
      break;
    }
    case 'submitPart': {
      const mine = mineIn('active', 'rework');
      const last = m.mode === 'sequential' && mine.some((a) => a.order === m.assignments.length - 1);
      if (last) return fail('invalid', 'workflow.lastDrafts');
      for (const a of mine) {
        if (a.state === 'rework')
          Object.assign(a, { state: 'accepted', reworkedAt: now, part: cmd.text }); // п. 12: final without a second approval
        else Object.assign(a, { state: 'submitted', submittedAt: a.submittedAt ?? now, part: cmd.text });
      }
      data.bodies = mine.map((a) => a.body);
      if (m.mode === 'sequential') {
        const next = m.assignments.filter((a) => a.state === 'waiting').sort((x, y) => x.order - y.order)[0];
        if (next) Object.assign(next, { state: 'active', routedAt: now });
      } else if (allAccepted(m)) {
        to = 'summary'; // Khabarovsk п. 13 абз. 3: the curator writes the summary answer
      }
      break;
    }
    case 'submitDraft': {
      const mine = from === 'routed' ? mineIn('active') : assignmentsOf(m, actor).filter((a) => a.state !== 'returned' && a.state !== 'waiting');
      if (m.mode === 'sequential' && from === 'routed' && m.assignments.some((a) => a.state === 'waiting' || (a.state === 'active' && !mine.includes(a))))
        return fail('invalid', 'workflow.lastWritesJoint');
      if (from === 'interim' && cmd.kind === 'interim') return fail('invalid', 'workflow.interimGiven');
      if (cmd.kind === 'clarification' && from === 'interim') return fail('invalid', 'workflow.finalAfterInterim');
      if (cmd.kind === 'clarification' && !profile.clarification) return fail('invalid', 'workflow.noClarification');
      // Receipt stays unknown when the executor never opened it: timers then count from routing.
      for (const a of mine) if (a.state === 'active' && m.mode === 'sequential') Object.assign(a, { state: 'submitted', submittedAt: now });
      m.draft = { kind: cmd.kind, text: cmd.text, by: actor.id, at: now };
      m.draftSubmittedAt = now;
      m.firstDraftSubmittedAt ??= now;
      if (cmd.kind === 'interim') m.interimSubmittedAt = now;
      if (from === 'interim') m.finalDraftSubmittedAt ??= now;
      to = 'review';
      data.kind = cmd.kind;
      break;
    }
    case 'approve':
    case 'requestRework': {
      if (from === 'review') {
        if (cmd.type === 'approve') {
          m.approvedAt = now;
          to = 'approved';
        } else {
          m.reworkRequestedAt = now;
          m.remarks = [...m.remarks, { at: now, by: actor.id, text: cmd.remarks }];
          to = 'rework';
          data.remarks = cmd.remarks;
        }
        break;
      }
      // One body's answer in a parallel answer (Khabarovsk п. 13 абз. 3, п. 12).
      const waiting = m.assignments.filter((a) => a.state === 'submitted');
      const part = cmd.body ? waiting.find((a) => a.body === cmd.body) : waiting.length === 1 ? waiting[0] : undefined;
      if (!part) return fail('invalid', cmd.body ? 'workflow.partNotWaiting' : 'workflow.whichPart');
      data.body = part.body;
      if (cmd.type === 'approve') {
        Object.assign(part, { state: 'accepted', approvedAt: now });
        if (allAccepted(m)) to = 'summary';
      } else {
        Object.assign(part, { state: 'rework', reworkRequestedAt: now });
        m.remarks = [...m.remarks, { at: now, by: actor.id, text: cmd.remarks, body: part.body }];
        data.remarks = cmd.remarks;
      }
      break;
    }
    case 'publish': {
      // The reply's link must be a reply under this message's post (a link to another post's
      // reply is a mistake, or a page's trick).
      if (cmd.url && !isReplyUnder(cmd.url, m.url)) return fail('invalid', 'workflow.foreignReply');
      const kind = from === 'summary' ? 'answer' : (m.draft?.kind ?? 'answer');
      // Khabarovsk п. 12: the reworked answer is published directly; the draft on the message is
      // the one sent back, so the reworked text must come with the command.
      if (from === 'rework' && !cmd.text?.trim()) return fail('invalid', 'workflow.reworkedText');
      const textOut = cmd.text ?? m.draft?.text ?? '';
      if (!textOut.trim()) return fail('invalid', 'workflow.noText');
      // Khabarovsk п. 13 абз. 2: the curator publishes from the draft, approval included.
      if (from === 'review') m.approvedAt = now;
      // What was sent, compared with what was approved (an addressee's name before it is fine).
      const approved = from === 'summary' || from === 'rework' ? undefined : m.draft?.text;
      const differs = cmd.text !== undefined && approved !== undefined && !comparableText(cmd.text).includes(comparableText(approved));
      m.publications = [
        ...m.publications,
        { kind, at: now, text: textOut, by: actor.id, ...(cmd.url ? { url: cmd.url } : {}), ...(differs ? { differsFromApproved: true } : {}) },
      ];
      if (differs) data.differsFromApproved = true;
      data.kind = kind;
      if (cmd.url) data.url = cmd.url;
      if (kind === 'interim') {
        m.interimPublishedAt = now;
        to = 'interim';
      } else if (kind === 'clarification') {
        // The question went to the author: the (last) executor carries on when they reply.
        m.clarificationPublishedAt = now;
        const last = [...m.assignments].filter((a) => a.state !== 'returned').sort((x, y) => y.order - x.order)[0];
        if (last) last.state = 'active';
        to = 'routed';
      } else {
        m.publishedAt = now;
        m.status = 'closed';
        to = 'published';
      }
      delete m.draft;
      break;
    }
    case 'markNotProcessable': {
      m.notProcessable = { category: cmd.category, by: actor.id, at: now };
      m.status = 'closed';
      to = 'not_processable';
      data.category = cmd.category;
      break;
    }
    case 'linkRepeat': {
      if (cmd.of === m.id) return fail('invalid', 'workflow.selfRepeat');
      m.repeatOf = cmd.of;
      data.of = cmd.of;
      break;
    }
    case 'joinIncident': {
      m.incidentId = cmd.incidentId;
      data.incidentId = cmd.incidentId;
      break;
    }
    case 'authorReplied': {
      // A new answer term from the reply (decisions.md): its first draft is counted afresh.
      m.authorRepliedAt = now;
      delete m.firstDraftSubmittedAt;
      break;
    }
    case 'setTerm': {
      const act = profile.timers.answer!;
      if (cmd.minutes >= act.minutes) return fail('invalid', 'workflow.shortenOnly', { hours: act.minutes / 60, clause: act.clause });
      m.shortTerm = { minutes: cmd.minutes, by: actor.id, at: now, clause: profile.shortTermClause! };
      data.minutes = cmd.minutes;
      break;
    }
    case 'requirePhotos': {
      if (cmd.required) m.photosRequired = { by: actor.id, at: now, clause: profile.photosClause! };
      else delete m.photosRequired;
      data.required = cmd.required;
      break;
    }
  }
  m.step = to;
  const events: WorkflowEvent[] = [{ messageId: m.id, type: cmd.type, at: now, actor: actor.id, from, to, command: cmd, data }];
  m = settle(m, profile, calendar, now, actor.id, events);
  return { ok: true, message: m, events };
}

/** A freshly captured message, before routing (the capture event starts its log). */
export function newMessage(
  base: Omit<
    Message,
    'status' | 'step' | 'mode' | 'assignments' | 'remarks' | 'publications' | 'breaches' | 'openFor' | 'bodies' | 'pageChanges' | 'createdAt' | 'updatedAt'
  >,
  actor: Actor,
  now: number,
  profile: RegulationProfile,
  calendar: WorkCalendar,
): { message: Message; events: WorkflowEvent[] } {
  const events: WorkflowEvent[] = [{ messageId: base.id, type: 'capture', at: now, actor: actor.id, to: 'captured', data: { detectedAt: base.detectedAt } }];
  const m: Message = {
    ...base,
    status: 'open',
    step: 'captured',
    mode: 'single',
    assignments: [],
    remarks: [],
    publications: [],
    breaches: [],
    openFor: [],
    bodies: [],
    pageChanges: [],
    createdAt: now,
    updatedAt: now,
  };
  return { message: settle(m, profile, calendar, now, actor.id, events), events };
}

/**
 * Replays a message's event log from its capture: the commands are applied again with their
 * recorded actors and times. The result must equal the stored message (tested by fuzzing).
 */
export function replay(initial: Message, events: WorkflowEvent[], actors: (id: string) => Actor, profile: RegulationProfile, calendar: WorkCalendar): Message {
  let m = initial;
  for (const e of events) {
    if (!e.command) continue;
    const r = transition(m, e.command, actors(e.actor), e.at, profile, calendar);
    if (!r.ok) throw new WorkflowFailure(r.error, `replay failed at ${e.type} (${new Date(e.at).toISOString()})`);
    m = r.message;
  }
  return m;
}
