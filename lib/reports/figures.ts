/**
 * The figures of a report, each defined once here (the reports page shows these definitions in
 * its help: `FIGURES[id]` and the doc comment above each entry), and buildReport(), which
 * computes them over stored messages. Pure: time (`now`), the regulation profile and the working
 * calendar come in as arguments; the result is numbers and codes, never text.
 *
 * Three sets of things are counted, and each figure says which:
 * - «messages of the period»: messages detected (detectedAt, when the curator found the post,
 *   which starts the clocks) in [from, to) and passing the filters; their outcome as known now;
 * - «deadlines of the period»: every deadline of the act (planDeadlines, the same rules the desk
 *   counts with) whose due time falls in [from, to), over all messages passing the filters — so
 *   consecutive reports count each deadline exactly once, and a final answer due a week after
 *   the post is counted in the week it fell due. Windows (returning as not competent) and the
 *   workspace's own target are never counted;
 * - «now»: open messages detected before `to`, as they stand at `now` (the backlog).
 */
import { deadlineKinds, planDeadlines, type Deadline, type DeadlineKind, type RegulationProfile } from '../regulations';
import { factsOf } from '../workflow/machine';
import type { Message, WorkflowEvent } from '../model/workflow';
import { addWorkingDays, addWorkingMinutes, MIN_INSTANT, workingMinutesBetween, type WorkCalendar } from '../worktime';
import { ReportError } from './errors';
import { checkPeriod, precedingPeriod, type Period } from './period';
import { dayBoundaries, dayIndex } from './days';

/** What a figure counts in: a number of messages, of deadlines, a share 0–1, working hours, a checker score 0–10, or a ratio. */
export type FigureUnit = 'messages' | 'deadlines' | 'share' | 'hours' | 'score' | 'ratio' | 'actions';
/** Which set the figure is computed over (see the module's comment). */
export type FigureBasis = 'period-messages' | 'period-deadlines' | 'now' | 'previous-period';

export interface FigureDefinition {
  unit: FigureUnit;
  basis: FigureBasis;
  /** Where the figure appears in the Report: totals, deadlines (per kind), bodies, topics/locations, daily, answerTime. */
  table: 'totals' | 'deadlines' | 'bodies' | 'curator' | 'topics' | 'locations' | 'daily' | 'answerTime';
}

/**
 * Every figure, by id. The page's help says each one in words from the comment above it (i18n
 * key suggestion: `reports.figure.<id>`).
 */
