/**
 * The receiving end of the channel, as a plain async function (testable without a browser):
 * validates the envelope, the sender and the payload, runs the handler, validates its reply.
 * It never throws: every failure becomes an error reply, and is logged.
 */
import {
  CHANNEL,
  describeIssues,
  envelopeSchema,
  protocol,
  type ErrorCode,
  type ParsedRequestOf,
  type Reply,
  type RequestType,
  type ResponseOf,
  type SenderKind,
} from './protocol';
import { isSiteHost } from '../sites/hosts';
import { RateLimitedError } from './channel';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** Who a handler is answering: the sender's kind, page URL and (for content scripts) tab. */
export interface Sender {
  kind: SenderKind;
  url?: string;
  tabId?: number;
}

export type Handlers = {
  [T in RequestType]: (data: ParsedRequestOf<T>, sender: Sender) => Promise<ResponseOf<T>>;
};

export interface RouterOptions {
  /** This extension's id (runtime.id): messages from other extensions are refused. */
  extensionId: string;
  /** This extension's page origin, e.g. 'chrome-extension://abc/'. */
  extensionOrigin: string;
  log?: (message: string, detail?: unknown) => void;
  /** A short reference for an internal error, quoted by the person, found in the log. */
  newRef?: () => string;
}

/** Six characters, unambiguous to read aloud (no 0/O, 1/I/L). */
export function errorRef(random: () => number = Math.random): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  return Array.from({ length: 6 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}

/** Who sent a message: a content script on a supported site, an extension page, or neither. */
export function classifySender(sender: SenderInfo, opts: RouterOptions): SenderKind | null {
  if (sender.id !== opts.extensionId || !sender.url) return null;
  if (sender.url.startsWith(opts.extensionOrigin)) return 'extension';
  if (!sender.tab) return null;
  try {
    const url = new URL(sender.url);
    return url.protocol === 'https:' && isSiteHost(url.hostname) ? 'site' : null;
  } catch {
    return null;
  }
}

/**
 * A short description of a bad message for the log: its kind, a few keys and its size — never
 * the message itself (a page can send megabytes, or text the log should not keep).
 */
export function summarize(raw: unknown): string {
  if (raw === null || typeof raw !== 'object') {
    const text = typeof raw === 'string' ? raw : String(raw);
    return `${typeof raw} (${text.length} chars)`;
  }
  const keys = Object.keys(raw);
  let size = '?';
  try {
    size = String(JSON.stringify(raw)?.length ?? 0);
  } catch {
    // cyclic or otherwise unserialisable
  }
  const shown = keys.slice(0, 5).map((k) => k.slice(0, 40));
  return `${Array.isArray(raw) ? 'array' : 'object'} {${shown.join(', ')}${keys.length > 5 ? `, … ${keys.length - 5} more` : ''}} (${size} chars)`;
}

export function createRouter(handlers: Handlers, opts: RouterOptions) {
  const log = opts.log ?? ((message, detail) => console.warn(`[aot] ${message}`, detail ?? ''));
  const fail = (code: ErrorCode, message: string, detail?: unknown): Reply => {
    log(`${code}: ${message}`, detail);
    return { ok: false, error: { code, message } };
  };

  return async function route(raw: unknown, sender: SenderInfo): Promise<Reply> {
    const envelope = envelopeSchema.safeParse(raw);
    if (!envelope.success) return fail('bad-envelope', `not a message of channel ${CHANNEL}`, summarize(raw));
    const { type, data } = envelope.data;
    if (!Object.hasOwn(protocol, type)) return fail('unknown-type', `unknown request type "${type}"`);
    const spec = protocol[type as RequestType];
    const kind = classifySender(sender, opts);
    if (!kind || !(spec.from as readonly string[]).includes(kind))
      return fail('forbidden', `"${type}" is not accepted from ${sender.url ?? 'an unknown sender'}`);
    const parsed = spec.request.safeParse(data);
    if (!parsed.success) return fail('bad-request', `"${type}": ${describeIssues(parsed.error)}`);
    try {
      const handler = handlers[type as RequestType] as (d: unknown, s: Sender) => Promise<unknown>;
      const tab = sender.tab as { id?: unknown } | undefined;
      const result = await handler(parsed.data, { kind, url: sender.url, ...(typeof tab?.id === 'number' ? { tabId: tab.id } : {}) });
      const checked = spec.response.safeParse(result);
      if (!checked.success) return fail('bad-response', `"${type}" produced an invalid reply: ${describeIssues(checked.error)}`);
      return { ok: true, data: checked.data };
    } catch (error) {
      if (error instanceof RateLimitedError) return { ok: false, error: { code: 'rate-limited', message: error.message } };
      // The person sees a reference, never the error's own text; the log holds both.
      const ref = (opts.newRef ?? errorRef)();
      log(`internal [${ref}] in "${type}": ${error instanceof Error ? error.message : String(error)}`, error);
      return { ok: false, error: { code: 'internal', message: `internal error ${ref}`, ref } };
    }
  };
}
