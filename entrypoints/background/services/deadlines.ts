/**
 * Notifies me shortly before each of my deadlines and at breach. The keys already notified
 * live in the database: the worker may have been stopped since the last check. A notification
 * that cannot be shown is a side-effect failure: counted, and not marked as shown, so the next
 * check tries again.
 */
import { queueFor, type AppDatabase } from '@/lib/db';
import { t } from '@/lib/i18n';
import { optionsPath } from '@/lib/platform/pages';
import type { NotificationsPort, TabsPort } from '@/lib/platform/ports';
import { dueNotifications, queueKeys } from '@/lib/workflow/notify';
import type { Effects } from './effects';
import type { EnvSource } from './env';
import { PLAN_NOTIFICATION_PREFIX } from './plans';

export const NOTIFIED_KEY = 'notified';
/** Notified keys older than this are forgotten (their deadlines are long gone). */
export const NOTIFIED_TTL_MS = 14 * 86_400_000;

export interface DeadlineService {
  /** Shows what is due; resolves to how many notifications were shown. */
  check(): Promise<number>;
  /** A click on a notification opens what it is about: the post, or the options' content plans. */
  clicked(id: string): Promise<void>;
}

/** What a click on a notification opens, by its id: a message's post, the content plans (plans.ts), or nothing (not ours). */
export type NotificationTarget = { kind: 'message'; id: string } | { kind: 'plans' } | null;

export function notificationTarget(id: string): NotificationTarget {
  const [prefix, rest] = id.split('|');
  if (prefix === 'aot' && rest) return { kind: 'message', id: rest };
  if (prefix === PLAN_NOTIFICATION_PREFIX && rest) return { kind: 'plans' };
  return null;
}

export function createDeadlineService(deps: {
  db: AppDatabase;
  env: EnvSource;
  notifications: NotificationsPort;
  tabs: TabsPort;
  effects: Effects;
}): DeadlineService {
  const { db, env, notifications, tabs, effects } = deps;
  return {
    async check() {
      const e = await env();
      const mine = await queueFor(db, queueKeys(e.workspace.user));
      const record = await db.settings.get(NOTIFIED_KEY);
      const notified = new Map<string, number>(Object.entries((record?.value as Record<string, number> | undefined) ?? {}));
      const due = dueNotifications(mine, e.now, e.workspace.notifyLeadMinutes, e.calendar, new Set(notified.keys()));
      let shown = 0;
      for (const n of due) {
        const m = mine.find((x) => x.id === n.messageId)!;
        const ok = await effects.run('notification', () =>
          notifications.create(`aot|${n.messageId}|${n.key}`, {
            title: n.kind === 'breach' ? t('notify.breach') : t('notify.soon'),
            message: `${t(`deadline.${n.deadline}` as 'deadline.answer')}: ${m.author.name || m.url} — ${m.text.slice(0, 80)}`,
            priority: n.kind === 'breach' ? 2 : 1,
          }),
        );
        if (!ok) continue;
        notified.set(n.key, e.now);
        shown++;
      }
      let pruned = false;
      for (const [key, at] of notified)
        if (e.now - at > NOTIFIED_TTL_MS) {
          notified.delete(key);
          pruned = true;
        }
      if (shown || pruned) await db.settings.put({ key: NOTIFIED_KEY, value: Object.fromEntries(notified) });
      return shown;
    },
    async clicked(id) {
      const target = notificationTarget(id);
      if (!target) return;
      if (target.kind === 'message') {
        const m = await db.messages.get(target.id);
        if (m) await tabs.create(m.url);
      } else {
        // A plan's reminder: the options page, scrolled to the content plans (options.html#plans).
        await tabs.create(tabs.extensionUrl(optionsPath('plans')));
      }
      await effects.run('notification', () => notifications.clear(id));
    },
  };
}
