/**
 * The four seed regulations as data: every timer with its duration, clock, what it counts from,
 * what stops it, and the clause it comes from. Workspaces may edit a copy (the `custom` profile
 * starts as Yakutia's); regulationProfileSchema validates edited profiles.
 *
 * Choices where the seeds are silent or ambiguous are in lib/regulations/decisions.md.
 */
import { z } from 'zod';
import type { Region } from '../worktime/calendars';

export const deadlineKinds = ['route', 'return', 'draft', 'approve', 'rework', 'publish', 'answer', 'final', 'part', 'summary'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];
export type ProfileId = 'yakutia' | 'khabarovsk' | 'saratov' | 'ivanovo' | 'custom';

const clock = z.enum(['working', 'calendar']);
const clause = z.string().min(1);

/** A timer measured in minutes (working or calendar). */
const minutesTimer = z.object({ minutes: z.number().int().positive(), clock, clause, note: z.string().optional() });

export const importanceCategorySchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Multiplies the terms of `kinds` (0.5 halves them); 1 leaves them as the regulation says. */
  factor: z.number().positive().max(1).default(1),
  kinds: z.array(z.enum(deadlineKinds)).default([]),
  clause: z.string().optional(),
});
export type ImportanceCategory = z.infer<typeof importanceCategorySchema>;

