/**
 * Weekly content plans (issue 19; Khabarovsk п. 2.2, 2.6, 3.5, 5–7), stored: one settings record
 * holding every body's plans, each validated by lib/accounts on every change. A change reads the
 * record, puts it through a pure step of lib/accounts/plans.ts and writes it back in one
 * transaction, so two pages changing plans at once never lose each other's change. A plan the
 * release cannot read is left out (never a throw): the rest stay usable.
 */
import type { AppDatabase } from './index';
import * as steps from '../accounts/plans';
import { contentPlanSchema, planKind, type ContentPlan, type PlanItem, type PlanOwner } from '../accounts/plans';
import { activeAccounts } from '../accounts/registry';
import { fail, type Result } from '../accounts/reasons';
import type { WorkCalendar } from '../worktime';
import { isMonday } from '../accounts/week';
import { loadOwnPagesAct, loadRegistry } from './accounts';
import { loadWorkspace } from './messages';

/** settings key of the plans. */
export const PLANS_KEY = 'accounts.plans';

/** An item as the form gives it: planned unless said otherwise. */
export type PlanItemInput = Pick<PlanItem, 'id' | 'date' | 'topic' | 'format'> & Partial<Pick<PlanItem, 'status' | 'postKey'>>;

/** Every stored plan that reads as one (one per body and week: the first kept). */
export async function loadPlans(db: AppDatabase): Promise<ContentPlan[]> {
  const raw = (await db.settings.get(PLANS_KEY))?.value;
  if (!Array.isArray(raw)) return [];
  const out: ContentPlan[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    const parsed = contentPlanSchema.safeParse(entry);
    if (!parsed.success) continue;
    const id = `${parsed.data.body}|${parsed.data.week}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(parsed.data);
  }
  return out;
}

/** The plans of a body, a week, or both (Mondays ascending). */
export async function plansOf(db: AppDatabase, filter: { body?: string; week?: string } = {}): Promise<ContentPlan[]> {
  return (await loadPlans(db))
    .filter((p) => (filter.body === undefined || p.body === filter.body) && (filter.week === undefined || p.week === filter.week))
    .sort((a, b) => a.week.localeCompare(b.week) || a.body.localeCompare(b.body));
}

/** The body's plan for the week starting on `week`, if there is one. */
export async function planOf(db: AppDatabase, body: string, week: string): Promise<ContentPlan | undefined> {
  return (await plansOf(db, { body, week }))[0];
}

const items = (input: readonly PlanItemInput[]) => input.map((i) => ({ ...i, status: i.status ?? 'planned' }));

/** Puts one plan's change through, in one transaction; nothing is written on a refusal. */
async function change(db: AppDatabase, body: string, week: string, fn: (plan: ContentPlan | undefined) => Result<ContentPlan>): Promise<Result<ContentPlan>> {
  return db.transaction('rw', db.settings, async () => {
    const all = await loadPlans(db);
    const index = all.findIndex((p) => p.body === body && p.week === week);
    const result = fn(index >= 0 ? all[index] : undefined);
    if (!result.ok) return result;
    const next = index >= 0 ? all.map((p, i) => (i === index ? result.value : p)) : [...all, result.value];
    await db.settings.put({ key: PLANS_KEY, value: next });
    return result;
  });
}

const missing = (action: string): Result<ContentPlan> => fail('accounts.plan.wrongState', { state: 'none', action });

/** Starts the body's plan for a week (a draft); refused when the week already has one. */
export function createPlan(db: AppDatabase, input: { body: string; week: string; items?: readonly PlanItemInput[] }): Promise<Result<ContentPlan>> {
  return change(db, input.body, input.week, (plan) =>
    plan
      ? fail('accounts.plan.wrongState', { state: plan.state, action: 'create' })
      : steps.parsePlan({ body: input.body, week: input.week, state: 'draft', items: items(input.items ?? []) }),
  );
}

/** Replaces the plan's items: only while it is a draft or returned for corrections. */
export function updateItems(db: AppDatabase, body: string, week: string, input: readonly PlanItemInput[]): Promise<Result<ContentPlan>> {
  return change(db, body, week, (plan) => {
    if (!plan) return missing('edit');
    if (plan.state !== 'draft' && plan.state !== 'returned') return fail('accounts.plan.wrongState', { state: plan.state, action: 'edit' });
    return steps.parsePlan({ ...plan, items: items(input) });
  });
}

/** Drops a planned item (the publication will not happen), in any state of the plan. */
export function dropItem(db: AppDatabase, body: string, week: string, itemId: string): Promise<Result<ContentPlan>> {
  return change(db, body, week, (plan) => {
    if (!plan) return missing('drop');
    const item = plan.items.find((i) => i.id === itemId);
    if (!item || item.status !== 'planned') return fail('accounts.plan.wrongState', { state: plan.state, action: 'drop' });
    return steps.parsePlan({ ...plan, items: plan.items.map((i) => (i.id === itemId ? { ...i, status: 'dropped' } : i)) });
  });
}

/**
 * Whose plan the body keeps, from what is stored: the act of the own pages and the kind of the
 * body's registered accounts (lib/accounts planKind: the Government's plan, prepared by the
 * Committee, or a body's).
 */
export async function planOwner(db: AppDatabase, body: string): Promise<PlanOwner> {
  const act = await loadOwnPagesAct(db, (await loadWorkspace(db)).region);
  return { act, kind: planKind(activeAccounts(await loadRegistry(db, act)), body) };
}

/** Puts a step that depends on whose plan it is through (the owner read in the same transaction). */
function step(db: AppDatabase, body: string, week: string, fn: (plan: ContentPlan | undefined, owner: PlanOwner) => Result<ContentPlan>) {
  return db.transaction('rw', db.settings, async () => {
    const owner = await planOwner(db, body);
    return change(db, body, week, (plan) => fn(plan, owner));
  });
}

/**
 * The body sends the plan for approval (a draft, or a returned plan after corrections); the
 * Government's plan is refused: the Committee prepares it itself (Khabarovsk п. 2.2).
 */
export function submitPlan(db: AppDatabase, body: string, week: string, now: number): Promise<Result<ContentPlan>> {
  return step(db, body, week, (plan, owner) => (plan ? steps.submitPlan(plan, now, owner) : missing('submit')));
}

/** The curator approves a sent plan. */
export function approvePlan(db: AppDatabase, body: string, week: string, now: number): Promise<Result<ContentPlan>> {
  return step(db, body, week, (plan, owner) => (plan ? steps.approvePlan(plan, now, owner) : missing('approve')));
}

/** The curator returns a sent plan with recommendations (п. 7 абз. 1). */
export function returnPlan(db: AppDatabase, body: string, week: string, now: number, recommendations: string): Promise<Result<ContentPlan>> {
  return step(db, body, week, (plan, owner) => (plan ? steps.returnPlan(plan, now, recommendations.trim(), owner) : missing('return')));
}

export interface LinkedPost {
  week: string;
  item: string;
  post: string;
}

/**
 * Marks the body's planned items published by the page's own posts (lib/accounts linkPublication:
 * the first planned item of the post's local date), in one transaction. Returns the links made
 * now (a post already linked is not listed again); nothing is written when none is made.
 */
export async function linkPlanPublications(
  db: AppDatabase,
  bodyId: string,
  posts: ReadonlyArray<{ key: string; publishedAt: number }>,
  calendar: WorkCalendar,
): Promise<LinkedPost[]> {
  if (!posts.length) return [];
  return db.transaction('rw', db.settings, async () => {
    const all = await loadPlans(db);
    const linked: LinkedPost[] = [];
    const next = all.map((plan) => {
      if (plan.body !== bodyId) return plan;
      let current = plan;
      for (const post of posts) {
        const r = steps.linkPublication(current, post, calendar);
        if (r.item === null || r.plan === current) continue;
        const checked = steps.parsePlan(r.plan);
        if (!checked.ok) continue; // a key the plan cannot hold (not a VK or OK post): left unlinked
        current = checked.value;
        linked.push({ week: plan.week, item: r.item, post: post.key });
      }
      return current;
    });
    if (linked.length) await db.settings.put({ key: PLANS_KEY, value: next });
    return linked;
  });
}

/** settings key: the weeks each body declared without newsworthy events (Khabarovsk п. 5 абз. 3–4), body id → Mondays. */
export const NO_EVENTS_KEY = 'accounts.plans.noEvents';

export async function noEventsWeeks(db: AppDatabase, body: string): Promise<string[]> {
  const value = (await db.settings.get(NO_EVENTS_KEY))?.value as Record<string, unknown> | undefined;
  const weeks = value && typeof value === 'object' ? value[body] : undefined;
  return Array.isArray(weeks) ? weeks.filter((w): w is string => typeof w === 'string' && isMonday(w)) : [];
}

/** Declares (or withdraws) a week without newsworthy events for a body: no plan is then due for it. */
export async function declareNoEvents(db: AppDatabase, body: string, week: string, declared: boolean): Promise<void> {
  if (!isMonday(week)) throw new RangeError(`not a Monday: ${week}`);
  await db.transaction('rw', db.settings, async () => {
    const value = ((await db.settings.get(NO_EVENTS_KEY))?.value as Record<string, string[]> | undefined) ?? {};
    const current = new Set(Array.isArray(value[body]) ? value[body] : []);
    if (declared) current.add(week);
    else current.delete(week);
    await db.settings.put({ key: NO_EVENTS_KEY, value: { ...value, [body]: [...current].sort() } });
  });
}
