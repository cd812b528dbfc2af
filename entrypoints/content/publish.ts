/**
 * Publish in place, the page side: on the background's request, finds the item, opens the
 * site's own reply form for a comment, puts the approved text into the reply box with the
 * browser's editing pipeline and reads it back. It never presses send: the official does.
 * Then it watches the post's comments for the sent reply (normalised text match) and reports
 * its link; the background records the publication.
 */
import { browser } from 'wxt/browser';
import { t, type TextKey } from '@/lib/i18n';
import { errorReason, errorText, reasonText } from '@/components/errors';
import { siteRequest as request } from '@/lib/messaging/site-client';
import { TAB_CHANNEL, tabRequestSchema, type InsertMethod, type TabReply } from '@/lib/messaging/tab-protocol';
import { comparableText, looksLikeSent, withoutPrefix } from '@/lib/sites/dom';
import type { PageItem, SiteAdapter } from '@/lib/sites';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CaptureController } from './capture';
import { closeForm } from './form';
import { toast } from './toast';

/** How long the page watches for the sent reply before the user confirms by link. */
const WATCH_MS = 30 * 60_000;

/** The editor's text as the user sees it, NBSP and blanks normalised. */
function boxText(box: HTMLElement): string {
  return comparableText(box instanceof HTMLTextAreaElement ? box.value : box.innerText);
}

function caretToEnd(box: HTMLElement): void {
  box.focus();
  const selection = box.ownerDocument.getSelection();
  if (!selection) return;
  const range = box.ownerDocument.createRange();
  range.selectNodeContents(box);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

/**
 * Puts text at the end of a contenteditable the way a user's typing would: execCommand
 * ('insertText') runs the browser's own editing pipeline (beforeinput/input, undo); a paste
 * event reaches editors that ignore it; a beforeinput event is the last resort. Lines are
 * inserted one by one with insertLineBreak (Enter could send). Returns the way that worked.
 */
export function insertText(box: HTMLElement, text: string): InsertMethod | null {
  const before = boxText(box);
  const want = comparableText(text);
  const landed = () => {
    const now = boxText(box);
    return now !== before && now.includes(want);
  };
  caretToEnd(box);
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (i > 0) document.execCommand('insertLineBreak');
    if (line) document.execCommand('insertText', false, line);
  });
  if (landed()) return 'execCommand';
  caretToEnd(box);
  try {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  } catch {
    // engines without a constructible DataTransfer go on to beforeinput
  }
  if (landed()) return 'paste';
  caretToEnd(box);
  box.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true }));
  if (landed()) return 'beforeinput';
  return null;
}

interface Watch {
  messageId: string;
  /** The item answered (its button shows the message's step). */
  itemKey: string;
  postKey: string;
  text: string;
  known: Set<string>;
  until: number;
}

