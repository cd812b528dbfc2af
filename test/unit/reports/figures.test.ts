// @vitest-environment node
/**
 * The report's figures on the fixture workspace (test/helpers/reports.ts: Saratov, November
 * 2026), against numbers computed by hand. Saratov's terms (profile, from the seed): route 30 min
 * (п. 7), answer 9 wh (п. 9), draft 4 wh before the answer (п. 10 абз. 1), approval 30 min
 * (п. 10 абз. 2), rework 1 h (п. 10 абз. 3), publication 30 min (п. 11), final answer 7 working
 * days (п. 12). Working day 09:00–13:00, 14:00–18:00; 3 Nov (pre-holiday) 09:00–17:00; 4 Nov off.
 *
 * Deadlines by hand (due → done):
 *   m1 (detected Fri 30 Oct 16:00): answer = 2 h on 30 Oct + 7 h on Mon 2 Nov → 2 Nov 17:00, met 11:40;
 *      draft 4 wh before → 2 Nov 12:00, met 11:00; approval 11:30, met 11:20; publication 11:50, met 11:40.
 *      (route 30 Oct 16:30 is October's.) → 4 on time in November.
 *   m2 (Tue 3 Nov 15:00, short day): route 15:30 met 15:10; answer = 2 h on 3 Nov + (4 Nov off) 7 h on
 *      5 Nov → 5 Nov 17:00, published 17:30 → late; draft 5 Nov 12:00, first draft 14:30 → late;
 *      rework from 14:45 → 15:45, resubmitted 16:30 → late; approval of the last draft 16:30 → 17:00,
 *      approved 16:40 → on time; publication 16:40 + 30 → 17:10, published 17:30 → late.
 *   m3 (Mon 9 Nov 10:00): route 10:30 met 10:10; re-route 30 min from the return 10:20 → 10:50, met
 *      10:50; answer = 7 h on 9 Nov + 2 h → 10 Nov 11:00, interim published 9 Nov 12:20 → on time;
 *      draft → 9 Nov 16:00, met 12:00; approval 12:30 met 12:10; publication 12:40 met 12:20;
 *      final: 7 working days after 9 Nov → 18 Nov 18:00, not done → overdue at now (3 Dec 12:00).
 *   m4 (10 Nov): closed as not processable before routing: no deadline owed.
 *   m5 (Mon 30 Nov 17:00): route 17:30 met 17:20; the rest falls due in December.
 *   m6 (Fri 20 Nov 10:00): route 10:30 met 10:05; answer = 7 h on 20 Nov + 2 h → 23 Nov 11:00; draft →
 *      20 Nov 16:00; neither done → overdue.
 */
import { describe, expect, it } from 'vitest';
import { answerScorer, buildReport, createReportCache, FIGURE_IDS, FIGURES, ReportError, type Report } from '@/lib/reports';
import { checkDraft } from '@/lib/lint';
import type { Message } from '@/lib/model/workflow';
import { calendar, fixture, NOVEMBER, NOW, OCTOBER, profile } from '../../helpers/reports';

const { messages, events } = fixture();
const report = (over: Partial<Parameters<typeof buildReport>[0]> = {}): Report =>
  buildReport({ messages, events, profile, calendar, period: NOVEMBER, previous: OCTOBER, now: NOW, ...over });

