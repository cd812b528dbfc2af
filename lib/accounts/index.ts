/**
 * A body's own pages (issue 19), the pure part: the account registry (registry.ts, url.ts), the
 * weekly publication norm (week.ts, norm.ts), content plans (plans.ts), the moderation of
 * comments (moderation.ts), each rule with its act's clause (acts.ts). Nothing here reads a
 * clock, the browser or the database; what it says is a key with params (reasons.ts).
 */
export {
  ACT_IDS,
  ACTS,
  actZone,
  BODY_KINDS,
  distinguishesGovernment,
  groundClause,
  ownPagesAct,
  ownPagesActs,
  MODERATION_GROUNDS,
  type ActId,
  type ActRules,
  type BodyKind,
  type Clause,
  type ModerationGround,
  type NormRule,
} from './acts';
export { ACCOUNTS_REASON_KEYS, accountsReason, type AccountsReason, type AccountsReasonKey, type Result } from './reasons';
export { canonicalAccountUrl, MAX_URL_LENGTH, NETWORKS, type AccountUrl, type Network } from './url';
export {
  accountAt,
  accountSchema,
  activeAccounts,
  addAccount,
  lastChangedAt,
  markReported,
  registrySchema,
  removeAccount,
  unreportedChanges,
  updateAccount,
  withoutOfficialNote,
  type Account,
  type AccountInput,
  type AccountPatch,
  type Registry,
  type UnreportedChange,
} from './registry';
export { datesOf, inWeek, isMonday, shiftWeek, weeklyCount, weeklyPublications, weekOf, weekStarting, type Publication, type Week } from './week';
export { normStatus, publicationNorm, type NormInput, type NormSetting, type NormState, type NormStatus, type PublicationNorm } from './norm';
export {
  approvePlan,
  contentPlanDeadlines,
  contentPlanSchema,
  governmentPlanClause,
  linkPublication,
  MAX_WEEKS_CHECKED,
  parsePlan,
  PLAN_FORMATS,
  PLAN_STATES,
  planDueAt,
  planIsSent,
  planItemSchema,
  planKind,
  returnPlan,
  submitPlan,
  weeksWithoutPlan,
  type ContentPlan,
  type LinkResult,
  type PlanDeadline,
  type PlanDeadlineKind,
  type PlanFormat,
  type PlanItem,
  type PlanOwner,
  type PlanState,
  type WeeksWithoutPlanInput,
  type WeekWithoutPlan,
} from './plans';
export {
  authorKey,
  blockDecisionSchema,
  blockProposal,
  dismissalSchema,
  dismissMark,
  groundForScreening,
  groundSchema,
  isDismissed,
  moderationEntrySchema,
  recordBlockDecision,
  recordRemoval,
  removalSchema,
  violationsByAuthor,
  type AuthorViolations,
  type BlockProposal,
  type ModerationEntry,
  type ModerationLog,
  type Removal,
  type ScreeningGround,
} from './moderation';
