/**
 * Immediate alerts from the background, with fake ports and a real (fake-indexeddb) database:
 * a socially significant capture is notified to the curator once; a spike of captures about one
 * topic is notified once, saying why, and held until acknowledged; a damaged alert record is an
 * empty one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDatabase, type AppDatabase } from '@/lib/db';
import { acknowledgeAlert, ALERTS_KEY, readAlertState } from '@/lib/db/alerts';
import { saveWorkspace } from '@/lib/db/messages';
import type { NotificationsPort } from '@/lib/platform/ports';
import type { Sender } from '@/lib/messaging/router';
import { starterWorkspace, type Workspace } from '@/lib/workflow/workspace';
import { createAlertService } from '@/entrypoints/background/services/alerts';
import { createBadgeService } from '@/entrypoints/background/services/badge';
import { captureHandlers } from '@/entrypoints/background/services/capture';
import { createEffects, type KeyValuePort } from '@/entrypoints/background/services/effects';
import { createEnv } from '@/entrypoints/background/services/env';
import { sampleItem, sampleRouting } from '../../helpers/items';
import '@/lib/i18n/catalogs';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = Date.UTC(2026, 10, 2, 6); // Mon 10:00 in Saratov
let db: AppDatabase;
let n = 0;
afterEach(async () => {
  await db?.delete();
});

const site: Sender = { kind: 'site', url: 'https://vk.com/wall-100_1', tabId: 7 };

async function setup(roles: Workspace['user']['roles'] = ['curator']) {
  db = createDatabase(`alerts-${++n}`);
  await saveWorkspace(db, starterWorkspace('saratov', { id: 'me', name: 'Мария', roles, bodies: roles.includes('executor') ? ['minzhkh'] : [] }));
  const clock = { now: t0 };
  const now = () => clock.now;
  const store: KeyValuePort = { get: async () => undefined, set: async () => undefined };
  const effects = createEffects({ store, now, log: vi.fn() });
  const env = createEnv(db, now);
  const badge = createBadgeService({ db, env, toolbar: { kind: 'none', show: async () => undefined }, effects });
  let id = 0;
  const capture = captureHandlers({ db, env, badge, newId: () => `m${++id}` })['capture.save'];
  const create = vi.fn<NotificationsPort['create']>().mockResolvedValue(undefined);
  const notifications: NotificationsPort = { available: true, create, clear: async () => undefined, onClicked: () => undefined };
  const alerts = createAlertService({ db, env, notifications, effects });
  /** The notifications of captures (the region's summary reminder is another's test). */
  const shown = () => create.mock.calls.filter(([id]) => !id.startsWith('aot-alert|summary:'));
  /** A capture at `at` about `topic` in `location`. */
  const post = async (at: number, topic: string, location: string, importance: 'normal' | 'critical' = 'normal') => {
    clock.now = at;
    const k = id + 1;
    await capture(
      {
        item: sampleItem({ key: `vk:wall-100_${k}`, url: `https://vk.com/wall-100_${k}`, text: `Пост ${k}` }),
        routing: { ...sampleRouting, topic, location, importance, executor: '' },
      },
      site,
    );
  };
  return { clock, post, alerts, create, shown };
}