export const FIGURES = {
  /** Сообщений выявлено: messages of the period (detected in the period and passing the filters). */
  captured: { unit: 'messages', basis: 'period-messages', table: 'totals' },
  /** Направлено в органы: messages of the period routed to at least one body (at any time up to now). */
  routed: { unit: 'messages', basis: 'period-messages', table: 'totals' },
  /** Дан окончательный ответ: messages of the period whose final answer is published. */
  answered: { unit: 'messages', basis: 'period-messages', table: 'totals' },
  /** Дан промежуточный ответ: messages of the period with an interim answer published. */
  interim: { unit: 'messages', basis: 'period-messages', table: 'totals' },
  /** Возвращено как не относящееся к компетенции: messages of the period returned by a body at least once. */
  returned: { unit: 'messages', basis: 'period-messages', table: 'totals' },
  /** Не подлежит обработке: messages of the period closed as not processable (Yakutia п. 18 and equivalents). */
  notProcessable: { unit: 'messages', basis: 'period-messages', table: 'totals' },
  /** Повторные сообщения: messages of the period linked as repeats of an earlier message. */
  repeats: { unit: 'messages', basis: 'period-messages', table: 'totals' },
  /** В работе сейчас: open messages detected before the end of the period, at `now`. */
  openNow: { unit: 'messages', basis: 'now', table: 'totals' },
  /** Просрочено сейчас: of those open now, the messages with an obligation past its due time at `now`. */
  overdueNow: { unit: 'messages', basis: 'now', table: 'totals' },
  /**
   * Время ответа, медиана: working hours (the region's working calendar) from detection to the
   * first published reply of any kind (final, interim or clarification), over messages of the
   * period that have one; the median (Excel МЕДИАНА).
   */
  answerHoursMedian: { unit: 'hours', basis: 'period-messages', table: 'totals' },
  /** Время ответа, 90-й процентиль: the same times, 90th percentile, linear between ranks (Excel ПРОЦЕНТИЛЬ.ВКЛ). */
  answerHoursP90: { unit: 'hours', basis: 'period-messages', table: 'totals' },
  /** В срок: deadlines of the period (per kind) whose step was done by the due time. */
  onTime: { unit: 'deadlines', basis: 'period-deadlines', table: 'deadlines' },
  /**
   * С нарушением срока: deadlines of the period whose step was done after the due time — the
   * breaches the workflow recorded when it happened (Message.breaches), and any the message's
   * facts show that were not recorded.
   */
  late: { unit: 'deadlines', basis: 'period-deadlines', table: 'deadlines' },
  /** Не выполнено, срок истёк: deadlines of the period whose step is not done and whose due time has passed at `now`. */
  overdue: { unit: 'deadlines', basis: 'period-deadlines', table: 'deadlines' },
  /** Срок ещё не наступил: deadlines of the period due after `now` and not done yet (only in a period that is not over). */
  pending: { unit: 'deadlines', basis: 'period-deadlines', table: 'deadlines' },
  /**
   * Поступило в орган: messages of the period routed to the body (including those it returned,
   * where the event log or the message still shows the return).
   */
  bodyReceived: { unit: 'messages', basis: 'period-messages', table: 'bodies' },
  /**
   * Доля сроков, соблюдённых органом: of the deadlines of the period that fall to the body
   * (its part, draft, rework, publication, the overall answer and the final answer after an
   * interim one — the executor's steps; routing, approval and the summary are the curator's),
   * the share met: on time / (on time + late + overdue). Empty when none fell due.
   */
  bodyOnTimeShare: { unit: 'share', basis: 'period-deadlines', table: 'bodies' },
  /** Просрочено органом сейчас: open messages with an obligation of the body past due at `now`. */
  bodyOverdueNow: { unit: 'messages', basis: 'now', table: 'bodies' },
  /** Возвраты: returns by the body of messages of the period (every return action when the event log is given). */
  bodyReturns: { unit: 'actions', basis: 'period-messages', table: 'bodies' },
  /**
   * Доработок на ответ: rework requests the curator sent to the body, per final answer published,
   * over messages of the period the body took part in that have a published final answer.
   */
  bodyReworkPerAnswer: { unit: 'ratio', basis: 'period-messages', table: 'bodies' },
  /**
   * Средняя оценка ответов: the mean checker score (0–10, lib/lint checkDraft; 10 = free of
   * officialese) of the published final answers of messages of the period the body took part in.
   * Scores are not stored: they are computed from the published text by the `score` function the
   * caller passes (answerScorer()); empty without it.
   */
  bodyAverageScore: { unit: 'score', basis: 'period-messages', table: 'bodies' },
  /** Сроки куратора: the curator's deadlines of the period (routing, re-routing, approval, summary): on time, late, overdue. */
  curatorOnTimeShare: { unit: 'share', basis: 'period-deadlines', table: 'curator' },
  /** По темам: messages of the period per topic, the previous period's count and the change. */
  topicCount: { unit: 'messages', basis: 'period-messages', table: 'topics' },
  /** По локациям: messages of the period per location ('' = not stated), the previous period's count and the change. */
  locationCount: { unit: 'messages', basis: 'period-messages', table: 'locations' },
  /** Изменение к предыдущему периоду: count minus the previous period's; and as a share of it (empty when it was 0). */
  change: { unit: 'messages', basis: 'previous-period', table: 'topics' },
  /** Сообщений в день по темам: messages of the period per local day (region's zone) and topic. */
  dailyByTopic: { unit: 'messages', basis: 'period-messages', table: 'daily' },
  /** Распределение времени ответа: the answer times above, counted in working-hour buckets [edge, next edge). */
  answerTimeBuckets: { unit: 'messages', basis: 'period-messages', table: 'answerTime' },
} as const satisfies Record<string, FigureDefinition>;

export type FigureId = keyof typeof FIGURES;
export const FIGURE_IDS = Object.keys(FIGURES) as FigureId[];

/** Default answer-time bucket edges, working hours: [0,1) [1,2) [2,4) [4,8) [8,16) [16,40) [40,∞). */
export const DEFAULT_ANSWER_BUCKETS: readonly number[] = [1, 2, 4, 8, 16, 40];

