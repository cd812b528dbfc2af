/**
 * The sending end of the channel. Validates the request before it leaves and the reply when it
 * comes back; failures arrive as ChannelError with a code. `makeRequest(map)` builds a client
 * for a part of the protocol, so the content script carries only the capture schemas.
 */
import { browser } from 'wxt/browser';
import * as z from 'zod/mini';
import { CHANNEL, ChannelError, describeIssues, replySchema } from './channel';

export type Transport = (envelope: unknown) => Promise<unknown>;

const runtimeTransport: Transport = (envelope) => browser.runtime.sendMessage(envelope);

/** A reply that has not come in this long will not come (the worker died mid-request). */
export const REQUEST_TIMEOUT_MS = 15_000;

/** Any zod schemas, classic or mini: the content script's are mini (lib/model/message.ts). */
type SpecMap = Record<string, { request: z.core.$ZodType; response: z.core.$ZodType }>;

export function makeRequest<M extends SpecMap>(map: M) {
  return async function request<T extends keyof M & string>(
    type: T,
    data: z.input<M[T]['request']>,
    transport: Transport = runtimeTransport,
    timeoutMs = REQUEST_TIMEOUT_MS,
  ): Promise<z.output<M[T]['response']>> {
    const spec = map[type]!;
    const parsed = z.safeParse(spec.request, data);
    if (!parsed.success) throw new ChannelError('bad-request', describeIssues(parsed.error));
    let raw: unknown;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      raw = await Promise.race([
        transport({ channel: CHANNEL, type, data: parsed.data }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no reply to "${type}" in ${timeoutMs / 1000} s`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      throw new ChannelError('no-connection', error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(timer);
    }
    const reply = z.safeParse(replySchema, raw);
    if (!reply.success) throw new ChannelError('bad-response', `malformed reply to "${type}"`);
    if (!reply.data.ok) throw new ChannelError(reply.data.error.code, reply.data.error.message, reply.data.error.ref);
    const result = z.safeParse(spec.response, reply.data.data);
    if (!result.success) throw new ChannelError('bad-response', describeIssues(result.error));
    return result.data as z.output<M[T]['response']>;
  };
}