export const regulationProfileSchema = z.object({
  id: z.enum(['yakutia', 'khabarovsk', 'saratov', 'ivanovo', 'custom']),
  name: z.string(),
  act: z.string(),
  region: z.enum(['yakutia', 'khabarovsk', 'saratov', 'ivanovo']).optional(),
  timers: z.object({
    /** Curator routes the message to the body, from detection. */
    route: minutesTimer,
    /** Several bodies: routing to all of them (Khabarovsk п. 7); defaults to `route`. */
    routeSeveral: minutesTimer.optional(),
    /** Executor may return it as outside competence, from receipt. */
    return: minutesTimer,
    /** Curator re-routes a returned message, from the return. */
    reroute: minutesTimer,
    /** The answer is published, from detection (Khabarovsk states none: derived). */
    answer: minutesTimer.extend({ derived: z.boolean().optional() }),
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
    /** Final answer after an interim one, in working days (see lib/worktime/days.ts). */
    final: z.object({ workingDays: z.number().int().positive(), clause, note: z.string().optional() }),
    /** Each body's part when several bodies answer. */
    part: minutesTimer,
    /** Parallel answering: the curator's summary answer after the last part. */
    summary: minutesTimer.optional(),
  }),
  severalBodies: z.enum(['sequential', 'parallel']),
  severalBodiesClause: z.string(),
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
export type RegulationProfile = z.infer<typeof regulationProfileSchema>;

const standardImportance = (clauseText?: string): ImportanceCategory[] => [
  { id: 'normal', label: 'Обычная', factor: 1, kinds: [] },
  { id: 'high', label: 'Высокая', factor: 1, kinds: [] },
  clauseText
    ? {
        id: 'critical',
        label: 'Социально значимая',
        factor: 0.5,
        kinds: ['answer', 'draft', 'approve', 'publish'],
        clause: clauseText,
      }
    : { id: 'critical', label: 'Социально значимая', factor: 1, kinds: [] },
];

const YAKUTIA: RegulationProfile = {
  id: 'yakutia',
  name: 'Республика Саха (Якутия)',
  act: 'Указ Главы РС(Я) от 23.04.2020 № 1131, прил. 2',
  region: 'yakutia',
  timers: {
    route: { minutes: 30, clock: 'working', clause: 'п. 7' },
    return: { minutes: 30, clock: 'working', clause: 'п. 8' },
    reroute: { minutes: 30, clock: 'working', clause: 'п. 7 (срок направления применяется к повторному направлению)' },
    answer: { minutes: 8 * 60, clock: 'working', clause: 'п. 9' },
    draft: { beforeAnswer: 4 * 60, clock: 'working', clause: 'п. 10' },
    approve: { minutes: 30, clock: 'working', clause: 'п. 11' },
    rework: { minutes: 60, clock: 'working', clause: 'п. 12', publishesDirectly: false },
    publish: { minutes: 30, clock: 'working', clause: 'п. 13' },
    final: { workingDays: 7, clause: 'п. 14' },
    part: { minutes: 2 * 60, clock: 'working', clause: 'п. 15' },
  },
  severalBodies: 'sequential',
  severalBodiesClause: 'п. 15',
  importance: standardImportance(),
  notProcessableClause: 'п. 18',
  reports: { summary: 'weekly', clause: 'п. 21', immediate: 'п. 22' },
};

const KHABAROVSK: RegulationProfile = {
  id: 'khabarovsk',
  name: 'Хабаровский край',
  act: 'Постановление Правительства Хабаровского края от 17.03.2020 № 77-пр',
  region: 'khabarovsk',
  timers: {
    route: { minutes: 60, clock: 'working', clause: 'п. 6' },
    routeSeveral: { minutes: 60, clock: 'working', clause: 'п. 7' },
    return: { minutes: 60, clock: 'working', clause: 'п. 8' },
    reroute: { minutes: 60, clock: 'working', clause: 'п. 8, абз. 2' },
    answer: {
      minutes: 9 * 60,
      clock: 'working',
      clause: 'п. 6, 10, 12, 13',
      derived: true,
      note: 'Общий срок не установлен: сумма сроков этапов (1 ч + 6 ч + 1 ч + 1 ч)',
    },
    draft: { minutes: 6 * 60, clock: 'working', clause: 'п. 10', from: 'receivedAt' },
    approve: { minutes: 60, clock: 'working', clause: 'п. 12' },
    rework: { minutes: 60, clock: 'working', clause: 'п. 12, абз. 2', publishesDirectly: true },
    publish: { minutes: 60, clock: 'working', clause: 'п. 13' },
    final: { workingDays: 7, clause: 'п. 11, абз. 2' },
    part: { minutes: 6 * 60, clock: 'working', clause: 'п. 7, 10' },
    summary: { minutes: 60, clock: 'working', clause: 'п. 13, абз. 3' },
  },
  severalBodies: 'parallel',
  severalBodiesClause: 'п. 7, 13',
  importance: standardImportance(),
  notProcessableClause: 'п. 4',
  reports: { summary: 'monthly', dueDayOfNextMonth: 20, clause: 'п. 15' },
};

const SARATOV: RegulationProfile = {
  id: 'saratov',
  name: 'Саратовская область',
  act: 'Постановление Губернатора Саратовской области от 24.03.2020 № 92',
  region: 'saratov',
  timers: {
    route: { minutes: 30, clock: 'working', clause: 'п. 7' },
    return: { minutes: 30, clock: 'working', clause: 'п. 8' },
    reroute: { minutes: 30, clock: 'working', clause: 'п. 7 (срок направления применяется к повторному направлению)' },
    answer: { minutes: 9 * 60, clock: 'working', clause: 'п. 9' },
    draft: { beforeAnswer: 4 * 60, clock: 'working', clause: 'п. 10, абз. 1' },
    approve: { minutes: 30, clock: 'working', clause: 'п. 10, абз. 2' },
    rework: { minutes: 60, clock: 'working', clause: 'п. 10, абз. 3', publishesDirectly: false },
    publish: { minutes: 30, clock: 'working', clause: 'п. 11' },
    final: { workingDays: 7, clause: 'п. 12' },
    part: { minutes: 2 * 60, clock: 'working', clause: 'п. 13' },
  },
  severalBodies: 'sequential',
  severalBodiesClause: 'п. 13',
  importance: standardImportance('п. 7: куратор определяет сроки реагирования с учётом категории важности'),
  notProcessableClause: 'п. 16',
  reports: { summary: 'monthly', clause: 'п. 19', immediate: 'п. 19' },
};

const IVANOVO: RegulationProfile = {
  id: 'ivanovo',
  name: 'Ивановская область',
  act: 'Приказ Департамента внутренней политики Ивановской области от 17.08.2020 № 238',
  region: 'ivanovo',
  timers: {
    route: { minutes: 90, clock: 'working', clause: 'п. 7' },
    return: { minutes: 60, clock: 'working', clause: 'п. 8' },
    reroute: { minutes: 90, clock: 'working', clause: 'п. 7 (срок направления применяется к повторному направлению)' },
    answer: { minutes: 9 * 60, clock: 'working', clause: 'п. 9' },
    draft: { beforeAnswer: 4 * 60, clock: 'working', clause: 'п. 10' },
    approve: { minutes: 90, clock: 'working', clause: 'п. 11' },
    rework: { minutes: 60, clock: 'working', clause: 'п. 12', publishesDirectly: false },
    publish: { minutes: 30, clock: 'working', clause: 'п. 13' },
    final: { workingDays: 10, clause: 'п. 14' },
    part: { minutes: 2 * 60, clock: 'working', clause: 'п. 15' },
  },
  severalBodies: 'sequential',
  severalBodiesClause: 'п. 15',
  importance: standardImportance('п. 7: куратор может принять решение о реагировании в сокращённый срок'),
  notProcessableClause: 'п. 18',
  reports: { summary: 'weekly', clause: 'п. 21', immediate: 'п. 21' },
};

const PROFILES: Record<Exclude<ProfileId, 'custom'>, RegulationProfile> = {
  yakutia: YAKUTIA,
  khabarovsk: KHABAROVSK,
  saratov: SARATOV,
  ivanovo: IVANOVO,
};

/** A seed regulation's profile (a deep copy: editing it changes nothing shared). */
export function getProfile(id: ProfileId): RegulationProfile {
  if (id === 'custom') return { ...structuredClone(YAKUTIA), id: 'custom', name: 'Собственный регламент' };
  const profile = PROFILES[id];
  if (!profile) throw new Error(`Неизвестный регламент: ${String(id)}`);
  return structuredClone(profile);
}

export const PROFILE_IDS = Object.keys(PROFILES) as Array<Exclude<ProfileId, 'custom'>>;

/** The working-time region a profile's bodies follow by default. */
export function profileRegion(profile: RegulationProfile): Region | undefined {
  return profile.region;
}
