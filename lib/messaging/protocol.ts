/**
 * The one request/response channel between content scripts, extension pages and the
 * background. Every request type names its payload and reply schemas and who may send it:
 * 'site' = a content script on vk.com / vk.ru / ok.ru, 'extension' = an extension page.
 * Both ends validate with zod; nothing unvalidated reaches a handler or a caller.
 */
import { z } from 'zod';
import { capturedItemSchema, itemKeySchema, routingSchema } from '../model/message';
import { commandSchema, stepSchema } from '../workflow/model';
import { workspaceSchema } from '../workflow/workspace';

export const CHANNEL = 'aot/1';

export const protocol = {
  /** Record a captured post with the curator's routing; idempotent per post key. */
  'capture.save': {
    from: ['site', 'extension'],
    request: z.object({
      item: capturedItemSchema,
      routing: routingSchema,
      /** When the curator pressed the capture button, by the page's clock (the background checks it). */
      detectedAt: z.number().int().positive().optional(),
    }),
    /** dueAt: when the answer is due (the regulation's answer term); nextDueAt: the next step's. */
    response: z.object({ id: z.string(), created: z.boolean(), dueAt: z.number(), nextDueAt: z.number().optional() }),
  },
  /** Which of these post keys are already messages (one batched request per page scan). */
  'capture.lookup': {
    from: ['site', 'extension'],
    request: z.object({ keys: z.array(itemKeySchema).max(1000) }),
    response: z.object({
      found: z.array(z.object({ key: itemKeySchema, id: z.string(), status: z.string(), dueAt: z.number() })),
    }),
  },
  /** Earlier messages a capture likely repeats (the curator confirms with linkRepeat). */
  'capture.repeats': {
    from: ['site', 'extension'],
    request: z.object({ item: capturedItemSchema, topic: z.string().max(200).optional(), location: z.string().max(200).optional() }),
    response: z.object({
      candidates: z.array(
        z.object({ id: z.string(), reasons: z.array(z.enum(['author', 'topic-location', 'text'])), score: z.number(), text: z.string(), detectedAt: z.number(), step: stepSchema }),
      ),
    }),
  },
  /** A workflow step on a stored message (extension pages only: privileged). */
  'message.command': {
    from: ['extension'],
    request: z.object({ id: z.string().min(1), command: commandSchema }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), step: stepSchema, nextDueAt: z.number().optional() }),
      z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
    ]),
  },
  /** Saves the workspace settings and directory (extension pages only). */
  'workspace.save': {
    from: ['extension'],
    request: z.object({ workspace: workspaceSchema }),
    response: z.object({ saved: z.literal(true) }),
  },
  /** A backup of the whole workspace, or the hand-over file of one body (extension pages only). */
  'backup.export': {
    from: ['extension'],
    request: z.object({ kind: z.enum(['full', 'handover']), body: z.string().optional() }),
    response: z.object({ file: z.string(), messages: z.number() }),
  },
  /** Merges a backup or hand-over file (extension pages only). */
  'backup.import': {
    from: ['extension'],
    request: z.object({ text: z.string().max(200_000_000), replaceWorkspace: z.boolean().optional() }),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), added: z.number(), updated: z.number(), unchanged: z.number(), events: z.number(), workspace: z.boolean() }),
      z.object({ ok: z.literal(false), message: z.string() }),
    ]),
  },
} as const;

export type Protocol = typeof protocol;
export type RequestType = keyof Protocol;
export type RequestOf<T extends RequestType> = z.input<Protocol[T]['request']>;
export type ParsedRequestOf<T extends RequestType> = z.output<Protocol[T]['request']>;
export type ResponseOf<T extends RequestType> = z.output<Protocol[T]['response']>;
export type SenderKind = 'site' | 'extension';

export const errorCodes = ['bad-envelope', 'unknown-type', 'bad-request', 'forbidden', 'internal', 'bad-response'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const envelopeSchema = z.object({
  channel: z.literal(CHANNEL),
  type: z.string().max(100),
  data: z.unknown(),
});

export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(errorCodes), message: z.string() }) }),
]);
export type Reply = z.infer<typeof replySchema>;

/** An error that crossed the channel (or failed before it), with a code the UI can act on. */
export class ChannelError extends Error {
  constructor(
    readonly code: ErrorCode | 'no-connection',
    message: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}
