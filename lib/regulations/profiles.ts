/**
 * The four seed regulations as data: every timer with its duration, clock, what it counts from,
 * what stops it, and the clause it comes from. Workspaces may edit a copy (the `custom` profile
 * starts as Yakutia's); regulationProfileSchema validates edited profiles.
 *
 * Choices where the seeds are silent or ambiguous are in lib/regulations/decisions.md.
 */
import { z } from 'zod';
import type { Region } from '../worktime/calendars';

export { deadlineKinds, type DeadlineKind } from './kinds';
export type ProfileId = 'yakutia' | 'khabarovsk' | 'saratov' | 'ivanovo' | 'custom';

/** The rules' revision: profiles stored before it are upgraded when read (upgradeStoredProfile). */
export const PROFILE_REVISION = 2;

const clock = z.enum(['working', 'calendar']);
const clause = z.string().min(1);

/** A timer measured in minutes (working or calendar). */
const minutesTimer = z.object({ minutes: z.number().int().positive(), clock, clause, note: z.string().optional() });
/** What a body's own clock counts from: its turn (routing to it) or its receipt, where the act says «с момента получения». */
const fromTurnOrReceipt = z.enum(['routedAt', 'receivedAt']).default('routedAt');

/**
 * An importance category: a label the curator records (п. 6–7). It never shortens terms by a
 * fixed factor: where the act lets the curator set shorter terms (Saratov п. 7, Ivanovo п. 7)
 * they are set per message (`shortTerm`). `immediateReport`: a socially significant post, to be
 * reported at once (Yakutia п. 22, Saratov п. 19, Ivanovo п. 21).
 *
 * The UI names a category by its id (form.importance.<id>), never by `label`: profiles stored by
 * older releases carry a Russian label there, and the seeds carry their id (a code, not a text),
 * because older releases require one to read a profile (a backup, a synced directory).
 */
export const importanceCategorySchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  immediateReport: z.boolean().default(false),
  clause: z.string().optional(),
});
export type ImportanceCategory = z.infer<typeof importanceCategorySchema>;