export function startPublisher(ctx: ContentScriptContext, adapter: SiteAdapter, capture: CaptureController): void {
  let watch: Watch | null = null;
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Ends the watch after 30 minutes even on a page where nothing changes. */
  let expiry: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    observer?.disconnect();
    observer = null;
    watch = null;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (expiry !== undefined) clearTimeout(expiry);
    expiry = undefined;
    added = [];
  };

  const comments = (postKey: string): PageItem[] => adapter.findItems(document).filter((i) => i.kind === 'comment' && i.parentKey === postKey);

  /**
   * The sent reply: a new comment under the post whose text holds the inserted answer. Only
   * the nodes the site added since the last look are read (VK mutates the page all the time;
   * the whole page is never re-read while waiting).
   */
  let added: Element[] = [];
  const check = async () => {
    timer = undefined;
    const w = watch;
    const roots = added.filter((el) => el.isConnected && !added.some((o) => o !== el && o.contains(el)));
    added = [];
    if (!w) return;
    if (Date.now() > w.until) return stop();
    // The answer as inserted, or edited in the box before sending (recorded as sent, flagged).
    const sent = roots
      .flatMap((root) => adapter.findItems(root))
      .find((c) => c.kind === 'comment' && c.parentKey === w.postKey && !w.known.has(c.key) && looksLikeSent(c.text, w.text));
    if (!sent) return;
    stop();
    try {
      const reply = await request('publish.sent', {
        messageId: w.messageId,
        replyKey: sent.key,
        replyUrl: sent.url,
        text: sent.text,
        ...(sent.author.url ? { authorUrl: sent.author.url } : {}),
        ...(sent.author.name ? { authorName: sent.author.name.slice(0, 500) } : {}),
      });
      toast(reply.ok ? t('inpage.publish.recorded') : reasonText(reply), reply.ok ? 'ok' : 'error');
      // The answered item's button says «опубликовано» now, not at the next minute's refresh.
      if (reply.ok) capture.refresh([w.itemKey]);
    } catch (error) {
      toast(errorText(error), 'error');
    }
  };

  const startWatch = (messageId: string, itemKey: string, postKey: string, text: string) => {
    stop();
    watch = { messageId, itemKey, postKey, text, known: new Set(comments(postKey).map((c) => c.key)), until: Date.now() + WATCH_MS };
    expiry = setTimeout(stop, WATCH_MS);
    observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          // A comment may arrive whole or be filled in later: read the item the node belongs to.
          const el = node instanceof Element ? node : node.parentElement;
          if (el && !el.closest('[data-aot]')) added.push(el.closest(adapter.rootSelector) ?? el);
        }
      }
      if (added.length && timer === undefined) timer = setTimeout(() => void check(), 150);
    });
    observer.observe(document.body, { childList: true, subtree: true });
  };

  /** Said here, in the page; the desk is told why in its own words (the reason). */
  const refuse = (reason: TextKey): TabReply => {
    toast(t(reason), 'error');
    return { ok: false, reason };
  };

  const insert = async (req: { messageId: string; key: string; parentKey?: string; text: string }): Promise<TabReply> => {
    closeForm(); // our capture form must not cover the site's reply form
    capture.rescan();
    const all = adapter.findItems(document);
    const item = all.find((i) => i.key === req.key);
    const postKey = item?.kind === 'comment' ? (item.parentKey ?? req.parentKey) : req.key;
    if (!item || !postKey) {
      return refuse('inpage.publish.notFound');
    }
    item.element.scrollIntoView({ block: 'center' });
    // A comment is answered through the site's own reply control (VK prefixes the name).
    if (item.kind === 'comment') adapter.replyControl(item)?.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const boxes = adapter.findReplyBoxes(document);
    const box = (boxes.find((b) => b.answersKey === item.key) ?? boxes.find((b) => b.answersKey === postKey))?.element;
    if (!box) {
      return refuse('inpage.publish.noBox');
    }
    // OK restores unsent drafts into the box: never mix the answer into someone's text.
    const existing = boxText(box);
    if (item.kind === 'post' && existing) {
      return refuse('inpage.publish.notEmpty');
    }
    box.scrollIntoView({ block: 'center' });
    // The site put the addressee's name in the box («Ольга, »): an answer that starts with it
    // gets it once, not twice.
    const method = insertText(box, withoutPrefix(req.text, existing));
    if (!method) {
      return refuse('inpage.publish.mismatch');
    }
    startWatch(req.messageId, req.key, postKey, req.text);
    toast(t('inpage.publish.inserted'), 'ok');
    return { ok: true, method, site: adapter.site };
  };

  const onMessage = (raw: unknown, _sender: unknown, sendResponse: (reply: TabReply) => void): true | undefined => {
    if (!raw || typeof raw !== 'object' || (raw as { channel?: unknown }).channel !== TAB_CHANNEL) return undefined;
    const parsed = tabRequestSchema.safeParse(raw);
    if (!parsed.success) {
      sendResponse({ ok: false, reason: 'error.refused', params: { code: 'AOT-BAD-TAB-REQUEST' } } satisfies TabReply);
      return undefined;
    }
    const req = parsed.data;
    if (req.type === 'ping') {
      sendResponse({ ok: true, site: adapter.site } satisfies TabReply);
      return undefined;
    }
    void insert(req).then(sendResponse, (error: unknown) => sendResponse({ ok: false, ...errorReason(error) }));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    stop();
  });
}
