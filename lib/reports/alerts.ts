/**
 * Immediate reports (Yakutia п. 22, Saratov п. 19 абз. 3, Ivanovo п. 21 абз. 2): «о сообщениях
 * …, носящих социально и общественно значимый характер, а также о повышенной социальной
 * активности по вопросам, требующим оперативного решения».
 *
 * (a) significantAlert: a message whose importance category is marked for an immediate report
 *     (profile.importance[].immediateReport) gives an alert record with the fields of a short
 *     ready-to-send report — as data; the UI words it.
 * (b) Spikes of activity: more captures than usual about one topic (and location) within a
 *     sliding window, against that group's own baseline — the same window of time of day on each
 *     of the previous `baselineDays` days (so nights, weekends and a topic's usual level are
 *     part of its baseline). One alert per group and window until acknowledged: no storms.
 */
import type { Message } from '../model/workflow';
import type { RegulationProfile } from '../regulations';
import { ReportError } from './errors';

// ---------------------------------------------------------------------------------------------
// (a) Socially significant messages

export interface SignificantAlert {
  kind: 'significant';
  /** Stable: one alert per message. */
  id: string;
  messageId: string;
  /** The act's clause for the immediate report (the category's, else profile.reports.immediate). */
  clause?: string;
  importance: string;
  /** What: topic and the post's text (as captured; the UI shortens it). */
  topic: string;
  text: string;
  /** Where: the location, the network, the link. */
  location: string;
  site: Message['site'];
  url: string;
  author: string;
  /** When the post was written (by the page), if known, and when the curator found it. */
  postedAt?: number;
  foundAt: number;
  /** Routed to: bodies and named executors, in order (empty while not routed yet). */
  routedTo: Array<{ body: string; executor?: string }>;
}

/** The alert for a message captured as socially significant, or null when its category needs no immediate report. */
export function significantAlert(m: Message, profile: RegulationProfile): SignificantAlert | null {
  const category = profile.importance.find((c) => c.id === m.importance);
  if (!category?.immediateReport) return null;
  const clause = category.clause ?? profile.reports.immediate;
  const alert: SignificantAlert = {
    kind: 'significant',
    id: `significant:${m.id}`,
    messageId: m.id,
    importance: m.importance,
    topic: m.topic,
    text: m.text,
    location: m.location,
    site: m.site,
    url: m.url,
    author: m.author?.name ?? '',
    foundAt: m.detectedAt,
    routedTo: [...m.assignments]
      .filter((a) => a.state !== 'returned')
      .sort((a, b) => a.order - b.order)
      .map((a) => (a.executor ? { body: a.body, executor: a.executor } : { body: a.body })),
  };
  if (clause) alert.clause = clause;
  if (m.postedAt !== undefined) alert.postedAt = m.postedAt;
  return alert;
}

/** The significant-message alerts not yet acknowledged (by alert id), newest first. */
export function openSignificantAlerts(messages: readonly Message[], profile: RegulationProfile, acknowledged: ReadonlySet<string>): SignificantAlert[] {
  const out: SignificantAlert[] = [];
  for (const m of messages) {
    const a = significantAlert(m, profile);
    if (a && !acknowledged.has(a.id)) out.push(a);
  }
  return out.sort((a, b) => b.foundAt - a.foundAt);
}

// ---------------------------------------------------------------------------------------------
// (b) Spikes

/** A capture as spike detection needs it (a Message fits). */
export interface Capture {
  id: string;
  /** When it was captured: the message's detectedAt. */
  detectedAt: number;
  topic: string;
  location: string;
}

export interface SpikeSettings {
  /** The sliding window, minutes (default 180: «за 3 часа»). */
  windowMinutes: number;
  /** How many previous days make the baseline (default 14). */
  baselineDays: number;
  /** The window's count must exceed the baseline times this (default 3). */
  threshold: number;
  /** …and be at least this many captures (default 5). */
  minCount: number;
  /** Also watch a topic across all locations (default true); a topic alert is held back while one of its locations has one. */
  topicWide: boolean;
  /**
   * No alert until this many days of history lie behind the window (default 7, or baselineDays
   * when shorter): at the start of the data every topic looks new. The history starts at `since`,
   * or at the first capture given.
   */
  minHistoryDays: number;
}

