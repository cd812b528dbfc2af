/**
 * planDeadlines: from the facts of a message known so far, every deadline that applies, whether
 * it was met, and which one is next. Pure; the calendar and the facts are passed in.
 * The choices behind each rule are in lib/regulations/decisions.md.
 */
import { addWorkingDays, addWorkingMinutes, subtractWorkingMinutes, type WorkCalendar } from '../worktime';
import type { DeadlineKind, ImportanceCategory, RegulationProfile } from './profiles';

/** Epoch ms; absent = has not happened yet. Timestamps are the latest occurrence of each step. */
export interface MessageFacts {
  detectedAt: number;
  routedAt?: number;
  receivedAt?: number;
  returnedAt?: number;
  draftSubmittedAt?: number;
  reworkRequestedAt?: number;
  approvedAt?: number;
  interimPublishedAt?: number;
  publishedAt?: number;
  importance?: string;
  /**
   * Added to the shape: the first routing and the first draft, when the workflow knows
   * them (routedAt and draftSubmittedAt are the latest, after a return or a rework). Without them
   * the earliest later step stands in as an upper bound (decisions.md).
   */
  firstRoutedAt?: number;
  firstDraftSubmittedAt?: number;
  parts?: Array<{ body: string; routedAt?: number; receivedAt?: number; submittedAt?: number }>;
}

export interface Deadline {
  kind: DeadlineKind;
  dueAt: number;
  from: keyof MessageFacts | 'part';
  /** The term in minutes (for 'final', the working days times a full day is not meaningful: see `workingDays`). */
  minutes: number;
  clock: 'working' | 'calendar';
  clause: string;
  /** true: done in time; false: done late or not done and past due (a breach); absent: still open or not applicable. */
  met?: boolean;
  /** When the step that stops this timer happened. */
  doneAt?: number;
  /** For 'final': the term in working days. */
  workingDays?: number;
  /** For 'part': the body. */
  body?: string;
  /** The step is known to be done but not when (a first draft before a rework, without firstDraftSubmittedAt). */
  doneUnknown?: boolean;
  /** A window rather than an obligation (returning as not competent): never "next", never a breach. */
  optional?: boolean;
  note?: string;
}

export interface DeadlinePlan {
  deadlines: Deadline[];
  /** The earliest deadline still open (obligations only). */
  next?: Deadline;
}

function importanceOf(profile: RegulationProfile, id?: string): ImportanceCategory | undefined {
  return id ? profile.importance.find((c) => c.id === id) : undefined;
}

function scaled(minutes: number, kind: DeadlineKind, category?: ImportanceCategory): number {
  if (!category || category.factor === 1 || !category.kinds.includes(kind)) return minutes;
  return Math.max(1, Math.round(minutes * category.factor));
}

function due(calendar: WorkCalendar, clock: 'working' | 'calendar', start: number, minutes: number): number {
  return clock === 'working' ? addWorkingMinutes(calendar, start, minutes) : start + minutes * 60_000;
}

/** The first of two instants at or after `since` (the step that closes a timer). */
function firstAfter(since: number, a: number | undefined, b?: number): number | undefined {
  const okA = a !== undefined && a >= since;
  const okB = b !== undefined && b >= since;
  if (okA && okB) return Math.min(a, b);
  return okA ? a : okB ? b : undefined;
}

/** A deadline record; `met` is set when the closing step's time is known. Hot path: no spreads. */
function deadline(
  kind: DeadlineKind,
  dueAt: number,
  from: Deadline['from'],
  minutes: number,
  clock: 'working' | 'calendar',
  clause: string,
  doneAt: number | undefined,
): Deadline {
  const d: Deadline = { kind, dueAt, from, minutes, clock, clause };
  if (doneAt !== undefined) {
    d.doneAt = doneAt;
    d.met = doneAt <= dueAt;
  }
  return d;
}

