/**
 * The message as the workflow sees it, and the commands that move it. zod schemas: every
 * message is validated after every transition (fuzz test), every import on the way in.
 */
import { z } from 'zod';
import { capturedItemSchema, importanceSchema, itemKeySchema, permalinkSchema } from '../model/message';

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

export const roleSchema = z.enum(['curator', 'executor', 'official']);
export type Role = z.infer<typeof roleSchema>;

export const actorSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  roles: z.array(roleSchema).min(1),
  /** Bodies the actor works for (executors), by body id. */
  bodies: z.array(z.string()).default([]),
});
export type Actor = z.infer<typeof actorSchema>;

export const assignmentSchema = z.object({
  body: z.string().min(1),
  executor: z.string().optional(),
  /** Sequential answering: the order set by the curator (0 first). */
  order: z.number().int().min(0),
  state: z.enum(['waiting', 'active', 'returned', 'submitted']),
  routedAt: z.number().optional(),
  receivedAt: z.number().optional(),
  returnedAt: z.number().optional(),
  returnReason: z.string().optional(),
  submittedAt: z.number().optional(),
  part: z.string().optional(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const draftSchema = z.object({
  kind: z.enum(['answer', 'interim', 'clarification']),
  text: z.string().min(1),
  by: z.string(),
  at: z.number(),
});
export type Draft = z.infer<typeof draftSchema>;

export const publicationSchema = z.object({
  kind: z.enum(['answer', 'interim', 'clarification']),
  url: permalinkSchema.optional(),
  at: z.number(),
  text: z.string(),
  by: z.string(),
});

export const messageSchema = capturedItemSchema.extend({
  id: z.string().min(1),
  key: itemKeySchema,
  topic: z.string(),
  location: z.string(),
  importance: importanceSchema,
  status: z.enum(['open', 'closed']),
  step: stepSchema,
  mode: z.enum(['single', 'sequential', 'parallel']),
  assignments: z.array(assignmentSchema),
  detectedAt: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Facts for planDeadlines (latest occurrences; see lib/regulations/plan.ts). */
  routedAt: z.number().optional(),
  firstRoutedAt: z.number().optional(),
  receivedAt: z.number().optional(),
  returnedAt: z.number().optional(),
  draftSubmittedAt: z.number().optional(),
  firstDraftSubmittedAt: z.number().optional(),
  reworkRequestedAt: z.number().optional(),
  approvedAt: z.number().optional(),
  interimPublishedAt: z.number().optional(),
  publishedAt: z.number().optional(),
  draft: draftSchema.optional(),
  remarks: z.array(z.object({ at: z.number(), by: z.string(), text: z.string() })).default([]),
  publications: z.array(publicationSchema).default([]),
  repeatOf: z.string().optional(),
  incidentId: z.string().optional(),
  notProcessable: z.object({ category: z.string(), by: z.string(), at: z.number() }).optional(),
  /** Derived by planDeadlines after every step: the next obligation and its due time. */
  nextDueAt: z.number().optional(),
  nextDueKind: z.string().optional(),
  /** Deadlines missed so far (facts for reports). */
  breaches: z.array(z.object({ kind: z.string(), dueAt: z.number(), clause: z.string(), body: z.string().optional() })).default([]),
  /** Who has something to do now (actor or body ids): the queue index. */
  openFor: z.array(z.string()).default([]),
  /** Every body the message was routed to (the "by body" index). */
  bodies: z.array(z.string()).default([]),
  /**
   * What the page showed after capture, when it differed: the post was edited (its new text)
   * or deleted. Recorded beside the captured text, which is never overwritten.
   */
  pageChanges: z.array(z.object({ kind: z.enum(['edited', 'deleted']), at: z.number(), text: z.string().max(50_000).optional() })).default([]),
});
export type Message = z.infer<typeof messageSchema>;

const text = (max: number) => z.string().trim().min(1, 'обязательное поле').max(max);

export const commandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('route'),
    mode: z.enum(['single', 'sequential', 'parallel']).optional(),
    assignments: z.array(z.object({ body: text(200), executor: z.string().optional() })).min(1).max(20),
  }),
  z.object({ type: z.literal('receive') }),
  z.object({ type: z.literal('return'), reason: text(2000) }),
  z.object({ type: z.literal('submitPart'), text: text(20_000) }),
  z.object({ type: z.literal('submitDraft'), kind: z.enum(['answer', 'interim', 'clarification']), text: text(20_000) }),
  z.object({ type: z.literal('approve') }),
  z.object({ type: z.literal('requestRework'), remarks: text(5000) }),
  // The reply's link: detected in the page after the official sent it, or given by the user.
  // Nothing is recorded as published without it.
  z.object({ type: z.literal('publish'), url: permalinkSchema, text: z.string().max(20_000).optional() }),
  z.object({ type: z.literal('markNotProcessable'), category: z.enum(['harm', 'obscenity', 'insult', 'threat', 'other']), confirmed: z.literal(true) }),
  z.object({ type: z.literal('linkRepeat'), of: z.string().min(1) }),
  z.object({ type: z.literal('joinIncident'), incidentId: z.string().min(1) }),
]);
export type Command = z.infer<typeof commandSchema>;

export const eventSchema = z.object({
  seq: z.number().optional(),
  messageId: z.string(),
  type: z.string(),
  at: z.number(),
  actor: z.string(),
  from: stepSchema.optional(),
  to: stepSchema.optional(),
  /** The command as given (replay applies it again) or the event's own data. */
  command: commandSchema.optional(),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type WorkflowEvent = z.infer<typeof eventSchema>;
