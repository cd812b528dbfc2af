/**
 * The workspace: region, regulation profile, schedule, directory (bodies with executors and
 * substitutes, topics, locations), the current user. Plain JSON, zod-validated, editable;
 * starter data for each seed region.
 */
import { z } from 'zod';
import { issueParams } from '../i18n/issues';
import { getProfile, regulationProfileSchema, type ProfileId } from '../regulations';
import { scheduleSpecSchema, type Region } from '../worktime';
import { canonicalProfile } from '../sites/hosts';
import { matchScore, resolveEntry } from './directory-match';
import { actorSchema, type Actor, type Message } from '../model/workflow';
import { queueKeys } from './queue-keys';

/** A week without hours: override dates are checked as a schedule's `days`. */
const NO_WEEK = { '1': [], '2': [], '3': [], '4': [], '5': [], '6': [], '7': [] };

export const regionSchema = z.enum(['yakutia', 'khabarovsk', 'saratov', 'ivanovo']);

export const executorEntrySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** Who covers during absence (the seeds require cover), by executor id. */
  substitutes: z.array(z.string()).default([]),
  absent: z.boolean().default(false),
  /**
   * The networks where the executor has an account (Khabarovsk п. 13 абз. 2: without one the
   * curator publishes). Absent: not recorded.
   */
  accounts: z.array(z.enum(['vk', 'ok'])).optional(),
});

export const bodySchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  executors: z.array(executorEntrySchema).default([]),
  responsibleOfficial: z.string().optional(),
  /** Saratov: the person on whose behalf answers are posted. */
  officialRepresentative: z.string().optional(),
  /** The body's own pages (VK or OK communities): a reply posted from one is the body's answer. */
  pages: z.array(z.string().max(500)).max(20).default([]),
});
export type Body = z.infer<typeof bodySchema>;

export const topicSchema = z.object({ id: z.string().min(1), name: z.string().min(1), group: z.string().default('') });

export const workspaceSchema = z.object({
  version: z.literal(1),
  region: regionSchema,
  profile: regulationProfileSchema,
  schedule: z.object({
    presidentialDays: z.boolean().default(true),
    regionalDays: z.boolean().default(true),
    /** Dates with their own hours ('yyyy-MM-dd' → intervals; [] = day off). */
    overrides: z
      .record(z.string(), z.array(z.tuple([z.string(), z.string()])))
      .default({})
      // The same rules as any schedule (times, order, real dates): a bad date here would make
      // every screen's calendar throw, so it is refused when saved or imported.
      .superRefine((overrides, ctx) => {
        const checked = scheduleSpecSchema.safeParse({ zone: 'UTC', week: NO_WEEK, days: overrides });
        if (!checked.success)
          for (const issue of checked.error.issues)
            ctx.addIssue({ code: 'custom', path: issue.path.slice(1), message: issue.message, params: issueParams(issue) });
      }),
  }),
  bodies: z.array(bodySchema),
  topics: z.array(topicSchema),
  locations: z.array(z.string()),
  user: actorSchema,
  /** The official's own profiles on VK and OK: a reply posted from one of them is theirs. */
  ownProfiles: z.array(z.string().max(500)).max(10).default([]),
  notifyLeadMinutes: z.number().int().min(0).max(480).default(30),
  disabledLintRules: z.array(z.string()).default([]),
});
export type Workspace = z.infer<typeof workspaceSchema>;

export { workspaceSchedule } from './schedule';

/** An actor by id as the workspace knows them (for replaying logs and showing names). */
export function actorById(ws: Workspace, id: string): Actor {
  if (id === ws.user.id) return ws.user;
  for (const body of ws.bodies) {
    const ex = body.executors.find((e) => e.id === id);
    if (ex) return { id, name: ex.name, roles: ['executor'], bodies: [body.id] };
  }
  return { id, name: id, roles: ['curator'], bodies: [] };
}

const TOPICS: Array<[string, string]> = [
  ['Дороги', 'Дороги и транспорт'],
  ['Общественный транспорт', 'Дороги и транспорт'],
  ['Уборка снега и наледи', 'Дороги и транспорт'],
  ['Освещение улиц', 'Благоустройство'],
  ['Благоустройство дворов', 'Благоустройство'],
  ['Детские площадки', 'Благоустройство'],
  ['Парки и скверы', 'Благоустройство'],
  ['Вывоз мусора', 'ЖКХ'],
  ['Отопление', 'ЖКХ'],
  ['Водоснабжение', 'ЖКХ'],
  ['Канализация', 'ЖКХ'],
  ['Электроснабжение', 'ЖКХ'],
  ['Газоснабжение', 'ЖКХ'],
  ['Управляющие компании', 'ЖКХ'],
  ['Капитальный ремонт домов', 'ЖКХ'],
  ['Аварийное жильё', 'ЖКХ'],
  ['Здравоохранение', 'Социальная сфера'],
  ['Лекарственное обеспечение', 'Социальная сфера'],
  ['Образование', 'Социальная сфера'],
  ['Детские сады', 'Социальная сфера'],
  ['Социальная поддержка', 'Социальная сфера'],
  ['Культура и спорт', 'Социальная сфера'],
  ['Экология', 'Прочее'],
  ['Бездомные животные', 'Прочее'],
  ['Связь и интернет', 'Прочее'],
  ['Безопасность', 'Прочее'],
  ['Другое', 'Прочее'],
];