const profileShape = z.object({
  id: z.enum(['yakutia', 'khabarovsk', 'saratov', 'ivanovo', 'custom']),
  revision: z.number().int().min(1).default(1),
  name: z.string(),
  act: z.string(),
  region: z.enum(['yakutia', 'khabarovsk', 'saratov', 'ivanovo']).optional(),
  timers: z.object({
    /** Curator routes the message to the body, from detection. */
    route: minutesTimer,
    /** Several bodies: routing to all of them (Khabarovsk п. 7); defaults to `route`. */
    routeSeveral: minutesTimer.optional(),
    /** Executor may return it as outside competence: a window from the body's turn or receipt. */
    return: minutesTimer.extend({ from: fromTurnOrReceipt }),
    /** Curator re-routes a returned message, from the return. */
    reroute: minutesTimer,
    /**
     * The answer is published, from detection. Absent where the act states no overall term
     * (Khabarovsk): each step has its own. `derived` marks a sum stored by an older release,
     * which is not the act's and is ignored.
     */
    answer: minutesTimer.extend({ derived: z.boolean().optional() }).optional(),
    /**
     * A workspace's own overall target, labelled as its own: shown, never a breach of the act.
     * Its clause is the text the options page wrote (options.target.clause), in the language then in use.
     */
    target: z.object({ minutes: z.number().int().positive(), clock, clause: z.string().default('') }).optional(),
    /**
     * The draft reaches the curator: either `minutes` from receipt (Khabarovsk п. 10) or
     * `beforeAnswer` minutes before the answer deadline (Yakutia, Saratov, Ivanovo п. 10).
     */
    draft: z.union([
      minutesTimer.extend({ from: z.literal('receivedAt') }),
      z.object({ beforeAnswer: z.number().int().positive(), clock, clause, note: z.string().optional() }),
    ]),
    approve: minutesTimer,
    rework: minutesTimer.extend({ publishesDirectly: z.boolean() }),
    publish: minutesTimer,
    /**
     * Khabarovsk п. 13 абз. 2: the executor has no account in the network, so the curator
     * publishes within this term of receiving the draft, approval included.
     */
    curatorPublish: minutesTimer.optional(),
    /**
     * Final answer after an interim one, in working days (see lib/worktime/days.ts): counted from
     * the interim answer's publication or from its draft reaching the curator (Khabarovsk п. 11);
     * stopped by the final draft reaching the curator (Yakutia, Ivanovo п. 14) or by the final
     * answer's publication (Khabarovsk п. 11, Saratov п. 12).
     */
    final: z.object({
      workingDays: z.number().int().positive(),
      clause,
      from: z.enum(['interimPublishedAt', 'interimSubmittedAt']).default('interimPublishedAt'),
      stops: z.enum(['draft', 'publication']).default('publication'),
      note: z.string().optional(),
    }),
    /** Each body's part when several bodies answer, from its turn or receipt. */
    part: minutesTimer.extend({ from: fromTurnOrReceipt }),
    /** Parallel answering: the curator's summary answer after the last approved or reworked part. */
    summary: minutesTimer.optional(),
  }),
  /** The region's one way of answering by several bodies (Khabarovsk п. 7: parallel; the others sequential). */
  severalBodies: z.enum(['sequential', 'parallel']),
  severalBodiesClause: z.string(),
  /** Who publishes an approved answer (Yakutia п. 13: executor or curator; elsewhere the executor). */
  publishers: z
    .array(z.enum(['executor', 'curator']))
    .min(1)
    .default(['executor', 'curator']),
  publishersClause: z.string().default(''),
  /** A clarification request to the author is a step of the act (not in Khabarovsk). */
  clarification: z.boolean().default(true),
  /** The curator must state the location (Khabarovsk п. 6, Saratov п. 7, Ivanovo п. 7). */
  locationRequired: z.boolean().default(false),
  locationClause: z.string().optional(),
  /** The curator may set a shorter term on a message (Saratov п. 7, Ivanovo п. 7). */
  shortTermClause: z.string().optional(),
  /** The curator may ask for «до/после» photos (Yakutia п. 17). */
  photosClause: z.string().optional(),
  /** The official representative in whose name answers are posted (Saratov п. 6). */
  representativeClause: z.string().optional(),
  importance: z.array(importanceCategorySchema).min(1),
  notProcessableClause: z.string(),
  reports: z.object({
    summary: z.enum(['weekly', 'monthly']),
    /** Monthly reports due by this day of the next month (Khabarovsk: the 20th). */
    dueDayOfNextMonth: z.number().int().min(1).max(28).optional(),
    clause: z.string(),
    immediate: z.string().optional(),
  }),
});

/**
 * A profile as stored by an older release (revision 1) takes this revision's rules from its seed
 * act — mode, who publishes, what each timer counts from and what stops it — and keeps the
 * terms the workspace edited (minutes, clock). The invented Khabarovsk overall term is dropped.
 */
