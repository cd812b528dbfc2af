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

export async function request<T extends RequestType>(
  type: T,
  data: RequestOf<T>,
  transport: Transport = runtimeTransport,
): Promise<ResponseOf<T>> {
  const spec = protocol[type];
  const parsed = spec.request.safeParse(data);
  if (!parsed.success) throw new ChannelError('bad-request', describeIssues(parsed.error));
  let raw: unknown;
  try {
    raw = await transport({ channel: CHANNEL, type, data: parsed.data });
  } catch (error) {
    throw new ChannelError('no-connection', error instanceof Error ? error.message : String(error));
  }
  const reply = replySchema.safeParse(raw);
  if (!reply.success) throw new ChannelError('bad-response', `malformed reply to "${type}"`);
  if (!reply.data.ok) throw new ChannelError(reply.data.error.code, reply.data.error.message);
  const result = spec.response.safeParse(reply.data.data);
  if (!result.success) throw new ChannelError('bad-response', describeIssues(result.error));
  return result.data as ResponseOf<T>;
}
