/**
 * Immediate alerts to the curator (Yakutia п. 22, Saratov п. 19 абз. 3, Ivanovo п. 21 абз. 2):
 * a message captured as socially significant, and a spike of captures about one topic (and
 * location) against its own baseline. Run after each capture and every minute; each alert is
 * notified once (kept in the database: the worker may have been stopped since), and a spike
 * holds its topic back until acknowledged (lib/reports detectSpikes). The desk shows them.
 */
import type { AppDatabase } from '@/lib/db';
import { readAlertState, readSpikeSettings, writeAlertState } from '@/lib/db/alerts';
import { getLocale, say, t } from '@/lib/i18n';
import type { NotificationsPort } from '@/lib/platform/ports';
import { detectSpikes, openSignificantAlerts, summaryPeriod } from '@/lib/reports';
import { spikeReason } from '@/lib/reports/why';
import type { Effects } from './effects';
import type { EnvSource } from './env';

const DAY = 86_400_000;
const num = (n: number) => new Intl.NumberFormat(getLocale(), { maximumFractionDigits: 1 }).format(n);
/** A significant message is alerted while this recent (older ones were reported or are in the report). */
const SIGNIFICANT_WINDOW_MS = 3 * DAY;

export interface AlertService {
  /** Raises and notifies what is new; resolves to how many notifications were shown. */
  check(): Promise<number>;
}

export function createAlertService(deps: { db: AppDatabase; env: EnvSource; notifications: NotificationsPort; effects: Effects }): AlertService {
  const { db, env, notifications, effects } = deps;
  return {
    async check() {
      const e = await env();
      if (!e.workspace.user.roles.includes('curator')) return 0;
      const { now } = e;
      const settings = await readSpikeSettings(db);
      const state = await readAlertState(db);
      const acknowledged = new Set(Object.keys(state.acknowledged));
      const lookback = Math.max(SIGNIFICANT_WINDOW_MS, settings.baselineDays * DAY + settings.windowMinutes * 60_000);
      const recent = await db.messages
        .where('detectedAt')
        .between(now - lookback, now, true, true)
        .toArray();
      const first = await db.messages.orderBy('detectedAt').first();

      const significant = openSignificantAlerts(
        recent.filter((m) => now - m.detectedAt <= SIGNIFICANT_WINDOW_MS),
        e.workspace.profile,
        acknowledged,
      ).filter((a) => state.notified[a.id] === undefined);
      const raised = state.spikes.map((s) => ({ topic: s.topic, location: s.location, firedAt: s.firedAt, acknowledged: acknowledged.has(s.id) }));
      const spikes = detectSpikes(recent, now, settings, raised, first?.detectedAt).filter((s) => !state.spikes.some((x) => x.id === s.id));
      state.spikes.push(...spikes);

      let shown = 0;
      for (const a of significant) {
        const ok = await effects.run('notification', () =>
          notifications.create(`aot-alert|${a.id}`, {
            title: t('alerts.significant.title'),
            message: `${a.topic}${a.location ? `, ${a.location}` : ''}: ${a.text.slice(0, 120)}`,
            priority: 2,
          }),
        );
        if (ok) {
          state.notified[a.id] = now;
          shown++;
        }
      }
      for (const s of spikes) {
        const ok = await effects.run('notification', () =>
          notifications.create(`aot-alert|${s.id}`, {
            title: t('alerts.spike.title'),
            message: say(spikeReason(s, num)),
            priority: 2,
          }),
        );
        if (ok) {
          state.notified[s.id] = now;
          shown++;
        }
      }
      // The region's summary: reminded once per period, from its reminder time until sent or past
      // due — for a period the extension was in use (not one that ended before the first capture).
      const summary = summaryPeriod(e.workspace.profile, e.calendar, now);
      const summaryId = `summary:${summary.period.from}`;
      const inUse = first !== undefined && first.detectedAt < summary.period.to;
      let reminded = false;
      if (inUse && summary.state !== 'scheduled' && state.notified[summaryId] === undefined) {
        const due = new Intl.DateTimeFormat(getLocale(), {
          timeZone: e.calendar.spec.zone,
          day: 'numeric',
          month: 'long',
          hour: '2-digit',
          minute: '2-digit',
        }).format(summary.dueAt);
        reminded = await effects.run('notification', () =>
          notifications.create(`aot-alert|${summaryId}`, {
            title: t(summary.kind === 'monthly' ? 'reports.kind.monthly' : 'reports.kind.weekly'),
            message: t('alerts.summary.remind', { due, clause: summary.clause }),
            priority: 1,
          }),
        );
        if (reminded) {
          state.notified[summaryId] = now;
          shown++;
        }
      }
      if (significant.length || spikes.length || reminded) await writeAlertState(db, state, now);
      return shown;
    },
  };
}
