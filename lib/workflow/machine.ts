/**
 * The message workflow as a pure state machine (../shared/docs/regulations.md, «Workflow»):
 * transition(message, command, actor, now, profile, calendar) → the next message and its events,
 * or a typed error with a Russian message. Nothing is half-applied: the input is never mutated.
 * Every transition recomputes the deadlines (planDeadlines) and records missed ones as facts.
 */
import { planDeadlines, type MessageFacts, type RegulationProfile } from '../regulations';
import type { WorkCalendar } from '../worktime';
import { commandSchema, type Actor, type Assignment, type Command, type Message, type Step, type WorkflowEvent } from './model';

export type WorkflowErrorCode = 'bad-command' | 'forbidden' | 'wrong-step' | 'invalid';

export interface WorkflowError {
  code: WorkflowErrorCode;
  message: string;
}

export type TransitionResult = { ok: true; message: Message; events: WorkflowEvent[] } | { ok: false; error: WorkflowError };

const fail = (code: WorkflowErrorCode, message: string): TransitionResult => ({ ok: false, error: { code, message } });

const STEP_NAMES: Record<Step, string> = {
  captured: 'зафиксировано',
  routed: 'у исполнителя',
  returned: 'возвращено куратору',
  review: 'на согласовании',
  rework: 'на доработке',
  approved: 'согласовано',
  summary: 'сводный ответ куратора',
  interim: 'дан промежуточный ответ',
  published: 'ответ опубликован',
  not_processable: 'не подлежит обработке',
};

const isCurator = (a: Actor) => a.roles.includes('curator');

/** The facts planDeadlines needs, read off the message. */
export function factsOf(m: Message): MessageFacts {
  const facts: MessageFacts = { detectedAt: m.detectedAt, importance: m.importance };
  for (const k of ['routedAt', 'firstRoutedAt', 'receivedAt', 'returnedAt', 'draftSubmittedAt', 'firstDraftSubmittedAt', 'reworkRequestedAt', 'approvedAt', 'interimPublishedAt', 'publishedAt'] as const) {
    const v = m[k];
    if (v !== undefined) facts[k] = v;
  }
  if (m.assignments.length > 1)
    facts.parts = m.assignments.map((a) => ({
      body: a.body,
      ...(a.routedAt !== undefined ? { routedAt: a.routedAt } : {}),
      ...(a.receivedAt !== undefined ? { receivedAt: a.receivedAt } : {}),
      ...(a.submittedAt !== undefined ? { submittedAt: a.submittedAt } : {}),
    }));
  return facts;
}

/** Who has something to do on this message now. */
function openFor(m: Message): string[] {
  if (m.status === 'closed') return [];
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
      const active = m.assignments.filter((a) => a.state === 'active' || (m.step !== 'routed' && a.state !== 'returned'));
      const keys = active.flatMap((a) => [`body:${a.body}`, ...(a.executor ? [`user:${a.executor}`] : [])]);
      if (m.assignments.some((a) => a.state === 'returned')) keys.push('role:curator');
      return [...new Set(keys)];
    }
    default:
      return [];
  }
}