/** Each a list of allowed values (any of them); absent or empty: not filtered. */
export interface ReportFilters {
  /** Messages routed to any of these bodies (ids); the bodies table lists only these. */
  bodies?: readonly string[];
  topics?: readonly string[];
  locations?: readonly string[];
  networks?: readonly Message['site'][];
  importance?: readonly string[];
}

export interface ReportInput {
  messages: readonly Message[];
  /**
   * The event log (optional; any subset is fine, e.g. db.events by type 'route' and 'return'):
   * with it, every return is counted, and a body that returned a message and was replaced still
   * counts it as received. Without it, only what the messages still show.
   */
  events?: readonly WorkflowEvent[];
  profile: RegulationProfile;
  calendar: WorkCalendar;
  period: Period;
  /** The period to compare with (default: the same length just before). */
  previous?: Period;
  now: number;
  filters?: ReportFilters;
  /** Bodies to list even with nothing to show (the workspace directory), by id. */
  bodies?: readonly string[];
  /** The checker's score of a published answer's text (answerScorer()); without it scores are empty. */
  score?: (text: string) => number | undefined;
  /** Answer-time bucket edges in working hours, increasing (default DEFAULT_ANSWER_BUCKETS). */
  answerBuckets?: readonly number[];
  /**
   * Remembers each message's deadlines between reports (createReportCache()): a page that
   * recomputes its report over the same loaded messages with other filters or periods plans
   * each message once. Keyed by the message object, for this profile and calendar.
   */
  cache?: ReportCache;
}

interface Planned {
  deadlines: Deadline[];
  curatorPublishes: boolean;
}

/** A memo of planned deadlines per message object (see ReportInput.cache). */
export interface ReportCache {
  plans: WeakMap<Message, Planned>;
  profile?: RegulationProfile;
  calendar?: WorkCalendar;
}

export function createReportCache(): ReportCache {
  return { plans: new WeakMap() };
}

/** The message's deadlines under the profile (remembered in the cache when one is given). */
export function planOf(m: Message, profile: RegulationProfile, calendar: WorkCalendar, cache: ReportCache | undefined): Planned {
  if (cache) {
    if (cache.profile !== profile || cache.calendar !== calendar) {
      cache.plans = new WeakMap();
      cache.profile = profile;
      cache.calendar = calendar;
    }
    const hit = cache.plans.get(m);
    if (hit) return hit;
  }
  const facts = factsOf(m, profile);
  const planned = {
    deadlines: planDeadlines(profile, calendar, facts, { obligationsOnly: true }).deadlines,
    curatorPublishes: facts.curatorPublishes === true,
  };
  cache?.plans.set(m, planned);
  return planned;
}

export interface DeadlineCounts {
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
}

export interface BodyRow {
  body: string;
  received: number;
  /** Deadlines of the period falling to the body. */
  deadlines: DeadlineCounts;
  /** onTime / (onTime + late + overdue); null when none fell due. */
  onTimeShare: number | null;
  overdueNow: number;
  returns: number;
  /** Answers (published final answers of messages the body took part in) and rework requests to the body in them. */
  answers: number;
  reworks: number;
  reworkPerAnswer: number | null;
  /** Mean score of those answers (null without a scorer or without answers) and how many were scored. */
  averageScore: number | null;
  scored: number;
}

export interface ChangeRow {
  key: string;
  count: number;
  previous: number;
  change: number;
  /** change / previous; null when previous is 0. */
  changeShare: number | null;
}

export interface AnswerTimeBucket {
  /** Working hours, [fromHours, toHours); toHours null for the last bucket. */
  fromHours: number;
  toHours: number | null;
  count: number;
}

export interface Report {
  period: Period;
  previous: Period;
  now: number;
  zone: string;
  totals: {
    captured: number;
    routed: number;
    answered: number;
    interim: number;
    returned: number;
    notProcessable: number;
    repeats: number;
    openNow: number;
    overdueNow: number;
    /** Messages of the period with a first reply (the answer-time sample size). */
    answerTimes: number;
    answerHoursMedian: number | null;
    answerHoursP90: number | null;
  };
  /** Per deadline kind (kinds without any deadline of the period have all zeros). */
  deadlines: Record<DeadlineKind, DeadlineCounts>;
  curator: DeadlineCounts & { onTimeShare: number | null };
  bodies: BodyRow[];
  topics: ChangeRow[];
  locations: ChangeRow[];
  /** Messages per local day and topic: days as 'yyyy-MM-dd', counts[topicIndex][dayIndex]. */
  daily: { days: string[]; topics: string[]; counts: number[][] };
  answerTime: AnswerTimeBucket[];
  /** Ids of stored messages the report could not read (a damaged record): left out, never a crash. */
  skipped: string[];
}

