/**
 * What lib/accounts says, as the rest of lib/ says it: a message key and its params (the shape
 * of lib/i18n's Reason), never words. The keys are listed here so that the catalogs can be
 * checked against them when the UI adds their texts (lib/i18n/locales/*.json).
 */
import type { Params } from '../i18n';

export const ACCOUNTS_REASON_KEYS = [
  // Addresses (canonicalAccountUrl)
  'accounts.url.malformed',
  'accounts.url.notVkOk',
  'accounts.url.post',
  'accounts.url.notAPage',
  'accounts.url.notCanonical',
  // The registry
  'accounts.invalid',
  'accounts.secondOnNetwork',
  'accounts.duplicateUrl',
  'accounts.unknownAccount',
  'accounts.networkMismatch',
  'accounts.changedBeforeAdded',
  'accounts.actNotForRegion',
  // Content plans
  'accounts.plan.invalid',
  'accounts.plan.wrongState',
  'accounts.plan.notMonday',
  'accounts.plan.dateOutsideWeek',
  'accounts.plan.duplicateItem',
  'accounts.plan.publishedNeedsPost',
  'accounts.plan.preparedByCommittee',
  // Moderation
  'accounts.moderation.invalid',
  'accounts.moderation.notDecider',
  'accounts.moderation.noProposal',
  'accounts.moderation.distortionByModerator',
] as const;
export type AccountsReasonKey = (typeof ACCOUNTS_REASON_KEYS)[number];

/** A reason of lib/accounts: a key of ACCOUNTS_REASON_KEYS and its params. */
export interface AccountsReason {
  readonly reason: AccountsReasonKey;
  readonly params?: Params;
}

export function accountsReason(key: AccountsReasonKey, params?: Params): AccountsReason {
  return params ? { reason: key, params } : { reason: key };
}

/** A validator's answer: the value, or why not (never a throw). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AccountsReason };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(key: AccountsReasonKey, params?: Params): Result<T> => ({ ok: false, error: accountsReason(key, params) });

/** zod issues as params (path and the issue's own message, which is a key or zod's code). */
export function issuesParam(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}
