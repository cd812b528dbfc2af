/**
 * The reply checker in the site's own reply boxes: when the user types in a VK or OK reply
 * box, the checker's findings are underlined in place (the editor's DOM is never modified)
 * and a compact panel beside the box lists them, with forbidden content found in the post
 * being answered. The rules run in the background (one request per pause in typing), so the
 * content script carries no rule data. Switched off per site in the options.
 *
 * A page's own scripts can type into the box too (synthetic events, value changes) and could
 * keep the background busy: the checker reacts only to a person (trusted focus and input
 * events) or to the extension itself (CheckerController.check, after it inserted an answer);
 * at most one request is in flight and only the latest text waits (latestOnly), and the
 * background limits the requests per tab besides.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { attachHighlighter, type Highlighter } from '@/components/inplace/highlighter';
import { t } from '@/lib/i18n';
import type { Finding } from '@/lib/lint/types';
import { ChannelError } from '@/lib/messaging/channel';
import { siteRequest as request } from '@/lib/messaging/site-client';
import { CHECKER_SITES_KEY } from '@/lib/sites/hosts';
import type { SiteAdapter } from '@/lib/sites';
import { attachOurShadow, HOST_ATTR } from './shadow';

const MAX_LISTED = 5;

interface Attached {
  box: HTMLElement;
  highlighter: Highlighter;
  panel: HTMLElement;
  /** Stops following the box (listeners and the frame waiting). */
  unfollow: () => void;
  /** The box was emptied without an input event (the site cleared it after sending). */
  emptied: () => void;
}

/** What the rest of the content script may ask of the checker. */
export interface CheckerController {
  /**
   * Checks a reply box now, whatever events its last change fired: for text the extension put
   * there itself (publish in place), whose events may be synthetic. Ignored when the box is not
   * a reply box or the checker is off.
   */
  check(box: HTMLElement): void;
}

/** A call that a newer one replaced before it was sent. */
export class Superseded extends Error {
  constructor() {
    super('replaced by a newer check before it was sent');
    this.name = 'Superseded';
  }
}

/**
 * At most one `send` at a time: a call made meanwhile waits, and a newer call replaces the one
 * waiting (which rejects with Superseded). So the latest text always goes out, one request after
 * the other, however fast the calls come.
 */
