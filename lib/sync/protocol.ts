/**
 * The team server's push/pull protocol (../shared/docs/team-server.md, «The protocol»): what a
 * client sends and what the server answers, as zod schemas. Pure: shared by the server and the
 * extension's sync client.
 */
import { z } from 'zod';
import { capturedItemSchema, importanceSchema, instantSchema } from '../model/message';
import { commandSchema, messageSchema } from '../model/workflow';
import { bodySchema, topicSchema } from '../workflow/workspace';

/** A client-made id (a message's, a client's): short, printable, no separators a key relies on. */
export const syncIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_\-.:]+$/, 'validation.syncId');

/** The most mutations one push may carry (a longer outbox is pushed in several). */
export const MAX_MUTATIONS_PER_PUSH = 100;

/** Capture: a new message from a post the user took into work, routed at once when `route` is given. */
export const captureArgsSchema = z.object({
  id: syncIdSchema,
  item: capturedItemSchema,
  topic: z.string().trim().min(1).max(200),
  location: z.string().trim().max(200).default(''),
  importance: importanceSchema,
  /** When the user pressed «Взять в работу» by the page's clock (clamped to the server's). */
  detectedAt: z.optional(instantSchema),
  /** The route command given with the capture (the assignee already resolved in the directory). */
  route: commandSchema.options[0].optional(),
});
export type CaptureArgs = z.infer<typeof captureArgsSchema>;

/** A workflow step on one message: route, return, draft, approve, rework, publish, interim, not processable, repeat, incident… */
export const stepArgsSchema = z.object({ messageId: syncIdSchema, command: commandSchema });
export type StepArgs = z.infer<typeof stepArgsSchema>;

/** A directory edit (curators only): bodies with executors and substitutes, topics, locations. */
export const directoryArgsSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('putBody'), body: bodySchema }),
  z.object({ op: z.literal('removeBody'), id: z.string().min(1) }),
  z.object({ op: z.literal('putTopic'), topic: topicSchema }),
  z.object({ op: z.literal('removeTopic'), id: z.string().min(1) }),
  z.object({ op: z.literal('putLocation'), name: z.string().trim().min(1).max(200) }),
  z.object({ op: z.literal('removeLocation'), name: z.string().min(1).max(200) }),
]);
export type DirectoryArgs = z.infer<typeof directoryArgsSchema>;

/**
 * Import (curators only, once, when a browser that worked alone connects): a message as the
 * extension kept it, in whatever step it reached, becomes the team's. Refused when the team
 * already has the message or its post.
 */
export const importArgsSchema = z.object({ message: messageSchema });
export type ImportArgs = z.infer<typeof importArgsSchema>;

export const mutationNames = ['capture', 'step', 'directory', 'import'] as const;
export type MutationName = (typeof mutationNames)[number];

/** One command as pushed: `id` counts up from 1 per client, without gaps. */
export const mutationSchema = z.object({
  clientID: syncIdSchema,
  id: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  name: z.enum(mutationNames),
  args: z.unknown(),
});
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z
  .object({
    clientGroupID: syncIdSchema,
    mutations: z.array(mutationSchema).max(MAX_MUTATIONS_PER_PUSH),
  })
  .superRefine((push, ctx) => {
    // Within one push each client's ids count up by one: a gap or a repeat inside it is a broken client.
    const last = new Map<string, number>();
    push.mutations.forEach((m, i) => {
      const prev = last.get(m.clientID);
      if (prev !== undefined && m.id !== prev + 1) ctx.addIssue({ code: 'custom', path: ['mutations', i, 'id'], message: 'validation.syncIdsNotConsecutive' });
      last.set(m.clientID, m.id);
    });
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why a command was refused: the workflow's codes, and the sync layer's own. */
export const rejectionCodeSchema = z.enum([
  // lib/workflow/allowed.ts
  'bad-command',
  'forbidden',
  'wrong-step',
  'invalid',
  // the sync layer
  'bad-args',
  'not-found',
  'already-captured',
  'exists',
]);
export type RejectionCode = z.infer<typeof rejectionCodeSchema>;

export const reasonSchema = z.object({ reason: z.string(), params: z.record(z.string(), z.unknown()).optional() });

/** What the refused command ran into: the message's step and the last change before it (who, what, when). */
export const refusalContextSchema = z.object({
  step: z.string().optional(),
  lastChange: z.object({ type: z.string(), actor: z.string(), actorName: z.string().optional(), at: instantSchema }).optional(),
  /** The message already captured from the same post (capture twice). */
  existingId: z.string().optional(),
});

export const mutationResultSchema = z.object({
  clientID: syncIdSchema,
  id: z.number().int(),
  status: z.enum(['accepted', 'rejected', 'duplicate']),
  code: rejectionCodeSchema.optional(),
  error: reasonSchema.optional(),
  context: refusalContextSchema.optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({
  results: z.array(mutationResultSchema),
  lastMutationIDs: z.record(z.string(), z.number().int()),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** The cookie: the workspace's version the client has seen (null: never pulled). */
export const cookieSchema = z.number().int().min(0).nullable();

export const pullRequestSchema = z.object({ clientGroupID: syncIdSchema, cookie: cookieSchema });
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const patchOpSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), key: z.string(), value: z.unknown() }),
  z.object({ op: z.literal('del'), key: z.string() }),
  z.object({ op: z.literal('clear') }),
]);
export type PatchOp = z.infer<typeof patchOpSchema>;

export const pullResponseSchema = z.object({
  cookie: z.number().int().min(0),
  lastMutationIDs: z.record(z.string(), z.number().int()),
  patch: z.array(patchOpSchema),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** Patch keys: `message/<id>`, `directory` (bodies, topics, locations), `refusal/<clientID>/<id>`. */
export const messageKey = (id: string) => `message/${id}`;
export const DIRECTORY_KEY = 'directory';

/** What a pulled message put carries. */
export const pulledMessageSchema = messageSchema;
