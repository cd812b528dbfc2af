/** Content plans (Khabarovsk п. 5–7) on the 2026 production calendar: holidays move the due day. */
import { describe, expect, it } from 'vitest';
import {
  approvePlan,
  contentPlanDeadlines,
  governmentPlanClause,
  linkPublication,
  parsePlan,
  planDueAt,
  planIsSent,
  planKind,
  returnPlan,
  submitPlan,
  weeksWithoutPlan,
  type ContentPlan,
} from '@/lib/accounts';
import { createWorkCalendar, localDateOf, regionalSchedule } from '@/lib/worktime';
import { at, calendar, local, rangeErrorCode, weekday } from './helpers';

const cal = calendar('khabarovsk');

function plan(week: string, items: ContentPlan['items'] = []): ContentPlan {
  const r = parsePlan({ body: 'minstroy', week, state: 'draft', items });
  if (!r.ok) throw new Error(r.error.reason);
  return r.value;
}
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { reason: string } }): T => {
  if (!r.ok) throw new Error(r.error.reason);
  return r.value;
};

describe('planDueAt (п. 6: the penultimate working day of the week before, 17:00)', () => {
  it('is Thursday 17:00 of an ordinary week before', () => {
    const due = planDueAt('2026-04-27', cal); // week before: 20–24 April, all working
    expect(local('khabarovsk', due)).toBe('2026-04-23T17:00');
    expect(weekday('khabarovsk', due)).toBe(4);
  });

  it('moves to Wednesday when Friday is a holiday (1 May 2026), across the month boundary', () => {
    // The week before 4 May is 27 April – 3 May: 30 April (shortened) is the last working day.
    expect(local('khabarovsk', planDueAt('2026-05-04', cal))).toBe('2026-04-29T17:00');
    // 12 June 2026 is a Friday holiday too.
    expect(local('khabarovsk', planDueAt('2026-06-15', cal))).toBe('2026-06-10T17:00');
  });

  it('follows the workspace’s own days off: a day off on Wednesday moves it to Tuesday', () => {
    const spec = regionalSchedule('khabarovsk');
    const own = createWorkCalendar({ ...spec, days: { ...spec.days, '2026-04-29': [] } });
    expect(local('khabarovsk', planDueAt('2026-05-04', own))).toBe('2026-04-28T17:00');
  });

  it('looks back past a week without working days (the New Year holidays) to the nearest one with them', () => {
    // 5–11 January 2026 has no working day (1–8 holidays, 9 moved from 3 January); 31 Dec 2025 was off.
    expect(datesWorking('2026-01-05')).toEqual([]);
    const due = planDueAt('2026-01-12', cal);
    expect(local('khabarovsk', due)).toBe('2025-12-29T17:00');
    expect(cal.intervalsOn(localDateOf(cal, due)).length).toBeGreaterThan(0);
  });

  it('counts 17:00 in the region’s zone (Vladivostok, UTC+10)', () => {
    expect(planDueAt('2026-04-27', cal)).toBe(Date.UTC(2026, 3, 23, 7, 0));
  });

  it('refuses a week that does not start on Monday with a coded error', () => {
    expect(rangeErrorCode(() => planDueAt('2026-04-28', cal))).toBe('date-out-of-range');
  });
});

function datesWorking(monday: string): string[] {
  const out: string[] = [];
  const start = Date.UTC(+monday.slice(0, 4), +monday.slice(5, 7) - 1, +monday.slice(8, 10));
  for (let i = 0; i < 7; i++) {
    const d = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    if (cal.intervalsOn(d).length) out.push(d);
  }
  return out;
}

