/**
 * Moderation of comments on the body's own pages (Yakutia прил. 1 п. 2.5; Khabarovsk п. 2.7,
 * 3.6; Zhatay п. 4.2–4.3): the grounds for deleting a comment, the moderation log (removals,
 * dismissed false marks, decisions on blocking), violations per author, and the proposal to
 * block at the second violation, which only the head or a deputy decides (Zhatay п. 4.3).
 * Pure: the log is a list of entries; each change returns a new list or a coded refusal.
 */
import { z } from 'zod';
import type { Finding } from '../lint';
import { instantSchema, itemKeySchema } from '../model/message';
import { canonicalProfile } from '../sites/hosts';
import { ACTS, clauseOf, MODERATION_GROUNDS, type BlockDecider, type Clause, type ModerationGround } from './acts';
import { fail, issuesParam, ok, type Result } from './reasons';

export const groundSchema = z.enum(MODERATION_GROUNDS as [ModerationGround, ...ModerationGround[]]);

const base = {
  id: z.string().min(1).max(100),
  at: instantSchema,
  /** Who did it (a person's id in the workspace). */
  by: z.string().min(1).max(100),
};
const author = z.string().trim().min(1).max(500);

export const removalSchema = z.object({
  ...base,
  kind: z.literal('removed'),
  commentKey: itemKeySchema,
  /** The registered account the comment was on. */
  account: z.string().min(1).max(100).optional(),
  text: z.string().max(20_000),
  ground: groundSchema,
  /** The comment's author: their profile address, or the site's id of them. */
  author,
  /** Who marked it: the screener's suggestion the moderator confirmed, or the moderator alone. */
  markedBy: z.enum(['screener', 'moderator']),
});
export const dismissalSchema = z.object({ ...base, kind: z.literal('dismissed'), commentKey: itemKeySchema, ground: groundSchema.optional() });
export const blockDecisionSchema = z.object({
  ...base,
  kind: z.literal('blockDecided'),
  author,
  /** Zhatay п. 4.3: «по решению Главы (заместителей главы)». */
  role: z.enum(['head', 'deputy']),
  decision: z.enum(['block', 'noBlock']),
});

export const moderationEntrySchema = z.discriminatedUnion('kind', [removalSchema, dismissalSchema, blockDecisionSchema]).superRefine((entry, ctx) => {
  // Zhatay п. 4.2: «информацию, явно искажающую смысл размещенных сведений» — only the page's
  // moderator, who knows what was posted, can judge it; no screener finding stands for it.
  if (entry.kind === 'removed' && entry.ground === 'distortion' && entry.markedBy !== 'moderator')
    ctx.addIssue({ code: 'custom', path: ['markedBy'], message: 'accounts.moderation.distortionByModerator' });
});
export type ModerationEntry = z.infer<typeof moderationEntrySchema>;
export type Removal = z.infer<typeof removalSchema>;
export type ModerationLog = readonly ModerationEntry[];

/** The same author whatever the form of the address (vk.ru or m.vk.com, a trailing slash). */
export function authorKey(author: string): string {
  return canonicalProfile(author) ?? author.trim();
}

function append(log: ModerationLog, entry: unknown): Result<ModerationEntry[]> {
  const parsed = moderationEntrySchema.safeParse(entry);
  if (!parsed.success) {
    const distortion = parsed.error.issues.find((i) => i.message === 'accounts.moderation.distortionByModerator');
    return distortion
      ? fail('accounts.moderation.distortionByModerator', { clause: 'п. 4.2', act: 'zhatay' })
      : fail('accounts.moderation.invalid', { issues: issuesParam(parsed.error.issues) });
  }
  if (log.some((e) => e.id === parsed.data.id)) return fail('accounts.moderation.invalid', { issues: `id: ${parsed.data.id}` });
  return ok([...log, parsed.data]);
}

/** Records a removal the moderator made with the site's own control (detected on the page). */
export function recordRemoval(log: ModerationLog, removal: Omit<Removal, 'kind'>): Result<ModerationEntry[]> {
  return append(log, { ...removal, kind: 'removed' });
}

/** Dismisses a false mark on a comment: remembered for that comment. */
export function dismissMark(log: ModerationLog, dismissal: Omit<z.infer<typeof dismissalSchema>, 'kind'>): Result<ModerationEntry[]> {
  return append(log, { ...dismissal, kind: 'dismissed' });
}

/** Whether a mark on this comment was dismissed as false (and so is not shown again). */
export function isDismissed(log: ModerationLog, commentKey: string): boolean {
  return log.some((e) => e.kind === 'dismissed' && e.commentKey === commentKey);
}