/** Recomputes the derived fields: next deadline, breaches (new ones become events), the queue keys. */
function settle(m: Message, profile: RegulationProfile, calendar: WorkCalendar, now: number, actor: string, events: WorkflowEvent[]): Message {
  const plan = planDeadlines(profile, calendar, factsOf(m));
  const known = new Set(m.breaches.map((b) => `${b.kind}|${b.dueAt}|${b.body ?? ''}`));
  const breaches = [...m.breaches];
  for (const d of plan.deadlines) {
    if (d.met !== false) continue;
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
  next.openFor = openFor(next);
  next.bodies = [...new Set(next.assignments.map((a) => a.body))];
  return next;
}

function activeAssignments(m: Message, actor: Actor) {
  return m.assignments.filter((a) => a.state === 'active' && (actor.bodies.includes(a.body) || (a.executor !== undefined && a.executor === actor.id)));
}

/**
 * Applies one command. Checks the command's shape, the actor's role (curator, or executor of
 * an active body), the current step and the required fields.
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
  if (!parsed.success) return fail('bad-command', `Неверная команда: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'команда'}: ${i.message}`).join('; ')}`);
  const cmd: Command = parsed.data;
  const from = message.step;
  if (message.status === 'closed' && cmd.type !== 'linkRepeat' && cmd.type !== 'joinIncident')
    return fail('wrong-step', `Сообщение закрыто (${STEP_NAMES[from]}): изменить его нельзя`);
  const wrongStep = () => fail('wrong-step', `Действие недоступно: сообщение ${STEP_NAMES[from]}`);
  const curatorOnly = () => fail('forbidden', 'Это действие выполняет куратор');

  let m: Message = { ...message, assignments: message.assignments.map((a) => ({ ...a })), updatedAt: now };
  let to: Step = from;
  const data: Record<string, unknown> = {};

  switch (cmd.type) {
    case 'route': {
      if (!isCurator(actor)) return curatorOnly();
      const partReturned = from === 'routed' && m.assignments.some((a) => a.state === 'returned');
      if (from !== 'captured' && from !== 'returned' && !partReturned) return wrongStep();
      const rerouting = from !== 'captured';
      const requested = rerouting && m.assignments.length > 1 ? m.mode : (cmd.mode ?? (cmd.assignments.length > 1 ? profile.severalBodies : 'single'));
      // One body is always answered alone, whatever mode was asked for.
      const mode = cmd.assignments.length + (rerouting ? m.assignments.filter((a) => a.state !== 'returned').length : 0) > 1 ? requested : 'single';
      if (mode === 'single' && cmd.assignments.length > 1) return fail('invalid', 'Для нескольких органов выберите порядок: последовательно или параллельно');
      const bodies = cmd.assignments.map((a) => a.body);
      if (new Set(bodies).size !== bodies.length) return fail('invalid', 'Один орган указан дважды');
      // Re-routing keeps the parts still under way or submitted; returned ones are replaced, and
      // in a sequence the replacement takes the returned body's turn.
      const kept = rerouting ? m.assignments.filter((a) => a.state !== 'returned') : [];
      const fresh = cmd.assignments
        .filter((a) => !kept.some((k) => k.body === a.body))
        .map((a) => ({ body: a.body, ...(a.executor ? { executor: a.executor } : {}), order: 0, state: 'waiting' as Assignment['state'] }));
      if (rerouting && fresh.length === 0) return fail('invalid', 'Укажите другой орган вместо вернувшего сообщение');
      const ordered: Assignment[] = [
        ...kept.filter((a) => a.state === 'submitted'),
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
      if (from !== 'routed' && from !== 'rework' && from !== 'interim') return wrongStep();
      const mine = activeAssignments(m, actor);
      if (!mine.length) return fail('forbidden', 'Сообщение направлено не вашему органу');
      for (const a of mine) a.receivedAt ??= now;
      m.receivedAt = now;
      break;
    }
    case 'return': {
      if (from !== 'routed') return wrongStep();
      const mine = activeAssignments(m, actor);
      if (!mine.length) return fail('forbidden', 'Вернуть может исполнитель органа, которому направлено сообщение');
      for (const a of mine) Object.assign(a, { state: 'returned', returnedAt: now, returnReason: cmd.reason });
      m.returnedAt = now;
      // In parallel answering the other bodies go on; the curator re-routes the returned part.
      to = m.mode === 'parallel' && m.assignments.some((a) => a.state === 'active' || a.state === 'submitted') ? 'routed' : 'returned';
      data.reason = cmd.reason;
      data.bodies = mine.map((a) => a.body);
      break;
    }
    case 'submitPart': {
      if (from !== 'routed' || m.mode === 'single') return wrongStep();
      const mine = activeAssignments(m, actor);
      if (!mine.length) return fail('forbidden', 'Сейчас очередь другого органа');
      const last = m.mode === 'sequential' && mine.some((a) => a.order === m.assignments.length - 1);
      if (last) return fail('invalid', 'Последний исполнитель готовит общий ответ: отправьте его как проект ответа');
      for (const a of mine) Object.assign(a, { state: 'submitted', submittedAt: now, part: cmd.text });
      data.bodies = mine.map((a) => a.body);
      if (m.mode === 'sequential') {
        const next = m.assignments.filter((a) => a.state === 'waiting').sort((x, y) => x.order - y.order)[0];
        if (next) Object.assign(next, { state: 'active', routedAt: now });
      } else if (m.assignments.every((a) => a.state === 'submitted')) {
        to = 'summary'; // Khabarovsk п. 13: the curator writes the summary answer
      }
      break;
    }
    case 'submitDraft': {
      if (from !== 'routed' && from !== 'rework' && from !== 'interim') return wrongStep();
      const mine = activeAssignments(m, actor).concat(from !== 'routed' ? m.assignments.filter((a) => a.state === 'submitted' && actor.bodies.includes(a.body)) : []);
      if (!mine.length) return fail('forbidden', 'Проект готовит исполнитель органа, которому направлено сообщение');
      if (m.mode === 'parallel') return fail('invalid', 'Параллельные ответы органов отправляются частями; сводный ответ готовит куратор');
      if (m.mode === 'sequential' && from === 'routed' && m.assignments.some((a) => a.state === 'waiting' || (a.state === 'active' && !mine.includes(a))))
        return fail('invalid', 'Общий ответ готовит последний исполнитель');
      if (from === 'interim' && cmd.kind === 'interim') return fail('invalid', 'Промежуточный ответ уже дан: нужен окончательный');
      if (cmd.kind === 'clarification' && from === 'interim') return fail('invalid', 'После промежуточного ответа нужен окончательный ответ');
      // Receipt stays unknown when the executor never opened it: timers then count from routing.
      for (const a of mine) if (a.state === 'active' && m.mode === 'sequential') Object.assign(a, { state: 'submitted', submittedAt: now });
      m.draft = { kind: cmd.kind, text: cmd.text, by: actor.id, at: now };
      m.draftSubmittedAt = now;
      m.firstDraftSubmittedAt ??= now;
      to = 'review';
      data.kind = cmd.kind;
      break;
    }
    case 'approve': {
      if (!isCurator(actor)) return curatorOnly();
      if (from !== 'review') return wrongStep();
      m.approvedAt = now;
      to = 'approved';
      break;
    }
    case 'requestRework': {
      if (!isCurator(actor)) return curatorOnly();
      if (from !== 'review') return wrongStep();
      m.reworkRequestedAt = now;
      m.remarks = [...m.remarks, { at: now, by: actor.id, text: cmd.remarks }];
      to = 'rework';
      data.remarks = cmd.remarks;
      break;
    }
    case 'publish': {
      const direct = from === 'rework' && profile.timers.rework.publishesDirectly; // Khabarovsk п. 12
      if (from !== 'approved' && from !== 'summary' && !direct) return wrongStep();
      if (from === 'summary' && !isCurator(actor)) return curatorOnly();
      const executorHere = m.assignments.some((a) => actor.bodies.includes(a.body) || a.executor === actor.id);
      if (!isCurator(actor) && !executorHere) return fail('forbidden', 'Публикует исполнитель этого органа или куратор');
      const kind = from === 'summary' ? 'answer' : (m.draft?.kind ?? 'answer');
      const textOut = cmd.text ?? m.draft?.text ?? '';
      if (!textOut.trim()) return fail('invalid', 'Нет текста ответа');
      m.publications = [...m.publications, { kind, at: now, text: textOut, by: actor.id, ...(cmd.url ? { url: cmd.url } : {}) }];
      data.kind = kind;
      if (cmd.url) data.url = cmd.url;
      if (kind === 'interim') {
        m.interimPublishedAt = now;
        to = 'interim';
      } else if (kind === 'clarification') {
        // The question went to the author: the (last) executor carries on.
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
      if (!isCurator(actor)) return curatorOnly();
      m.notProcessable = { category: cmd.category, by: actor.id, at: now };
      m.status = 'closed';
      to = 'not_processable';
      data.category = cmd.category;
      break;
    }
    case 'linkRepeat': {
      if (!isCurator(actor)) return curatorOnly();
      if (cmd.of === m.id) return fail('invalid', 'Сообщение не может повторять само себя');
      m.repeatOf = cmd.of;
      data.of = cmd.of;
      break;
    }
    case 'joinIncident': {
      if (!isCurator(actor)) return curatorOnly();
      m.incidentId = cmd.incidentId;
      data.incidentId = cmd.incidentId;
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
  base: Omit<Message, 'status' | 'step' | 'mode' | 'assignments' | 'remarks' | 'publications' | 'breaches' | 'openFor' | 'bodies' | 'pageChanges' | 'createdAt' | 'updatedAt'>,
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
export function replay(
  initial: Message,
  events: WorkflowEvent[],
  actors: (id: string) => Actor,
  profile: RegulationProfile,
  calendar: WorkCalendar,
): Message {
  let m = initial;
  for (const e of events) {
    if (!e.command) continue;
    const r = transition(m, e.command, actors(e.actor), e.at, profile, calendar);
    if (!r.ok) throw new Error(`replay failed at ${e.type} (${new Date(e.at).toISOString()}): ${r.error.message}`);
    m = r.message;
  }
  return m;
}