export const DEFAULT_SPIKE_SETTINGS: Readonly<SpikeSettings> = {
  windowMinutes: 180,
  baselineDays: 14,
  threshold: 3,
  minCount: 5,
  topicWide: true,
  minHistoryDays: 7,
};

export interface SpikeAlert {
  kind: 'spike';
  /** `spike:<topic>|<location>@<firedAt>`; stable for the same data. */
  id: string;
  topic: string;
  /** null: the topic across all locations. */
  location: string | null;
  firedAt: number;
  /** Why it fired: this many captures in [windowFrom, firedAt]… */
  count: number;
  windowFrom: number;
  windowMinutes: number;
  /** …against this usual count for the same window (mean over `baselineDays` previous days), and the threshold. */
  baseline: number;
  baselineDays: number;
  threshold: number;
  /** The captures in the window, oldest first (to link the posts and group them into an incident). */
  messageIds: string[];
}

/** An alert raised before: while unacknowledged it holds back new alerts of its group. */
export interface RaisedSpike {
  topic: string;
  location: string | null;
  firedAt: number;
  acknowledged: boolean;
}

const DAY = 86_400_000;

function settingsOf(s: Partial<SpikeSettings> | undefined): SpikeSettings {
  const out = { ...DEFAULT_SPIKE_SETTINGS, ...s };
  // A short baseline needs no more history than itself.
  if (s?.minHistoryDays === undefined && typeof out.baselineDays === 'number')
    out.minHistoryDays = Math.min(DEFAULT_SPIKE_SETTINGS.minHistoryDays, out.baselineDays);
  const check = (name: keyof SpikeSettings, min: number, max: number, integer: boolean) => {
    const v = out[name] as number;
    if (typeof v !== 'number' || !(v >= min && v <= max) || (integer && !Number.isInteger(v)))
      throw new ReportError('bad-option', { value: String(v), min, max }, `spike setting ${name}`);
  };
  check('windowMinutes', 5, 7 * 24 * 60, true);
  check('baselineDays', 1, 90, true);
  check('threshold', 1, 1000, false);
  check('minCount', 1, 100_000, true);
  check('minHistoryDays', 1, out.baselineDays, true);
  return out;
}

const groupKey = (topic: string, location: string | null) => `${topic}\u0000${location ?? '\u0001'}`;

interface Group {
  topic: string;
  location: string | null;
  /** Capture instants, sorted, and their ids in the same order. */
  times: number[];
  ids: string[];
}

interface Grouped {
  groups: Group[];
  /** The captures in time order, each with its located group and topic-wide group (and its index in each). */
  order: Capture[];
  located: Group[];
  locatedAt: number[];
  wide: Array<Group | undefined>;
  wideAt: number[];
  /** The first capture's instant (Infinity for none). */
  first: number;
}

const usable = (c: Capture) => !!c && typeof c.detectedAt === 'number' && Number.isFinite(c.detectedAt) && typeof c.topic === 'string';

/** Captures in time order (already sorted ones, as the database's index gives them, are not sorted again). */
function inOrder(captures: readonly Capture[], from = -Infinity, to = Infinity): Capture[] {
  const list: Capture[] = [];
  let sorted = true;
  let last = -Infinity;
  for (const c of captures) {
    if (!usable(c) || c.detectedAt < from || c.detectedAt > to) continue;
    if (c.detectedAt < last) sorted = false;
    last = c.detectedAt;
    list.push(c);
  }
  return sorted ? list : list.sort((a, b) => a.detectedAt - b.detectedAt);
}

