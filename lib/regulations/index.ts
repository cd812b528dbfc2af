/**
 * The regulations: one profile per seed act (every timer as data, with its clause) and
 * planDeadlines(), which turns the facts of a message into due instants. Pure.
 */
export {
  deadlineKinds,
  getProfile,
  importanceCategorySchema,
  PROFILE_IDS,
  profileRegion,
  regulationProfileSchema,
  type DeadlineKind,
  type ImportanceCategory,
  type ProfileId,
  type RegulationProfile,
} from './profiles';
export { isBreached, planDeadlines, type Deadline, type DeadlinePlan, type MessageFacts } from './plan';

/**
 * The walking skeleton's single timer, kept for the capture path until the workflow issue
 * plans every message with its workspace's profile: Yakutia п. 9, 8 working hours.
 */
export const SKELETON_ANSWER_TIMER = {
  minutes: 8 * 60,
  clock: 'working' as const,
  from: 'detectedAt' as const,
  clause: 'Указ Главы РС(Я) № 1131, прил. 2, п. 9',
};
