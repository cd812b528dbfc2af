/**
 * The one place that decides which commands a step allows for which actor under which
 * regulation. The state machine's guards, the desk's buttons and the background's publishing
 * handler all ask here, so they cannot disagree. Pure.
 */
import { reason, type Params, type Reason } from '../i18n';
import type { RegulationProfile } from '../regulations';
import { commandTypes, type Actor, type Assignment, type CommandType, type Message, type Step } from '../model/workflow';

export type WorkflowErrorCode = 'bad-command' | 'forbidden' | 'wrong-step' | 'invalid';

/**
 * Why a command was refused: `code` is the coarse kind callers act on; `reason` and `params`
 * say it (a message key the UI translates with t(reason, params)).
 */
export interface WorkflowError extends Reason {
  code: WorkflowErrorCode;
}

/** A step as a refusal names it («Сообщение закрыто (ответ опубликован)»). */
export const stepName = (step: Step): Reason => reason(`workflow.step.${step}`);

export const isCurator = (a: Actor) => a.roles.includes('curator');

/** The assignments of the actor's bodies (or named to the actor). */
export function assignmentsOf(m: Message, actor: Actor): Assignment[] {
  return m.assignments.filter((a) => actor.bodies.includes(a.body) || (a.executor !== undefined && a.executor === actor.id));
}

/** The body still answering alone (the last one not returned). */
function currentAssignment(m: Message): Assignment | undefined {
  return m.assignments.filter((a) => a.state !== 'returned').at(-1);
}

/**
 * Khabarovsk п. 13 абз. 2: the executor has no account in the post's network, so the curator
 * publishes the answer, approval included.
 */
export function curatorPublishes(m: Message, profile: RegulationProfile): boolean {
  return profile.timers.curatorPublish !== undefined && m.mode === 'single' && currentAssignment(m)?.hasAccount === false;
}

/** A parallel answer's part waiting for the curator's approval (Khabarovsk п. 13 абз. 3). */
export function partsAwaitingReview(m: Message): Assignment[] {
  return m.mode === 'parallel' && m.step === 'routed' ? m.assignments.filter((a) => a.state === 'submitted') : [];
}

/** Whether the author's reply to a published clarification is still awaited. */
export function awaitingAuthor(m: Message): boolean {
  return m.step === 'routed' && m.clarificationPublishedAt !== undefined && (m.authorRepliedAt === undefined || m.authorRepliedAt < m.clarificationPublishedAt);
}

export const workflowError = (code: WorkflowErrorCode, key: WorkflowError['reason'], params?: Params): WorkflowError => ({ code, ...reason(key, params) });
const error = workflowError;

/**
 * Why `actor` may not give a command of this type to the message now, or undefined when they
 * may. Checks the role, the step and the regulation; the command's own fields are checked by
 * the state machine.
 */
export function commandRefusal(m: Message, type: CommandType, actor: Actor, profile: RegulationProfile): WorkflowError | undefined {
  const step = m.step;
  if (m.status === 'closed' && type !== 'linkRepeat' && type !== 'joinIncident') return error('wrong-step', 'workflow.closed', { step: stepName(step) });
  const wrongStep = error('wrong-step', 'workflow.wrongStep', { step: stepName(step) });
  const curatorOnly = error('forbidden', 'workflow.curatorOnly');
  const mine = assignmentsOf(m, actor);
  const mineIn = (...states: Assignment['state'][]) => mine.filter((a) => states.includes(a.state));
  switch (type) {
    case 'route': {
      if (!isCurator(actor)) return curatorOnly;
      const partReturned = step === 'routed' && m.assignments.some((a) => a.state === 'returned');
      return step === 'captured' || step === 'returned' || partReturned ? undefined : wrongStep;
    }
    case 'receive':
      if (step !== 'routed' && step !== 'rework' && step !== 'interim') return wrongStep;
      return mineIn('active', 'rework').length ? undefined : error('forbidden', 'workflow.notYourBody');
    case 'return':
      if (step !== 'routed') return wrongStep;
      return mineIn('active').length ? undefined : error('forbidden', 'workflow.returnByExecutor');
    case 'submitPart':
      if (step !== 'routed' || m.mode === 'single') return wrongStep;
      return mineIn('active', 'rework').length ? undefined : error('forbidden', 'workflow.otherBodysTurn');
    case 'submitDraft': {
      if (step !== 'routed' && step !== 'rework' && step !== 'interim') return wrongStep;
      const drafting = step === 'routed' ? mineIn('active') : mine.filter((a) => a.state !== 'returned' && a.state !== 'waiting');
      if (!drafting.length) return error('forbidden', 'workflow.draftByExecutor');
      if (m.mode === 'parallel') return error('invalid', 'workflow.parallelParts');
      return undefined;
    }
    case 'approve':
    case 'requestRework':
      if (!isCurator(actor)) return curatorOnly;
      return step === 'review' || partsAwaitingReview(m).length ? undefined : wrongStep;
    case 'publish': {
      const byCurator = curatorPublishes(m, profile);
      if (step === 'summary') return isCurator(actor) ? undefined : curatorOnly;
      if (step === 'review') {
        if (!byCurator) return wrongStep;
        return isCurator(actor) ? undefined : error('forbidden', 'workflow.curatorPublishes', { clause: profile.timers.curatorPublish!.clause });
      }
      if (step === 'rework') {
        if (!profile.timers.rework.publishesDirectly || byCurator) return wrongStep;
        return mineIn('active', 'submitted').length ? undefined : error('forbidden', 'workflow.reworkByExecutor');
      }
      if (step !== 'approved') return wrongStep;
      if (byCurator) return isCurator(actor) ? undefined : error('forbidden', 'workflow.curatorPublishes', { clause: profile.timers.curatorPublish!.clause });
      const executorHere = mine.some((a) => a.state !== 'returned');
      if (profile.publishers.includes('executor') && executorHere) return undefined;
      if (profile.publishers.includes('curator') && isCurator(actor)) return undefined;
      const clause = profile.publishersClause;
      const orCurator = profile.publishers.includes('curator');
      if (clause) return error('forbidden', orCurator ? 'workflow.publishedByExecutorOrCuratorAt' : 'workflow.publishedByExecutorAt', { clause });
      return error('forbidden', orCurator ? 'workflow.publishedByExecutorOrCurator' : 'workflow.publishedByExecutor');
    }
    case 'markNotProcessable':
    case 'linkRepeat':
    case 'joinIncident':
      return isCurator(actor) ? undefined : curatorOnly;
    case 'authorReplied':
      if (!awaitingAuthor(m)) return wrongStep;
      return isCurator(actor) || mine.some((a) => a.state !== 'returned') ? undefined : error('forbidden', 'workflow.authorReplyBy');
    case 'setTerm':
      if (!isCurator(actor)) return curatorOnly;
      if (!profile.shortTermClause || !profile.timers.answer || profile.timers.answer.derived) return error('invalid', 'workflow.noShortTerm');
      return step === 'approved' || step === 'interim' ? wrongStep : undefined;
    case 'requirePhotos':
      if (!isCurator(actor)) return curatorOnly;
      return profile.photosClause ? undefined : error('invalid', 'workflow.noPhotos');
  }
}

/** Every command type the actor may give the message now (what the desk offers). */
export function allowedCommands(m: Message, actor: Actor, profile: RegulationProfile): CommandType[] {
  return commandTypes.filter((type) => commandRefusal(m, type, actor, profile) === undefined);
}