// ---------------------------------------------------------------------------------------------
// Shared helpers (the deficiency report uses them too)

/** Who a deadline falls to: the curator, a body (its executor's step), or nobody known. */
export type Owner = { kind: 'curator' } | { kind: 'body'; body: string } | { kind: 'unknown' };

const KINDS: ReadonlySet<string> = new Set(deadlineKinds);
const CURATOR_KINDS: ReadonlySet<string> = new Set(['route', 'approve', 'summary']);

/** The body that writes the answer: the last live assignment in order (single: the only one; sequential: the joint draft's). */
export function answeringBody(m: Message): string | undefined {
  let best: Message['assignments'][number] | undefined;
  for (const a of m.assignments) if (a.state !== 'returned' && (!best || a.order > best.order)) best = a;
  return best?.body;
}

/**
 * The owner of a deadline: routing, approval and the summary are the curator's; a body's part
 * (and a parallel part's approval or rework, which carry `body`) are that body's — its approval
 * the curator's; publication is the curator's where the curator publishes (Khabarovsk п. 13
 * абз. 2), otherwise, like the draft, rework, answer and final answer, the answering body's.
 */
export function deadlineOwner(m: Message, d: Pick<Deadline, 'kind' | 'body'>, curatorPublishes: boolean): Owner {
  if (CURATOR_KINDS.has(d.kind)) return { kind: 'curator' };
  if (d.kind === 'publish' && curatorPublishes) return { kind: 'curator' };
  const body = d.body ?? answeringBody(m);
  return body ? { kind: 'body', body } : { kind: 'unknown' };
}

/** deadlineOwner without allocating: the body's id, null for the curator, undefined for nobody known. */
function ownerBody(kind: string, body: string | undefined, curatorPublishes: boolean, writer: string | undefined): string | null | undefined {
  if (CURATOR_KINDS.has(kind) || (kind === 'publish' && curatorPublishes)) return null;
  return body ?? writer;
}

/** A deadline that is an obligation of the act (not a window, not the workspace's own target, not done at an unknown time). */
export const isObligation = (d: Deadline) => !d.optional && !d.own && !d.doneUnknown;

export const deadlineId = (d: { kind: string; dueAt: number; body?: string | undefined }) => `${d.kind}|${d.dueAt}|${d.body ?? ''}`;

/** Messages passing the filters (a body filter matches any body the message was routed to; an empty list filters nothing). */
export function passes(m: Message, f: ReportFilters | undefined, bodies: () => Iterable<string>): boolean {
  if (!f) return true;
  if (f.topics?.length && !f.topics.includes(m.topic)) return false;
  if (f.locations?.length && !f.locations.includes(m.location)) return false;
  if (f.networks?.length && !f.networks.includes(m.site)) return false;
  if (f.importance?.length && !f.importance.includes(m.importance)) return false;
  if (f.bodies?.length) {
    for (const b of bodies()) if (f.bodies.includes(b)) return true;
    return false;
  }
  return true;
}

/** The events of each message, and what they say about bodies. */
export interface EventIndex {
  /** Bodies a message was ever routed to (route events). */
  routedTo: Map<string, Set<string>>;
  /** Return actions per message: [body, at]. */
  returns: Map<string, Array<[string, number]>>;
  byMessage: Map<string, WorkflowEvent[]>;
}

export function indexEvents(events: readonly WorkflowEvent[] | undefined): EventIndex | undefined {
  if (!events) return undefined;
  const routedTo = new Map<string, Set<string>>();
  const returns = new Map<string, Array<[string, number]>>();
  const byMessage = new Map<string, WorkflowEvent[]>();
  for (const e of events) {
    if (!e || typeof e.messageId !== 'string') continue;
    let list = byMessage.get(e.messageId);
    if (!list) byMessage.set(e.messageId, (list = []));
    list.push(e);
    const data = e.data ?? {};
    if (e.type === 'route' && Array.isArray(data.assignments)) {
      let set = routedTo.get(e.messageId);
      if (!set) routedTo.set(e.messageId, (set = new Set()));
      for (const b of data.assignments) if (typeof b === 'string') set.add(b);
    }
    if (e.type === 'return' && Array.isArray(data.bodies)) {
      let r = returns.get(e.messageId);
      if (!r) returns.set(e.messageId, (r = []));
      for (const b of data.bodies) if (typeof b === 'string') r.push([b, e.at]);
    }
  }
  return { routedTo, returns, byMessage };
}