describe('contentPlanDeadlines (п. 6, п. 7)', () => {
  it('sent on time; reviewed within 1 working day across the May holidays; corrected within 1 working day', () => {
    let p = plan('2026-05-04');
    p = must(submitPlan(p, at('khabarovsk', '2026-04-29T16:30')));
    let d = contentPlanDeadlines(p, 'khabarovsk', cal, at('khabarovsk', '2026-04-29T16:30'));
    expect(d.map((x) => [x.kind, x.by, x.clause.clause, local('khabarovsk', x.dueAt), x.met])).toEqual([
      ['planDue', 'body', 'п. 6', '2026-04-29T17:00', true],
      // «в течение одного рабочего дня со дня поступления»: the next working day is 30 April (shortened, to 17:00).
      ['planReview', 'curator', 'п. 7 абз. 1', '2026-04-30T17:00', undefined],
    ]);
    // Returned on Thursday 30 April: 1–3 May are days off, so corrections are due on Monday 4 May.
    p = must(returnPlan(p, at('khabarovsk', '2026-04-30T11:00'), 'Добавить анонс'));
    d = contentPlanDeadlines(p, 'khabarovsk', cal, at('khabarovsk', '2026-05-05T09:00'));
    expect(d.map((x) => [x.kind, local('khabarovsk', x.dueAt), x.met])).toEqual([
      ['planDue', '2026-04-29T17:00', true],
      ['planReview', '2026-04-30T17:00', true],
      ['planCorrect', '2026-05-04T18:00', false],
    ]);
    p = must(submitPlan(p, at('khabarovsk', '2026-05-04T15:00')));
    d = contentPlanDeadlines(p, 'khabarovsk', cal, at('khabarovsk', '2026-05-04T15:00'));
    expect(d.find((x) => x.kind === 'planCorrect')?.met).toBe(true);
    expect(d.find((x) => x.kind === 'planDue')?.met).toBe(true); // the first sending counts for п. 6
    expect(local('khabarovsk', d.find((x) => x.kind === 'planReview')!.dueAt)).toBe('2026-05-05T18:00');
    expect(must(approvePlan(p, at('khabarovsk', '2026-05-05T10:00'))).state).toBe('approved');
  });

  it('marks the plan late when sent after 17:00 of the due day, and a missing one past due', () => {
    const late = must(submitPlan(plan('2026-05-04'), at('khabarovsk', '2026-04-29T17:30')));
    expect(contentPlanDeadlines(late, 'khabarovsk', cal, at('khabarovsk', '2026-04-29T17:30'))[0]?.met).toBe(false);
    const unsent = plan('2026-05-04');
    expect(contentPlanDeadlines(unsent, 'khabarovsk', cal, at('khabarovsk', '2026-04-29T16:00'))[0]?.met).toBeUndefined();
    expect(contentPlanDeadlines(unsent, 'khabarovsk', cal, at('khabarovsk', '2026-04-29T17:01'))[0]?.met).toBe(false);
  });

  it('has no deadlines under an act without content plans', () => {
    expect(contentPlanDeadlines(plan('2026-05-04'), 'saratov', calendar('saratov'), at('saratov', '2026-05-01T10:00'))).toEqual([]);
  });

  it('refuses steps out of order with a code', () => {
    const r = approvePlan(plan('2026-05-04'), at('khabarovsk', '2026-04-29T10:00'));
    expect(r.ok ? null : [r.error.reason, r.error.params]).toEqual(['accounts.plan.wrongState', { state: 'draft', action: 'approve' }]);
  });
});

describe('parsePlan', () => {
  it('refuses a week that is not a Monday, an item outside the week, a published item without its post', () => {
    const bad = [
      { body: 'b', week: '2026-04-28', state: 'draft', items: [] },
      { body: 'b', week: '2026-04-27', state: 'draft', items: [{ id: 'i', date: '2026-05-04', topic: 't', format: 'text', status: 'planned' }] },
      { body: 'b', week: '2026-04-27', state: 'draft', items: [{ id: 'i', date: '2026-05-01', topic: 't', format: 'photo', status: 'published' }] },
      { body: 'b', week: '2026-04-27', state: 'draft', items: [], submittedAt: 1e300 },
      'not a plan',
    ];
    for (const raw of bad) {
      const r = parsePlan(raw);
      expect(r.ok ? null : r.error.reason, JSON.stringify(raw)).toBe('accounts.plan.invalid');
    }
  });
});

describe('weeksWithoutPlan (п. 5 абз. 4, п. 6)', () => {
  it('lists the weeks past their due instant with neither a plan sent nor a notice of no events', () => {
    const sent = must(submitPlan(plan('2026-04-27'), at('khabarovsk', '2026-04-23T10:00')));
    const draft = plan('2026-05-11'); // never sent
    const list = weeksWithoutPlan({
      act: 'khabarovsk',
      body: 'minstroy',
      plans: [sent, draft],
      noEventsWeeks: ['2026-05-04'],
      from: '2026-04-27',
      to: '2026-05-18',
      calendar: cal,
      now: at('khabarovsk', '2026-05-14T12:00'),
    });
    // 18 May's plan is due on 14 May at 17:00 (11 May is a day off for 9 May): not yet.
    expect(list.map((w) => [w.week, w.kind, w.clause.clause, local('khabarovsk', w.dueAt)])).toEqual([
      ['2026-05-04', 'noEvents', 'п. 5 абз. 4', '2026-04-29T17:00'],
      ['2026-05-11', 'missing', 'п. 6', '2026-05-07T17:00'],
    ]);
    const later = weeksWithoutPlan({
      act: 'khabarovsk',
      body: 'minstroy',
      plans: [sent, draft],
      from: '2026-05-18',
      to: '2026-05-18',
      calendar: cal,
      now: at('khabarovsk', '2026-05-14T17:01'),
    });
    expect(later.map((w) => w.week)).toEqual(['2026-05-18']);
  });

  it('ignores another body’s plans and says nothing under an act without plans', () => {
    const other = must(submitPlan({ ...plan('2026-04-27'), body: 'minzdrav' }, at('khabarovsk', '2026-04-23T10:00')));
    const input = { body: 'minstroy', plans: [other], from: '2026-04-27', to: '2026-04-27', now: at('khabarovsk', '2026-05-01T10:00') };
    expect(weeksWithoutPlan({ ...input, act: 'khabarovsk', calendar: cal }).map((w) => w.week)).toEqual(['2026-04-27']);
    expect(weeksWithoutPlan({ ...input, act: 'yakutia', calendar: calendar('yakutia') })).toEqual([]);
  });
});

