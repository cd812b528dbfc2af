/**
 * Weekly content plans (Khabarovsk, the first Положение: п. 2.2, 2.6, 3.5; п. 5 абз. 4; п. 6–7).
 * A body sends the plan for the coming week «в предпоследний рабочий день недели до 17.00 часов»
 * (п. 6); the Committee approves it or sends recommendations «в течение одного рабочего дня со дня
 * поступления» (п. 7 абз. 1); the body corrects and resends it within one working day of the
 * recommendations (п. 7 абз. 2). With no newsworthy events at all no plan is sent, and the body
 * says so by the same term (п. 5 абз. 4). Counted on the region's working calendar: holidays move
 * the penultimate working day, and working days are those of lib/worktime (addWorkingDays).
 */
import { z } from 'zod';
import { instantSchema, itemKeySchema } from '../model/message';
import { addWorkingDays, localDateOf, WorkTimeRangeError, type WorkCalendar } from '../worktime';
import { dayKey, dayNumberOf, wallToEpochIn } from './local';
import { ACTS, clauseOf, type ActId, type BodyKind, type Clause } from './acts';
import { fail, issuesParam, ok, type Result } from './reasons';
import { datesOf, isMonday, type Publication } from './week';

export const PLAN_FORMATS = ['text', 'photo', 'video', 'repost'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.date');

export const planItemSchema = z
  .object({
    id: z.string().min(1).max(100),
    date: isoDate,
    topic: z.string().trim().min(1).max(500),
    /** A text, a photo, a video, or a repost of the official site's news. */
    format: z.enum(PLAN_FORMATS),
    status: z.enum(['planned', 'published', 'dropped']),
    /** The post it became (published only). */
    postKey: z.optional(itemKeySchema),
  })
  .superRefine((item, ctx) => {
    if ((item.status === 'published') !== (item.postKey !== undefined))
      ctx.addIssue({ code: 'custom', path: ['postKey'], message: 'accounts.plan.publishedNeedsPost' });
  });
export type PlanItem = z.infer<typeof planItemSchema>;

export const PLAN_STATES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const contentPlanSchema = z
  .object({
    body: z.string().min(1).max(100),
    /** The Monday of the week planned ('yyyy-MM-dd', local). */
    week: z.string().refine(isMonday, 'accounts.plan.notMonday'),
    state: z.enum(PLAN_STATES),
    items: z.array(planItemSchema).max(200),
    /** First sent (п. 6 is met or missed by this one). */
    firstSubmittedAt: z.optional(instantSchema),
    /** Last sent (the first time, or after corrections). */
    submittedAt: z.optional(instantSchema),
    /** Last returned with recommendations (п. 7 абз. 1). */
    returnedAt: z.optional(instantSchema),
    recommendations: z.string().max(5000).optional(),
    approvedAt: z.optional(instantSchema),
  })
  .superRefine((plan, ctx) => {
    const dates = isMonday(plan.week) ? new Set(datesOf({ monday: plan.week })) : null;
    const ids = new Set<string>();
    plan.items.forEach((item, i) => {
      if (dates && !dates.has(item.date)) ctx.addIssue({ code: 'custom', path: ['items', i, 'date'], message: 'accounts.plan.dateOutsideWeek' });
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: 'accounts.plan.duplicateItem' });
      ids.add(item.id);
    });
  });
export type ContentPlan = z.infer<typeof contentPlanSchema>;

/** A plan read at a boundary (storage, the channel, an import): the plan, or why not. */
export function parsePlan(raw: unknown): Result<ContentPlan> {
  const parsed = contentPlanSchema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : fail('accounts.plan.invalid', { issues: issuesParam(parsed.error.issues) });
}

// ---------------------------------------------------------------------------------------------
// Whose plan

/** Whose plan it is: under which act, and whether it is a body's or the Government's. */
export interface PlanOwner {
  act: ActId;
  kind: BodyKind;
}

/**
 * Whose plan a body keeps, from its registered accounts: the Government's when every active
 * account of the body is the Government's (the Committee, п. 2.1–2.2), else the body's own — a
 * body with an account of its own keeps its plan under п. 3.5, 6–7 (its deadlines never vanish
 * because one of its accounts is marked the Government's).
 */
export function planKind(accounts: ReadonlyArray<{ body: string; kind: BodyKind; removedAt?: number | undefined }>, body: string): BodyKind {
  const own = accounts.filter((a) => a.body === body && a.removedAt === undefined);
  return own.length > 0 && own.every((a) => a.kind === 'government') ? 'government' : 'body';
}

/**
 * The plan is sent to the Committee, reviewed and corrected, with the terms of п. 6–7 and the
 * notice of п. 5 абз. 4: a body's plan under an act with content plans. The Government's plan is
 * prepared by the Committee itself (Khabarovsk п. 2.2): nobody sends it, п. 6 and п. 7 address
 * the bodies only, so it has none of these.
 */
export function planIsSent(owner: PlanOwner): boolean {
  return ACTS[owner.act].plans !== undefined && !(owner.kind === 'government' && ACTS[owner.act].governmentAccounts);
}

