/**
 * The deficiency report (Yakutia п. 20, Saratov п. 18, Ivanovo п. 20): every deadline of the act
 * missed in the period, by whom it fell to (a body or the curator) and clause, with the message,
 * the due time, how late in working time, and who did the step — only facts the data holds.
 *
 * What is listed: the message's recorded breaches (Message.breaches, written by the workflow
 * when a step was done late) whose due time falls in [from, to), the plan's late deadlines not
 * recorded (a message imported without them), and the obligations of the period still not done
 * at `now` (state 'overdue'). Each breach belongs to the period of its due time, so consecutive
 * reports list it once.
 */
import type { Deadline } from '../regulations';
import type { Message, WorkflowEvent } from '../model/workflow';
import { workingMinutesBetween, type WorkCalendar } from '../worktime';
import type { RegulationProfile } from '../regulations';
import { checkPeriod, type Period } from './period';
import {
  deadlineId,
  deadlineOwner,
  indexEvents,
  bodiesOf,
  isObligation,
  listOf,
  passes,
  planOf,
  readable,
  reachThreshold,
  type Owner,
  type ReportCache,
  type ReportFilters,
} from './figures';

export interface DeficiencyEntry {
  messageId: string;
  url: string;
  site: Message['site'];
  topic: string;
  location: string;
  detectedAt: number;
  /** The deadline's kind (lib/regulations deadlineKinds), clause and due time. */
  kind: string;
  clause: string;
  dueAt: number;
  /** late: done after the due time; overdue: not done at `now`, past due. */
  state: 'late' | 'overdue';
  /** When the step was done (late); absent while not done, or when the data does not say. */
  doneAt?: number;
  /** Working minutes from the due time to doneAt (or to `now` while not done); null when doneAt is not known. */
  lateMinutes: number | null;
  /** Whom the deadline fell to (figures.ts deadlineOwner). */
  owner: Owner;
  /** Who did the late step: the event log's actor, else the message's own record (publication, remark, draft); absent when neither says. */
  actor?: string;
  /** The executor named on the owner body's assignment (who was to do it), where one is named. */
  assignee?: string;
  /** Stored among the message's breaches by the workflow (false: derived now from the message's facts). */
  recorded: boolean;
}

export interface DeficiencyGroup {
  /** 'body:<id>', 'curator' or 'unknown'. */
  ownerKey: string;
  owner: Owner;
  clauses: Array<{ clause: string; entries: DeficiencyEntry[] }>;
}

export interface DeficiencyReport {
  period: Period;
  now: number;
  /** Every entry, by due time. */
  entries: DeficiencyEntry[];
  /** The same entries by owner (bodies by name order of their id, then the curator, then unknown) and clause. */
  groups: DeficiencyGroup[];
  skipped: string[];
}

export interface DeficiencyInput {
  messages: readonly Message[];
  /** The event log of those messages (optional): the actor of each step, and when a recorded breach's step was done. */
  events?: readonly WorkflowEvent[];
  profile: RegulationProfile;
  calendar: WorkCalendar;
  period: Period;
  now: number;
  filters?: ReportFilters;
  /** The same memo as the figures' (createReportCache()). */
  cache?: ReportCache;
}

/** The commands whose event closes a deadline of each kind (to find its actor at doneAt). */
const CLOSING: Record<string, readonly string[]> = {
  route: ['route'],
  draft: ['submitDraft'],
  approve: ['approve', 'requestRework', 'publish'],
  rework: ['submitDraft', 'submitPart', 'publish'],
  publish: ['publish'],
  answer: ['publish'],
  final: ['submitDraft', 'publish'],
  part: ['submitPart', 'submitDraft'],
  summary: ['publish'],
};

const ownerKey = (o: Owner) => (o.kind === 'body' ? `body:${o.body}` : o.kind);

