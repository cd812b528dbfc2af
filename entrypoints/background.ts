/**
 * The background service worker: owns the database with the extension pages, answers the
 * message channel, keeps the toolbar badge. It may be stopped at any time, so it keeps no
 * state in memory: listeners are registered synchronously and the badge is recomputed from
 * the database on every wake.
 */
import { liveQuery } from 'dexie';
import { countOpen, getDb } from '@/lib/db';
import { findByKeys, saveCapture } from '@/lib/db/messages';
import { createRouter, type Handlers } from '@/lib/messaging/router';
import { createWorkCalendar, DEFAULT_SCHEDULE } from '@/lib/worktime';

const BADGE_ALARM = 'badge-refresh';

export default defineBackground(() => {
  const db = getDb();
  const calendar = createWorkCalendar(DEFAULT_SCHEDULE);

  const setBadge = async (open: number) => {
    await browser.action.setBadgeBackgroundColor({ color: '#2a5885' });
    await browser.action.setBadgeText({ text: open > 0 ? String(open) : '' });
  };
  const refreshBadge = async () => setBadge(await countOpen(db));

  const handlers: Handlers = {
    'capture.save': async (data) => {
      const { message, created } = await saveCapture(db, data, {
        now: Date.now(),
        calendar,
        newId: () => crypto.randomUUID(),
      });
      await refreshBadge();
      return { id: message.id, created, dueAt: message.dueAt };
    },
    'capture.lookup': async ({ keys }) => {
      const found = await findByKeys(db, keys);
      return { found: found.map((m) => ({ key: m.key, id: m.id, status: m.status, dueAt: m.dueAt })) };
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

  browser.runtime.onInstalled.addListener(() => {
    void browser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === BADGE_ALARM) void refreshBadge();
  });

  // Writes from any extension page (Dexie broadcasts them) update the badge while awake.
  liveQuery(() => countOpen(db)).subscribe({
    next: (open) => void setBadge(open),
    error: (error: unknown) => console.error('[aot] badge query failed', error),
  });
});