interface Starter {
  bodies: Array<[id: string, name: string]>;
  locations: string[];
  profile: Exclude<ProfileId, 'custom'>;
}

const STARTERS: Record<Region, Starter> = {
  yakutia: {
    profile: 'yakutia',
    bodies: [
      ['minstroy', 'Министерство строительства РС(Я)'],
      ['minzhkh', 'Министерство ЖКХ и энергетики РС(Я)'],
      ['mintrans', 'Министерство транспорта и дорожного хозяйства РС(Я)'],
      ['minzdrav', 'Министерство здравоохранения РС(Я)'],
      ['minobr', 'Министерство образования и науки РС(Я)'],
      ['mintrud', 'Министерство труда и социального развития РС(Я)'],
      ['minpriroda', 'Министерство экологии РС(Я)'],
      ['yakutsk', 'Окружная администрация г. Якутска'],
    ],
    locations: ['Якутск', 'Нерюнгри', 'Мирный', 'Ленск', 'Алдан', 'Вилюйск', 'Покровск', 'Нюрба', 'Удачный', 'Олёкминск', 'Жатай'],
  },
  khabarovsk: {
    profile: 'khabarovsk',
    bodies: [
      ['minstroy', 'Министерство строительства края'],
      ['minzhkh', 'Министерство ЖКХ края'],
      ['mintrans', 'Министерство транспорта и дорожного хозяйства края'],
      ['minzdrav', 'Министерство здравоохранения края'],
      ['minobr', 'Министерство образования и науки края'],
      ['minsoc', 'Министерство социальной защиты края'],
      ['mintrud', 'Комитет по труду и занятости населения края'],
      ['khabarovsk', 'Администрация г. Хабаровска'],
    ],
    locations: [
      'Хабаровск',
      'Комсомольск-на-Амуре',
      'Амурск',
      'Советская Гавань',
      'Николаевск-на-Амуре',
      'Бикин',
      'Вяземский',
      'Ванино',
      'Солнечный',
      'Охотск',
    ],
  },
  saratov: {
    profile: 'saratov',
    bodies: [
      ['minstroy', 'Министерство строительства и ЖКХ области'],
      ['mintrans', 'Министерство транспорта и дорожного хозяйства области'],
      ['minzdrav', 'Министерство здравоохранения области'],
      ['minobr', 'Министерство образования области'],
      ['minsoc', 'Министерство труда и социальной защиты области'],
      ['minpriroda', 'Министерство природных ресурсов и экологии области'],
      ['saratov', 'Администрация г. Саратова'],
    ],
    locations: ['Саратов', 'Энгельс', 'Балаково', 'Вольск', 'Балашов', 'Пугачёв', 'Ртищево', 'Маркс', 'Петровск', 'Аткарск', 'Красноармейск'],
  },
  ivanovo: {
    profile: 'ivanovo',
    bodies: [
      ['depstroy', 'Департамент строительства и архитектуры области'],
      ['depzhkh', 'Департамент ЖКХ области'],
      ['depdor', 'Департамент дорожного хозяйства и транспорта области'],
      ['depzdrav', 'Департамент здравоохранения области'],
      ['depobr', 'Департамент образования и науки области'],
      ['depsoc', 'Департамент социальной защиты населения области'],
      ['ivanovo', 'Администрация г. Иванова'],
    ],
    locations: ['Иваново', 'Кинешма', 'Шуя', 'Вичуга', 'Фурманов', 'Тейково', 'Кохма', 'Родники', 'Приволжск', 'Южа', 'Палех'],
  },
};

/** A workspace with sensible starter data for a region, editable afterwards. */
export function starterWorkspace(region: Region, user?: Partial<Actor>): Workspace {
  const starter = STARTERS[region];
  if (!starter) throw new Error(`Неизвестный регион: ${String(region)}`);
  return workspaceSchema.parse({
    version: 1,
    region,
    profile: getProfile(starter.profile),
    schedule: { presidentialDays: true, regionalDays: true, overrides: {} },
    bodies: starter.bodies.map(([id, name]) => ({ id, name, executors: [] })),
    topics: TOPICS.map(([name, group], i) => ({ id: `t${i + 1}`, name, group })),
    locations: starter.locations,
    user: { id: user?.id ?? 'me', name: user?.name ?? '', roles: user?.roles ?? ['curator'], bodies: user?.bodies ?? [] },
    notifyLeadMinutes: 30,
    disabledLintRules: [],
  });
}

