/**
 * The background service worker: owns the database with the extension pages, answers the
 * message channel, keeps the toolbar badge. It may be stopped at any time, so it keeps no
 * state in memory: listeners are registered synchronously, the workspace is read from the
 * database per request, and the badge is recomputed on every wake.
 */
import { liveQuery } from 'dexie';
import { countOpen, getDb, queueFor } from '@/lib/db';
import { exportBackup, exportHandover, importBackup, ImportError } from '@/lib/db/backup';
import { applyCommand, findByKeys, loadWorkspace, repeatCandidates, saveCapture, saveWorkspace } from '@/lib/db/messages';
import { createRouter, type Handlers } from '@/lib/messaging/router';
import { planDeadlines } from '@/lib/regulations';
import { factsOf } from '@/lib/workflow/machine';
import { dueNotifications, dueSoonCount, queueKeys } from '@/lib/workflow/notify';
import { t, tn } from '@/lib/i18n';
import type { Message } from '@/lib/workflow/model';
import { workspaceSchedule, type Workspace } from '@/lib/workflow/workspace';
import { createWorkCalendar, type WorkCalendar } from '@/lib/worktime';

const BADGE_ALARM = 'badge-refresh';
const DEADLINE_ALARM = 'deadline-check';
const NOTIFIED_KEY = 'notified';
/** Notified keys older than this are forgotten (their deadlines are long gone). */
const NOTIFIED_TTL_MS = 14 * 86_400_000;

export default defineBackground(() => {
  const db = getDb();
  let calendarCache: { key: string; calendar: WorkCalendar } | undefined;
  const env = async () => {
    const workspace = await loadWorkspace(db);
    const key = JSON.stringify([workspace.region, workspace.schedule]);
    if (calendarCache?.key !== key) calendarCache = { key, calendar: createWorkCalendar(workspaceSchedule(workspace)) };
    return { now: Date.now(), workspace, calendar: calendarCache.calendar };
  };
  /** The regulation's answer term of a message (what the curator is told at capture). */
  const answerDue = (m: Message, ws: Workspace, calendar: WorkCalendar) =>
    planDeadlines(ws.profile, calendar, factsOf(m)).deadlines.find((d) => d.kind === 'answer')?.dueAt ?? m.detectedAt;

  /**
   * The badge: my items due within the next working hour or overdue; the title counts every
   * open message as well. Recomputed from the database, never kept in memory.
   */
  const refreshBadge = async () => {
    const e = await env();
    const [open, mine] = await Promise.all([countOpen(db), queueFor(db, queueKeys(e.workspace.user))]);
    const urgent = dueSoonCount(mine, e.now, e.calendar);
    await browser.action.setBadgeBackgroundColor({ color: urgent > 0 ? '#cf222e' : '#2a5885' });
    await browser.action.setBadgeText({ text: urgent > 0 ? String(urgent) : '' });
    await browser.action.setTitle({ title: `${t('app.name')} — ${tn('list.openCount', open)}, ${tn('badge.urgent', urgent)}` });
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
      return { id: message.id, created, dueAt: answerDue(message, e.workspace, e.calendar), ...(message.nextDueAt ? { nextDueAt: message.nextDueAt } : {}) };
    },
    'capture.lookup': async ({ keys }) => {
      const found = await findByKeys(db, keys);
      if (!found.length) return { found: [] };
      const e = await env();
      return { found: found.map((m) => ({ key: m.key, id: m.id, status: m.status, dueAt: answerDue(m, e.workspace, e.calendar) })) };
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
