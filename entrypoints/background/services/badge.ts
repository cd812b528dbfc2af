/**
 * The toolbar badge: my items due within the next working hour or overdue; the title counts
 * every open message as well. Recomputed from the database on every call, never kept in memory.
 */
import { countOpen, queueFor, type AppDatabase } from '@/lib/db';
import { t, tn } from '@/lib/i18n';
import type { ToolbarPort } from '@/lib/platform/ports';
import { dueSoonCount, queueKeys } from '@/lib/workflow/notify';
import type { Effects } from './effects';
import type { EnvSource } from './env';

export interface BadgeService {
  /** Recomputes and shows the badge; a failure is a counted side-effect failure, never thrown. */
  refresh(): Promise<boolean>;
}

export function createBadgeService({ db, env, toolbar, effects }: { db: AppDatabase; env: EnvSource; toolbar: ToolbarPort; effects: Effects }): BadgeService {
  const update = async () => {
    const e = await env();
    const [open, mine] = await Promise.all([countOpen(db), queueFor(db, queueKeys(e.workspace.user))]);
    const urgent = dueSoonCount(mine, e.now, e.calendar);
    await toolbar.show({
      text: urgent > 0 ? String(urgent) : '',
      color: urgent > 0 ? '#cf222e' : '#2a5885',
      title: `${t('app.name')} — ${tn('list.openCount', open)}, ${tn('badge.urgent', urgent)}`,
    });
  };
  return { refresh: () => effects.run('badge', update) };
}
