/**
 * planDeadlines: from the facts of a message known so far, every deadline that applies, whether
 * it was met, and which one is next. Pure; the calendar and the facts are passed in.
 * The choices behind each rule are in lib/regulations/decisions.md.
 */
import { reason, type Reason } from '../i18n';
import { addWorkingDays, addWorkingMinutes, subtractWorkingMinutes, type WorkCalendar } from '../worktime';
import type { DeadlineKind, RegulationProfile } from './profiles';

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
   * The first routing and the first draft of the current answer (routedAt and draftSubmittedAt
   * are the latest, after a return or a rework). Without them the earliest later step stands in
   * as an upper bound (decisions.md).
   */
  firstRoutedAt?: number;
  firstDraftSubmittedAt?: number;
  /** How the bodies answer: the message's own mode, never a profile default (decisions.md). */
  mode?: 'single' | 'sequential' | 'parallel';
  /** The interim answer's draft reached the curator (Khabarovsk п. 11 counts the final term from it). */
  interimSubmittedAt?: number;
  /** The first draft of the final answer after an interim one (Yakutia, Ivanovo п. 14 stop there). */
  finalDraftSubmittedAt?: number;
  /** A clarification request to the author was published (п. 10–11). */
  clarificationPublishedAt?: number;
  /** The author answered the clarification: a new answer term starts (decisions.md). */
  authorRepliedAt?: number;
  /** A shorter answer term the curator set on this message (Saratov п. 7, Ivanovo п. 7), in minutes. */
  answerMinutes?: number;
  /** Khabarovsk п. 13 абз. 2: the executor has no account in the network; the curator publishes. */
  curatorPublishes?: boolean;
  /** Every body the message is routed to, with its own clocks (one entry for a single body too). */
  parts?: PartFacts[];
}

export interface PartFacts {
  body: string;
  routedAt?: number;
  receivedAt?: number;
  /** Its part (or, for the last body in a sequence, the joint draft) first reached the curator. */
  submittedAt?: number;
  returnedAt?: number;
  /** Parallel answers (Khabarovsk п. 13 абз. 3): the curator approved this body's answer… */
  approvedAt?: number;
  /** …or sent it back with remarks… */
  reworkRequestedAt?: number;
  /** …and the body sent the reworked answer (final without a second approval, п. 12). */
  reworkedAt?: number;
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
  /** For 'part' (and a part's approval, rework and return): the body. */
  body?: string;
  /** The step is known to be done but not when (a first draft before a rework, without firstDraftSubmittedAt). */
  doneUnknown?: boolean;
  /** A window rather than an obligation (returning as not competent): never "next", never a breach. */
  optional?: boolean;
  /** The workspace's own target, not the act's: shown, never "next", never a breach. */
  own?: boolean;
  /** What the UI adds after the clause, as a message key with params (t(note.reason, note.params)). */
  note?: Reason;
}

export interface DeadlinePlan {
  deadlines: Deadline[];
  /** The earliest deadline still open (obligations only). */
  next?: Deadline;
}

function due(calendar: WorkCalendar, clock: 'working' | 'calendar', start: number, minutes: number): number {
  return clock === 'working' ? addWorkingMinutes(calendar, start, minutes) : start + minutes * 60_000;
}

/**
 * The first of the instants at or after `since` (the step that closes a timer). Fixed arity, no
 * rest array: the reports plan every message of a year.
 */
function firstAfter(since: number, a?: number, b?: number, c?: number, d?: number): number | undefined {
  let first: number | undefined;
  if (a !== undefined && a >= since) first = a;
  if (b !== undefined && b >= since && (first === undefined || b < first)) first = b;
  if (c !== undefined && c >= since && (first === undefined || c < first)) first = c;
  if (d !== undefined && d >= since && (first === undefined || d < first)) first = d;
  return first;
}

/** The first publication of any kind at or after `since`. */
const firstPublication = (facts: MessageFacts, since: number, also?: number) =>
  firstAfter(since, facts.publishedAt, facts.interimPublishedAt, facts.clarificationPublishedAt, also);

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

/** 80 → «1 ч 20 мин», 240 → «4 ч» (said by the UI). */
export function hoursAndMinutes(minutes: number): Reason {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  if (h && m) return reason('time.short.hoursMinutes', { h, m });
  return h ? reason('time.short.hours', { h }) : reason('time.short.minutes', { m });
}

/** The act's overall answer term, if it states one (a sum stored by an older release is not the act's). */
function answerTimer(profile: RegulationProfile) {
  const t = profile.timers.answer;
  return t && !t.derived ? t : undefined;
}

/**
 * `obligationsOnly`: leave out the optional windows (a body's time to return a message), which
 * nothing owes: the reports, planning every message of a year, count obligations only.
 */
