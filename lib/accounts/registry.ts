/**
 * The registry of a workspace's official accounts (Khabarovsk п. 2.4, 3.1–3.3; Yakutia прил. 1
 * п. 1.4–1.5; Zhatay п. 3.5). Pure: every change returns a new registry or a coded refusal, and
 * time is passed in. The act decides what is refused: only Khabarovsk п. 3.1 limits a body to one
 * account per network, only Khabarovsk п. 3.2–3.3 sets the 5 working days for reporting changes.
 */
import { z } from 'zod';
import { instantSchema } from '../model/message';
import { addWorkingDays, type WorkCalendar } from '../worktime';
import { ACT_IDS, ACTS, BODY_KINDS, clauseOf, distinguishesGovernment, type ActId, type BodyKind, type Clause } from './acts';
import { fail, issuesParam, ok, type Result } from './reasons';
import { canonicalAccountUrl, NETWORKS, type Network } from './url';

const actSchema = z.enum(ACT_IDS as [ActId, ...ActId[]]);

export const accountSchema = z
  .object({
    id: z.string().min(1).max(100),
    /** The body's id in the workspace. */
    body: z.string().min(1).max(100),
    network: z.enum(NETWORKS as [Network, ...Network[]]),
    /**
     * Whose account: a body's, or the Government's own, kept by the Committee (Khabarovsk п. 2.1);
     * records written before the kind existed read as a body's.
     */
    kind: z.enum(BODY_KINDS as [BodyKind, ...BodyKind[]]).default('body'),
    /** Canonical (canonicalAccountUrl). */
    url: z.string().max(500),
    name: z.string().trim().min(1).max(300),
    /** Who administers the page (Zhatay п. 1.2, 2.1): people's names or ids. */
    administrators: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    /** The page states that it is official (Zhatay п. 3.5). */
    statesOfficial: z.boolean().default(false),
    addedAt: instantSchema,
    /** The last change to report (Khabarovsk п. 3.2: creation, deletion, a new name or address). */
    changedAt: instantSchema,
    /** The last edit of any field (new administrators, the official note, the kind too): see lastChangedAt. */
    editedAt: z.optional(instantSchema),
    /** Reported to the registry's keeper (Khabarovsk п. 3.2) after the last change. */
    reportedAt: z.optional(instantSchema),
    /** Links on the body's official site updated (Khabarovsk п. 3.3) after the last change. */
    siteLinkedAt: z.optional(instantSchema),
    /** Deleted: kept in the registry until the deletion is reported. */
    removedAt: z.optional(instantSchema),
  })
  .superRefine((a, ctx) => {
    const canonical = canonicalAccountUrl(a.url);
    if (!canonical.ok) ctx.addIssue({ code: 'custom', path: ['url'], message: canonical.error.reason });
    else if (canonical.value.url !== a.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'accounts.url.notCanonical' });
    else if (canonical.value.network !== a.network) ctx.addIssue({ code: 'custom', path: ['network'], message: 'accounts.networkMismatch' });
    if (a.changedAt < a.addedAt) ctx.addIssue({ code: 'custom', path: ['changedAt'], message: 'accounts.changedBeforeAdded' });
    if (a.editedAt !== undefined && a.editedAt < a.addedAt) ctx.addIssue({ code: 'custom', path: ['editedAt'], message: 'accounts.changedBeforeAdded' });
  });
export type Account = z.infer<typeof accountSchema>;

export const registrySchema = z.object({ act: actSchema, accounts: z.array(accountSchema) });
export type Registry = z.infer<typeof registrySchema>;

/** What a person enters to add an account: any form of the address. */
export interface AccountInput {
  id: string;
  body: string;
  url: string;
  /** When given, it must agree with the address. */
  network?: Network;
  name: string;
  administrators?: string[];
  statesOfficial?: boolean;
  /** A body's account unless said otherwise. */
  kind?: BodyKind;
}

export const activeAccounts = (registry: Registry): Account[] => registry.accounts.filter((a) => a.removedAt === undefined);

/** When the account's record last changed, whatever changed (the registry's «Изменён» date). */
export const lastChangedAt = (a: Pick<Account, 'changedAt' | 'editedAt'>): number => Math.max(a.changedAt, a.editedAt ?? a.changedAt);