export interface AuthorViolations {
  author: string;
  /** Each removed comment once, oldest first. */
  removals: Removal[];
}

/** Removed comments per author (each comment once; a comment whose mark was dismissed is no violation). */
export function violationsByAuthor(log: ModerationLog): Map<string, AuthorViolations> {
  const seen = new Set<string>();
  const out = new Map<string, AuthorViolations>();
  const removals = log.filter((e): e is Removal => e.kind === 'removed').sort((a, b) => a.at - b.at);
  for (const r of removals) {
    if (seen.has(r.commentKey) || isDismissed(log, r.commentKey)) continue;
    seen.add(r.commentKey);
    const key = authorKey(r.author);
    const entry = out.get(key) ?? { author: key, removals: [] };
    entry.removals.push(r);
    out.set(key, entry);
  }
  return out;
}

export interface BlockProposal {
  author: string;
  violations: number;
  commentKeys: string[];
  /** The violation that reached the threshold. */
  since: number;
  /** Who may decide (Zhatay п. 4.3). */
  decidedBy: readonly BlockDecider[];
  clause: Clause;
}

const BLOCKING = ACTS.zhatay.blocking ?? { after: 2, clause: 'п. 4.3', decidedBy: ['head', 'deputy'] as const };

/**
 * The proposal to block an author at the second violation («при систематическом (два и более
 * раз)», Zhatay п. 4.3), to be decided by the head or a deputy; null below the threshold or when a
 * decision was recorded after the author's latest violation (a new violation proposes again).
 */
export function blockProposal(log: ModerationLog, author: string): BlockProposal | null {
  const key = authorKey(author);
  const v = violationsByAuthor(log).get(key);
  if (!v || v.removals.length < BLOCKING.after) return null;
  const latest = v.removals[v.removals.length - 1]!.at;
  if (log.some((e) => e.kind === 'blockDecided' && authorKey(e.author) === key && e.at >= latest)) return null;
  return {
    author: key,
    violations: v.removals.length,
    commentKeys: v.removals.map((r) => r.commentKey),
    since: v.removals[BLOCKING.after - 1]!.at,
    decidedBy: BLOCKING.decidedBy,
    clause: clauseOf('zhatay', BLOCKING.clause),
  };
}

/** Records the head's or a deputy's decision on an open proposal; anyone else, or no proposal, is refused. */
export function recordBlockDecision(
  log: ModerationLog,
  decision: { id: string; at: number; by: string; role: string; author: string; decision: 'block' | 'noBlock' },
): Result<ModerationEntry[]> {
  if (!(BLOCKING.decidedBy as readonly string[]).includes(decision.role))
    return fail('accounts.moderation.notDecider', { role: decision.role, act: 'zhatay', clause: BLOCKING.clause });
  if (!blockProposal(log, decision.author)) return fail('accounts.moderation.noProposal', { author: authorKey(decision.author) });
  return append(log, { ...decision, author: authorKey(decision.author), kind: 'blockDecided' });
}

// ---------------------------------------------------------------------------------------------
// The screener's findings as grounds

/** The screener's grounds (lib/lint forbidden.ts) as grounds for deleting a comment. */
const SCREEN_TO_GROUND: Readonly<Record<NonNullable<Finding['ground']>['code'], ModerationGround>> = {
  obscenity: 'obscenity',
  insult: 'insult',
  // Threats to life, health or property and calls to harm break the law (the acts' «нарушающие
  // нормативные правовые акты»); the screener has no ground of its own for spam or distortion.
  threat: 'law',
  harm: 'law',
};
const ORDER: readonly ModerationGround[] = ['law', 'obscenity', 'insult'];

export interface ScreeningGround {
  ground: ModerationGround;
  /** A warning of the screener (an insulting word not aimed at anyone): the moderator should look. */
  tentative: boolean;
  /** The finding behind it (its span, `why` and words). */
  finding: Finding;
}

/**
 * The ground to mark a comment with, from screenIncoming's result (lib/lint): errors before
 * warnings, then law, obscenity, insult; reported speech and quotes («он сказал, что убьёт») are
 * no ground. Null when nothing applies.
 */
export function groundForScreening(screening: { findings: readonly Finding[] }): ScreeningGround | null {
  let best: ScreeningGround | null = null;
  for (const finding of screening.findings) {
    const g = finding.ground;
    if (!g || g.why === 'reported' || finding.category !== 'forbidden') continue;
    const candidate = { ground: SCREEN_TO_GROUND[g.code], tentative: finding.severity !== 'error', finding };
    if (!best || rank(candidate) < rank(best)) best = candidate;
  }
  return best;
}

const rank = (g: ScreeningGround) => (g.tentative ? 10 : 0) + ORDER.indexOf(g.ground);