export function deficiencyReport(input: DeficiencyInput): DeficiencyReport {
  const { profile, calendar, period, now, filters } = input;
  checkPeriod(period);
  checkPeriod({ from: now, to: now + 1 }, 'now');
  const { from, to } = period;
  const ev = indexEvents(input.events);
  const since = reachThreshold(profile, calendar, from);
  const entries: DeficiencyEntry[] = [];
  const skipped: string[] = [];

  for (const m of listOf(input.messages)) {
    if (!readable(m)) {
      skipped.push(typeof m?.id === 'string' ? m.id : '');
      continue;
    }
    if (m.detectedAt >= to) continue;
    if (!passes(m, filters, () => bodiesOf(m, ev))) continue;
    const recordedHere = m.breaches.some((b) => b.dueAt >= from && b.dueAt < to);
    if (!recordedHere && m.status !== 'open' && !(m.updatedAt >= since)) continue;
    try {
      const { deadlines: plan, curatorPublishes } = planOf(m, profile, calendar, input.cache);
      const events = ev?.byMessage.get(m.id) ?? [];
      const missedEvents = new Map<string, number>();
      for (const e of events)
        if (e.type === 'deadline-missed' && typeof e.data?.doneAt === 'number')
          missedEvents.set(deadlineId(e.data as { kind: string; dueAt: number; body?: string }), e.data.doneAt);
      const out: DeficiencyEntry[] = [];
      if (!recordedHere) {
        // The usual case: nothing recorded in the period; only the plan can add entries.
        let any = false;
        for (const d of plan) if (d.dueAt >= from && d.dueAt < to && d.met !== true && isObligation(d)) any = true;
        if (!any) continue;
      }
      const seen = new Set<string>();
      const add = (d: Pick<Deadline, 'kind' | 'dueAt' | 'clause' | 'body'>, doneAt: number | undefined, state: DeficiencyEntry['state'], recorded: boolean) => {
        const owner = deadlineOwner(m, d, curatorPublishes);
        const end = state === 'overdue' ? now : doneAt;
        const entry: DeficiencyEntry = {
          messageId: m.id,
          url: m.url,
          site: m.site,
          topic: m.topic,
          location: m.location,
          detectedAt: m.detectedAt,
          kind: d.kind,
          clause: d.clause,
          dueAt: d.dueAt,
          state,
          lateMinutes: end !== undefined ? workingMinutesBetween(calendar, d.dueAt, end) : null,
          owner,
          recorded,
        };
        if (doneAt !== undefined) {
          entry.doneAt = doneAt;
          const actor = actorAt(m, events, d.kind, doneAt);
          if (actor) entry.actor = actor;
        }
        if (owner.kind === 'body') {
          const a = m.assignments.find((x) => x.body === owner.body && x.executor);
          if (a?.executor) entry.assignee = a.executor;
        }
        out.push(entry);
      };
      for (const b of m.breaches) {
        if (b.dueAt < from || b.dueAt >= to) continue;
        const id = deadlineId(b);
        if (seen.has(id)) continue;
        seen.add(id);
        const p =
          plan.find((d) => d.kind === b.kind && d.dueAt === b.dueAt && d.body === b.body) ??
          plan.find((d) => d.kind === b.kind && d.body === b.body && d.met === false);
        add(b as Pick<Deadline, 'kind' | 'dueAt' | 'clause' | 'body'>, missedEvents.get(id) ?? p?.doneAt, 'late', true);
      }
      for (const d of plan) {
        if (!isObligation(d) || d.dueAt < from || d.dueAt >= to || seen.has(deadlineId(d))) continue;
        if (d.met === false) add(d, d.doneAt, 'late', false);
        else if (d.met === undefined && now > d.dueAt && m.status === 'open') add(d, undefined, 'overdue', false);
      }
      entries.push(...out);
    } catch (error) {
      if (error instanceof RangeError) {
        skipped.push(m.id);
        continue;
      }
      throw error;
    }
  }

  entries.sort((a, b) => a.dueAt - b.dueAt || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0) || (a.kind < b.kind ? -1 : 1));
  const byOwner = new Map<string, DeficiencyGroup>();
  for (const e of entries) {
    const key = ownerKey(e.owner);
    let g = byOwner.get(key);
    if (!g) byOwner.set(key, (g = { ownerKey: key, owner: e.owner, clauses: [] }));
    let c = g.clauses.find((x) => x.clause === e.clause);
    if (!c) g.clauses.push((c = { clause: e.clause, entries: [] }));
    c.entries.push(e);
  }
  const rank = (g: DeficiencyGroup) => (g.owner.kind === 'body' ? 0 : g.owner.kind === 'curator' ? 1 : 2);
  const groups = [...byOwner.values()].sort((a, b) => rank(a) - rank(b) || (a.ownerKey < b.ownerKey ? -1 : a.ownerKey > b.ownerKey ? 1 : 0));
  for (const g of groups) g.clauses.sort((a, b) => a.clause.localeCompare(b.clause, 'ru', { numeric: true }));
  return { period: { from, to }, now, entries, groups, skipped };
}

/** Who did the step that closed a deadline of `kind` at `at`: the event log, else the message's record. */
function actorAt(m: Message, events: readonly WorkflowEvent[], kind: string, at: number): string | undefined {
  const types = CLOSING[kind] ?? [];
  const e = events.find((x) => x.at === at && types.includes(x.type));
  if (e) return e.actor;
  if (types.includes('publish')) {
    const p = m.publications.find((x) => x.at === at);
    if (p) return p.by;
  }
  if (types.includes('requestRework')) {
    const r = m.remarks.find((x) => x.at === at);
    if (r) return r.by;
  }
  if (m.draft && m.draft.at === at && (types.includes('submitDraft') || types.includes('submitPart'))) return m.draft.by;
  return undefined;
}
