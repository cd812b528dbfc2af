/**
 * The workflow's steps: a module of its own because the content script's protocol needs only
 * this enum, not the workflow's command and event schemas (lib/model/workflow.ts re-exports it).
 */
import * as z from 'zod/mini';

export const stepSchema = z.enum([
  'captured', // recorded, not routed yet
  'routed', // with the executor(s): may return, writes a draft (or parts)
  'returned', // an executor returned it as outside competence: the curator re-routes
  'review', // a draft waits for the curator's approval
  'rework', // sent back with remarks
  'approved', // approved, waits for publication
  'summary', // parallel bodies: all parts in, the curator writes and publishes the summary
  'interim', // an interim answer is published: the final one is due in N working days
  'published', // the final answer is published
  'not_processable', // closed without an answer (п. 18 and equivalents)
]);
export type Step = z.infer<typeof stepSchema>;