describe('linkPublication', () => {
  const items: ContentPlan['items'] = [
    { id: 'thu', date: '2026-04-30', topic: 'Ремонт дорог', format: 'photo', status: 'planned' },
    { id: 'fri-1', date: '2026-05-01', topic: 'Праздник', format: 'video', status: 'dropped' },
    { id: 'fri-2', date: '2026-05-01', topic: 'Поздравление', format: 'text', status: 'planned' },
  ];

  it('marks the planned item of the post’s local date published, skipping dropped ones (a date in the next month)', () => {
    const p = plan('2026-04-27', items);
    const r = linkPublication(p, { key: 'vk:wall-1_50', publishedAt: at('khabarovsk', '2026-05-01T08:00') }, cal);
    expect(r.item).toBe('fri-2');
    expect(r.plan.items.find((i) => i.id === 'fri-2')).toMatchObject({ status: 'published', postKey: 'vk:wall-1_50' });
    expect(r.plan.items.find((i) => i.id === 'fri-1')?.status).toBe('dropped');
    expect(parsePlan(r.plan).ok).toBe(true);
    // The same post seen again links nothing new.
    expect(linkPublication(r.plan, { key: 'vk:wall-1_50', publishedAt: at('khabarovsk', '2026-05-01T08:00') }, cal).plan).toBe(r.plan);
  });

  it('reads the date in the region’s zone: 30 April 23:30 in Khabarovsk is still the Thursday item', () => {
    const r = linkPublication(plan('2026-04-27', items), { key: 'vk:wall-1_51', publishedAt: at('khabarovsk', '2026-04-30T23:30') }, cal);
    expect(r.item).toBe('thu');
  });

  it('links nothing for a post outside the week or on a date without a planned item', () => {
    const p = plan('2026-04-27', items);
    expect(linkPublication(p, { key: 'vk:wall-1_52', publishedAt: at('khabarovsk', '2026-05-04T10:00') }, cal).item).toBeNull();
    expect(linkPublication(p, { key: 'vk:wall-1_53', publishedAt: at('khabarovsk', '2026-04-28T10:00') }, cal).item).toBeNull();
  });
});

describe("the Government's plan, prepared by the Committee (Khabarovsk п. 2.2)", () => {
  const gov = { act: 'khabarovsk' as const, kind: 'government' as const };

  it('is the plan of a body keeping only the Government’s accounts; a body with an account of its own keeps its own', () => {
    const accounts = [
      { body: 'komitet', kind: 'government' as const },
      { body: 'komitet', kind: 'government' as const },
      { body: 'minstroy', kind: 'body' as const },
      { body: 'mixed', kind: 'government' as const },
      { body: 'mixed', kind: 'body' as const },
      { body: 'gone', kind: 'body' as const, removedAt: 1 },
      { body: 'gone', kind: 'government' as const },
    ];
    expect(['komitet', 'minstroy', 'mixed', 'gone', 'nobody'].map((b) => planKind(accounts, b))).toEqual(['government', 'body', 'body', 'government', 'body']);
    expect(planIsSent(gov)).toBe(false);
    expect(planIsSent({ act: 'khabarovsk', kind: 'body' })).toBe(true);
    expect(planIsSent({ act: 'saratov', kind: 'body' })).toBe(false);
  });

  it('has no п. 6 due time, no п. 7 review or corrections, and is never a missing plan (п. 5 абз. 4)', () => {
    const long = at('khabarovsk', '2026-06-01T10:00');
    expect(contentPlanDeadlines(plan('2026-05-04'), 'khabarovsk', cal, long, 'government')).toEqual([]);
    expect(contentPlanDeadlines(plan('2026-05-04'), 'khabarovsk', cal, long, 'body').map((d) => [d.kind, d.met])).toEqual([['planDue', false]]);
    const input = { act: 'khabarovsk' as const, body: 'komitet', plans: [], from: '2026-04-06', to: '2026-05-25', calendar: cal, now: long };
    expect(weeksWithoutPlan({ ...input, kind: 'government' })).toEqual([]);
    expect(weeksWithoutPlan(input).length).toBeGreaterThan(0);
  });

  it('is not sent, approved or returned: refused with п. 2.2, while a body’s plan goes through', () => {
    const p = plan('2026-05-04');
    const when = at('khabarovsk', '2026-04-29T10:00');
    const refusals = [submitPlan(p, when, gov), approvePlan(p, when, gov), returnPlan(p, when, 'x', gov)].map((r) =>
      r.ok ? 'accepted' : [r.error.reason, r.error.params?.clause, r.error.params?.action],
    );
    expect(refusals).toEqual([
      ['accounts.plan.preparedByCommittee', 'п. 2.2', 'submit'],
      ['accounts.plan.preparedByCommittee', 'п. 2.2', 'approve'],
      ['accounts.plan.preparedByCommittee', 'п. 2.2', 'return'],
    ]);
    expect(governmentPlanClause('khabarovsk')).toEqual({ act: 'khabarovsk', clause: 'п. 2.2' });
    expect(governmentPlanClause('yakutia')).toBeNull();
    expect(must(submitPlan(p, when, { act: 'khabarovsk', kind: 'body' })).state).toBe('submitted');
  });
});
