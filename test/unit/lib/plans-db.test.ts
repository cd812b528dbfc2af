/** Content plans stored (lib/db/plans.ts): one settings record changed in a transaction through lib/accounts' steps. */
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { createDatabase, type AppDatabase } from '@/lib/db';
import {
  approvePlan,
  createPlan,
  dropItem,
  linkPlanPublications,
  loadPlans,
  planOf,
  plansOf,
  PLANS_KEY,
  returnPlan,
  submitPlan,
  updateItems,
} from '@/lib/db/plans';
import { createWorkCalendar, regionalSchedule } from '@/lib/worktime';

let db: AppDatabase;
let n = 0;
afterEach(async () => {
  db?.close();
  await db?.delete();
});
const open = () => (db = createDatabase(`plans-db-${++n}`));
const khv = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Vladivostok' }).toMillis();
const cal = createWorkCalendar(regionalSchedule('khabarovsk'));
const WEEK = '2026-05-04';
const item = (id: string, date: string, topic = `Тема ${id}`) => ({ id, date, topic, format: 'text' as const });

describe('stored content plans', () => {
  it('read an unreadable record as no plans, keep the readable plans of a damaged one, and never throw', async () => {
    open();
    await db.settings.put({ key: PLANS_KEY, value: 'garbage' });
    expect(await loadPlans(db)).toEqual([]);
    await db.settings.put({
      key: PLANS_KEY,
      value: [{ body: 'minstroy', week: '2026-05-05', state: 'draft', items: [] }, { body: 'minstroy', week: WEEK, state: 'draft', items: [] }, null],
    });
    expect((await loadPlans(db)).map((p) => p.week)).toEqual([WEEK]);
    // Writing over a damaged record works.
    expect((await createPlan(db, { body: 'minzhkh', week: WEEK })).ok).toBe(true);
    expect((await plansOf(db, { week: WEEK })).map((p) => p.body)).toEqual(['minstroy', 'minzhkh']);
  });

  it('go draft → submitted → returned with recommendations → corrected → resubmitted → approved, items editable only before sending or after a return', async () => {
    open();
    const created = await createPlan(db, { body: 'minstroy', week: WEEK, items: [item('i1', '2026-05-04'), item('i2', '2026-05-06')] });
    expect(created).toMatchObject({
      ok: true,
      value: {
        state: 'draft',
        items: [
          { id: 'i1', status: 'planned' },
          { id: 'i2', status: 'planned' },
        ],
      },
    });
    // A second plan of the same body and week is refused; the first stays.
    expect(await createPlan(db, { body: 'minstroy', week: WEEK })).toMatchObject({ ok: false, error: { reason: 'accounts.plan.wrongState' } });
    expect((await planOf(db, 'minstroy', WEEK))?.items).toHaveLength(2);

    const sent = khv('2026-04-29T16:00');
    expect(await submitPlan(db, 'minstroy', WEEK, sent)).toMatchObject({ ok: true, value: { state: 'submitted', firstSubmittedAt: sent } });
    expect(await updateItems(db, 'minstroy', WEEK, [])).toMatchObject({ ok: false, error: { reason: 'accounts.plan.wrongState', params: { action: 'edit' } } });
    expect(await approvePlan(db, 'minzhkh', WEEK, sent)).toMatchObject({ ok: false, error: { reason: 'accounts.plan.wrongState' } });

    const returned = khv('2026-04-30T10:00');
    expect(await returnPlan(db, 'minstroy', WEEK, returned, '  Добавьте видео  ')).toMatchObject({
      ok: true,
      value: { state: 'returned', recommendations: 'Добавьте видео' },
    });
    expect((await updateItems(db, 'minstroy', WEEK, [item('i1', '2026-05-04'), { ...item('i3', '2026-05-07'), format: 'video' }])).ok).toBe(true);
    const resent = khv('2026-04-30T12:00');
    expect((await submitPlan(db, 'minstroy', WEEK, resent)).ok).toBe(true);
    const approved = khv('2026-05-05T09:30');
    expect((await approvePlan(db, 'minstroy', WEEK, approved)).ok).toBe(true);

    const stored = await planOf(db, 'minstroy', WEEK);
    expect(stored).toMatchObject({ state: 'approved', firstSubmittedAt: sent, submittedAt: resent, returnedAt: returned, approvedAt: approved });
    expect(stored?.items.map((i) => `${i.id} ${i.format}`)).toEqual(['i1 text', 'i3 video']);
    // An approved plan's planned item can be dropped, not removed.
    expect((await dropItem(db, 'minstroy', WEEK, 'i3')).ok).toBe(true);
    expect((await planOf(db, 'minstroy', WEEK))?.items.map((i) => i.status)).toEqual(['planned', 'dropped']);
    expect((await dropItem(db, 'minstroy', WEEK, 'i3')).ok).toBe(false);
  });

  it('refuse an item outside the plan’s week and write nothing', async () => {
    open();
    await createPlan(db, { body: 'minstroy', week: WEEK, items: [item('i1', '2026-05-04')] });
    const before = (await db.settings.get(PLANS_KEY))?.value;
    const r = await updateItems(db, 'minstroy', WEEK, [item('i1', '2026-05-04'), item('i2', '2026-05-11')]);
    expect(r).toMatchObject({
      ok: false,
      error: { reason: 'accounts.plan.invalid', params: { issues: expect.stringContaining('accounts.plan.dateOutsideWeek') } },
    });
    expect((await db.settings.get(PLANS_KEY))?.value).toEqual(before);
    expect(await updateItems(db, 'nobody', WEEK, [])).toMatchObject({ ok: false, error: { reason: 'accounts.plan.wrongState', params: { state: 'none' } } });
  });
});

describe('linkPlanPublications', () => {
  it('marks the first planned item of the post’s local date published, once, for the body’s plans only', async () => {
    open();
    await createPlan(db, { body: 'minstroy', week: WEEK, items: [item('i1', '2026-05-05'), item('i2', '2026-05-05'), item('i3', '2026-05-06')] });
    await createPlan(db, { body: 'minzhkh', week: WEEK, items: [item('j1', '2026-05-05')] });
    const posts = [
      { key: 'vk:wall-300_1', publishedAt: khv('2026-05-05T10:00') },
      // 6 May 00:30 in Khabarovsk is still 5 May in UTC: the local date counts.
      { key: 'vk:wall-300_2', publishedAt: khv('2026-05-06T00:30') },
      { key: 'vk:wall-300_3', publishedAt: khv('2026-05-12T10:00') }, // next week: no plan
    ];
    expect(await linkPlanPublications(db, 'minstroy', posts, cal)).toEqual([
      { week: WEEK, item: 'i1', post: 'vk:wall-300_1' },
      { week: WEEK, item: 'i3', post: 'vk:wall-300_2' },
    ]);
    const plan = await planOf(db, 'minstroy', WEEK);
    expect(plan?.items.map((i) => [i.id, i.status, i.postKey])).toEqual([
      ['i1', 'published', 'vk:wall-300_1'],
      ['i2', 'planned', undefined],
      ['i3', 'published', 'vk:wall-300_2'],
    ]);
    // Seen again: nothing new, nothing written.
    expect(await linkPlanPublications(db, 'minstroy', posts, cal)).toEqual([]);
    // Another body's plan is untouched.
    expect((await planOf(db, 'minzhkh', WEEK))?.items[0]?.status).toBe('planned');
    expect(await linkPlanPublications(db, 'minstroy', [], cal)).toEqual([]);
  });
});