/** The clause under which the Committee prepares the Government's plan (Khabarovsk п. 2.2), or null. */
export function governmentPlanClause(act: ActId): Clause | null {
  const g = ACTS[act].governmentAccounts;
  return g && ACTS[act].plans ? clauseOf(act, g.plan) : null;
}

// ---------------------------------------------------------------------------------------------
// Steps

type PlanAction = 'submit' | 'approve' | 'return';
const wrongState = (plan: ContentPlan, action: PlanAction): Result<ContentPlan> => fail('accounts.plan.wrongState', { state: plan.state, action });

/** The Government's plan is never sent, approved or returned: the Committee prepares it (п. 2.2). */
function notSent(owner: PlanOwner | undefined, action: PlanAction): Result<ContentPlan> | null {
  if (!owner || planIsSent(owner)) return null;
  const clause = governmentPlanClause(owner.act);
  return clause ? fail('accounts.plan.preparedByCommittee', { act: clause.act, clause: clause.clause, action }) : null;
}

/** The body sends the plan (a draft, or a returned plan after corrections). */
export function submitPlan(plan: ContentPlan, at: number, owner?: PlanOwner): Result<ContentPlan> {
  const refused = notSent(owner, 'submit');
  if (refused) return refused;
  if (plan.state !== 'draft' && plan.state !== 'returned') return wrongState(plan, 'submit');
  return parsePlan({ ...plan, state: 'submitted', submittedAt: at, firstSubmittedAt: plan.firstSubmittedAt ?? at });
}

/** The curator approves a sent plan. */
export function approvePlan(plan: ContentPlan, at: number, owner?: PlanOwner): Result<ContentPlan> {
  const refused = notSent(owner, 'approve');
  if (refused) return refused;
  if (plan.state !== 'submitted') return wrongState(plan, 'approve');
  return parsePlan({ ...plan, state: 'approved', approvedAt: at });
}

/** The curator returns a sent plan with recommendations. */
export function returnPlan(plan: ContentPlan, at: number, recommendations: string, owner?: PlanOwner): Result<ContentPlan> {
  const refused = notSent(owner, 'return');
  if (refused) return refused;
  if (plan.state !== 'submitted') return wrongState(plan, 'return');
  return parsePlan({ ...plan, state: 'returned', returnedAt: at, recommendations });
}

// ---------------------------------------------------------------------------------------------
// Deadlines

/** The most weeks looked back for a working day before a plan's week (a year of days off is no schedule). */
const MAX_WEEKS_BACK = 53;
const DUE_MINUTES = 17 * 60;

/**
 * When the plan for the week starting `monday` is due: 17:00 local on the penultimate working
 * day of the week before (п. 6), on the calendar's days, so a holiday moves it (the plan for
 * 4 May 2026 is due on Wednesday 29 April: 1 May is a holiday). A week with a single working
 * day: that day. A week without any (the New Year holidays): the same rule in the nearest
 * earlier week that has working days (see README.md).
 */
export function planDueAt(monday: string, calendar: WorkCalendar): number {
  if (!isMonday(monday)) throw new WorkTimeRangeError('date-out-of-range', { value: String(monday) }, 'not a Monday');
  const first = dayNumberOf(monday);
  for (let back = 1; back <= MAX_WEEKS_BACK; back++) {
    const days: number[] = [];
    for (let d = first - 7 * back; d < first - 7 * (back - 1); d++) if (calendar.intervalsOn(dayKey(d)).length > 0) days.push(d);
    const day = days.length >= 2 ? days[days.length - 2] : days[0];
    if (day !== undefined) return wallToEpochIn(calendar.spec.zone, day, DUE_MINUTES);
  }
  throw new WorkTimeRangeError('iteration-limit', { value: MAX_WEEKS_BACK }, `no working day in the ${MAX_WEEKS_BACK} weeks before ${monday}`);
}

export type PlanDeadlineKind = 'planDue' | 'planReview' | 'planCorrect';

export interface PlanDeadline {
  kind: PlanDeadlineKind;
  dueAt: number;
  clause: Clause;
  /** Who acts: the body sends and corrects, the curator reviews. */
  by: 'body' | 'curator';
  doneAt?: number;
  /** true: done in time; false: done late, or not done and past due; absent: open. */
  met?: boolean;
}

function withMet(d: Omit<PlanDeadline, 'met' | 'doneAt'>, doneAt: number | undefined, now: number): PlanDeadline {
  if (doneAt !== undefined) return { ...d, doneAt, met: doneAt <= d.dueAt };
  return now > d.dueAt ? { ...d, met: false } : d;
}

/**
 * The plan's deadlines under the act (none where the act has no content plans, and none for the
 * Government's plan, which the Committee prepares itself: planIsSent), each with its clause:
 * sending (п. 6), the curator's answer within 1 working day of the last sending (п. 7 абз. 1),
 * corrections within 1 working day of the last return (п. 7 абз. 2).
 */