/** Every body a message was routed to: its assignments, plus those the event log shows (returned and replaced). */
export function bodiesOf(m: Message, ev: EventIndex | undefined): Set<string> {
  const set = new Set<string>(m.bodies);
  for (const a of m.assignments) set.add(a.body);
  const routed = ev?.routedTo.get(m.id);
  if (routed) for (const b of routed) set.add(b);
  const returned = ev?.returns.get(m.id);
  if (returned) for (const [b] of returned) set.add(b);
  return set;
}

const NO_RETURNS: Array<[string, number]> = [];

/** Whether every assignment's body is among the message's bodies (the usual case: no Set needed). */
function sameBodies(m: Message): boolean {
  for (const a of m.assignments) if (!m.bodies.includes(a.body)) return false;
  return true;
}

/** Return actions of a message, [body, at]: from the event log when given, else the returned assignments still on the message. */
export function returnsOf(m: Message, ev: EventIndex | undefined): Array<[string, number]> {
  if (ev) {
    const r = ev.returns.get(m.id);
    if (r) return r;
    if (ev.byMessage.has(m.id)) return [];
  }
  let any = false;
  for (const a of m.assignments) if (a.state === 'returned') any = true;
  if (!any) return NO_RETURNS;
  const out: Array<[string, number]> = [];
  for (const a of m.assignments) if (a.state === 'returned') out.push([a.body, a.returnedAt ?? m.returnedAt ?? m.detectedAt]);
  return out;
}

/** A list given, or none (a missing list is an empty set, never a crash). */
export function listOf<T>(list: readonly T[] | undefined | null): readonly T[] {
  return (Array.isArray(list) ? list : []) as readonly T[];
}

const validInstant = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A stored message a report can read (a damaged record is reported in `skipped`). */
export function readable(m: Message): boolean {
  return (
    !!m &&
    typeof m.id === 'string' &&
    validInstant(m.detectedAt) &&
    validInstant(m.updatedAt) &&
    Array.isArray(m.assignments) &&
    Array.isArray(m.breaches) &&
    Array.isArray(m.publications) &&
    Array.isArray(m.remarks)
  );
}

/**
 * The earliest last change (updatedAt) of a closed message that can still have a deadline fall
 * due at or after `from`: every timer starts at a step (≤ updatedAt) and runs at most the
 * profile's longest term, so reach(u) = u + that term (in working time) is monotone in u and
 * a binary search finds the threshold once per report.
 */
export function reachThreshold(profile: RegulationProfile, calendar: WorkCalendar, from: number): number {
  let minutes = 0;
  for (const t of Object.values(profile.timers)) {
    if (!t || typeof t !== 'object') continue;
    if ('minutes' in t && typeof t.minutes === 'number') minutes = Math.max(minutes, t.minutes);
    if ('beforeAnswer' in t && typeof t.beforeAnswer === 'number') minutes = Math.max(minutes, t.beforeAnswer);
  }
  const days = profile.timers.final.workingDays;
  const reach = (u: number) => Math.max(addWorkingMinutes(calendar, u, minutes), addWorkingDays(calendar, u, days));
  try {
    return threshold(reach, from);
  } catch (error) {
    // Near the calendar's range's end nothing can be bounded: every message is planned.
    if (error instanceof RangeError) return MIN_INSTANT;
    throw error;
  }
}

function threshold(reach: (u: number) => number, from: number): number {
  // reach(u) >= from holds at u = from; look back far enough that it fails (or hit the range's start).
  let hi = from;
  let lo: number;
  for (let span = 86_400_000; ; span *= 2) {
    lo = Math.max(MIN_INSTANT, from - span);
    if (lo === MIN_INSTANT || reach(lo) < from) break;
    hi = lo;
  }
  if (reach(lo) >= from) return lo;
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2);
    if (reach(mid) >= from) hi = mid;
    else lo = mid;
  }
  return lo; // a second early: safe
}