describe('immediate alerts', () => {
  it('a socially significant capture is notified to the curator at once, and once', async () => {
    const { post, alerts, shown } = await setup();
    await post(t0, 'Отопление', 'Саратов', 'critical');
    await post(t0 + 60_000, 'Дороги', 'Энгельс');
    await alerts.check();
    expect(shown()).toEqual([
      ['aot-alert|significant:m1', expect.objectContaining({ title: 'Социально значимое сообщение: доложить немедленно', priority: 2 })],
    ]);
    expect(await alerts.check()).toBe(0);
    expect(shown()).toHaveLength(1);
  });

  it('tells no executor: the immediate report is the curator’s', async () => {
    const { post, alerts, create } = await setup(['executor']);
    await post(t0, 'Отопление', 'Саратов', 'critical');
    expect(await alerts.check()).toBe(0);
    expect(create).not.toHaveBeenCalled();
  });

  it('a spike fires once, saying why, and stays held until acknowledged', async () => {
    const { post, alerts, shown, clock } = await setup();
    // Two weeks of one heating post a day, then six within an hour.
    for (let d = 14; d >= 1; d--) await post(t0 - d * DAY, 'Отопление', 'Саратов');
    for (let i = 0; i < 6; i++) await post(t0 + i * 10 * 60_000, 'Отопление', 'Саратов');
    await alerts.check();
    expect(shown()).toHaveLength(1);
    const [id, note] = shown()[0]!;
    expect(id).toMatch(/^aot-alert\|spike:Отопление\|Саратов@/);
    // The usual count: one post a day at 10:00, inside the same 3-hour window of each of 14 days.
    expect(note.message).toBe('6 сообщений на тему «Отопление» (Саратов) за 3 ч, обычно 1');
    const state = await readAlertState(db);
    expect(state.spikes).toHaveLength(1);
    expect(state.spikes[0]!.messageIds).toHaveLength(6);
    // Two more posts: the same spike, not a new alert, while it is not acknowledged.
    await post(clock.now + 5 * 60_000, 'Отопление', 'Саратов');
    await post(clock.now + 5 * 60_000, 'Отопление', 'Саратов');
    expect(await alerts.check()).toBe(0);
    expect(shown()).toHaveLength(1);
    await acknowledgeAlert(db, state.spikes[0]!.id, 'me', clock.now);
    expect(Object.keys((await readAlertState(db)).acknowledged)).toEqual([state.spikes[0]!.id]);
  });

  it('a quiet topic among busy ones raises nothing', async () => {
    const { post, alerts, shown } = await setup();
    for (let d = 14; d >= 1; d--) for (let i = 0; i < 4; i++) await post(t0 - d * DAY + i * HOUR, 'Дороги', 'Саратов');
    for (let i = 0; i < 4; i++) await post(t0 + i * HOUR, 'Дороги', 'Саратов');
    await alerts.check();
    expect(shown()).toEqual([]);
  });

  it('reminds of the region’s monthly summary once, from a working day before it is due', async () => {
    const { alerts, create, clock, post } = await setup();
    // Nothing captured before November: no October summary to remind of.
    await post(t0, 'Дороги', 'Саратов');
    expect(await alerts.check()).toBe(0);
    // In use since October: on Monday 2 November the October summary is due (Saratov п. 19, monthly).
    await post(Date.UTC(2026, 9, 20, 8), 'Дороги', 'Саратов');
    clock.now = t0;
    expect(await alerts.check()).toBe(1);
    expect(create).toHaveBeenCalledWith(`aot-alert|summary:${Date.UTC(2026, 9, 1) - 4 * HOUR}`, expect.objectContaining({ title: 'Ежемесячная сводка' }));
    expect(create.mock.calls[0]![1].message).toMatch(/^Сводку нужно представить до .+ \(п\. 19\): откройте «Отчёты»\.$/);
    expect(await alerts.check()).toBe(0);
    // Mid-November: the November summary is not near yet.
    clock.now = Date.UTC(2026, 10, 16, 8);
    expect(await alerts.check()).toBe(0);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('a damaged alert record is read as empty and overwritten, never a crash', async () => {
    const { post, alerts } = await setup();
    await db.settings.put({ key: ALERTS_KEY, value: { spikes: 'garbage', notified: 7 } });
    expect(await readAlertState(db)).toEqual({ notified: {}, acknowledged: {}, spikes: [] });
    await post(t0, 'Отопление', 'Саратов', 'critical');
    await alerts.check();
    expect(Object.keys((await readAlertState(db)).notified)).toContain('significant:m1');
  });
});
