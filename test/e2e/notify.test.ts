/**
 * A deadline notification fired by the background's alarm, with the worker's clock injected
 * (no waiting for a real deadline): shortly before my draft deadline I get one notification,
 * and the next check does not repeat it. Each test seeds the workspace and the captured post it
 * needs, and the worker's real clock is back after each test, whatever happens.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterWorkspace } from '../../lib/workflow/workspace';
import { createWorkCalendar, regionalSchedule, subtractWorkingMinutes } from '../../lib/worktime';
import { captureWithForm, launch, openExtensionPage, type Session } from './harness.mjs';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  action: { getBadgeText(details: object): Promise<string> };
};

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.context.close();
});

/** The messages in the extension's database, read from one of its pages. */
function storedMessages(page: Page): Promise<Array<{ id: string; nextDueAt: number }>> {
  return page.evaluate(async () => {
    const db: IDBDatabase = await new Promise((ok) => {
      const r = indexedDB.open('answer-on-time');
      r.onsuccess = () => ok(r.result);
    });
    const all: Array<{ id: string; nextDueAt: number }> = await new Promise((ok) => {
      const r = db.transaction('messages').objectStore('messages').getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return all;
  });
}

/**
 * What each test needs: Yakutia's workspace (me: curator and executor at minstroy) and the VK
 * wall's first post captured for minstroy; captured only when not there yet (one message).
 */
async function seed(): Promise<{ options: Page; message: { id: string; nextDueAt: number } }> {
  const options = await openExtensionPage(session, 'options.html');
  const workspace = starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator', 'executor'], bodies: ['minstroy'] });
  expect(
    await options.evaluate((ws) => chrome.runtime.sendMessage({ channel: 'aot/1', type: 'workspace.save', data: { workspace: ws } }), workspace),
  ).toMatchObject({ ok: true });
  if (!(await storedMessages(options)).length) {
    const page = await session.context.newPage();
    await page.goto('https://vk.com/club100');
    const dialog = await captureWithForm(page, 0, { topic: 'Мусор', executor: 'minstroy' });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await dialog.getByRole('status').waitFor();
    await page.close();
  }
  const all = await storedMessages(options);
  expect(all).toHaveLength(1);
  return { options, message: all[0]! };
}

/** The worker's clock (Date.now) set to `at`; the real one is kept to be put back. */
function setWorkerClock(at: number): Promise<void> {
  return session.worker.evaluate((fake) => {
    const g = globalThis as { realDateNow?: () => number };
    g.realDateNow ??= Date.now;
    Date.now = () => fake;
  }, at);
}

/** The worker's real clock back (nothing to do when it was never set). */
function restoreWorkerClock(): Promise<void> {
  return session.worker.evaluate(() => {
    const g = globalThis as { realDateNow?: () => number };
    if (g.realDateNow) Date.now = g.realDateNow;
    delete g.realDateNow;
  });
}

describe('deadline notifications', () => {
  it('notifies shortly before my deadline, once', async () => {
    const { options, message: due } = await seed();
    // The worker's clock: 10 minutes before the draft deadline (a working instant by construction).
    // The check runs every minute from an alarm; the same check is run here on demand.
    expect(
      await session.worker.evaluate(() => (chrome as unknown as { alarms: { get(n: string): Promise<unknown> } }).alarms.get('deadline-check')),
    ).toMatchObject({ periodInMinutes: 1 });
    // The worker's clock, injected: 10 working minutes before the draft deadline.
    const calendar = createWorkCalendar(regionalSchedule('yakutia'));
    try {
      await setWorkerClock(subtractWorkingMinutes(calendar, due.nextDueAt, 10));
      const check = () => options.evaluate(() => chrome.runtime.sendMessage({ channel: 'aot/1', type: 'notify.check', data: {} }));
      expect(await check()).toEqual({ ok: true, data: { notified: 1 } });
      // The badge counts my items due within the next working hour.
      await expect.poll(() => session.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');
      await expect
        .poll(() => session.worker.evaluate(() => chrome.notifications.getAll().then((n) => Object.keys(n).filter((id) => id.startsWith('aot|')))))
        .toEqual([expect.stringContaining(`aot|${due.id}|`)]);
      // The next check does not repeat it: the notified key is stored in the database.
      expect(await check()).toEqual({ ok: true, data: { notified: 0 } });
      // At the deadline itself: a breach notification.
      await setWorkerClock(due.nextDueAt + 60_000);
      expect(await check()).toEqual({ ok: true, data: { notified: 1 } });
    } finally {
      await restoreWorkerClock();
    }
    // The worker keeps real time again.
    expect(Math.abs((await session.worker.evaluate(() => Date.now())) - Date.now())).toBeLessThan(60_000);
    await options.close();
  });

  it('opens the post and the desk on that message from the popup', async () => {
    const { options } = await seed();
    await options.close();
    const popup = await openExtensionPage(session, 'popup.html');
    const link = popup.getByTestId('message-row').first().getByRole('link');
    const [post] = await Promise.all([session.context.waitForEvent('page'), link.click()]);
    await post.waitForLoadState();
    expect(post.url()).toBe('https://vk.com/wall-100_501');
    const panel = await openExtensionPage(session, 'sidepanel.html', { width: 460, height: 800 });
    await panel.getByTestId('message-card').waitFor();
    expect(await panel.getByTestId('message-card').textContent()).toContain('Иван Петров');
  });
});