/** The region used until the user picks theirs (onboarding). */
export const DEFAULT_REGION: Region = 'yakutia';

/**
 * Who works on a body's message: the named executor, or — while they are marked absent — the
 * first of their substitutes who is present (the acts require cover during absence). Unknown
 * executors are kept as named (free text is allowed).
 */
export function coverFor(ws: Workspace, bodyId: string, executorId: string): { executor: string; covering?: string } {
  const people = ws.bodies.find((b) => b.id === bodyId)?.executors ?? [];
  const named = people.find((p) => p.id === executorId);
  if (!named?.absent) return { executor: executorId };
  const cover = named.substitutes.map((id) => people.find((p) => p.id === id)).find((p) => p && !p.absent);
  return cover ? { executor: cover.id, covering: named.id } : { executor: executorId };
}

/**
 * What the curator typed as the executor: a body or a person of the directory, by id, name, a
 * part of the name or its abbreviation («Минтранс»). A person is routed to their body, to them
 * or their substitute. Null when the text names nothing in the directory, or several things:
 * executors are chosen from the directory, never made up (a made-up body has no queue).
 */
export function resolveAssignee(ws: Workspace, text: string): { body: string; executor?: string } | null {
  const people = ws.bodies.flatMap((b) => b.executors.map((p) => ({ id: p.id, name: p.name, body: b.id })));
  const body = resolveEntry(ws.bodies, text);
  const exactBody = ws.bodies.find((b) => b.id === text.trim());
  if (exactBody) return { body: exactBody.id };
  const person = resolveEntry(people, text);
  if (body && person) {
    const b = matchScore(body, text);
    const p = matchScore(person, text);
    // «Иванов» is a person and the start of «г. Иванова»: a tie names nobody for sure.
    if (b === p) return null;
    return b > p ? { body: body.id } : { body: person.body, executor: coverFor(ws, person.body, person.id).executor };
  }
  if (body) return { body: body.id };
  if (person) return { body: person.body, executor: coverFor(ws, person.body, person.id).executor };
  return null;
}

/**
 * Whether the executor (or, for a body, any present executor of it) has an account in the
 * network, as the directory records it; undefined where nothing is recorded.
 */
export function hasAccountIn(ws: Workspace, bodyId: string, executorId: string | undefined, site: 'vk' | 'ok'): boolean | undefined {
  const people = ws.bodies.find((b) => b.id === bodyId)?.executors ?? [];
  const who = executorId ? people.filter((p) => p.id === executorId) : people.filter((p) => !p.absent);
  const recorded = who.filter((p) => p.accounts !== undefined);
  if (!recorded.length) return undefined;
  return recorded.some((p) => p.accounts!.includes(site));
}

/**
 * Whether a detected reply's author may stand for the answer being published: the official's
 * own profile or a page of a body the message is routed to, as the workspace records them. A
 * page script can add a look-alike comment, but not under these authors' names and links
 * without the official noticing: anything else is "detected, not confirmed".
 */
export function isOwnAuthor(ws: Workspace, bodies: readonly string[], authorUrl: string | undefined): boolean {
  const author = authorUrl ? canonicalProfile(authorUrl) : null;
  if (!author) return false;
  const known = [...ws.ownProfiles, ...ws.bodies.filter((b) => bodies.includes(b.id)).flatMap((b) => b.pages)];
  return known.some((p) => canonicalProfile(p) === author);
}

/**
 * An open message nobody in this workspace would see in a queue: routed to a body or a person
 * the directory no longer has (removed, or made up by an older release). The curator's desk
 * lists these, so a message is never outside every view.
 */
export function isOrphan(m: Pick<Message, 'status' | 'openFor'>, ws: Workspace): boolean {
  if (m.status !== 'open') return false;
  const bodies = new Set(ws.bodies.map((b) => `body:${b.id}`));
  const people = new Set([ws.user.id, ...ws.bodies.flatMap((b) => b.executors.map((p) => p.id))].map((id) => `user:${id}`));
  return !m.openFor.some((key) => key === 'role:curator' || bodies.has(key) || people.has(key));
}

/**
 * Whether the desk of `user` in a view shows the message: one of the view's queue keys, or, for
 * a curator's views, an orphan (see isOrphan). The side panel reads the same two sources.
 */
export function inDesk(m: Pick<Message, 'status' | 'openFor'>, ws: Workspace, role: 'curator' | 'executor' | 'all'): boolean {
  if (m.status !== 'open') return false;
  const user = ws.user;
  const keys = role === 'curator' ? ['role:curator'] : role === 'executor' ? [`user:${user.id}`, ...user.bodies.map((b) => `body:${b}`)] : queueKeys(user);
  if (m.openFor.some((k) => keys.includes(k))) return true;
  return role !== 'executor' && user.roles.includes('curator') && isOrphan(m, ws);
}
