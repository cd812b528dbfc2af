/**
 * Notifies me shortly before each of my deadlines and at breach. The keys already notified
 * live in the database: the worker may have been stopped since the last check. A notification
 * that cannot be shown is a side-effect failure: counted, and not marked as shown, so the next
 * check tries again.
 */
import { queueFor, type AppDatabase } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { NotificationsPort, TabsPort } from '@/lib/platform/ports';
import { dueNotifications, queueKeys } from '@/lib/workflow/notify';
import type { Effects } from './effects';
import type { EnvSource } from './env';

export const NOTIFIED_KEY = 'notified';
/** Notified keys older than this are forgotten (their deadlines are long gone). */
export const NOTIFIED_TTL_MS = 14 * 86_400_000;

export interface DeadlineService {
  /** Shows what is due; resolves to how many notifications were shown. */
  check(): Promise<number>;
  /** A click on a notification opens the post it is about. */
  clicked(id: string): Promise<void>;
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
      const [prefix, messageId] = id.split('|');
      if (prefix !== 'aot' || !messageId) return;
      const m = await db.messages.get(messageId);
      if (m) await tabs.create(m.url);
      await effects.run('notification', () => notifications.clear(id));
    },
  };
}