function groupCaptures(order: Capture[], topicWide: boolean): Grouped {
  const byTopic = new Map<string, { wide: Group | undefined; places: Map<string, Group> }>();
  const groups: Group[] = [];
  const n = order.length;
  const located = new Array<Group>(n);
  const locatedAt = new Array<number>(n);
  const wide = new Array<Group | undefined>(n);
  const wideAt = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const c = order[k]!;
    let t = byTopic.get(c.topic);
    if (!t) {
      t = { wide: undefined, places: new Map() };
      if (topicWide) groups.push((t.wide = { topic: c.topic, location: null, times: [], ids: [] }));
      byTopic.set(c.topic, t);
    }
    const location = typeof c.location === 'string' ? c.location : '';
    let g = t.places.get(location);
    if (!g) {
      g = { topic: c.topic, location, times: [], ids: [] };
      t.places.set(location, g);
      groups.push(g);
    }
    located[k] = g;
    locatedAt[k] = g.times.length;
    g.times.push(c.detectedAt);
    g.ids.push(c.id);
    wide[k] = t.wide;
    if (t.wide) {
      wideAt[k] = t.wide.times.length;
      t.wide.times.push(c.detectedAt);
      t.wide.ids.push(c.id);
    }
  }
  return { groups, order, located, locatedAt, wide, wideAt, first: n ? order[0]!.detectedAt : Infinity };
}

/** Captures in (a, b]: the window ends at the instant evaluated, inclusive. */
const countIn = (times: readonly number[], a: number, b: number) => upperBound(times, b) - upperBound(times, a);