export function planDeadlines(profile: RegulationProfile, calendar: WorkCalendar, facts: MessageFacts): DeadlinePlan {
  const { timers } = profile;
  const category = importanceOf(profile, facts.importance);
  const deadlines: Deadline[] = [];
  const parts = facts.parts ?? [];
  const several = parts.length > 1;

  // Routing, from detection (п. 7 and equivalents); several bodies at once (Khabarovsk п. 7).
  const routeTimer = several && timers.routeSeveral ? timers.routeSeveral : timers.route;
  const routeMinutes = scaled(routeTimer.minutes, 'route', category);
  let routedFirst = facts.firstRoutedAt;
  if (routedFirst === undefined) {
    for (const p of parts) if (p.routedAt !== undefined && (routedFirst === undefined || p.routedAt < routedFirst)) routedFirst = p.routedAt;
  }
  if (routedFirst === undefined)
    routedFirst = facts.returnedAt !== undefined ? Math.min(facts.routedAt ?? Infinity, facts.returnedAt) : facts.routedAt;
  deadlines.push(
    deadline('route', due(calendar, routeTimer.clock, facts.detectedAt, routeMinutes), 'detectedAt', routeMinutes, routeTimer.clock, routeTimer.clause, routedFirst),
  );

  // Return as not competent: a window from receipt (п. 8).
  const receivedAt = facts.receivedAt ?? facts.routedAt;
  if (receivedAt !== undefined && (facts.returnedAt === undefined || facts.returnedAt >= receivedAt)) {
    const t = timers.return;
    const d = deadline('return', due(calendar, t.clock, receivedAt, t.minutes), facts.receivedAt !== undefined ? 'receivedAt' : 'routedAt', t.minutes, t.clock, t.clause, facts.returnedAt);
    d.optional = true;
    deadlines.push(d);
  }

  // Re-routing after a return.
  if (facts.returnedAt !== undefined) {
    const t = timers.reroute;
    deadlines.push(
      deadline('route', due(calendar, t.clock, facts.returnedAt, t.minutes), 'returnedAt', t.minutes, t.clock, t.clause, firstAfter(facts.returnedAt, facts.routedAt)),
    );
  }

  // The answer, from detection (п. 9); an interim answer in time meets it (п. 10, 14).
  const answerMinutes = scaled(timers.answer.minutes, 'answer', category);
  const answerDue = due(calendar, timers.answer.clock, facts.detectedAt, answerMinutes);
  const answer = deadline(
    'answer', answerDue, 'detectedAt', answerMinutes, timers.answer.clock, timers.answer.clause,
    firstAfter(facts.detectedAt, facts.interimPublishedAt, facts.publishedAt),
  );
  if (timers.answer.note) answer.note = timers.answer.note;
  deadlines.push(answer);

  // The draft to the curator. After a rework, draftSubmittedAt is the resubmission: the first
  // draft's time is unknown unless the workflow passes firstDraftSubmittedAt.
  const draftDone = facts.firstDraftSubmittedAt ?? (facts.reworkRequestedAt !== undefined ? undefined : facts.draftSubmittedAt);
  const draftUnknown = draftDone === undefined && facts.reworkRequestedAt !== undefined;
  let draft: Deadline | undefined;
  if ('beforeAnswer' in timers.draft) {
    const lead = scaled(timers.draft.beforeAnswer, 'draft', category);
    const dueAt = timers.draft.clock === 'working' ? subtractWorkingMinutes(calendar, answerDue, lead) : answerDue - lead * 60_000;
    draft = deadline('draft', Math.max(dueAt, facts.detectedAt), 'detectedAt', Math.max(0, answerMinutes - lead), timers.draft.clock, timers.draft.clause, draftDone);
    draft.note = `не позднее чем за ${lead / 60} ч до срока ответа`;
  } else if (receivedAt !== undefined && !several) {
    const minutes = scaled(timers.draft.minutes, 'draft', category);
    draft = deadline('draft', due(calendar, timers.draft.clock, receivedAt, minutes), facts.receivedAt !== undefined ? 'receivedAt' : 'routedAt', minutes, timers.draft.clock, timers.draft.clause, draftDone);
  }
  if (draft) {
    if (draftUnknown) draft.doneUnknown = true;
    deadlines.push(draft);
  }

  // The curator approves or sends back, from the latest submission (п. 11).
  if (facts.draftSubmittedAt !== undefined) {
    const minutes = scaled(timers.approve.minutes, 'approve', category);
    deadlines.push(
      deadline('approve', due(calendar, timers.approve.clock, facts.draftSubmittedAt, minutes), 'draftSubmittedAt', minutes, timers.approve.clock, timers.approve.clause,
        firstAfter(facts.draftSubmittedAt, facts.approvedAt, facts.reworkRequestedAt)),
    );
  }

  // Rework, from the curator's remarks (п. 12); Khabarovsk publishes the reworked answer directly.
  if (facts.reworkRequestedAt !== undefined) {
    const { rework } = timers;
    const minutes = scaled(rework.minutes, 'rework', category);
    const done = rework.publishesDirectly
      ? firstAfter(facts.reworkRequestedAt, facts.publishedAt, facts.interimPublishedAt)
      : firstAfter(facts.reworkRequestedAt + 1, facts.draftSubmittedAt);
    const d = deadline('rework', due(calendar, rework.clock, facts.reworkRequestedAt, minutes), 'reworkRequestedAt', minutes, rework.clock, rework.clause, done);
    if (rework.publishesDirectly) d.note = 'доработанный ответ публикуется без повторного согласования';
    deadlines.push(d);
  }

  // Publication after approval (п. 13).
  if (facts.approvedAt !== undefined) {
    const minutes = scaled(timers.publish.minutes, 'publish', category);
    deadlines.push(
      deadline('publish', due(calendar, timers.publish.clock, facts.approvedAt, minutes), 'approvedAt', minutes, timers.publish.clock, timers.publish.clause,
        firstAfter(facts.approvedAt, facts.publishedAt, facts.interimPublishedAt)),
    );
  }

  // The final answer after an interim one: N working days (п. 14; see addWorkingDays).
  if (facts.interimPublishedAt !== undefined) {
    const d = deadline('final', addWorkingDays(calendar, facts.interimPublishedAt, timers.final.workingDays), 'interimPublishedAt', 0, 'working', timers.final.clause,
      firstAfter(facts.interimPublishedAt + 1, facts.publishedAt));
    d.workingDays = timers.final.workingDays;
    deadlines.push(d);
  }

  // Several bodies: each part; in parallel profiles the curator's summary after the last part.
  if (several) {
    const minutes = scaled(timers.part.minutes, 'part', category);
    let last: number | undefined = -Infinity;
    for (const part of parts) {
      last = part.submittedAt === undefined || last === undefined ? undefined : Math.max(last, part.submittedAt);
      const start = part.receivedAt ?? part.routedAt;
      if (start === undefined) continue;
      const d = deadline('part', due(calendar, timers.part.clock, start, minutes), 'part', minutes, timers.part.clock, timers.part.clause, part.submittedAt);
      d.body = part.body;
      deadlines.push(d);
    }
    if (profile.severalBodies === 'parallel' && timers.summary && last !== undefined) {
      const t = timers.summary;
      deadlines.push(deadline('summary', due(calendar, t.clock, last, t.minutes), 'part', t.minutes, t.clock, t.clause, firstAfter(last, facts.publishedAt)));
    }
  }

  deadlines.sort((a, b) => a.dueAt - b.dueAt);
  let next: Deadline | undefined;
  for (const d of deadlines) if (d.met === undefined && !d.optional && !d.doneUnknown && (!next || d.dueAt < next.dueAt)) next = d;
  return next ? { deadlines, next } : { deadlines };
}

/**
 * A deadline counts as breached at `now` when it was missed, or is still open past due.
 * Windows (optional) are never breaches.
 */
export function isBreached(deadline: Deadline, now: number): boolean {
  if (deadline.optional || deadline.doneUnknown) return false;
  return deadline.met === false || (deadline.met === undefined && now > deadline.dueAt);
}