/** PERCENTILE.INC over sorted values (linear between ranks); null for none. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (!sorted.length) return null;
  const rank = p * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

const emptyCounts = (): DeadlineCounts => ({ onTime: 0, late: 0, overdue: 0, pending: 0 });
const [ON_TIME, LATE, OVERDUE, PENDING] = [0, 1, 2, 3];
const KIND_INDEX = new Map<string, number>(deadlineKinds.map((k, i) => [k, i]));
const countsOf = (a: Int32Array, at: number): DeadlineCounts => ({ onTime: a[at]!, late: a[at + 1]!, overdue: a[at + 2]!, pending: a[at + 3]! });
const share = (c: DeadlineCounts) => {
  const due = c.onTime + c.late + c.overdue;
  return due ? c.onTime / due : null;
};

/** The first reply of any kind published at or after detection. */
export function firstReplyAt(m: Message): number | undefined {
  const d = m.detectedAt;
  let first = Infinity;
  for (const p of m.publications) if (p.at >= d && p.at < first) first = p.at;
  const { publishedAt, interimPublishedAt, clarificationPublishedAt } = m;
  if (publishedAt !== undefined && publishedAt >= d && publishedAt < first) first = publishedAt;
  if (interimPublishedAt !== undefined && interimPublishedAt >= d && interimPublishedAt < first) first = interimPublishedAt;
  if (clarificationPublishedAt !== undefined && clarificationPublishedAt >= d && clarificationPublishedAt < first) first = clarificationPublishedAt;
  return first === Infinity ? undefined : first;
}

/** The published final answer's text (the last publication of kind 'answer'). */
export function finalAnswerText(m: Message): string | undefined {
  for (let i = m.publications.length - 1; i >= 0; i--) if (m.publications[i]!.kind === 'answer') return m.publications[i]!.text;
  return undefined;
}

function checkBuckets(edges: readonly number[]): void {
  let prev = 0;
  for (const e of edges) {
    if (typeof e !== 'number' || !Number.isFinite(e) || e <= prev)
      throw new ReportError('bad-option', { value: String(e), min: prev }, 'answerBuckets must be positive and increasing');
    prev = e;
  }
  if (edges.length > 100) throw new ReportError('bad-option', { value: edges.length, max: 100 }, 'answerBuckets: at most 100 edges');
}

