/** The background's side of the tab channel: requests to one tab's content script, replies validated. */
import { browser } from 'wxt/browser';
import { TAB_CHANNEL, tabReplySchema, type TabReply, type TabRequest } from './tab-protocol';

type Payload = TabRequest extends infer R ? (R extends unknown ? Omit<R, 'channel'> : never) : never;

/** Sends one request to the content script of a tab; a missing or malformed reply is an error reply. */
export async function sendToTab(tabId: number, request: Payload): Promise<TabReply> {
  let raw: unknown;
  try {
    raw = await browser.tabs.sendMessage(tabId, { channel: TAB_CHANNEL, ...request });
  } catch (error) {
    // Usually a tab still loading, or one without our content script: the caller retries.
    console.debug('[aot] tab not reached:', error);
    return { ok: false, reason: 'publish.error.noTab' };
  }
  const parsed = tabReplySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  console.warn('[aot] malformed reply from tab', tabId);
  return { ok: false, reason: 'error.refused', params: { code: 'AOT-BAD-TAB-REPLY' } };
}

/** Waits until the tab's content script answers (a tab just opened is still loading). */
export async function waitForTab(tabId: number, timeoutMs = 15_000, stepMs = 250): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if ((await sendToTab(tabId, { type: 'ping' })).ok) return true;
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
  return false;
}