/** The first index with times[i] > t. */
function upperBound(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The mean count of the same window of time of day over the previous `days` days that lie after
 * the history's start; null when fewer than `minDays` do.
 */
function baselineAt(times: readonly number[], at: number, window: number, days: number, minDays: number, historyFrom: number): number | null {
  let sum = 0;
  let n = 0;
  for (let k = 1; k <= days && at - k * DAY - window >= historyFrom; k++, n++) sum += countIn(times, at - k * DAY - window, at - k * DAY);
  return n >= minDays ? sum / n : null;
}

/**
 * Evaluates one group at `at`; an alert when the window's count is at least minCount and
 * exceeds threshold × max(baseline, 1) (a group that is usually silent needs minCount and
 * `threshold` captures at least).
 */
function evaluate(g: Group, at: number, s: SpikeSettings, end: number, historyFrom: number): SpikeAlert | null {
  const window = s.windowMinutes * 60_000;
  const first = upperBound(g.times, at - window);
  const count = end - first;
  if (count < s.minCount || count <= s.threshold) return null;
  const baseline = baselineAt(g.times, at, window, s.baselineDays, s.minHistoryDays, historyFrom);
  if (baseline === null || count <= s.threshold * Math.max(baseline, 1)) return null;
  return {
    kind: 'spike',
    id: `spike:${g.topic}|${g.location ?? '*'}@${at}`,
    topic: g.topic,
    location: g.location,
    firedAt: at,
    count,
    windowFrom: at - window,
    windowMinutes: s.windowMinutes,
    baseline,
    baselineDays: Math.min(s.baselineDays, Math.floor((at - window - historyFrom) / DAY)),
    threshold: s.threshold,
    messageIds: g.ids.slice(first, end),
  };
}

/** Whether a raised alert still holds back its group at `at`: unacknowledged, or acknowledged but its window not yet passed. */
const holds = (r: RaisedSpike, at: number, window: number) => !r.acknowledged || at - r.firedAt < window;

/**
 * Live detection at `now` (call it after each capture): the new spike alerts, given the alerts
 * raised before (`raised`; acknowledged or not) and when the workspace's captures start (`since`;
 * default the first capture given: pass at least baselineDays of captures). A group with an unacknowledged alert, or one
 * acknowledged less than a window ago, gets none; a topic-wide alert is held back while one of
 * its locations has (or gets) one.
 */
export function detectSpikes(
  captures: readonly Capture[],
  now: number,
  settings?: Partial<SpikeSettings>,
  raised: readonly RaisedSpike[] = [],
  since?: number,
): SpikeAlert[] {
  const s = settingsOf(settings);
  const window = s.windowMinutes * 60_000;
  // Only the window and its baseline matter: the rest is not grouped at all.
  let first = Infinity;
  for (const c of captures) if (usable(c) && c.detectedAt < first) first = c.detectedAt;
  const historyFrom = typeof since === 'number' && Number.isFinite(since) ? since : first;
  const { groups } = groupCaptures(inOrder(captures, now - window - s.baselineDays * DAY, now), s.topicWide);
  const held = new Set<string>();
  const heldTopics = new Set<string>();
  for (const r of raised)
    if (holds(r, now, window)) {
      held.add(groupKey(r.topic, r.location));
      if (r.location !== null) heldTopics.add(r.topic);
    }
  const out: SpikeAlert[] = [];
  for (const g of groups) {
    if (held.has(groupKey(g.topic, g.location)) || g.location === null) continue;
    const a = evaluate(g, now, s, upperBound(g.times, now), historyFrom);
    if (a) out.push(a);
  }
  const fresh = new Set(out.map((a) => a.topic));
  for (const g of groups) {
    if (g.location !== null || held.has(groupKey(g.topic, null)) || heldTopics.has(g.topic) || fresh.has(g.topic)) continue;
    const a = evaluate(g, now, s, upperBound(g.times, now), historyFrom);
    if (a) out.push(a);
  }
  return out.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
}

/**
 * Replays captures in time order over [from, to) and returns every alert live detection would
 * have raised (each evaluated at a capture's instant), given which alert ids were acknowledged
 * (an acknowledged alert holds its group back for one window more). For the report's list of
 * spikes of a period, and for tests on synthetic series.
 */
export function scanSpikes(
  captures: readonly Capture[],
  from: number,
  to: number,
  settings?: Partial<SpikeSettings>,
  acknowledged: ReadonlySet<string> = new Set(),
  since?: number,
): SpikeAlert[] {
  const s = settingsOf(settings);
  if (!(typeof from === 'number' && typeof to === 'number' && from < to)) throw new ReportError('period-reversed', { value: `${from}..${to}` }, 'scanSpikes');
  const window = s.windowMinutes * 60_000;
  const g = groupCaptures(inOrder(captures, -Infinity, to), s.topicWide);
  const historyFrom = typeof since === 'number' && Number.isFinite(since) ? since : g.first;
  /** The last alert of each group, and whether it holds the group back at `at`. */
  const last = new Map<Group, SpikeAlert>();
  const lastLocated = new Map<string, SpikeAlert>();
  const holding = (a: SpikeAlert | undefined, at: number) => !!a && (!acknowledged.has(a.id) || at - a.firedAt < window);
  const out: SpikeAlert[] = [];
  // In time order, each capture's located group, then its topic-wide one; once per instant.
  for (let k = 0; k < g.order.length; k++) {
    const at = g.order[k]!.detectedAt;
    if (at < from) continue;
    const located = g.located[k]!;
    const i = g.locatedAt[k]!;
    if (!(i + 1 < located.times.length && located.times[i + 1] === at) && !holding(last.get(located), at)) {
      const a = evaluate(located, at, s, i + 1, historyFrom);
      if (a) {
        last.set(located, a);
        lastLocated.set(a.topic, a);
        out.push(a);
      }
    }
    const wide = g.wide[k];
    if (!wide) continue;
    const j = g.wideAt[k]!;
    if (j + 1 < wide.times.length && wide.times[j + 1] === at) continue;
    if (holding(last.get(wide), at) || holding(lastLocated.get(wide.topic), at)) continue;
    const a = evaluate(wide, at, s, j + 1, historyFrom);
    if (a) {
      last.set(wide, a);
      out.push(a);
    }
  }
  return out;
}