/** The registered account at a page address (any form of it), or null. */
export function accountAt(registry: Registry, url: string): Account | null {
  const canonical = canonicalAccountUrl(url);
  if (!canonical.ok) return null;
  return activeAccounts(registry).find((a) => a.url === canonical.value.url) ?? null;
}

/** Why this account may not stand beside the others, or null. */
function conflict(registry: Registry, account: Account): Result<never> | null {
  const others = activeAccounts(registry).filter((a) => a.id !== account.id);
  const sameUrl = others.find((a) => a.url === account.url);
  if (sameUrl) return fail('accounts.duplicateUrl', { url: account.url, body: sameUrl.body });
  // п. 3.1 speaks of the bodies' accounts; the Government's, kept by the Committee (п. 2.1), are not limited.
  const rule = ACTS[registry.act].onePerNetwork;
  const limited = (a: Account) => !(a.kind === 'government' && distinguishesGovernment(registry.act));
  const sameNetwork = limited(account) ? others.find((a) => limited(a) && a.body === account.body && a.network === account.network) : undefined;
  if (rule && sameNetwork)
    return fail('accounts.secondOnNetwork', { act: registry.act, clause: rule, body: account.body, network: account.network, existing: sameNetwork.url });
  return null;
}

function validated(account: unknown): Result<Account> {
  const parsed = accountSchema.safeParse(account);
  return parsed.success ? ok(parsed.data) : fail('accounts.invalid', { issues: issuesParam(parsed.error.issues) });
}

/**
 * Adds an account at `at` (epoch ms). Refused with a code: a bad address (canonicalAccountUrl's
 * codes), a network that disagrees with it, an address already registered, a second account of
 * the body in one network where the act forbids it (with that act's clause), invalid fields.
 */
export function addAccount(registry: Registry, input: AccountInput, at: number): Result<Registry> {
  const canonical = canonicalAccountUrl(input.url);
  if (!canonical.ok) return canonical;
  if (input.network && input.network !== canonical.value.network) return fail('accounts.networkMismatch', { network: input.network, url: canonical.value.url });
  if (registry.accounts.some((a) => a.id === input.id)) return fail('accounts.invalid', { issues: `id: ${input.id}` });
  const account = validated({
    id: input.id,
    body: input.body,
    network: canonical.value.network,
    kind: input.kind ?? 'body',
    url: canonical.value.url,
    name: input.name,
    administrators: input.administrators ?? [],
    statesOfficial: input.statesOfficial ?? false,
    addedAt: at,
    changedAt: at,
  });
  if (!account.ok) return account;
  const refused = conflict(registry, account.value);
  if (refused) return refused;
  return ok({ ...registry, accounts: [...registry.accounts, account.value] });
}

export interface AccountPatch {
  /** Any form of the address: made canonical and checked as when adding. */
  url?: string;
  name?: string;
  administrators?: string[];
  statesOfficial?: boolean;
  kind?: BodyKind;
}

/**
 * Changes an account. A new address or name is a change to report (Khabarovsk п. 3.2 абз. 2:
 * «изменением наименования… либо изменением адреса аккаунта»): changedAt moves to `at`; new
 * administrators, the official note or the kind are not (any real change moves editedAt, the
 * registry's «Изменён»; an edit that changes nothing moves neither). The new address is checked as when
 * adding (a VK or OK community or profile, not registered yet), and the one-per-network rule
 * (п. 3.1) again, against the other accounts only.
 */
export function updateAccount(registry: Registry, id: string, patch: AccountPatch, at: number): Result<Registry> {
  const current = activeAccounts(registry).find((a) => a.id === id);
  if (!current) return fail('accounts.unknownAccount', { id });
  let { url, network } = current;
  if (patch.url !== undefined) {
    const canonical = canonicalAccountUrl(patch.url);
    if (!canonical.ok) return canonical;
    ({ url, network } = canonical.value);
  }
  const name = patch.name?.trim() ?? current.name;
  const administrators = patch.administrators ?? current.administrators;
  const statesOfficial = patch.statesOfficial ?? current.statesOfficial;
  const kind = patch.kind ?? current.kind;
  const reportable = url !== current.url || name !== current.name;
  const edited =
    reportable ||
    statesOfficial !== current.statesOfficial ||
    kind !== current.kind ||
    administrators.length !== current.administrators.length ||
    administrators.some((x, i) => x.trim() !== current.administrators[i]);
  const next = validated({
    ...current,
    url,
    network,
    name,
    administrators,
    statesOfficial,
    kind,
    changedAt: reportable ? at : current.changedAt,
    ...(edited ? { editedAt: at } : {}),
  });
  if (!next.ok) return next;
  const refused = conflict(registry, next.value);
  if (refused) return refused;
  return ok({ ...registry, accounts: registry.accounts.map((a) => (a.id === id ? next.value : a)) });
}