function changeRows(now: Map<string, number>, before: Map<string, number>): ChangeRow[] {
  const keys = new Set([...now.keys(), ...before.keys()]);
  const rows: ChangeRow[] = [];
  for (const key of keys) {
    const count = now.get(key) ?? 0;
    const previous = before.get(key) ?? 0;
    rows.push({ key, count, previous, change: count - previous, changeShare: previous ? (count - previous) / previous : null });
  }
  return rows.sort((a, b) => b.count - a.count || b.previous - a.previous || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

// ---------------------------------------------------------------------------------------------

/**
 * The report over stored messages for [from, to) at `now`. Throws ReportError for a bad period
 * or option; a damaged message is left out and named in `skipped`; no messages give a report of
 * zeros.
 */
export function buildReport(input: ReportInput): Report {
  const { profile, calendar, period, now, filters } = input;
  checkPeriod(period);
  const previous = input.previous ?? precedingPeriod(period);
  checkPeriod(previous, 'previous');
  checkPeriod({ from: now, to: now + 1 }, 'now');
  const edges = input.answerBuckets ?? DEFAULT_ANSWER_BUCKETS;
  checkBuckets(edges);
  const messages = listOf(input.messages);
  const { from, to } = period;
  const ev = indexEvents(input.events);
  const since = reachThreshold(profile, calendar, from);
  const zone = calendar.spec.zone;
  const boundaries = dayBoundaries(zone, from, to);

  const totals = { captured: 0, routed: 0, answered: 0, interim: 0, returned: 0, notProcessable: 0, repeats: 0, openNow: 0, overdueNow: 0 };
  // Counters as typed arrays (kind × outcome), turned into records at the end: the hot loop does
  // no keyed property access.
  const byKind = new Int32Array(deadlineKinds.length * 4);
  const curatorCounts = new Int32Array(4);
  const bodyRows = new Map<string, BodyRow & { scoreSum: number; counts: Int32Array }>();
  const row = (body: string) => {
    let r = bodyRows.get(body);
    if (!r) {
      r = {
        body,
        received: 0,
        deadlines: emptyCounts(),
        onTimeShare: null,
        overdueNow: 0,
        returns: 0,
        answers: 0,
        reworks: 0,
        reworkPerAnswer: null,
        averageScore: null,
        scored: 0,
        scoreSum: 0,
        counts: new Int32Array(4),
      };
      bodyRows.set(body, r);
    }
    return r;
  };
  for (const b of input.bodies ?? []) row(b);
  const topicNow = new Map<string, number>();
  const topicBefore = new Map<string, number>();
  const locationNow = new Map<string, number>();
  const locationBefore = new Map<string, number>();
  const daily = new Map<string, number[]>();
  const answerHours: number[] = [];
  const skipped: string[] = [];
  const overdueExtra = new Set<string>();
  let lastOwner: string | undefined;
  let lastRow: (BodyRow & { counts: Int32Array }) | undefined;

  const bodyFilter = filters?.bodies?.length ? filters.bodies : undefined;
  for (const m of messages) {
    if (!readable(m)) {
      skipped.push(typeof m?.id === 'string' ? m.id : '');
      continue;
    }
    let bodies: Iterable<string> | undefined;
    if (filters) {
      if (bodyFilter) bodies = bodiesOf(m, ev);
      if (!passes(m, filters, () => bodies!)) continue;
    }
    const d = m.detectedAt;
    if (d >= previous.from && d < previous.to) {
      bump(topicBefore, m.topic);
      bump(locationBefore, m.location);
    }
    if (d >= to) continue; // nothing of it is due in the period, nor open before its end
    const inPeriod = d >= from;
    const isOpen = m.status === 'open';
    let plan: Deadline[] | undefined;
    let curatorPublishes = false;
    let replyHours: number | undefined;
    try {
      // Everything that may throw on a damaged record comes first: nothing is counted for it.
      if (isOpen || m.updatedAt >= since) {
        const planned = planOf(m, profile, calendar, input.cache);
        curatorPublishes = planned.curatorPublishes;
        plan = planned.deadlines;
      }
      const reply = inPeriod ? firstReplyAt(m) : undefined;
      if (reply !== undefined) replyHours = workingMinutesBetween(calendar, d, reply) / 60;
    } catch (error) {
      // A record the calendar cannot count with (an instant beyond its range): left out, named.
      if (error instanceof RangeError) {
        skipped.push(m.id);
        continue;
      }
      throw error;
    }
    const writer = answeringBody(m);
    // Deadlines of the period: the recorded breaches, and the plan's met, late and open ones.
    const breaches = m.breaches;
    for (const b of breaches)
      if (b.dueAt >= from && b.dueAt < to && KINDS.has(b.kind)) count(b.kind, ownerBody(b.kind, b.body, curatorPublishes, writer), LATE);
    let overdueHere = false;
    if (plan) {
      let overdueA: string | undefined;
      let overdueB: string | undefined;
      for (const dl of plan) {
        // A closed message's steps not done are no longer owed (not processable, or closed by its answer).
        if (!isObligation(dl) || (dl.met === undefined && !isOpen)) continue;
        const pastDue = dl.met === undefined && now > dl.dueAt;
        if (pastDue) {
          overdueHere = true;
          const owner = ownerBody(dl.kind, dl.body, curatorPublishes, writer);
          if (owner) {
            if (overdueA === undefined || overdueA === owner) overdueA = owner;
            else if (overdueB === undefined || overdueB === owner) overdueB = owner;
            else overdueExtra.add(owner);
          }
        }
        if (dl.dueAt < from || dl.dueAt >= to) continue;
        const owner = ownerBody(dl.kind, dl.body, curatorPublishes, writer);
        if (dl.met === true) count(dl.kind, owner, ON_TIME);
        else if (dl.met === false) {
          if (!breaches.length || !breaches.some((b) => b.kind === dl.kind && b.dueAt === dl.dueAt && (b.body ?? '') === (dl.body ?? '')))
            count(dl.kind, owner, LATE);
        } else count(dl.kind, owner, pastDue ? OVERDUE : PENDING);
      }
      if (overdueA !== undefined) row(overdueA).overdueNow += 1;
      if (overdueB !== undefined) row(overdueB).overdueNow += 1;
      if (overdueExtra.size) {
        for (const b of overdueExtra) if (b !== overdueA && b !== overdueB) row(b).overdueNow += 1;
        overdueExtra.clear();
      }
    }
    if (isOpen) {
      totals.openNow += 1;
      if (overdueHere) totals.overdueNow += 1;
    }
    if (!inPeriod) continue;

    // Messages of the period.
    totals.captured += 1;
    bump(topicNow, m.topic);
    bump(locationNow, m.location);
    let perDay = daily.get(m.topic);
    if (!perDay) daily.set(m.topic, (perDay = new Array<number>(boundaries.days.length).fill(0)));
    perDay[dayIndex(boundaries.starts, d)]! += 1;
    bodies ??= ev || !sameBodies(m) ? bodiesOf(m, ev) : m.bodies;
    let routed = m.firstRoutedAt !== undefined;
    for (const b of bodies) {
      row(b).received += 1;
      routed = true;
    }
    if (routed) totals.routed += 1;
    if (m.publishedAt !== undefined) totals.answered += 1;
    if (m.interimPublishedAt !== undefined) totals.interim += 1;
    const returns = returnsOf(m, ev);
    if (returns.length || m.returnedAt !== undefined) totals.returned += 1;
    for (const [b] of returns) row(b).returns += 1;
    if (m.step === 'not_processable' || m.notProcessable) totals.notProcessable += 1;
    if (m.repeatOf) totals.repeats += 1;
    if (replyHours !== undefined) answerHours.push(replyHours);
    if (m.publishedAt !== undefined) {
      const text = input.score ? finalAnswerText(m) : undefined;
      const score = text !== undefined ? input.score!(text) : undefined;
      for (const a of m.assignments) {
        if (a.state === 'returned') continue;
        const r = row(a.body);
        r.answers += 1;
        for (const remark of m.remarks) if (remark.body === a.body || (remark.body === undefined && a.body === writer)) r.reworks += 1;
        if (typeof score === 'number' && Number.isFinite(score)) {
          r.scored += 1;
          r.scoreSum += score;
        }
      }
    }
  }

  function count(kind: string, owner: string | null | undefined, as: number) {
    byKind[KIND_INDEX.get(kind)! * 4 + as]! += 1;
    if (owner === null) curatorCounts[as]! += 1;
    else if (owner !== undefined) {
      if (owner !== lastOwner) {
        lastOwner = owner;
        lastRow = row(owner);
      }
      lastRow!.counts[as]! += 1;
    }
  }

  const hours = Float64Array.from(answerHours).sort(); // numeric, without a comparator
  const deadlines = Object.fromEntries(deadlineKinds.map((k, i) => [k, countsOf(byKind, i * 4)])) as Record<DeadlineKind, DeadlineCounts>;
  const curator = countsOf(curatorCounts, 0);
  const answerTime: AnswerTimeBucket[] = [0, ...edges].map((e, i) => ({ fromHours: e, toHours: edges[i] ?? null, count: 0 }));
  let bucket = 0;
  for (const h of hours) {
    while (bucket < edges.length && h >= edges[bucket]!) bucket++;
    answerTime[bucket]!.count += 1;
  }

  const onlyBodies = bodyFilter;
  const bodies: BodyRow[] = [...bodyRows.values()]
    .filter((r) => !onlyBodies || onlyBodies.includes(r.body))
    .map(({ scoreSum, counts, ...r }) => ({
      ...r,
      deadlines: countsOf(counts, 0),
      onTimeShare: share(countsOf(counts, 0)),
      reworkPerAnswer: r.answers ? r.reworks / r.answers : null,
      averageScore: r.scored ? scoreSum / r.scored : null,
    }))
    .sort((a, b) => b.received - a.received || (a.body < b.body ? -1 : a.body > b.body ? 1 : 0));

  const topics = changeRows(topicNow, topicBefore);
  const order = topics.filter((t) => t.count > 0).map((t) => t.key);
  return {
    period: { from, to },
    previous,
    now,
    zone,
    totals: {
      ...totals,
      answerTimes: hours.length,
      answerHoursMedian: percentile(hours, 0.5),
      answerHoursP90: percentile(hours, 0.9),
    },
    deadlines,
    curator: { ...curator, onTimeShare: share(curator) },
    bodies,
    topics,
    locations: changeRows(locationNow, locationBefore),
    daily: { days: boundaries.days, topics: order, counts: order.map((t) => daily.get(t)!) },
    answerTime,
    skipped,
  };
}
