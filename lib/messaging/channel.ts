/** The channel's envelope, replies and errors: shared by every end, whatever it may send. */
import * as z from 'zod/mini';

export const CHANNEL = 'aot/1';

export const errorCodes = ['bad-envelope', 'unknown-type', 'bad-request', 'forbidden', 'internal', 'bad-response', 'rate-limited'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const envelopeSchema = z.object({
  channel: z.literal(CHANNEL),
  type: z.string().check(z.maxLength(100)),
  data: z.unknown(),
});

export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(errorCodes), message: z.string(), ref: z.optional(z.string().check(z.maxLength(40))) }) }),
]);
export type Reply = z.infer<typeof replySchema>;

/** An error that crossed the channel (or failed before it), with a code the UI can act on. */
export class ChannelError extends Error {
  constructor(
    readonly code: ErrorCode | 'no-connection',
    message: string,
    /** The reference the background logged the details under (internal errors). */
    readonly ref?: string,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/**
 * A refusal's text as it crosses the channel: a message key and its parameters (a parameter may
 * itself be such a text, or a list of them). The receiving UI says it in its own language.
 */
export interface WireReason {
  readonly reason: string;
  readonly params?: Readonly<Record<string, WireParam>>;
}
export type WireParam = string | number | WireReason | readonly WireReason[];

const keySchema = z.string().check(z.regex(/^[\w.-]+$/), z.maxLength(100));
const paramSchema: z.ZodMiniType<WireParam> = z.lazy(() =>
  z.union([z.string().check(z.maxLength(20_000)), z.number(), wireReasonSchema, z.array(wireReasonSchema).check(z.maxLength(50))]),
);
const paramsSchema = z.record(z.string().check(z.maxLength(50)), paramSchema);
export const wireReasonSchema: z.ZodMiniType<WireReason> = z.object({ reason: keySchema, params: z.optional(paramsSchema) });
/** The fields a refusal reply adds: `reason` and `params` (see WireReason). */
export const reasonFields = { reason: keySchema, params: z.optional(paramsSchema) };

export function describeIssues(error: z.core.$ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** A handler refuses a request because its sender asks too often (not logged as a fault). */
export class RateLimitedError extends Error {
  constructor(message = 'too many requests from this tab: slow down') {
    super(message);
    this.name = 'RateLimitedError';
  }
}