/** Marks an account deleted at `at`: a change to report too (п. 3.2 абз. 2, «об удалении аккаунтов»). */
export function removeAccount(registry: Registry, id: string, at: number): Result<Registry> {
  const current = activeAccounts(registry).find((a) => a.id === id);
  if (!current) return fail('accounts.unknownAccount', { id });
  const next = validated({ ...current, removedAt: at, changedAt: Math.max(at, current.changedAt) });
  if (!next.ok) return next;
  return ok({ ...registry, accounts: registry.accounts.map((a) => (a.id === id ? next.value : a)) });
}

/** Records that the last change was reported to the registry (п. 3.2) or put on the body's site (п. 3.3). */
export function markReported(registry: Registry, id: string, what: 'registry' | 'siteLinks', at: number): Result<Registry> {
  const current = registry.accounts.find((a) => a.id === id);
  if (!current) return fail('accounts.unknownAccount', { id });
  const next = validated(what === 'registry' ? { ...current, reportedAt: at } : { ...current, siteLinkedAt: at });
  if (!next.ok) return next;
  return ok({ ...registry, accounts: registry.accounts.map((a) => (a.id === id ? next.value : a)) });
}

export interface UnreportedChange {
  account: string;
  body: string;
  /** 'registry': to the registry's keeper (п. 3.2); 'siteLinks': the links on the body's own site (п. 3.3). */
  kind: 'registry' | 'siteLinks';
  change: 'added' | 'changed' | 'removed';
  changedAt: number;
  dueAt: number;
  /** `now` is past the due instant. */
  overdue: boolean;
  clause: Clause;
}

/**
 * Changes not yet reported, with their due instants: 5 working days «со дня их создания или
 * изменения» (Khabarovsk п. 3.2, 3.3), counted as every «N рабочих дней со дня» in this codebase
 * (addWorkingDays: the day of the change is not counted, the term ends with the 5th working day
 * after it). Empty for an act without such a term. п. 3.2–3.3 oblige the bodies: the Government's
 * accounts are the Committee's own (п. 2.1), entered in the registry it keeps (п. 2.4), and have
 * no such term.
 */
export function unreportedChanges(registry: Registry, calendar: WorkCalendar, now: number): UnreportedChange[] {
  const rule = ACTS[registry.act].reportChanges;
  if (!rule) return [];
  const out: UnreportedChange[] = [];
  for (const a of registry.accounts) {
    if (a.kind === 'government' && distinguishesGovernment(registry.act)) continue;
    const change = a.removedAt !== undefined ? 'removed' : a.changedAt === a.addedAt ? 'added' : 'changed';
    const dueAt = addWorkingDays(calendar, a.changedAt, rule.workingDays);
    for (const [kind, doneAt, clause] of [
      ['registry', a.reportedAt, rule.registry],
      ['siteLinks', a.siteLinkedAt, rule.siteLinks],
    ] as const) {
      if (doneAt !== undefined && doneAt >= a.changedAt) continue;
      out.push({ account: a.id, body: a.body, kind, change, changedAt: a.changedAt, dueAt, overdue: now > dueAt, clause: clauseOf(registry.act, clause) });
    }
  }
  return out.sort((x, y) => x.dueAt - y.dueAt);
}

/** Accounts whose page does not yet say it is official (Zhatay п. 3.5, the one act that requires it). */
export function withoutOfficialNote(registry: Registry): Array<{ account: string; body: string; clause: Clause }> {
  const clause = clauseOf('zhatay', ACTS.zhatay.statesOfficial ?? 'п. 3.5');
  return activeAccounts(registry)
    .filter((a) => !a.statesOfficial)
    .map((a) => ({ account: a.id, body: a.body, clause }));
}
