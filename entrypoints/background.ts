/**
 * The background service worker: owns the database with the extension pages, answers the
 * message channel, keeps the toolbar badge. It may be stopped at any time, so it keeps no
 * state in memory: listeners are registered synchronously, the workspace is read from the
 * database per request, and the badge is recomputed on every wake.
 */
import { liveQuery } from 'dexie';
import { countOpen, getDb, queueFor } from '@/lib/db';
import { exportBackup, exportHandover, importBackup, ImportError } from '@/lib/db/backup';
import { applyCommand, findByKeys, loadWorkspace, recordPageObservations, repeatCandidates, saveCapture, saveWorkspace } from '@/lib/db/messages';
import { createRouter, type Handlers } from '@/lib/messaging/router';
import { RateLimitedError } from '@/lib/messaging/channel';
import { CHECKER_RATE, createRateLimiter } from '@/lib/messaging/rate-limit';
import { sendToTab, waitForTab } from '@/lib/messaging/tab-client';
import { checkDraft, screenIncoming } from '@/lib/lint';
import { permalinkSchema } from '@/lib/model/message';
import { CHECKER_SITES_KEY } from '@/lib/sites/hosts';
import { workingMinutesBetween } from '@/lib/worktime';
import { deadlineKinds, planDeadlines, type DeadlineKind } from '@/lib/regulations';
import { commandRefusal } from '@/lib/workflow/allowed';
import { factsOf } from '@/lib/workflow/machine';
import { dueNotifications, dueSoonCount, queueKeys } from '@/lib/workflow/notify';
import { t, tn } from '@/lib/i18n';
import type { Message } from '@/lib/workflow/model';
import { isOwnAuthor, workspaceSchedule, type Workspace } from '@/lib/workflow/workspace';
import { detectedKey, type DetectedReply } from '@/lib/messaging/detected';
import { createWorkCalendar, type WorkCalendar } from '@/lib/worktime';

const BADGE_ALARM = 'badge-refresh';
const DEADLINE_ALARM = 'deadline-check';
const NOTIFIED_KEY = 'notified';
/** Notified keys older than this are forgotten (their deadlines are long gone). */
const NOTIFIED_TTL_MS = 14 * 86_400_000;
/** A publication in progress, per message (storage.session: survives a worker restart). */
const pendingKey = (messageId: string) => `publish:${messageId}`;
/** How long a publication in place waits for the sent reply (the page watches as long). */
const PUBLISH_WATCH_MS = 30 * 60_000;
interface PendingPublish {
  tabId: number;
  key: string;
  /** The reply's link must start with this (the post's canonical URL). */
  postUrl: string;
  startedAt: number;
  /** The summary answer (the summary step publishes a text the message does not hold yet). */
  text?: string;
}

/** The canonical post URL a reply to this message will carry (the post of a comment). */
function postUrlOf(m: Message): string {
  const url = new URL(m.url);
  url.search = '';
  url.hash = '';
  return url.toString();
}

