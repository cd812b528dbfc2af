/**
 * The plans' reminders (entrypoints/background/services/plans.ts) with fake ports and a real
 * (fake-indexeddb) database: each plan deadline notified once, shortly before and at breach; a
 * week without a plan once its due time passed; an account without a post this week from
 * Thursday 12:00; a notification that could not be shown is tried again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DateTime } from 'luxon';
import { createDatabase, type AppDatabase } from '@/lib/db';
import { editAccount, recordPublications, registerAccount } from '@/lib/db/accounts';
import { saveWorkspace } from '@/lib/db/messages';
import { approvePlan, createPlan, planOf, submitPlan } from '@/lib/db/plans';
import type { NotificationsPort } from '@/lib/platform/ports';
import { starterWorkspace } from '@/lib/workflow/workspace';
import type { Actor } from '@/lib/model/workflow';
import type { Region } from '@/lib/worktime';
import { createEffects, type KeyValuePort } from '@/entrypoints/background/services/effects';
import { createEnv } from '@/entrypoints/background/services/env';
import { declareNoEvents } from '@/lib/db/plans';
import { createPlanService, PLANS_NOTIFIED_KEY } from '@/entrypoints/background/services/plans';

let db: AppDatabase;
let n = 0;
afterEach(async () => {
  db?.close();
  await db?.delete();
});
const khv = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Vladivostok' }).toMillis();

function fakeNotifications(fail = { count: 0 }) {
  const shown: Array<{ id: string; title: string; message: string; priority: number }> = [];
  const port: NotificationsPort = {
    available: true,
    create: async (id, note) => {
      if (fail.count > 0) {
        fail.count--;
        throw new Error('notifications unavailable');
      }
      shown.push({ id, ...note });
    },
    clear: async () => undefined,
    onClicked: () => undefined,
  };
  return { port, shown };
}

function memoryStore(): KeyValuePort {
  const data = new Map<string, unknown>();
  return { get: async (key) => data.get(key), set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, v)) };
}

async function setup(opts: { region?: Region; user?: Partial<Actor>; now: number; fail?: { count: number } }) {
  db = createDatabase(`plans-bg-${++n}`);
  const region = opts.region ?? 'khabarovsk';
  await saveWorkspace(db, starterWorkspace(region, opts.user ?? { id: 'anna', roles: ['curator'] }));
  const r = await registerAccount(db, region, { id: 'a1', body: 'minstroy', url: 'https://vk.com/club300', name: 'Минстрой' }, opts.now - 30 * 86_400_000);
  if (!r.ok) throw new Error(r.error.reason);
  const clock = { now: opts.now };
  const notes = fakeNotifications(opts.fail);
  const service = createPlanService({
    db,
    env: createEnv(db, () => clock.now),
    notifications: notes.port,
    effects: createEffects({ store: memoryStore(), now: () => clock.now, log: vi.fn() }),
  });
  return { clock, notes, service };
}

describe('content plan reminders (Khabarovsk п. 5–7)', () => {
  it('notices a week without a plan once its due time passed, warns before next week’s plan is due, each once', async () => {
    // Wednesday 29 April 14:00: next week's plan is due today at 17:00 (1 May is a holiday).
    const { clock, notes, service } = await setup({ now: khv('2026-04-29T14:00') });
    expect(await service.check()).toBe(2);
    expect(notes.shown.map((s) => [s.title, s.message, s.priority])).toEqual([
      ['Нет контент-плана', 'Министерство строительства края: план на неделю 27.04.2026 не направлен, срок был 23.04, 17:00 (Хабаровский край, п. 6)', 2],
      ['Скоро срок контент-плана', 'Министерство строительства края: Направить план на неделю 04.05.2026 — до 29.04, 17:00 (Хабаровский край, п. 6)', 1],
    ]);
    expect(notes.shown.every((s) => s.id.startsWith('aot-plan|'))).toBe(true);
    // The same check again, and later the same day: nothing new.
    expect(await service.check()).toBe(0);
    clock.now = khv('2026-04-29T16:00');
    expect(await service.check()).toBe(0);
    // Past due and not sent: next week is now without a plan.
    clock.now = khv('2026-04-29T17:30');
    expect(await service.check()).toBe(1);
    expect(notes.shown.at(-1)?.message).toBe(
      'Министерство строительства края: план на неделю 04.05.2026 не направлен, срок был 29.04, 17:00 (Хабаровский край, п. 6)',
    );
    expect(await service.check()).toBe(0);
    expect(Object.keys(((await db.settings.get(PLANS_NOTIFIED_KEY))?.value ?? {}) as object)).toHaveLength(3);
  });

  it('says nothing of a week the body declared without newsworthy events (п. 5 абз. 3–4)', async () => {
    const { notes, service } = await setup({ now: khv('2026-04-29T14:00') });
    await declareNoEvents(db, 'minstroy', '2026-04-27', true);
    expect(await service.check()).toBe(1);
    expect(notes.shown.map((s) => s.title)).toEqual(['Скоро срок контент-плана']);
  });

  it('warns nobody of plans sent in time and answered; the curator hears of the review deadline, soon and at breach', async () => {
    const { clock, notes, service } = await setup({ now: khv('2026-04-29T11:00') });
    await createPlan(db, { body: 'minstroy', week: '2026-04-27', items: [{ id: 'i0', date: '2026-04-27', topic: 'Тема', format: 'text' }] });
    await submitPlan(db, 'minstroy', '2026-04-27', khv('2026-04-23T12:00'));
    await approvePlan(db, 'minstroy', '2026-04-27', khv('2026-04-24T10:00'));
    await createPlan(db, { body: 'minstroy', week: '2026-05-04', items: [{ id: 'i1', date: '2026-05-05', topic: 'Тема', format: 'text' }] });
    await submitPlan(db, 'minstroy', '2026-05-04', khv('2026-04-29T10:00'));
    // The page published this week and next: no reminder of missing posts either.
    await recordPublications(
      db,
      'a1',
      [
        { key: 'vk:wall-300_1', publishedAt: khv('2026-04-27T12:00') },
        { key: 'vk:wall-300_2', publishedAt: khv('2026-05-04T08:00') },
      ],
      clock.now,
    );
    // The review is due at the end of the next working day (Thursday 30 April, shortened: 17:00).
    expect(await service.check()).toBe(0);
    clock.now = khv('2026-04-30T14:00');
    expect(await service.check()).toBe(1);
    expect(notes.shown[0]).toMatchObject({
      title: 'Скоро срок контент-плана',
      message: expect.stringContaining('Согласовать или вернуть план на неделю 04.05.2026 — до 30.04, 17:00 (Хабаровский край, п. 7 абз. 1)'),
    });
    clock.now = khv('2026-05-04T09:00');
    expect(await service.check()).toBe(1);
    expect(notes.shown[1]).toMatchObject({ title: 'Срок контент-плана нарушен', priority: 2 });
  });

  it('tells an executor nothing of the curator’s review, nor of another body', async () => {
    const { clock, notes, service } = await setup({ now: khv('2026-04-29T10:00'), user: { id: 'ivan', roles: ['executor'], bodies: ['minzhkh'] } });
    expect(await service.check()).toBe(0);
    clock.now = khv('2026-04-30T12:30');
    expect(await service.check()).toBe(0);
    expect(notes.shown).toEqual([]);
  });

  it('tries again a notification that could not be shown', async () => {
    const { notes, service } = await setup({ now: khv('2026-04-29T14:00'), fail: { count: 1 } });
    expect(await service.check()).toBe(1);
    expect(await service.check()).toBe(1);
    expect(notes.shown.map((s) => s.title)).toEqual(['Скоро срок контент-плана', 'Нет контент-плана']);
  });
});

describe("the Government's plan (Khabarovsk п. 2.2): prepared by the Committee", () => {
  it('raises no missing plan and no п. 6–7 deadline for a body keeping only the Government’s account; it cannot be sent', async () => {
    // The same moment as the first test: a body's plan would be missing (27 April) and due soon (4 May).
    const { notes, service } = await setup({ now: khv('2026-04-29T14:00') });
    expect((await editAccount(db, 'khabarovsk', 'a1', { kind: 'government' }, khv('2026-04-29T13:00'))).ok).toBe(true);
    expect(await service.check()).toBe(0);
    expect(notes.shown).toEqual([]);
    // The plan exists (the Committee prepares it), but is not sent for approval.
    expect((await createPlan(db, { body: 'minstroy', week: '2026-05-04', items: [{ id: 'i1', date: '2026-05-05', topic: 'Тема', format: 'text' }] })).ok).toBe(
      true,
    );
    const sent = await submitPlan(db, 'minstroy', '2026-05-04', khv('2026-04-29T14:00'));
    expect(sent.ok ? null : [sent.error.reason, sent.error.params?.clause]).toEqual(['accounts.plan.preparedByCommittee', 'п. 2.2']);
    expect((await planOf(db, 'minstroy', '2026-05-04'))?.state).toBe('draft');
    // A body's account beside it: the body's own plan and its deadlines are back.
    expect(
      (await registerAccount(db, 'khabarovsk', { id: 'a2', body: 'minstroy', url: 'https://ok.ru/group/300', name: 'Минстрой ОК' }, khv('2026-04-29T13:00')))
        .ok,
    ).toBe(true);
    expect(await service.check()).toBe(2);
  });
});

describe('an account with no publication this week', () => {
  it('is reminded of from Thursday 12:00 local, once, in any region; a post this week keeps it quiet', async () => {
    // Saratov: no content plans, so only the publications are asked about.
    const saratov = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Saratov' }).toMillis();
    const { clock, notes, service } = await setup({ region: 'saratov', now: saratov('2026-04-30T11:59') });
    expect(await service.check()).toBe(0);
    clock.now = saratov('2026-04-30T12:00');
    expect(await service.check()).toBe(1);
    expect(notes.shown[0]).toMatchObject({
      title: 'Нет публикаций на этой неделе',
      message: 'Министерство строительства и ЖКХ области: на странице «Минстрой» (ВКонтакте) на этой неделе нет публикаций',
    });
    expect(await service.check()).toBe(0);
    // The next week: a post on Monday, and Thursday passes without a reminder.
    await recordPublications(db, 'a1', [{ key: 'vk:wall-300_1', publishedAt: saratov('2026-05-04T09:00') }], clock.now);
    clock.now = saratov('2026-05-07T15:00');
    expect(await service.check()).toBe(0);
    // A week later with no post: reminded again.
    clock.now = saratov('2026-05-14T12:00');
    expect(await service.check()).toBe(1);
  });
});
