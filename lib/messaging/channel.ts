/** The channel's envelope, replies and errors: shared by every end, whatever it may send. */
import { z } from 'zod';

export const CHANNEL = 'aot/1';

export const errorCodes = ['bad-envelope', 'unknown-type', 'bad-request', 'forbidden', 'internal', 'bad-response', 'rate-limited'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const envelopeSchema = z.object({
  channel: z.literal(CHANNEL),
  type: z.string().max(100),
  data: z.unknown(),
});

export const replySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.enum(errorCodes), message: z.string(), ref: z.string().max(40).optional() }) }),
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

export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** A handler refuses a request because its sender asks too often (not logged as a fault). */
export class RateLimitedError extends Error {
  constructor(message = 'too many requests from this tab: slow down') {
    super(message);
    this.name = 'RateLimitedError';
  }
}