describe('figures over the fixture workspace (November 2026, Saratov)', () => {
  const r = report();

  it('counts the messages of the period', () => {
    // Detected in November: m2, m3, m4, m5, m6. Routed: all but m4. Final answer: m2, m5 (m3 has
    // an interim one). Returned: m3. Not processable: m4. Repeat: m5 (of m1). Open now: m3 (its
    // final answer owed) and m6; both overdue.
    expect(r.totals).toMatchObject({
      captured: 5,
      routed: 4,
      answered: 2,
      interim: 1,
      returned: 1,
      notProcessable: 1,
      repeats: 1,
      openNow: 2,
      overdueNow: 2,
      answerTimes: 3,
    });
  });

  it('measures the answer time in working hours (first reply of any kind)', () => {
    // m2: 3 Nov 15:00–17:00 (2 h) + 5 Nov 09:00–13:00, 14:00–17:30 (7.5 h) = 9.5 h.
    // m3: 9 Nov 10:00 → 12:20 = 2 h 20 min = 2.333 h. m5: 30 Nov 17:00–18:00 + 1 Dec 09:00–10:30 = 2.5 h.
    // Sorted 2.333, 2.5, 9.5: median 2.5; 90th percentile at rank 0.9 × 2 = 1.8 → 2.5 + 0.8 × 7 = 8.1.
    expect(r.totals.answerHoursMedian).toBe(2.5);
    expect(r.totals.answerHoursP90).toBeCloseTo(8.1, 10);
    expect(r.answerTime.map((b) => [b.fromHours, b.toHours, b.count])).toEqual([
      [0, 1, 0],
      [1, 2, 0],
      [2, 4, 2],
      [4, 8, 0],
      [8, 16, 1],
      [16, 40, 0],
      [40, null, 0],
    ]);
  });

  it('counts the deadlines of the period per kind', () => {
    // From the table in the header comment.
    expect(r.deadlines.route).toEqual({ onTime: 5, late: 0, overdue: 0, pending: 0 }); // m2, m3 ×2, m5, m6
    expect(r.deadlines.draft).toEqual({ onTime: 2, late: 1, overdue: 1, pending: 0 }); // m1, m3 | m2 | m6
    expect(r.deadlines.approve).toEqual({ onTime: 3, late: 0, overdue: 0, pending: 0 }); // m1, m2, m3
    expect(r.deadlines.rework).toEqual({ onTime: 0, late: 1, overdue: 0, pending: 0 }); // m2
    expect(r.deadlines.publish).toEqual({ onTime: 2, late: 1, overdue: 0, pending: 0 }); // m1, m3 | m2
    expect(r.deadlines.answer).toEqual({ onTime: 2, late: 1, overdue: 1, pending: 0 }); // m1, m3 | m2 | m6
    expect(r.deadlines.final).toEqual({ onTime: 0, late: 0, overdue: 1, pending: 0 }); // m3
    expect(r.deadlines.return).toEqual({ onTime: 0, late: 0, overdue: 0, pending: 0 }); // a window, never counted
    // The curator's: route ×5 and approval ×3, all on time.
    expect(r.curator).toEqual({ onTime: 8, late: 0, overdue: 0, pending: 0, onTimeShare: 1 });
  });

  it('gives each body its row', () => {
    // minstroy: received m2, m3 (returned; the event log shows it), m6 = 3; its deadlines: m2 draft,
    // rework, answer, publication late (4), m6 draft and answer overdue (2) → 0 / 6 = 0; overdue now:
    // m6; returns: m3; answers: m2 with one rework round.
    // mintrans: received m5 (m1 is October's); deadlines m1 draft, publication, answer on time → 1.
    // saratov: received m3; m3 draft, publication, answer on time, final overdue → 3 / 4.
    expect(
      r.bodies.map((b) => [b.body, b.received, b.deadlines.onTime, b.deadlines.late, b.deadlines.overdue, b.onTimeShare, b.overdueNow, b.returns]),
    ).toEqual([
      ['minstroy', 3, 0, 4, 2, 0, 1, 1],
      ['mintrans', 1, 3, 0, 0, 1, 0, 0],
      ['saratov', 1, 3, 0, 1, 0.75, 1, 0],
    ]);
    expect(r.bodies.map((b) => [b.body, b.answers, b.reworks, b.reworkPerAnswer])).toEqual([
      ['minstroy', 1, 1, 1],
      ['mintrans', 1, 0, 0],
      ['saratov', 0, 0, null],
    ]);
    expect(r.bodies.every((b) => b.averageScore === null)).toBe(true); // no scorer given
  });

  it('without the event log, counts what the messages still show', () => {
    // m3's returned assignment was replaced on re-routing: minstroy no longer shows it (received 2,
    // returns 0), while the message still says it was returned.
    const bare = report({ events: undefined });
    expect(bare.totals.returned).toBe(1);
    expect(bare.bodies.find((b) => b.body === 'minstroy')).toMatchObject({ received: 2, returns: 0 });
  });

  it('scores the published answers with the checker', () => {
    const score = answerScorer();
    const scored = report({ score });
    const m2 = messages.find((m) => m.id === 'm2')!;
    const m5 = messages.find((m) => m.id === 'm5')!;
    const text = (m: Message) => m.publications.at(-1)!.text;
    expect(scored.bodies.find((b) => b.body === 'minstroy')).toMatchObject({ scored: 1, averageScore: checkDraft(text(m2)).score });
    expect(scored.bodies.find((b) => b.body === 'mintrans')).toMatchObject({ scored: 1, averageScore: checkDraft(text(m5)).score });
    // A fixed scorer, to check the mean: two answers of one body.
    const twice = report({ score: (t) => (t.includes('6 ноября') ? 8 : 6), messages: [...messages, { ...m2, id: 'm2b', key: 'vk:wall-1_22' }] });
    // m2 and its copy, both answered «…6 ноября…» → 8; rework rounds 2 over 2 answers.
    expect(twice.bodies.find((b) => b.body === 'minstroy')).toMatchObject({ answers: 2, scored: 2, averageScore: 8, reworkPerAnswer: 1 });
  });

  it('compares topics and locations with the previous period', () => {
    // November: Отопление m2, m3, m6; Дороги m4, m5. October: Отопление m0; Дороги m1.
    expect(r.topics).toEqual([
      { key: 'Отопление', count: 3, previous: 1, change: 2, changeShare: 2 },
      { key: 'Дороги', count: 2, previous: 1, change: 1, changeShare: 1 },
    ]);
    // Саратов m3, m4, m5 (October m0, m1); Энгельс m2, m6 (none in October).
    expect(r.locations).toEqual([
      { key: 'Саратов', count: 3, previous: 2, change: 1, changeShare: 0.5 },
      { key: 'Энгельс', count: 2, previous: 0, change: 2, changeShare: null },
    ]);
    // Without `previous`: the same length (30 days) before, [2 Oct, 1 Nov): m0 (15 Oct) and m1 (30 Oct) are in it.
    expect(report({ previous: undefined }).topics.map((t) => t.previous)).toEqual([1, 1]);
  });

  it('gives messages per day by topic', () => {
    expect(r.daily.days).toHaveLength(30);
    expect(r.daily.days[0]).toBe('2026-11-01');
    expect(r.daily.topics).toEqual(['Отопление', 'Дороги']);
    const nonZero = (counts: number[]) => counts.flatMap((c, i) => (c ? [[r.daily.days[i], c]] : []));
    expect(nonZero(r.daily.counts[0]!)).toEqual([
      ['2026-11-03', 1],
      ['2026-11-09', 1],
      ['2026-11-20', 1],
    ]);
    expect(nonZero(r.daily.counts[1]!)).toEqual([
      ['2026-11-10', 1],
      ['2026-11-30', 1],
    ]);
  });

  it('filters by topic, body, location, network and importance', () => {
    // Дороги: m4, m5; routed m5 only; deadlines: m1 (October's message, November's deadlines) and m5's route.
    const roads = report({ filters: { topics: ['Дороги'] } });
    expect(roads.totals).toMatchObject({ captured: 2, routed: 1, answered: 1, notProcessable: 1, repeats: 1, openNow: 0 });
    expect(roads.deadlines.draft).toEqual({ onTime: 1, late: 0, overdue: 0, pending: 0 });
    // Body minstroy (with the log, m3 counts: it was routed there first): m2, m3, m6.
    const stroy = report({ filters: { bodies: ['minstroy'] } });
    expect(stroy.totals.captured).toBe(3);
    expect(stroy.bodies.map((b) => b.body)).toEqual(['minstroy']);
    expect(report({ filters: { locations: ['Энгельс'] } }).totals.captured).toBe(2);
    expect(report({ filters: { networks: ['ok'] } }).totals.captured).toBe(0);
    expect(report({ filters: { topics: [], bodies: [] } })).toEqual(r); // an empty list filters nothing
    expect(report({ filters: { importance: ['critical'] } }).totals).toMatchObject({ captured: 1, interim: 1, overdueNow: 1 });
  });

  it('lists the directory bodies with nothing to show', () => {
    const all = report({ bodies: ['minzdrav'] });
    expect(all.bodies.find((b) => b.body === 'minzdrav')).toMatchObject({ received: 0, onTimeShare: null, reworkPerAnswer: null });
  });
});

