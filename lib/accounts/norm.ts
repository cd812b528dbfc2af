/**
 * The weekly publication norm: ≥ 2 mandatory (Saratov п. 4), ≥ 5 recommended (Yakutia прил. 1
 * п. 2.2; Khabarovsk bodies п. 5 абз. 2), ≥ 10 recommended (Khabarovsk government п. 5 абз. 1),
 * fewer allowed in a week without enough newsworthy events (Khabarovsk п. 5 абз. 3, bodies only).
 * A workspace may set its own norm; it is then labelled as its own, not the act's.
 */
import { ACTS, type ActId, type BodyKind, type Clause } from './acts';
import { weeklyCount, type Publication, type Week } from './week';

export interface PublicationNorm {
  min: number;
  level: 'mandatory' | 'recommended';
  /** The act's clause; absent for the workspace's own norm. */
  clause?: Clause;
  /** The clause that allows fewer in a week without newsworthy events, where the act has one. */
  fewerAllowed?: Clause;
  /** The workspace's own setting, not the act's. */
  own?: boolean;
}

/** A workspace's own norm for a body kind (editable in the options). */
export interface NormSetting {
  min: number;
  level: 'mandatory' | 'recommended';
}

/** The norm for an act and body kind, the workspace's setting first; null where neither sets one (Ivanovo, Zhatay). */
export function publicationNorm(act: ActId, kind: BodyKind, setting?: NormSetting | null): PublicationNorm | null {
  const rule = ACTS[act].norm[kind];
  const fewerAllowed = rule?.fewerAllowed ? { act, clause: rule.fewerAllowed } : undefined;
  if (setting && Number.isInteger(setting.min) && setting.min >= 0)
    return { min: setting.min, level: setting.level, own: true, ...(fewerAllowed ? { fewerAllowed } : {}) };
  if (!rule) return null;
  return { min: rule.min, level: rule.level, clause: { act, clause: rule.clause }, ...(fewerAllowed ? { fewerAllowed } : {}) };
}

export type NormState =
  /** The week has at least the norm. */
  | 'met'
  /** The week is not over and has fewer so far. */
  | 'open'
  /** The week is over with fewer: a breach of a mandatory norm, a shortfall of a recommended one. */
  | 'missed'
  /** The week is over with fewer, and the body said it had no newsworthy events where the act allows that. */
  | 'excused'
  /** No norm applies. */
  | 'none';

export interface NormStatus {
  state: NormState;
  count: number;
  min?: number;
  /** How many more the week needs (0 when met). */
  missing: number;
  level?: PublicationNorm['level'];
  clause?: Clause;
  own?: boolean;
}

export interface NormInput {
  publications: readonly Publication[];
  week: Week;
  norm: PublicationNorm | null;
  now: number;
  /** The body reported a week without enough newsworthy events (Khabarovsk п. 5 абз. 3). */
  fewEvents?: boolean;
}

/** Where a body's account stands against the norm in a week. */
export function normStatus({ publications, week, norm, now, fewEvents = false }: NormInput): NormStatus {
  const count = weeklyCount(publications, week);
  if (!norm) return { state: 'none', count, missing: 0 };
  const missing = Math.max(0, norm.min - count);
  const base = { count, min: norm.min, missing, level: norm.level, ...(norm.own ? { own: true } : {}) };
  if (missing === 0) return { state: 'met', ...base, ...(norm.clause ? { clause: norm.clause } : {}) };
  if (now < week.end) return { state: 'open', ...base, ...(norm.clause ? { clause: norm.clause } : {}) };
  if (fewEvents && norm.fewerAllowed) return { state: 'excused', ...base, clause: norm.fewerAllowed };
  return { state: 'missed', ...base, ...(norm.clause ? { clause: norm.clause } : {}) };
}
