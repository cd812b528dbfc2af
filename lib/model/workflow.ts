/**
 * The message as the workflow sees it, and the commands that move it. zod schemas: every
 * message is validated after every transition (fuzz test), every import on the way in.
 */
import { z } from 'zod';
import { capturedItemSchema, importanceSchema, instantSchema, itemKeySchema, permalinkSchema } from './message';

export { stepSchema, type Step } from './step';
import { stepSchema } from './step';

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
  /**
   * waiting: its turn has not come (sequential); active: with the body; returned: given back as
   * not competent; submitted: its part (or the joint draft) is with the curator; rework: a
   * parallel part sent back with remarks; accepted: a parallel part approved or reworked
   * (Khabarovsk п. 12–13).
   */
  state: z.enum(['waiting', 'active', 'returned', 'submitted', 'rework', 'accepted']),
  routedAt: z.optional(instantSchema),
  receivedAt: z.optional(instantSchema),
  returnedAt: z.optional(instantSchema),
  returnReason: z.string().optional(),
  submittedAt: z.optional(instantSchema),
  approvedAt: z.optional(instantSchema),
  reworkRequestedAt: z.optional(instantSchema),
  reworkedAt: z.optional(instantSchema),
  part: z.string().optional(),
  /**
   * Whether the executor has an account in the post's network (from the workspace directory);
   * false: the curator publishes (Khabarovsk п. 13 абз. 2). Absent: not known, taken as yes.
   */
  hasAccount: z.boolean().optional(),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const draftSchema = z.object({
  kind: z.enum(['answer', 'interim', 'clarification']),
  text: z.string().min(1),
  by: z.string(),
  at: instantSchema,
});
export type Draft = z.infer<typeof draftSchema>;

export const publicationSchema = z.object({
  kind: z.enum(['answer', 'interim', 'clarification']),
  url: z.optional(permalinkSchema),
  at: instantSchema,
  /** What was actually sent (as the page showed it), else the approved text. */
  text: z.string(),
  by: z.string(),
  /** The sent text is not the approved one (edited in the site's box after approval). */
  differsFromApproved: z.boolean().optional(),
});

/**
 * A stored message's attachments: a link an older release took that is not https (the page
 * boundary now refuses those) is dropped from the record, the attachment kept.
 */
