/**
 * Steps from the extension's pages: workflow commands on a stored message, the workspace,
 * backups and hand-over files, and the deadline check on demand. Each step is committed first;
 * the badge and the clean-up after it are side effects.
 */
import type { AppDatabase } from '@/lib/db';
import { exportBackup, exportHandover, importBackup, ImportError } from '@/lib/db/backup';
import { applyCommand, saveWorkspace } from '@/lib/db/messages';
import type { Handlers } from '@/lib/messaging/router';
import type { BadgeService } from './badge';
import type { DeadlineService } from './deadlines';
import type { Effects } from './effects';
import type { EnvSource } from './env';

export interface CommandDeps {
  db: AppDatabase;
  env: EnvSource;
  badge: BadgeService;
  deadlines: DeadlineService;
  effects: Effects;
  /** What goes when a message closes (its publication in progress). */
  closed: (messageId: string) => Promise<void>;
}

type CommandHandlers = Pick<Handlers, 'message.command' | 'backup.export' | 'backup.import' | 'notify.check' | 'workspace.save'>;

export function commandHandlers({ db, env, badge, deadlines, effects, closed }: CommandDeps): CommandHandlers {
  return {
    'message.command': async ({ id, command }) => {
      const e = await env();
      const result = await applyCommand(db, id, command, e.workspace.user, e);
      if (!result.ok)
        return { ok: false, code: result.error.code, reason: result.error.reason, ...(result.error.params ? { params: result.error.params } : {}) };
      if (result.message.status === 'closed') void effects.run('publish-cleanup', () => closed(id));
      void badge.refresh();
      return { ok: true, step: result.message.step, ...(result.message.nextDueAt ? { nextDueAt: result.message.nextDueAt } : {}) };
    },
    'backup.export': async ({ kind, body }) => {
      const { now } = await env();
      // The request schema makes a hand-over name its body.
      const backup = kind === 'handover' && body ? await exportHandover(db, body, now) : await exportBackup(db, now);
      return { file: JSON.stringify(backup), messages: backup.messages.length };
    },
    'backup.import': async ({ text, replaceWorkspace }) => {
      try {
        return { ok: true, ...(await importBackup(db, text, { replaceWorkspace: replaceWorkspace ?? false })) };
      } catch (error) {
        if (error instanceof ImportError) return { ok: false, reason: error.reason, ...(error.params ? { params: error.params } : {}) };
        throw error;
      }
    },
    'notify.check': async () => {
      const notified = await deadlines.check();
      void badge.refresh();
      return { notified };
    },
    'workspace.save': async ({ workspace }) => {
      await saveWorkspace(db, workspace);
      void badge.refresh();
      return { saved: true };
    },
  };
}
