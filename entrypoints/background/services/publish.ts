/**
 * Publish in place: the background opens (or focuses) the tab with the post and has its content
 * script put the answer into the site's reply box; the official sends it there, and the page
 * reports the sent reply, which is recorded once checked. A publication in progress is kept in
 * session storage (it survives a worker restart) and goes when its tab closes.
 */
import type { AppDatabase } from '@/lib/db';
import { applyCommand } from '@/lib/db/messages';
import { detectedKey, type DetectedReply } from '@/lib/messaging/detected';
import type { WireReason } from '@/lib/messaging/channel';
import type { Handlers } from '@/lib/messaging/router';
import type { TabReply, TabRequest } from '@/lib/messaging/tab-protocol';
import { permalinkSchema } from '@/lib/model/message';
import type { SessionStorePort, TabsPort } from '@/lib/platform/ports';
import { siteMatches } from '@/lib/sites/hosts';
import { commandRefusal } from '@/lib/workflow/allowed';
import type { Message } from '@/lib/model/workflow';
import { isOwnAuthor } from '@/lib/workflow/workspace';
import type { BadgeService } from './badge';
import { createEffects, type Effects } from './effects';
import type { EnvSource } from './env';

/** A refusal's reason and params as a reply carries them (the page that shows it says it). */
const said = ({ reason, params }: WireReason) => ({ reason, ...(params ? { params } : {}) });

/** A publication in progress, per message. */
export const pendingKey = (messageId: string) => `publish:${messageId}`;
/** How long a publication in place waits for the sent reply (the page watches as long). */
export const PUBLISH_WATCH_MS = 30 * 60_000;

export interface PendingPublish {
  tabId: number;
  key: string;
  /** The reply's link must start with this (the post's canonical URL). */
  postUrl: string;
  startedAt: number;
  /** The summary answer (the summary step publishes a text the message does not hold yet). */
  text?: string;
}

type TabPayload = TabRequest extends infer R ? (R extends unknown ? Omit<R, 'channel'> : never) : never;

/** Requests to one tab's content script. */
export interface TabMessengerPort {
  send(tabId: number, request: TabPayload): Promise<TabReply>;
  /** Resolves true once the tab's content script answers (a tab just opened is loading). */
  ready(tabId: number): Promise<boolean>;
}

/** The canonical post URL a reply to this message will carry (the post of a comment). */
export function postUrlOf(m: Message): string {
  const url = new URL(m.url);
  url.search = '';
  url.hash = '';
  return url.toString();
}

export interface PublishDeps {
  db: AppDatabase;
  env: EnvSource;
  tabs: TabsPort;
  session: SessionStorePort;
  messenger: TabMessengerPort;
  badge: BadgeService;
  /**
   * Runs the clean-up after a recorded publication (logged and counted, never the step's
   * outcome). Without it, a failed clean-up is only logged.
   */
  effects?: Effects;
}

/** Side effects logged but not counted (no store): for a wiring that passes no Effects. */
const logOnly = (): Effects => createEffects({ store: { get: async () => undefined, set: async () => undefined }, now: Date.now });