export function planDeadlines(profile: RegulationProfile, calendar: WorkCalendar, facts: MessageFacts, options?: { obligationsOnly?: boolean }): DeadlinePlan {
  const { timers } = profile;
  const deadlines: Deadline[] = [];
  const parts = facts.parts ?? [];
  const live = parts.filter((p) => p.returnedAt === undefined);
  const mode = facts.mode ?? (parts.length > 1 ? profile.severalBodies : 'single');
  const several = mode !== 'single';

  // Routing, from detection (п. 7 and equivalents); several bodies at once (Khabarovsk п. 7).
  const routeTimer = mode === 'parallel' && timers.routeSeveral ? timers.routeSeveral : timers.route;
  let routedFirst = facts.firstRoutedAt;
  if (routedFirst === undefined) {
    for (const p of parts) if (p.routedAt !== undefined && (routedFirst === undefined || p.routedAt < routedFirst)) routedFirst = p.routedAt;
  }
  if (routedFirst === undefined) routedFirst = facts.returnedAt !== undefined ? Math.min(facts.routedAt ?? Infinity, facts.returnedAt) : facts.routedAt;
  deadlines.push(
    deadline(
      'route',
      due(calendar, routeTimer.clock, facts.detectedAt, routeTimer.minutes),
      'detectedAt',
      routeTimer.minutes,
      routeTimer.clock,
      routeTimer.clause,
      routedFirst,
    ),
  );

  // Return as not competent: a window of each body, from its turn or (where the act says
  // «с момента получения», Khabarovsk п. 8) its receipt (п. 8).
  const rt = timers.return;
  const startOf = (p: PartFacts, from: 'routedAt' | 'receivedAt') => (from === 'receivedAt' ? (p.receivedAt ?? p.routedAt) : p.routedAt);
  if (options?.obligationsOnly) {
    // The return windows are optional: skipped.
  } else if (parts.length) {
    for (const p of parts) {
      const start = startOf(p, rt.from);
      if (start === undefined || (p.returnedAt !== undefined && p.returnedAt < start)) continue;
      const d = deadline(
        'return',
        due(calendar, rt.clock, start, rt.minutes),
        rt.from === 'receivedAt' && p.receivedAt !== undefined ? 'receivedAt' : 'routedAt',
        rt.minutes,
        rt.clock,
        rt.clause,
        p.returnedAt,
      );
      d.optional = true;
      if (several) d.body = p.body;
      deadlines.push(d);
    }
  } else {
    const receivedAt = facts.receivedAt ?? facts.routedAt;
    if (receivedAt !== undefined && (facts.returnedAt === undefined || facts.returnedAt >= receivedAt)) {
      const d = deadline(
        'return',
        due(calendar, rt.clock, receivedAt, rt.minutes),
        facts.receivedAt !== undefined ? 'receivedAt' : 'routedAt',
        rt.minutes,
        rt.clock,
        rt.clause,
        facts.returnedAt,
      );
      d.optional = true;
      deadlines.push(d);
    }
  }

  // Re-routing after a return.
  if (facts.returnedAt !== undefined) {
    const t = timers.reroute;
    deadlines.push(
      deadline(
        'route',
        due(calendar, t.clock, facts.returnedAt, t.minutes),
        'returnedAt',
        t.minutes,
        t.clock,
        t.clause,
        firstAfter(facts.returnedAt, facts.routedAt),
      ),
    );
  }

  // The answer, from detection (п. 9), or from the author's reply to a clarification
  // (decisions.md); a shorter term where the curator set one (Saratov п. 7, Ivanovo п. 7).
  // An interim answer or a clarification published in time meets it (п. 10).
  const at = answerTimer(profile);
  const answerFrom = facts.authorRepliedAt ?? facts.detectedAt;
  const answerOrigin: keyof MessageFacts = facts.authorRepliedAt !== undefined ? 'authorRepliedAt' : 'detectedAt';
  let answerDue: number | undefined;
  let answerMinutes = 0;
  if (at) {
    const shortened = facts.answerMinutes !== undefined && facts.answerMinutes < at.minutes;
    answerMinutes = shortened ? facts.answerMinutes! : at.minutes;
    answerDue = due(calendar, at.clock, answerFrom, answerMinutes);
    const answer = deadline(
      'answer',
      answerDue,
      answerOrigin,
      answerMinutes,
      at.clock,
      shortened ? (profile.shortTermClause ?? at.clause) : at.clause,
      firstPublication(facts, answerFrom),
    );
    const notes: Reason[] = [];
    if (shortened) notes.push(reason('deadline.note.shortTerm'));
    // A workspace's own note on the timer is its text (data), shown as written.
    if (at.note) notes.push(reason('deadline.note.profile', { text: at.note }));
    if (notes.length) answer.note = notes.length === 1 ? notes[0] : reason('deadline.note.several', { notes });
    deadlines.push(answer);
  }
  if (timers.target) {
    const t = timers.target;
    const d = deadline(
      'target',
      due(calendar, t.clock, facts.detectedAt, t.minutes),
      'detectedAt',
      t.minutes,
      t.clock,
      t.clause,
      firstPublication(facts, facts.detectedAt),
    );
    d.own = true;
    deadlines.push(d);
  }

  // The draft to the curator (one body; several bodies have their parts instead, п. 15). After
  // a rework, draftSubmittedAt is the resubmission: the first draft's time is unknown unless the
  // workflow passes firstDraftSubmittedAt.
  // (After a clarification, only drafts since the author's reply count.)
  const reworkedInCycle = facts.reworkRequestedAt !== undefined && facts.reworkRequestedAt >= answerFrom;
  const draftDone = facts.firstDraftSubmittedAt ?? (reworkedInCycle ? undefined : firstAfter(answerFrom, facts.draftSubmittedAt));
  const draftUnknown = draftDone === undefined && reworkedInCycle;
  let draft: Deadline | undefined;
  if (!several) {
    if ('beforeAnswer' in timers.draft) {
      if (at && answerDue !== undefined) {
        // A shortened term keeps the act's proportion of drafting to the whole term.
        const lead = answerMinutes < at.minutes ? Math.round((timers.draft.beforeAnswer * answerMinutes) / at.minutes) : timers.draft.beforeAnswer;
        const dueAt = timers.draft.clock === 'working' ? subtractWorkingMinutes(calendar, answerDue, lead) : answerDue - lead * 60_000;
        draft = deadline(
          'draft',
          Math.max(dueAt, answerFrom),
          answerOrigin,
          Math.max(0, answerMinutes - lead),
          timers.draft.clock,
          timers.draft.clause,
          draftDone,
        );
        draft.note = reason('deadline.note.draftLead', { lead: hoursAndMinutes(lead) });
      }
    } else {
      // From the current body's receipt (a re-routed message counts from the new body's).
      const current = live.at(-1);
      // Returned and not yet re-routed: no body has it, so no draft term runs.
      const start = current ? startOf(current, 'receivedAt') : parts.length ? undefined : (facts.receivedAt ?? facts.routedAt);
      if (start !== undefined) {
        const t = timers.draft;
        draft = deadline(
          'draft',
          due(calendar, t.clock, start, t.minutes),
          current ? (current.receivedAt !== undefined ? 'receivedAt' : 'routedAt') : facts.receivedAt !== undefined ? 'receivedAt' : 'routedAt',
          t.minutes,
          t.clock,
          t.clause,
          draftDone !== undefined && draftDone >= start ? draftDone : firstAfter(start, facts.draftSubmittedAt),
        );
      }
    }
  }
  if (draft) {
    if (draftUnknown && draft.met === undefined) draft.doneUnknown = true;
    deadlines.push(draft);
  }

  // Khabarovsk п. 13 абз. 2: no account in the network: the curator publishes within 1 wh of
  // receiving the draft, approval included.
  const curatorPublish = facts.curatorPublishes && !several ? timers.curatorPublish : undefined;

  // The curator approves or sends back, from the latest submission (п. 11).
  if (facts.draftSubmittedAt !== undefined && !curatorPublish) {
    const t = timers.approve;
    deadlines.push(
      deadline(
        'approve',
        due(calendar, t.clock, facts.draftSubmittedAt, t.minutes),
        'draftSubmittedAt',
        t.minutes,
        t.clock,
        t.clause,
        firstAfter(facts.draftSubmittedAt, facts.approvedAt, facts.reworkRequestedAt),
      ),
    );
  }

  // Rework, from the curator's remarks (п. 12); Khabarovsk publishes the reworked answer directly.
  if (facts.reworkRequestedAt !== undefined) {
    const { rework } = timers;
    const direct = rework.publishesDirectly && !curatorPublish;
    // Where the reworked answer may be published directly (Khabarovsk п. 12), sending it back for
    // approval instead also does the rework in time.
    const resubmitted = firstAfter(facts.reworkRequestedAt + 1, facts.draftSubmittedAt);
    const done = direct ? firstPublication(facts, facts.reworkRequestedAt, resubmitted) : resubmitted;
    const d = deadline(
      'rework',
      due(calendar, rework.clock, facts.reworkRequestedAt, rework.minutes),
      'reworkRequestedAt',
      rework.minutes,
      rework.clock,
      rework.clause,
      done,
    );
    if (direct) d.note = reason('deadline.note.reworkDirect');
    deadlines.push(d);
  }

  // Publication after approval (п. 13), or by the curator from the draft (п. 13 абз. 2).
  if (curatorPublish && facts.draftSubmittedAt !== undefined) {
    const t = curatorPublish;
    const d = deadline(
      'publish',
      due(calendar, t.clock, facts.draftSubmittedAt, t.minutes),
      'draftSubmittedAt',
      t.minutes,
      t.clock,
      t.clause,
      firstPublication(facts, facts.draftSubmittedAt),
    );
    d.note = reason('deadline.note.curatorPublishes');
    deadlines.push(d);
  } else if (facts.approvedAt !== undefined) {
    const t = timers.publish;
    deadlines.push(
      deadline(
        'publish',
        due(calendar, t.clock, facts.approvedAt, t.minutes),
        'approvedAt',
        t.minutes,
        t.clock,
        t.clause,
        firstPublication(facts, facts.approvedAt),
      ),
    );
  }

  // The final answer after an interim one: N working days (п. 14; see addWorkingDays), from
  // the interim's publication or its draft reaching the curator (Khabarovsk п. 11), until the
  // final draft reaches the curator (Yakutia, Ivanovo п. 14) or the answer is published.
  if (facts.interimPublishedAt !== undefined) {
    const f = timers.final;
    const fromSubmission = f.from === 'interimSubmittedAt' && facts.interimSubmittedAt !== undefined;
    const start = fromSubmission ? facts.interimSubmittedAt! : facts.interimPublishedAt;
    const done =
      f.stops === 'draft'
        ? (facts.finalDraftSubmittedAt ?? firstAfter(facts.interimPublishedAt + 1, facts.draftSubmittedAt, facts.publishedAt))
        : firstAfter(facts.interimPublishedAt + 1, facts.publishedAt);
    const d = deadline(
      'final',
      addWorkingDays(calendar, start, f.workingDays),
      fromSubmission ? 'interimSubmittedAt' : 'interimPublishedAt',
      0,
      'working',
      f.clause,
      done,
    );
    d.workingDays = f.workingDays;
    d.note = reason(f.stops === 'draft' ? 'deadline.note.finalDraft' : 'deadline.note.finalAnswer');
    deadlines.push(d);
  }

  // Several bodies: each body's part from its turn or receipt; in parallel, each body's answer
  // is approved or reworked (Khabarovsk п. 9–12) and the curator's summary is due after the last.
  if (several) {
    const t = timers.part;
    let lastAccepted: number | undefined = live.length ? -Infinity : undefined;
    for (const part of live) {
      const start = startOf(part, t.from);
      if (start !== undefined) {
        const d = deadline('part', due(calendar, t.clock, start, t.minutes), 'part', t.minutes, t.clock, t.clause, part.submittedAt);
        d.body = part.body;
        deadlines.push(d);
      }
      if (mode !== 'parallel') continue;
      if (part.submittedAt !== undefined) {
        const a = timers.approve;
        const d = deadline(
          'approve',
          due(calendar, a.clock, part.submittedAt, a.minutes),
          'part',
          a.minutes,
          a.clock,
          a.clause,
          firstAfter(part.submittedAt, part.approvedAt, part.reworkRequestedAt),
        );
        d.body = part.body;
        deadlines.push(d);
      }
      if (part.reworkRequestedAt !== undefined) {
        const r = timers.rework;
        const d = deadline(
          'rework',
          due(calendar, r.clock, part.reworkRequestedAt, r.minutes),
          'part',
          r.minutes,
          r.clock,
          r.clause,
          firstAfter(part.reworkRequestedAt, part.reworkedAt),
        );
        d.body = part.body;
        deadlines.push(d);
      }
      const accepted = firstAfter(-Infinity, part.approvedAt, part.reworkedAt);
      lastAccepted = accepted === undefined || lastAccepted === undefined ? undefined : Math.max(lastAccepted, accepted);
    }
    if (mode === 'parallel' && timers.summary && lastAccepted !== undefined) {
      const s = timers.summary;
      deadlines.push(
        deadline('summary', due(calendar, s.clock, lastAccepted, s.minutes), 'part', s.minutes, s.clock, s.clause, firstAfter(lastAccepted, facts.publishedAt)),
      );
    }
  }

  deadlines.sort((a, b) => a.dueAt - b.dueAt);
  let next: Deadline | undefined;
  for (const d of deadlines) if (d.met === undefined && !d.optional && !d.own && !d.doneUnknown && (!next || d.dueAt < next.dueAt)) next = d;
  return next ? { deadlines, next } : { deadlines };
}

/**
 * A deadline counts as breached at `now` when it was missed, or is still open past due.
 * Windows (optional) and the workspace's own targets are never breaches.
 */
export function isBreached(deadline: Deadline, now: number): boolean {
  if (deadline.optional || deadline.own || deadline.doneUnknown) return false;
  return deadline.met === false || (deadline.met === undefined && now > deadline.dueAt);
}
