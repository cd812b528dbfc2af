/**
 * The regulations: one profile per seed act (every timer as data, with its clause) and
 * planDeadlines(), which turns the facts of a message into due instants. Pure.
 */
export {
  deadlineKinds,
  getProfile,
  importanceCategorySchema,
  PROFILE_REVISION,
  upgradeStoredProfile,
  PROFILE_IDS,
  profileRegion,
  regulationProfileSchema,
  type DeadlineKind,
  type ImportanceCategory,
  type ProfileId,
  type RegulationProfile,
} from './profiles';
export { isBreached, planDeadlines, type Deadline, type DeadlinePlan, type MessageFacts, type PartFacts } from './plan';