export default defineBackground(() => {
  const db = getDb();
  // In memory on purpose: a worker restart only hands every tab a fresh burst.
  const checkerLimit = createRateLimiter(CHECKER_RATE);
  let calendarCache: { key: string; calendar: WorkCalendar } | undefined;
  const env = async () => {
    const workspace = await loadWorkspace(db);
    const key = JSON.stringify([workspace.region, workspace.schedule]);
    if (calendarCache?.key !== key) calendarCache = { key, calendar: createWorkCalendar(workspaceSchedule(workspace)) };
    return { now: Date.now(), workspace, calendar: calendarCache.calendar };
  };
  /**
   * What the curator is told at capture: the act's answer term, or where the act states none
   * (Khabarovsk) the next step's own deadline — never an invented total.
   */
  const answerDue = (m: Message, ws: Workspace, calendar: WorkCalendar): { dueAt: number; dueKind?: DeadlineKind } => {
    const answer = planDeadlines(ws.profile, calendar, factsOf(m, ws.profile)).deadlines.find((d) => d.kind === 'answer');
    if (answer) return { dueAt: answer.dueAt };
    const kind = deadlineKinds.find((k) => k === m.nextDueKind);
    return m.nextDueAt !== undefined && kind ? { dueAt: m.nextDueAt, dueKind: kind } : { dueAt: m.detectedAt };
  };

  /**
   * The badge: my items due within the next working hour or overdue; the title counts every
   * open message as well. Recomputed from the database, never kept in memory.
   */
  const updateBadge = async () => {
    const e = await env();
    const [open, mine] = await Promise.all([countOpen(db), queueFor(db, queueKeys(e.workspace.user))]);
    const urgent = dueSoonCount(mine, e.now, e.calendar);
    // MV3 has `action`; Firefox's MV2 build has `browserAction`.
    const action = (browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action }).action ?? (browser as unknown as { browserAction?: typeof browser.action }).browserAction;
    if (!action) return;
    await action.setBadgeBackgroundColor({ color: urgent > 0 ? '#cf222e' : '#2a5885' });
    await action.setBadgeText({ text: urgent > 0 ? String(urgent) : '' });
    await action.setTitle({ title: `${t('app.name')} — ${tn('list.openCount', open)}, ${tn('badge.urgent', urgent)}` });
  };
  /**
   * The badge after a step: a side effect, never the step's outcome. The step is committed
   * before it runs; a failure here is logged, never reported to the person as "not saved".
   */
  const refreshBadge = async () => {
    try {
      await updateBadge();
    } catch (error) {
      console.warn('[aot] badge not updated:', error);
    }
  };

  /**
   * Notifies me shortly before each of my deadlines and at breach. The keys already notified
   * live in the database: the worker may have been stopped since the last check.
   */
  const checkDeadlines = async () => {
    const e = await env();
    const mine = await queueFor(db, queueKeys(e.workspace.user));
    const record = await db.settings.get(NOTIFIED_KEY);
    const notified = new Map<string, number>(Object.entries((record?.value as Record<string, number> | undefined) ?? {}));
    const due = dueNotifications(mine, e.now, e.workspace.notifyLeadMinutes, e.calendar, new Set(notified.keys()));
    for (const n of due) {
      const m = mine.find((x) => x.id === n.messageId)!;
      await browser.notifications.create(`aot|${n.messageId}|${n.key}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: n.kind === 'breach' ? t('notify.breach') : t('notify.soon'),
        message: `${t(`deadline.${n.deadline}` as 'deadline.answer')}: ${m.author.name || m.url} — ${m.text.slice(0, 80)}`,
        priority: n.kind === 'breach' ? 2 : 1,
      });
      notified.set(n.key, e.now);
    }
    for (const [key, at] of notified) if (e.now - at > NOTIFIED_TTL_MS) notified.delete(key);
    if (due.length) await db.settings.put({ key: NOTIFIED_KEY, value: Object.fromEntries(notified) });
    await refreshBadge();
    return due.length;
  };

  const handlers: Handlers = {
    'capture.save': async (data) => {
      const e = await env();
      const { message, created } = await saveCapture(db, data, { ...e, newId: () => crypto.randomUUID() });
      await refreshBadge();
      return {
        id: message.id,
        created,
        ...answerDue(message, e.workspace, e.calendar),
        ...(message.nextDueAt ? { nextDueAt: message.nextDueAt } : {}),
        zone: e.calendar.spec.zone,
      };
    },
    'capture.lookup': async ({ keys }) => {
      const found = await findByKeys(db, keys);
      if (!found.length) return { found: [] };
      const e = await env();
      const left = (due: number) =>
        due >= e.now ? workingMinutesBetween(e.calendar, e.now, due) * 60_000 : -workingMinutesBetween(e.calendar, due, e.now) * 60_000;
      return {
        zone: e.calendar.spec.zone,
        found: found.map((m) => ({
          key: m.key,
          id: m.id,
          status: m.status,
          step: m.step,
          ...answerDue(m, e.workspace, e.calendar),
          ...(m.status === 'open' && m.nextDueAt ? { nextDueAt: m.nextDueAt, workingMsLeft: left(m.nextDueAt) } : {}),
        })),
      };
    },
    'capture.directory': async () => {
      const { workspace: ws, calendar } = await env();
      // Bodies, then the people of each body (routed to them, or their substitute while absent).
      const people = ws.bodies.flatMap((b) => b.executors.map((p) => ({ id: p.id, name: `${p.name} — ${b.name}` })));
      return {
        zone: calendar.spec.zone,
        topics: ws.topics.map((x) => x.name),
        locations: ws.locations,
        bodies: [...ws.bodies.map((b) => ({ id: b.id, name: b.name })), ...people].slice(0, 500),
        locationRequired: ws.profile.locationRequired,
      };
    },
    'page.observed': async ({ seen, missing }) => {
      const texts = new Map<string, string | null>(seen.map((s) => [s.key, s.text]));
      for (const key of missing) texts.set(key, null);
      return { changed: await recordPageObservations(db, texts, Date.now()) };
    },
    'page.health': async (report, sender) => {
      const entry = { ...report, at: Date.now() };
      if (sender.tabId !== undefined) await browser.storage.session.set({ [`health:${sender.tabId}`]: entry });
      await browser.storage.local.set({ [`health.last.${report.site}`]: entry });
      return { stored: true };
    },
    'lint.check': async ({ text, answering }, sender) => {
      // A page can fire input at the reply box: each tab gets a person's typing rate at most.
      if (sender.kind === 'site' && sender.tabId !== undefined && !checkerLimit.take(String(sender.tabId), Date.now())) throw new RateLimitedError();
      const host = sender.url ? new URL(sender.url).hostname : '';
      const site = host === 'ok.ru' ? 'ok' : 'vk';
      const stored = (await browser.storage.local.get(CHECKER_SITES_KEY))[CHECKER_SITES_KEY] as Partial<Record<'vk' | 'ok', boolean>> | undefined;
      if (sender.kind === 'site' && stored?.[site] === false) return { enabled: false, findings: [], score: 0, incoming: [] };
      const { workspace } = await env();
      const report = checkDraft(text, { disabledRules: workspace.disabledLintRules });
      return { enabled: true, findings: report.findings, score: report.score, incoming: answering ? screenIncoming(answering).findings : [] };
    },
    'publish.start': async ({ id, text: summary }) => {
      const m = await db.messages.get(id);
      if (!m) return { ok: false, message: t('publish.error.noMessage') };
      // The same check as the desk's buttons and the state machine: a message at rework where
      // the act wants a second approval never reaches the reply box (and so is never refused after).
      const { workspace } = await env();
      const refusal = commandRefusal(m, 'publish', workspace.user, workspace.profile);
      if (refusal) return { ok: false, message: refusal.code === 'wrong-step' ? t('publish.error.step') : refusal.message };
      // The summary and a reworked answer published directly (Khabarovsk п. 12) bring their own text.
      const ownText = m.step === 'summary' || m.step === 'rework';
      const text = (ownText ? summary : m.draft?.text) ?? '';
      if (!text.trim()) return { ok: false, message: t('publish.error.noText') };
      const postUrl = postUrlOf(m);
      const postPath = new URL(postUrl).pathname;
      // The tab that already shows the post (vk.ru counts as vk.com), else a new one.
      const tabs = await browser.tabs.query({ url: m.site === 'vk' ? ['https://vk.com/*', 'https://vk.ru/*'] : ['https://ok.ru/*'] });
      let tab = tabs.find((tb) => tb.url && new URL(tb.url).pathname === postPath);
      if (tab?.id !== undefined) await browser.tabs.update(tab.id, { active: true });
      else tab = await browser.tabs.create({ url: m.url, active: true });
      if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true }).catch(() => undefined);
      const tabId = tab?.id;
      if (tabId === undefined || !(await waitForTab(tabId))) return { ok: false, message: t('publish.error.noTab') };
      const pending: PendingPublish = { tabId, key: m.key, postUrl, startedAt: Date.now(), ...(ownText ? { text } : {}) };
      await browser.storage.session.set({ [pendingKey(m.id)]: pending });
      const reply = await sendToTab(tabId, { type: 'publish.insert', messageId: m.id, key: m.key, ...(m.parentKey ? { parentKey: m.parentKey } : {}), text });
      if (!reply.ok) return { ok: false, message: reply.message };
      return { ok: true, tabId, method: reply.method ?? 'execCommand' };
    },
    'publish.sent': async ({ messageId, replyUrl, authorUrl, authorName, text: sent }, sender) => {
      const pending = (await browser.storage.session.get(pendingKey(messageId)))[pendingKey(messageId)] as PendingPublish | undefined;
      if (!pending || pending.tabId !== sender.tabId) return { ok: false, message: t('publish.error.notPending') };
      // The page watches for 30 minutes; a report after that is not trusted.
      if (Date.now() > pending.startedAt + PUBLISH_WATCH_MS) {
        await browser.storage.session.remove(pendingKey(messageId));
        return { ok: false, message: t('publish.error.expired') };
      }
      const url = permalinkSchema.safeParse(replyUrl);
      if (!url.success || !url.data.startsWith(`${pending.postUrl}?`)) return { ok: false, message: t('publish.error.foreignReply') };
      const e = await env();
      const m = await db.messages.get(messageId);
      if (!m) return { ok: false, message: t('publish.error.noMessage') };
      // A page script can add a look-alike comment: only a reply from the official's own profile
      // or the body's page is recorded; anything else waits for the official to confirm it.
      if (!isOwnAuthor(e.workspace, m.bodies, authorUrl)) {
        const detected: DetectedReply = { url: url.data, at: e.now, ...(authorUrl ? { authorUrl: authorUrl.slice(0, 500) } : {}), ...(authorName ? { authorName } : {}) };
        await browser.storage.session.set({ [detectedKey(messageId)]: detected });
        return { ok: false, unconfirmed: true, message: t('publish.unconfirmed', { author: authorName || authorUrl || '?' }) };
      }
      // What the page shows as sent is recorded (and flagged when it is not the approved text).
      const text = sent.trim() ? sent : pending.text;
      const result = await applyCommand(db, messageId, { type: 'publish', url: url.data, ...(text ? { text } : {}) }, e.workspace.user, e);
      if (!result.ok) return { ok: false, message: result.error.message };
      await browser.storage.session.remove([pendingKey(messageId), detectedKey(messageId)]);
      await refreshBadge();
      return { ok: true, step: result.message.step };
    },
    'capture.repeats': async ({ item, topic, location }) => {
      const now = Date.now();
      const found = await repeatCandidates(db, { ...item, ...(topic ? { topic } : {}), ...(location ? { location } : {}) }, now);
      const messages = await db.messages.bulkGet(found.map((c) => c.id));
      return {
        candidates: found.flatMap((c, i) => {
          const m = messages[i];
          return m ? [{ ...c, text: m.text.slice(0, 300), detectedAt: m.detectedAt, step: m.step }] : [];
        }),
      };
    },
    'message.command': async ({ id, command }) => {
      const e = await env();
      const result = await applyCommand(db, id, command, e.workspace.user, e);
      if (!result.ok) return { ok: false, code: result.error.code, message: result.error.message };
      if (result.message.status === 'closed') await browser.storage.session.remove([pendingKey(id), detectedKey(id)]);
      await refreshBadge();
      return { ok: true, step: result.message.step, ...(result.message.nextDueAt ? { nextDueAt: result.message.nextDueAt } : {}) };
    },
    'backup.export': async ({ kind, body }) => {
      if (kind === 'handover' && !body) throw new Error('Укажите орган для передачи');
      const backup = kind === 'full' ? await exportBackup(db, Date.now()) : await exportHandover(db, body!, Date.now());
      return { file: JSON.stringify(backup), messages: backup.messages.length };
    },
    'backup.import': async ({ text, replaceWorkspace }) => {
      try {
        return { ok: true, ...(await importBackup(db, text, { replaceWorkspace: replaceWorkspace ?? false })) };
      } catch (error) {
        if (error instanceof ImportError) return { ok: false, message: error.message };
        throw error;
      }
    },
    'notify.check': async () => ({ notified: await checkDeadlines() }),
    'workspace.save': async ({ workspace }) => {
      await saveWorkspace(db, workspace);
      return { saved: true };
    },
  };

  // A closed tab's health report and any publication it was watching go with it.
  browser.tabs.onRemoved.addListener((tabId) => {
    checkerLimit.forget(String(tabId));
    void (async () => {
      const all = await browser.storage.session.get(null);
      const stale = Object.entries(all)
        .filter(([key, value]) => key === `health:${tabId}` || (key.startsWith('publish:') && !key.startsWith('publish:detected:') && (value as { tabId?: unknown })?.tabId === tabId))
        .map(([key]) => key);
      if (stale.length) await browser.storage.session.remove(stale);
    })().catch((error: unknown) => console.warn('[aot] tab cleanup failed:', error));
  });

  const route = createRouter(handlers, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // An async handler answered through sendResponse: Dexie's promises are not native ones,
    // and returning them from onMessage makes Chromium answer undefined.
    void route(message, sender).then(sendResponse);
    return true;
  });

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void browser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });
    void browser.alarms.create(DEADLINE_ALARM, { periodInMinutes: 1 });
    // First install: the options page onboards (region, role, starter directories).
    if (reason === 'install') void browser.runtime.openOptionsPage();
  });
  // The badge is not kept across browser restarts: a listener here also wakes the worker when
  // the browser starts, so the badge is back at once (and the deadline checks with it).
  browser.runtime.onStartup.addListener(() => {
    void refreshBadge();
    void checkDeadlines();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) void refreshBadge();
    if (alarm.name === DEADLINE_ALARM) void checkDeadlines();
  });
  // A click opens the post the notification is about.
  browser.notifications.onClicked.addListener((id) => {
    const [, messageId] = id.split('|');
    if (!messageId) return;
    void db.messages.get(messageId).then((m) => m && browser.tabs.create({ url: m.url }));
    void browser.notifications.clear(id);
  });

  // Writes from any extension page (Dexie broadcasts them) update the badge while awake.
  liveQuery(() => db.messages.where('status').equals('open').count()).subscribe({
    next: () => void refreshBadge(),
    error: (error: unknown) => console.error('[aot] badge query failed', error),
  });
});
