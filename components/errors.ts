/**
 * What a person is told when a request fails: an actionable sentence in the language in use,
 * with a code they can quote — never an exception's own text (that goes to the console, and the
 * background's log holds an internal error's details under the same reference). A refusal lib/
 * or the background explains comes as a reason (a message key and its params): said here.
 */
import { say, type Reason, type TextKey } from '@/lib/i18n';
import { ChannelError, type WireReason } from '@/lib/messaging/channel';

/**
 * Says a reason lib/ returned or a reply carried. A reply from another version may name a text
 * this build does not have: the person then gets the refusal with its key to quote.
 */
export function reasonText(reason: WireReason | Reason): string {
  try {
    return say(reason as Reason);
  } catch {
    console.warn('[aot] no text for', reason);
    return say({ reason: 'error.refused', params: { code: reason.reason } });
  }
}

/** Why a request failed, as a reason (the tab channel carries it on; errorText says it). */
export function errorReason(error: unknown): Reason {
  if (error instanceof ChannelError) {
    switch (error.code) {
      case 'no-connection':
        return { reason: 'error.noConnection' };
      case 'internal':
        return { reason: 'error.internal', params: { ref: error.ref ?? 'INTERNAL' } };
      case 'rate-limited':
        return { reason: 'error.rateLimited' };
      default:
        console.warn('[aot] request refused:', error.code, error.message);
        return { reason: 'error.refused', params: { code: `AOT-${error.code.toUpperCase()}` } };
    }
  }
  return { reason: 'error.unknown' satisfies TextKey, params: { code: errorCode(error) } };
}

/**
 * The code a person can quote for an unexpected error: AOT- and the error's name (AOT-ERROR for
 * anything else thrown). The error itself, with its text, goes to the console.
 */
export function errorCode(error: unknown): string {
  console.warn('[aot] unexpected error:', error);
  const name = error instanceof Error && /^[A-Za-z]+$/.test(error.name) ? error.name : 'ERROR';
  return `AOT-${name.toUpperCase()}`;
}

export function errorText(error: unknown): string {
  return say(errorReason(error));
}