const storedAttachmentsSchema = z
  .array(
    z.object({
      type: z.enum(['photo', 'video', 'link', 'other']),
      url: z
        .string()
        .max(2000)
        .optional()
        .transform((url) => (url && /^https:\/\//i.test(url) ? url : undefined)),
    }),
  )
  .max(100)
  .default([])
  .transform((list) => list.map((a) => (a.url === undefined ? { type: a.type } : { type: a.type, url: a.url })));

export const messageSchema = z.object({
  ...capturedItemSchema.shape,
  id: z.string().min(1),
  attachments: storedAttachmentsSchema,
  key: itemKeySchema,
  topic: z.string(),
  location: z.string(),
  importance: importanceSchema,
  status: z.enum(['open', 'closed']),
  step: stepSchema,
  mode: z.enum(['single', 'sequential', 'parallel']),
  assignments: z.array(assignmentSchema).max(50),
  detectedAt: instantSchema,
  createdAt: instantSchema,
  updatedAt: instantSchema,
  /** Facts for planDeadlines (latest occurrences; see lib/regulations/plan.ts). */
  routedAt: z.optional(instantSchema),
  firstRoutedAt: z.optional(instantSchema),
  receivedAt: z.optional(instantSchema),
  returnedAt: z.optional(instantSchema),
  draftSubmittedAt: z.optional(instantSchema),
  firstDraftSubmittedAt: z.optional(instantSchema),
  reworkRequestedAt: z.optional(instantSchema),
  approvedAt: z.optional(instantSchema),
  interimPublishedAt: z.optional(instantSchema),
  publishedAt: z.optional(instantSchema),
  /** The interim answer's draft reached the curator (Khabarovsk п. 11 абз. 2). */
  interimSubmittedAt: z.optional(instantSchema),
  /** The first draft of the final answer after an interim one (Yakutia, Ivanovo п. 14). */
  finalDraftSubmittedAt: z.optional(instantSchema),
  /** A clarification request was published; the author's reply starts a new answer term. */
  clarificationPublishedAt: z.optional(instantSchema),
  authorRepliedAt: z.optional(instantSchema),
  /** A shorter answer term set by the curator for this message (Saratov п. 7, Ivanovo п. 7). */
  shortTerm: z.object({ minutes: z.number().int().positive(), by: z.string(), at: instantSchema, clause: z.string() }).optional(),
  /** The curator asked for «до/после» photos in the answer (Yakutia п. 17). */
  photosRequired: z.object({ by: z.string(), at: instantSchema, clause: z.string() }).optional(),
  draft: draftSchema.optional(),
  remarks: z
    .array(z.object({ at: instantSchema, by: z.string(), text: z.string(), body: z.string().optional() }))
    .max(1000)
    .default([]),
  publications: z.array(publicationSchema).max(200).default([]),
  repeatOf: z.string().optional(),
  incidentId: z.string().optional(),
  notProcessable: z.object({ category: z.string(), by: z.string(), at: instantSchema }).optional(),
  /** Derived by planDeadlines after every step: the next obligation and its due time. */
  nextDueAt: z.optional(instantSchema),
  nextDueKind: z.string().optional(),
  /** Deadlines missed so far (facts for reports). */
  breaches: z
    .array(z.object({ kind: z.string(), dueAt: instantSchema, clause: z.string(), body: z.string().optional() }))
    .max(1000)
    .default([]),
  /** Who has something to do now (actor or body ids): the queue index. */
  openFor: z.array(z.string()).max(200).default([]),
  /** Every body the message was routed to (the "by body" index). */
  bodies: z.array(z.string()).max(50).default([]),
  /**
   * What the page showed after capture, when it differed: the post was edited (its new text)
   * or deleted. Recorded beside the captured text, which is never overwritten.
   */
  pageChanges: z
    .array(z.object({ kind: z.enum(['edited', 'deleted', 'restored']), at: instantSchema, text: z.string().max(50_000).optional() }))
    .max(100)
    .default([]),
  /**
   * When the post was written, by the page (the captured item's publishedAt). Never the
   * answer's publication, which is `publishedAt` (schema v3 separated the two).
   */
  postedAt: z.optional(instantSchema),
  /** The post's own page did not show it once; a second miss records the deletion (observePage). */
  pageMissedAt: z.optional(instantSchema),
});
export type Message = z.infer<typeof messageSchema>;

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max);

/** The closed list of grounds (Yakutia п. 18, Khabarovsk п. 4, Saratov п. 16, Ivanovo п. 18): no «other». */
export const notProcessableGrounds = ['harm', 'obscenity', 'insult', 'threat'] as const;

export const commandSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('route'),
    /** Several bodies answer in the region's one mode (allowedModes); another is refused. */
    mode: z.enum(['single', 'sequential', 'parallel']).optional(),
    assignments: z
      .array(z.object({ body: text(200), executor: z.string().optional(), hasAccount: z.boolean().optional() }))
      .min(1)
      .max(20),
    /** The location, where the curator states it while routing (Khabarovsk п. 6, Saratov п. 7, Ivanovo п. 7). */
    location: z.string().trim().min(1).max(200).optional(),
    /**
     * The curator takes the message back from every body it is with and routes it anew (its body
     * left the directory, so nobody else can move it).
     */
    reassign: z.literal(true).optional(),
  }),
  z.object({ type: z.literal('receive') }),
  z.object({ type: z.literal('return'), reason: text(2000) }),
  z.object({ type: z.literal('submitPart'), text: text(20_000) }),
  z.object({ type: z.literal('submitDraft'), kind: z.enum(['answer', 'interim', 'clarification']), text: text(20_000) }),
  // `body`: one body's answer in a parallel answer (Khabarovsk п. 13 абз. 3).
  z.object({ type: z.literal('approve'), body: z.string().min(1).optional() }),
  z.object({ type: z.literal('requestRework'), remarks: text(5000), body: z.string().min(1).optional() }),
  // The reply's link: detected in the page after the official sent it, or given by the user.
  // Nothing is recorded as published without it.
  z.object({ type: z.literal('publish'), url: permalinkSchema, text: z.string().max(20_000).optional() }),
  z.object({ type: z.literal('markNotProcessable'), category: z.enum(notProcessableGrounds), confirmed: z.literal(true) }),
  z.object({ type: z.literal('linkRepeat'), of: z.string().min(1) }),
  z.object({ type: z.literal('joinIncident'), incidentId: z.string().min(1) }),
  /** The author answered a clarification request: a new answer term starts (decisions.md). */
  z.object({ type: z.literal('authorReplied') }),
  /** The curator sets a shorter answer term on this message (Saratov п. 7, Ivanovo п. 7). */
  z.object({ type: z.literal('setTerm'), minutes: z.number().int().min(15).max(100_000) }),
  /** The curator asks for (or stops asking for) «до/после» photos (Yakutia п. 17). */
  z.object({ type: z.literal('requirePhotos'), required: z.boolean() }),
]);
export type CommandType = Command['type'];
export const commandTypes = commandSchema.options.map((o) => o.shape.type.value) as CommandType[];
export type Command = z.infer<typeof commandSchema>;

export const eventSchema = z.object({
  seq: z.number().optional(),
  /** Unique, derived from the content when stored (lib/db/events.ts): the same step has the same id everywhere. */
  id: z.string().min(1).max(200).optional(),
  messageId: z.string(),
  type: z.string(),
  at: instantSchema,
  actor: z.string(),
  from: z.optional(stepSchema),
  to: z.optional(stepSchema),
  /**
   * The command as given (replay applies it again). Stored history also keeps what an older
   * release accepted: «other» as a not-processable ground (no longer offered).
   */
  command: z.union([commandSchema, z.object({ type: z.literal('markNotProcessable'), category: z.literal('other'), confirmed: z.literal(true) })]).optional(),
  data: z.record(z.string(), z.unknown()).default({}),
});
export type WorkflowEvent = z.infer<typeof eventSchema>;