export function contentPlanDeadlines(plan: ContentPlan, act: ActId, calendar: WorkCalendar, now: number, kind: BodyKind = 'body'): PlanDeadline[] {
  const rules = ACTS[act].plans;
  if (!rules || !planIsSent({ act, kind })) return [];
  const out = [withMet({ kind: 'planDue', by: 'body', dueAt: planDueAt(plan.week, calendar), clause: clauseOf(act, rules.due) }, plan.firstSubmittedAt, now)];
  if (plan.submittedAt !== undefined) {
    const sent = plan.submittedAt;
    const answered = [plan.approvedAt, plan.returnedAt].filter((t): t is number => t !== undefined && t >= sent);
    out.push(
      withMet(
        { kind: 'planReview', by: 'curator', dueAt: addWorkingDays(calendar, sent, 1), clause: clauseOf(act, rules.review) },
        answered.length ? Math.min(...answered) : undefined,
        now,
      ),
    );
  }
  if (plan.returnedAt !== undefined) {
    const returned = plan.returnedAt;
    const resent = plan.submittedAt !== undefined && plan.submittedAt > returned ? plan.submittedAt : undefined;
    out.push(withMet({ kind: 'planCorrect', by: 'body', dueAt: addWorkingDays(calendar, returned, 1), clause: clauseOf(act, rules.correct) }, resent, now));
  }
  return out;
}

export interface WeekWithoutPlan {
  /** The Monday of the week without a plan. */
  week: string;
  /** When the plan (or the notice that there are no events) was due. */
  dueAt: number;
  /** 'missing': neither a plan nor a notice; 'noEvents': the body said the week has no newsworthy events. */
  kind: 'missing' | 'noEvents';
  clause: Clause;
}

export interface WeeksWithoutPlanInput {
  act: ActId;
  body: string;
  /** Whose plan (a body's unless said): the Government's is never missing (planIsSent). */
  kind?: BodyKind;
  plans: readonly ContentPlan[];
  /** Mondays of the weeks the body declared without newsworthy events (п. 5 абз. 4). */
  noEventsWeeks?: readonly string[];
  /** The first and last Monday to look at (at most MAX_WEEKS_CHECKED weeks). */
  from: string;
  to: string;
  calendar: WorkCalendar;
  now: number;
}

export const MAX_WEEKS_CHECKED = 106;

/**
 * The weeks from `from` to `to` whose plan is due by `now` and was never sent (a draft is not
 * sent): a notice each (п. 5 абз. 4, п. 6). A week the body declared without events is listed as
 * such, not as missing. Empty for an act without content plans, and for the Government's plan
 * (п. 5 абз. 4 and п. 6 address the bodies).
 */
export function weeksWithoutPlan(input: WeeksWithoutPlanInput): WeekWithoutPlan[] {
  const rules = ACTS[input.act].plans;
  if (!rules || !planIsSent({ act: input.act, kind: input.kind ?? 'body' })) return [];
  for (const monday of [input.from, input.to])
    if (!isMonday(monday)) throw new WorkTimeRangeError('date-out-of-range', { value: String(monday) }, 'not a Monday');
  const first = dayNumberOf(input.from);
  const last = dayNumberOf(input.to);
  const weeks = Math.floor((last - first) / 7) + 1;
  if (weeks > MAX_WEEKS_CHECKED) throw new WorkTimeRangeError('count-out-of-range', { value: weeks, min: 0, max: MAX_WEEKS_CHECKED }, 'too many weeks');
  const sent = new Set(input.plans.filter((p) => p.body === input.body && p.firstSubmittedAt !== undefined).map((p) => p.week));
  const declared = new Set(input.noEventsWeeks ?? []);
  const out: WeekWithoutPlan[] = [];
  for (let d = first; d <= last; d += 7) {
    const week = dayKey(d);
    if (sent.has(week)) continue;
    const dueAt = planDueAt(week, input.calendar);
    if (input.now <= dueAt) continue;
    out.push(
      declared.has(week)
        ? { week, dueAt, kind: 'noEvents', clause: clauseOf(input.act, rules.noEvents) }
        : { week, dueAt, kind: 'missing', clause: clauseOf(input.act, rules.due) },
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Publications

export interface LinkResult {
  plan: ContentPlan;
  /** The item the post was linked to (or already was), or null when no planned item fits. */
  item: string | null;
}

/**
 * Marks the planned item of the post's local date published with the post's key: the first
 * planned item of that date in the plan's order. A post already linked links nothing new; a post
 * outside the plan's week, or on a date without a planned item, links nothing.
 */
export function linkPublication(plan: ContentPlan, post: Publication, calendar: WorkCalendar): LinkResult {
  const already = plan.items.find((i) => i.postKey === post.key);
  if (already) return { plan, item: already.id };
  const date = localDateOf(calendar, post.publishedAt);
  const item = plan.items.find((i) => i.status === 'planned' && i.date === date);
  if (!item) return { plan, item: null };
  return { plan: { ...plan, items: plan.items.map((i) => (i === item ? { ...i, status: 'published' as const, postKey: post.key } : i)) }, item: item.id };
}