export function latestOnly<A, R>(send: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  let busy = false;
  let waiting: { arg: A; resolve: (result: R) => void; reject: (error: unknown) => void } | null = null;
  const next = () => {
    const w = waiting;
    waiting = null;
    if (w) run(w.arg).then(w.resolve, w.reject);
    else busy = false;
  };
  const run = (arg: A): Promise<R> => {
    busy = true;
    let sent: Promise<R>;
    try {
      sent = send(arg);
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(next, next);
    return sent;
  };
  return (arg) => {
    if (!busy) return run(arg);
    waiting?.reject(new Superseded());
    return new Promise<R>((resolve, reject) => {
      waiting = { arg, resolve, reject };
    });
  };
}

/**
 * Thrown by the checker's lint to leave the highlighter's last drawing as it is. Made when
 * thrown, never at load: an Error made while content.js is evaluated has the whole script on
 * its stack, and Chromium then re-parses all of it for line numbers (7–8 ms of every page load).
 */
class KeepFindings extends Error {
  constructor() {
    super('no check: the last findings stay');
  }
}

/** The text of the item a box answers, read from the nearest ancestor that holds it (not the whole page). */
function answeredText(box: HTMLElement, key: string, adapter: SiteAdapter): string | undefined {
  let reads = 0;
  for (let scope: Element | null = box.parentElement; scope && reads < 3; scope = scope.parentElement) {
    if (!scope.querySelector(adapter.rootSelector) && !scope.matches(adapter.rootSelector)) continue;
    reads += 1;
    const found = adapter.findItems(scope).find((i) => i.key === key);
    if (found) return found.text;
  }
  return undefined;
}

export function startChecker(ctx: ContentScriptContext, adapter: SiteAdapter): CheckerController {
  let enabled = true;
  let current: Attached | null = null;
  /**
   * A request may go: a person changed the box (trusted input) or focused it, or the extension
   * asked, since the last request. A page script's change alone never sends one.
   */
  let permitted = false;
  const send = latestOnly(({ text, answering }: { text: string; answering: string | undefined }) =>
    request('lint.check', { text, ...(answering ? { answering } : {}) }),
  );

  const detach = () => {
    if (!current) return;
    current.highlighter.detach();
    current.panel.remove();
    current.unfollow();
    current = null;
  };

  void browser.storage.local
    .get(CHECKER_SITES_KEY)
    .then((stored) => {
      const sites = stored[CHECKER_SITES_KEY] as Partial<Record<'vk' | 'ok', boolean>> | undefined;
      enabled = sites?.[adapter.site] !== false;
    })
    .catch(() => undefined);
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(CHECKER_SITES_KEY in changes)) return;
    const sites = changes[CHECKER_SITES_KEY]?.newValue as Partial<Record<'vk' | 'ok', boolean>> | undefined;
    enabled = sites?.[adapter.site] !== false;
    if (!enabled) detach();
  };
  browser.storage.onChanged.addListener(onStorage);

  const attach = (box: HTMLElement) => {
    if (current?.box === box) return;
    detach();
    const answersKey = adapter.findReplyBoxes(box.parentElement ?? document).find((b) => b.element === box)?.answersKey;
    const answering = answersKey ? answeredText(box, answersKey, adapter) : undefined;

    const panelHost = document.createElement('div');
    panelHost.setAttribute(HOST_ATTR, 'checker');
    Object.assign(panelHost.style, { position: 'absolute', zIndex: '2147483645', top: '0', left: '0' });
    const shadow = attachOurShadow(panelHost);
    const panel = document.createElement('section');
    panel.className = 'aot-checker';
    panel.setAttribute('aria-label', t('checker.title'));
    panel.setAttribute('aria-live', 'polite');
    panel.hidden = true;
    shadow.append(panel);
    document.body.append(panelHost);

    // Beside the box, in page coordinates: once per frame at most, reading before writing, and
    // writing only what moved (a scroll of the page alone moves nothing here).
    let frame = 0;
    let placed = '';
    const place = () => {
      frame = 0;
      const rect = box.getBoundingClientRect();
      const top = `${rect.bottom + window.scrollY + 4}px`;
      const left = `${rect.left + window.scrollX}px`;
      const width = `${Math.max(260, Math.min(rect.width, 420))}px`;
      if (`${top} ${left} ${width}` === placed) return;
      placed = `${top} ${left} ${width}`;
      Object.assign(panelHost.style, { top, left, width });
    };
    const follow = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };

    let incoming: Finding[] = [];
    let score = 10;
    const render = (findings: Finding[], text: string) => {
      if (!text.trim() && incoming.length === 0) {
        panel.hidden = true;
        return;
      }
      const parts: Node[] = [];
      const head = document.createElement('header');
      const title = document.createElement('strong');
      title.textContent = `${t('checker.title')} · ${t('checker.score', { score })}`;
      const hide = document.createElement('button');
      hide.type = 'button';
      hide.className = 'aot-icon-button';
      hide.setAttribute('aria-label', t('checker.hide'));
      hide.textContent = '×';
      hide.addEventListener('click', detach);
      head.append(title, hide);
      parts.push(head);
      if (incoming.length) {
        const warn = document.createElement('p');
        warn.className = 'aot-checker__incoming';
        warn.textContent = `${t('checker.incoming')} ${[...new Set(incoming.map((f) => f.message))].join('; ')}`;
        parts.push(warn);
      }
      const list = document.createElement('ul');
      for (const f of findings.slice(0, MAX_LISTED)) {
        const li = document.createElement('li');
        li.dataset.category = f.category;
        const quote = text.slice(f.start, f.end);
        li.textContent = quote ? `«${quote}» — ${f.message}` : f.message; // page text: textContent only
        list.append(li);
      }
      if (findings.length > MAX_LISTED) {
        const more = document.createElement('li');
        more.textContent = t('checker.more', { count: findings.length - MAX_LISTED });
        list.append(more);
      }
      if (!findings.length) {
        const ok = document.createElement('p');
        ok.textContent = t('checker.clean');
        parts.push(ok);
      } else parts.push(list);
      panel.replaceChildren(...parts);
      panel.hidden = false;
      place();
    };

    // The last request of this box: the same text is never asked twice (a page script's event
    // that changed nothing, a refresh while the answer is on its way).
    let last: { text: string; reply: ReturnType<typeof send> } | null = null;
    const lint = async (text: string): Promise<Finding[]> => {
      const allowed = permitted; // one check per change by a person, used up here
      permitted = false;
      if (!text.trim()) return [];
      if (last?.text !== text) {
        if (!allowed) throw new KeepFindings(); // changed by the page, not by a person: no request
        last = { text, reply: send({ text, answering }) };
      }
      const mine = last;
      let reply: Awaited<ReturnType<typeof send>>;
      try {
        reply = await mine.reply;
      } catch (error) {
        if (last === mine) last = null; // asked again on the next change by a person
        // Replaced by newer text, refused (too many requests, too long) or no connection:
        // nothing new to draw.
        if (error instanceof Superseded || error instanceof ChannelError) throw new KeepFindings();
        throw error;
      }
      if (!reply.enabled) {
        enabled = false;
        queueMicrotask(detach);
        return [];
      }
      incoming = reply.incoming;
      score = reply.score;
      return reply.findings;
    };
    const highlighter = attachHighlighter(box, { lint, delay: 300, onResult: render, name: 'aot-reply' });
    window.addEventListener('scroll', follow, { passive: true, capture: true });
    window.addEventListener('resize', follow, { passive: true });
    const unfollow = () => {
      window.removeEventListener('scroll', follow, { capture: true });
      window.removeEventListener('resize', follow);
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
    };
    // Findings of a text that is gone are not shown (what the post being answered holds stays).
    const emptied = () => {
      if (!panel.hidden && !box.textContent?.trim()) render([], '');
    };
    current = { box, highlighter, panel: panelHost, unfollow, emptied };
  };

  const boxOf = (target: EventTarget | null): HTMLElement | null => {
    if (!(target instanceof HTMLElement)) return null;
    const box = target.closest<HTMLElement>(adapter.replyBoxSelector);
    return box && adapter.findReplyBoxes(box.parentElement ?? document).some((b) => b.element === box) ? box : null;
  };
  // Runs on every keystroke in the page: typing in the box already checked costs one contains().
  // Only a person's focus and input count (isTrusted): a page script's synthetic events and
  // value changes attach nothing and send nothing.
  const onActivity = (event: Event) => {
    if (!enabled || !event.isTrusted) return;
    if (current && event.target instanceof Node && current.box.contains(event.target)) {
      if (event.type === 'input') permitted = true; // the highlighter checks after the pause
      return;
    }
    const box = boxOf(event.target);
    if (box) {
      permitted = true; // the box is checked as it is when attached
      attach(box);
    }
  };
  document.addEventListener('focusin', onActivity, true);
  document.addEventListener('input', onActivity, true);
  // The site may remove the box (sent, collapsed): let go of it; or empty it after sending,
  // without an input event: the panel follows.
  const sweep = setInterval(() => {
    if (current && !current.box.isConnected) detach();
    else current?.emptied();
  }, 2000);
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorage);
    document.removeEventListener('focusin', onActivity, true);
    document.removeEventListener('input', onActivity, true);
    clearInterval(sweep);
    detach();
  });
  return {
    check(target) {
      if (!enabled || !ctx.isValid) return;
      const box = boxOf(target);
      if (!box) return;
      permitted = true;
      if (current?.box === box) current.highlighter.refresh();
      else attach(box);
    },
  };
}