export function publishService({ db, env, tabs, session, messenger, badge, effects = logOnly() }: PublishDeps) {
  const handlers: Pick<Handlers, 'publish.start' | 'publish.sent'> = {
    'publish.start': async ({ id, text: summary }) => {
      const m = await db.messages.get(id);
      if (!m) return { ok: false, reason: 'publish.error.noMessage' };
      // The same check as the desk's buttons and the state machine: a message at rework where
      // the act wants a second approval never reaches the reply box (and so is never refused after).
      const e = await env();
      const refusal = commandRefusal(m, 'publish', e.workspace.user, e.workspace.profile);
      if (refusal) return refusal.code === 'wrong-step' ? { ok: false, reason: 'publish.error.step' } : { ok: false, ...said(refusal) };
      // The summary and a reworked answer published directly (Khabarovsk п. 12) bring their own text.
      const ownText = m.step === 'summary' || m.step === 'rework';
      const text = (ownText ? summary : m.draft?.text) ?? '';
      if (!text.trim()) return { ok: false, reason: 'publish.error.noText' };
      const postUrl = postUrlOf(m);
      const postPath = new URL(postUrl).pathname;
      // The tab that already shows the post (any host of its site), else a new one.
      const open = await tabs.query(siteMatches(m.site));
      let tab = open.find((tb) => tb.url && new URL(tb.url).pathname === postPath);
      if (tab?.id !== undefined) await tabs.activate(tab);
      else {
        tab = await tabs.create(m.url);
        await tabs.activate(tab);
      }
      const tabId = tab?.id;
      if (tabId === undefined || !(await messenger.ready(tabId))) return { ok: false, reason: 'publish.error.noTab' };
      const pending: PendingPublish = { tabId, key: m.key, postUrl, startedAt: e.now, ...(ownText ? { text } : {}) };
      await session.set({ [pendingKey(m.id)]: pending });
      const reply = await messenger.send(tabId, {
        type: 'publish.insert',
        messageId: m.id,
        key: m.key,
        ...(m.parentKey ? { parentKey: m.parentKey } : {}),
        text,
      });
      if (!reply.ok) return { ok: false, ...said(reply) };
      return { ok: true, tabId, method: reply.method ?? 'execCommand' };
    },
    'publish.sent': async ({ messageId, replyUrl, authorUrl, authorName, text: sent }, sender) => {
      const pending = (await session.get(pendingKey(messageId)))[pendingKey(messageId)] as PendingPublish | undefined;
      if (!pending || pending.tabId !== sender.tabId) return { ok: false, reason: 'publish.error.notPending' };
      const e = await env();
      // The page watches for 30 minutes; a report after that is not trusted.
      if (e.now > pending.startedAt + PUBLISH_WATCH_MS) {
        await session.remove(pendingKey(messageId));
        return { ok: false, reason: 'publish.error.expired' };
      }
      const url = permalinkSchema.safeParse(replyUrl);
      if (!url.success || !url.data.startsWith(`${pending.postUrl}?`)) return { ok: false, reason: 'publish.error.foreignReply' };
      const m = await db.messages.get(messageId);
      if (!m) return { ok: false, reason: 'publish.error.noMessage' };
      // A page script can add a look-alike comment: only a reply from the official's own profile
      // or the body's page is recorded; anything else waits for the official to confirm it.
      if (!isOwnAuthor(e.workspace, m.bodies, authorUrl)) {
        const detected: DetectedReply = {
          url: url.data,
          at: e.now,
          ...(authorUrl ? { authorUrl: authorUrl.slice(0, 500) } : {}),
          ...(authorName ? { authorName } : {}),
        };
        await session.set({ [detectedKey(messageId)]: detected });
        return { ok: false, unconfirmed: true, reason: 'publish.unconfirmed', params: { author: authorName || authorUrl || '?' } };
      }
      // What the page shows as sent is recorded (and flagged when it is not the approved text).
      const text = sent.trim() ? sent : pending.text;
      const result = await applyCommand(db, messageId, { type: 'publish', url: url.data, ...(text ? { text } : {}) }, e.workspace.user, e);
      if (!result.ok) return { ok: false, ...said(result.error) };
      // The step is committed: what follows is a side effect, never reported as "not saved".
      await effects.run('publish-cleanup', () => session.remove([pendingKey(messageId), detectedKey(messageId)]));
      void badge.refresh();
      return { ok: true, step: result.message.step };
    },
  };
  return {
    handlers,
    /** A message closed by a step: its publication in progress and detected reply go. */
    closed: (messageId: string) => session.remove([pendingKey(messageId), detectedKey(messageId)]),
    /** A closed tab's health report and any publication it was watching go with it. */
    async tabClosed(tabId: number) {
      const all = await session.getAll();
      const stale = Object.entries(all)
        .filter(
          ([key, value]) =>
            key === `health:${tabId}` ||
            (key.startsWith('publish:') && !key.startsWith('publish:detected:') && (value as { tabId?: unknown } | null)?.tabId === tabId),
        )
        .map(([key]) => key);
      if (stale.length) await session.remove(stale);
    },
  };
}