export function upgradeStoredProfile(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const stored = raw as Record<string, unknown> & { id?: unknown; revision?: unknown; timers?: Record<string, unknown> };
  if (typeof stored.revision === 'number' && stored.revision >= PROFILE_REVISION) return raw;
  const seedId = stored.id === 'custom' ? 'yakutia' : stored.id;
  const seed = typeof seedId === 'string' && seedId in PROFILES ? PROFILES[seedId as keyof typeof PROFILES] : undefined;
  if (!seed || !stored.timers || typeof stored.timers !== 'object') return raw;
  const timers: Record<string, unknown> = {};
  for (const [kind, seedTimer] of Object.entries(seed.timers)) {
    const old = stored.timers[kind];
    timers[kind] =
      old && typeof old === 'object' && seedTimer && typeof seedTimer === 'object'
        ? { ...seedTimer, ...pick(old as Record<string, unknown>, ['minutes', 'clock', 'workingDays', 'beforeAnswer']) }
        : seedTimer;
  }
  const storedAnswer = stored.timers.answer as { derived?: unknown } | undefined;
  if (!seed.timers.answer && storedAnswer && !storedAnswer.derived) timers.answer = storedAnswer;
  const { importance: _importance, ...rest } = stored;
  return { ...structuredClone(seed), ...pick(rest, ['id', 'name', 'act']), timers, revision: PROFILE_REVISION };
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

export const regulationProfileSchema = z.preprocess(upgradeStoredProfile, profileShape);
export type RegulationProfile = z.output<typeof profileShape>;

const IMPORTANCE: ImportanceCategory[] = [
  { id: 'normal', label: 'normal', immediateReport: false },
  { id: 'high', label: 'high', immediateReport: false },
  { id: 'critical', label: 'critical', immediateReport: true },
];

const YAKUTIA: RegulationProfile = {
  id: 'yakutia',
  revision: PROFILE_REVISION,
  name: 'Республика Саха (Якутия)',
  act: 'Указ Главы РС(Я) от 23.04.2020 № 1131, прил. 2',
  region: 'yakutia',
  timers: {
    route: { minutes: 30, clock: 'working', clause: 'п. 7' },
    return: { minutes: 30, clock: 'working', clause: 'п. 8', from: 'routedAt' },
    reroute: { minutes: 30, clock: 'working', clause: 'п. 7 (срок направления применяется к повторному направлению)' },
    answer: { minutes: 8 * 60, clock: 'working', clause: 'п. 9' },
    draft: { beforeAnswer: 4 * 60, clock: 'working', clause: 'п. 10' },
    approve: { minutes: 30, clock: 'working', clause: 'п. 11' },
    rework: { minutes: 60, clock: 'working', clause: 'п. 12', publishesDirectly: false },
    publish: { minutes: 30, clock: 'working', clause: 'п. 13' },
    final: { workingDays: 7, clause: 'п. 14', from: 'interimPublishedAt', stops: 'draft' },
    part: { minutes: 2 * 60, clock: 'working', clause: 'п. 15', from: 'routedAt' },
  },
  severalBodies: 'sequential',
  severalBodiesClause: 'п. 15',
  publishers: ['executor', 'curator'],
  publishersClause: 'п. 13',
  clarification: true,
  locationRequired: false,
  photosClause: 'п. 17',
  importance: IMPORTANCE.map((c) => (c.immediateReport ? { ...c, clause: 'п. 22' } : c)),
  notProcessableClause: 'п. 18',
  reports: { summary: 'weekly', clause: 'п. 21', immediate: 'п. 22' },
};

const KHABAROVSK: RegulationProfile = {
  id: 'khabarovsk',
  revision: PROFILE_REVISION,
  name: 'Хабаровский край',
  act: 'Постановление Правительства Хабаровского края от 17.03.2020 № 77-пр',
  region: 'khabarovsk',
  timers: {
    route: { minutes: 60, clock: 'working', clause: 'п. 6' },
    routeSeveral: { minutes: 60, clock: 'working', clause: 'п. 7' },
    return: { minutes: 60, clock: 'working', clause: 'п. 8', from: 'receivedAt' },
    reroute: { minutes: 60, clock: 'working', clause: 'п. 8, абз. 2' },
    draft: { minutes: 6 * 60, clock: 'working', clause: 'п. 10', from: 'receivedAt' },
    approve: { minutes: 60, clock: 'working', clause: 'п. 12' },
    rework: { minutes: 60, clock: 'working', clause: 'п. 12, абз. 2', publishesDirectly: true },
    publish: { minutes: 60, clock: 'working', clause: 'п. 13' },
    curatorPublish: { minutes: 60, clock: 'working', clause: 'п. 13, абз. 2' },
    final: { workingDays: 7, clause: 'п. 11, абз. 2', from: 'interimSubmittedAt', stops: 'publication' },
    part: { minutes: 6 * 60, clock: 'working', clause: 'п. 7, 10', from: 'receivedAt' },
    summary: { minutes: 60, clock: 'working', clause: 'п. 13, абз. 3' },
  },
  severalBodies: 'parallel',
  severalBodiesClause: 'п. 7, 13',
  publishers: ['executor'],
  publishersClause: 'п. 13',
  clarification: false,
  locationRequired: true,
  locationClause: 'п. 6',
  importance: IMPORTANCE.map((c) => ({ ...c, immediateReport: false })),
  notProcessableClause: 'п. 4',
  reports: { summary: 'monthly', dueDayOfNextMonth: 20, clause: 'п. 15' },
};

const SARATOV: RegulationProfile = {
  id: 'saratov',
  revision: PROFILE_REVISION,
  name: 'Саратовская область',
  act: 'Постановление Губернатора Саратовской области от 24.03.2020 № 92',
  region: 'saratov',
  timers: {
    route: { minutes: 30, clock: 'working', clause: 'п. 7' },
    return: { minutes: 30, clock: 'working', clause: 'п. 8', from: 'routedAt' },
    reroute: { minutes: 30, clock: 'working', clause: 'п. 7 (срок направления применяется к повторному направлению)' },
    answer: { minutes: 9 * 60, clock: 'working', clause: 'п. 9' },
    draft: { beforeAnswer: 4 * 60, clock: 'working', clause: 'п. 10, абз. 1' },
    approve: { minutes: 30, clock: 'working', clause: 'п. 10, абз. 2' },
    rework: { minutes: 60, clock: 'working', clause: 'п. 10, абз. 3', publishesDirectly: false },
    publish: { minutes: 30, clock: 'working', clause: 'п. 11' },
    final: { workingDays: 7, clause: 'п. 12', from: 'interimPublishedAt', stops: 'publication' },
    part: { minutes: 2 * 60, clock: 'working', clause: 'п. 13', from: 'routedAt' },
  },
  severalBodies: 'sequential',
  severalBodiesClause: 'п. 13',
  publishers: ['executor'],
  publishersClause: 'п. 11',
  clarification: true,
  locationRequired: true,
  locationClause: 'п. 7',
  shortTermClause: 'п. 7',
  representativeClause: 'п. 6',
  importance: IMPORTANCE.map((c) => (c.immediateReport ? { ...c, clause: 'п. 19, абз. 3' } : c)),
  notProcessableClause: 'п. 16',
  reports: { summary: 'monthly', clause: 'п. 19', immediate: 'п. 19' },
};

const IVANOVO: RegulationProfile = {
  id: 'ivanovo',
  revision: PROFILE_REVISION,
  name: 'Ивановская область',
  act: 'Приказ Департамента внутренней политики Ивановской области от 17.08.2020 № 238',
  region: 'ivanovo',
  timers: {
    route: { minutes: 90, clock: 'working', clause: 'п. 7' },
    return: { minutes: 60, clock: 'working', clause: 'п. 8', from: 'routedAt' },
    reroute: { minutes: 90, clock: 'working', clause: 'п. 7 (срок направления применяется к повторному направлению)' },
    answer: { minutes: 9 * 60, clock: 'working', clause: 'п. 9' },
    draft: { beforeAnswer: 4 * 60, clock: 'working', clause: 'п. 10' },
    approve: { minutes: 90, clock: 'working', clause: 'п. 11' },
    rework: { minutes: 60, clock: 'working', clause: 'п. 12', publishesDirectly: false },
    publish: { minutes: 30, clock: 'working', clause: 'п. 13' },
    final: { workingDays: 10, clause: 'п. 14', from: 'interimPublishedAt', stops: 'draft' },
    part: { minutes: 2 * 60, clock: 'working', clause: 'п. 15', from: 'routedAt' },
  },
  severalBodies: 'sequential',
  severalBodiesClause: 'п. 15',
  publishers: ['executor'],
  publishersClause: 'п. 13',
  clarification: true,
  locationRequired: true,
  locationClause: 'п. 7',
  shortTermClause: 'п. 7',
  importance: IMPORTANCE.map((c) => (c.immediateReport ? { ...c, clause: 'п. 21, абз. 2' } : c)),
  notProcessableClause: 'п. 18',
  reports: { summary: 'weekly', clause: 'п. 21', immediate: 'п. 21' },
};

const PROFILES: Record<Exclude<ProfileId, 'custom'>, RegulationProfile> = {
  yakutia: YAKUTIA,
  khabarovsk: KHABAROVSK,
  saratov: SARATOV,
  ivanovo: IVANOVO,
};

/**
 * A seed regulation's profile (a deep copy: editing it changes nothing shared). The `custom`
 * profile starts as Yakutia's with no act's name of its own: the UI names it by its id.
 */
export function getProfile(id: ProfileId): RegulationProfile {
  if (id === 'custom') return { ...structuredClone(YAKUTIA), id: 'custom', name: '' };
  const profile = PROFILES[id];
  // A programming error (ids are typed), never shown to a person.
  if (!profile) throw new Error(`Unknown regulation profile: ${String(id)}`);
  return structuredClone(profile);
}

export const PROFILE_IDS = Object.keys(PROFILES) as Array<Exclude<ProfileId, 'custom'>>;

/** The working-time region a profile's bodies follow by default. */
export function profileRegion(profile: RegulationProfile): Region | undefined {
  return profile.region;
}
