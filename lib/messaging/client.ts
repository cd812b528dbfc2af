/**
 * The sending end of the channel. Validates the request before it leaves and the reply when it
 * comes back; failures arrive as ChannelError with a code.
 */
import { browser } from 'wxt/browser';
import {
  CHANNEL,
  ChannelError,
  describeIssues,
  protocol,
  replySchema,
  type RequestOf,
  type RequestType,
  type ResponseOf,
} from './protocol';

export type Transport = (envelope: unknown) => Promise<unknown>;

const runtimeTransport: Transport = (envelope) => browser.runtime.sendMessage(envelope);

/** A reply that has not come in this long will not come (the worker died mid-request). */
export const REQUEST_TIMEOUT_MS = 15_000;

export async function request<T extends RequestType>(
  type: T,
  data: RequestOf<T>,
  transport: Transport = runtimeTransport,
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<ResponseOf<T>> {
  const spec = protocol[type];
  const parsed = spec.request.safeParse(data);
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
  const reply = replySchema.safeParse(raw);
  if (!reply.success) throw new ChannelError('bad-response', `malformed reply to "${type}"`);
  if (!reply.data.ok) throw new ChannelError(reply.data.error.code, reply.data.error.message);
  const result = spec.response.safeParse(reply.data.data);
  if (!result.success) throw new ChannelError('bad-response', describeIssues(result.error));
  return result.data as ResponseOf<T>;
}