describe('the plan memo', () => {
  it('gives the same report, and plans afresh when the profile changes', () => {
    const cache = createReportCache();
    expect(report({ cache })).toEqual(report());
    expect(report({ cache, filters: { topics: ['Дороги'] } })).toEqual(report({ filters: { topics: ['Дороги'] } }));
    // A workspace that lengthened the answer term to 20 wh afterwards: m2's answer breach (due 5 Nov
    // 17:00 under 9 wh) was recorded and stays a fact, while under the new term the same answer is
    // met (due 9 Nov): both are counted. m1, m3 on time, m6 overdue as before.
    const longer = structuredClone(profile);
    longer.timers.answer!.minutes = 20 * 60;
    const edited = report({ cache, profile: longer });
    expect(edited).toEqual(report({ profile: longer }));
    expect(edited.deadlines.answer).toEqual({ onTime: 3, late: 1, overdue: 1, pending: 0 });
  });
});

describe('bad input', () => {
  it('an empty set gives a report of zeros', () => {
    const r = report({ messages: [], events: [] });
    expect(r.totals).toMatchObject({ captured: 0, openNow: 0, answerHoursMedian: null, answerHoursP90: null });
    expect(r.bodies).toEqual([]);
    expect(r.daily.days).toHaveLength(30);
  });

  it('refuses a reversed, empty, out-of-range or too long period with a code', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof ReportError ? e.code : String(e);
      }
      return 'none';
    };
    expect(code(() => report({ period: { from: NOVEMBER.to, to: NOVEMBER.from } }))).toBe('period-reversed');
    expect(code(() => report({ period: { from: NOVEMBER.from, to: NOVEMBER.from } }))).toBe('period-reversed');
    expect(code(() => report({ period: { from: -1, to: NOVEMBER.to } }))).toBe('period-out-of-range');
    expect(code(() => report({ period: { from: NaN, to: NOVEMBER.to } }))).toBe('period-out-of-range');
    expect(code(() => report({ period: { from: 0, to: 4_000_000_000_000 } }))).toBe('period-too-long');
    expect(code(() => report({ now: 1e300 }))).toBe('period-out-of-range');
    expect(code(() => report({ answerBuckets: [4, 2] }))).toBe('bad-option');
  });

  it('a period at the end of the calendar\u2019s range gives a report, not a crash', () => {
    const end = { from: Date.UTC(2199, 11, 1), to: Date.UTC(2200, 0, 1) };
    expect(report({ period: end, previous: undefined, now: Date.UTC(2199, 11, 31) }).totals.captured).toBe(0);
  });

  it('leaves out a damaged record and names it', () => {
    const damaged = { ...messages[2]!, id: 'bad', detectedAt: Number.NaN } as Message;
    const beyond = { ...messages[2]!, id: 'beyond', reworkRequestedAt: 1e16 } as Message; // beyond the calendar's range
    const r = report({ messages: [...messages, damaged, beyond, null as unknown as Message] });
    expect(r.skipped.sort()).toEqual(['', 'bad', 'beyond']);
    expect(r.totals.captured).toBe(5);
  });
});

describe('figure definitions', () => {
  it('lists every figure once, each with a unit, a basis and a table', () => {
    expect(new Set(FIGURE_IDS).size).toBe(FIGURE_IDS.length);
    for (const id of FIGURE_IDS) expect(Object.keys(FIGURES[id]).sort()).toEqual(['basis', 'table', 'unit']);
    expect(FIGURE_IDS).toContain('answerHoursP90');
  });
});
