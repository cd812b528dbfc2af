// @vitest-environment node
/**
 * The deficiency report (Saratov п. 18) on the fixture workspace, November 2026, at 3 December
 * 12:00. By hand (see figures.test.ts for the due times):
 *   m2 draft   due 5 Nov 12:00, done 14:30 → 12:00–13:00 + 14:00–14:30 = 90 wmin, by ex-minstroy
 *   m2 rework  due 15:45, done 16:30 → 45 wmin, by ex-minstroy (the resubmitted draft)
 *   m2 answer  due 17:00, published 17:30 → 30 wmin, by ex-minstroy
 *   m2 publish due 17:10 (approved 16:40 + 30 min), published 17:30 → 20 wmin
 *   m3 final   due 18 Nov 18:00, not done: 19 Nov–2 Dec = 10 working days × 8 h + 3 Dec 09:00–12:00 → 83 h = 4980 wmin
 *   m6 draft   due 20 Nov 16:00, not done: 2 h + 8 working days (23 Nov–2 Dec) × 8 h + 3 h = 69 h = 4140 wmin
 *   m6 answer  due 23 Nov 11:00, not done: 6 h + 7 × 8 h + 3 h = 65 h = 3900 wmin
 */
import { describe, expect, it } from 'vitest';
import { deficiencyReport } from '@/lib/reports';
import { at, calendar, fixture, NOVEMBER, NOW, profile } from '../../helpers/reports';

const { messages, events } = fixture();

describe('deficiency report', () => {
  const d = deficiencyReport({ messages, events, profile, calendar, period: NOVEMBER, now: NOW });

  it('lists every breach of the period with its facts', () => {
    expect(d.entries.map((e) => [e.messageId, e.kind, e.clause, e.dueAt, e.state, e.lateMinutes, e.actor ?? null, e.recorded])).toEqual([
      ['m2', 'draft', 'п. 10, абз. 1', at('2026-11-05T12:00'), 'late', 90, 'ex-minstroy', true],
      ['m2', 'rework', 'п. 10, абз. 3', at('2026-11-05T15:45'), 'late', 45, 'ex-minstroy', true],
      ['m2', 'answer', 'п. 9', at('2026-11-05T17:00'), 'late', 30, 'ex-minstroy', true],
      ['m2', 'publish', 'п. 11', at('2026-11-05T17:10'), 'late', 20, 'ex-minstroy', true],
      ['m3', 'final', 'п. 12', at('2026-11-18T18:00'), 'overdue', 4980, null, false],
      ['m6', 'draft', 'п. 10, абз. 1', at('2026-11-20T16:00'), 'overdue', 4140, null, false],
      ['m6', 'answer', 'п. 9', at('2026-11-23T11:00'), 'overdue', 3900, null, false],
    ]);
    const m2 = d.entries[0]!;
    expect(m2).toMatchObject({
      doneAt: at('2026-11-05T14:30'),
      url: 'https://vk.com/wall-1_2',
      topic: 'Отопление',
      location: 'Энгельс',
      assignee: 'ex-minstroy',
    });
    expect(d.entries[4]).toMatchObject({ owner: { kind: 'body', body: 'saratov' }, assignee: 'ex-saratov' });
    expect(d.entries[4]!.doneAt).toBeUndefined();
  });

  it('groups them by body and clause', () => {
    expect(d.groups.map((g) => [g.ownerKey, g.clauses.map((c) => [c.clause, c.entries.map((e) => `${e.messageId}:${e.kind}`)])])).toEqual([
      [
        'body:minstroy',
        [
          ['п. 9', ['m2:answer', 'm6:answer']],
          ['п. 10, абз. 1', ['m2:draft', 'm6:draft']],
          ['п. 10, абз. 3', ['m2:rework']],
          ['п. 11', ['m2:publish']],
        ],
      ],
      ['body:saratov', [['п. 12', ['m3:final']]]],
    ]);
  });

  it('without the event log, still names the actor from the message where it says (the publication)', () => {
    const bare = deficiencyReport({ messages, profile, calendar, period: NOVEMBER, now: NOW });
    expect(bare.entries.map((e) => `${e.kind}:${e.actor ?? '-'}`)).toEqual([
      'draft:-', // the first draft's author is in the log only
      'rework:-',
      'answer:ex-minstroy',
      'publish:ex-minstroy',
      'final:-',
      'draft:-',
      'answer:-',
    ]);
  });

  it('a later period lists none of November\u2019s breaches; an empty set gives an empty report', () => {
    expect(deficiencyReport({ messages, events, profile, calendar, period: { from: NOVEMBER.to, to: NOW }, now: NOW }).entries).toEqual([]);
    expect(deficiencyReport({ messages: [], profile, calendar, period: NOVEMBER, now: NOW })).toMatchObject({ entries: [], groups: [], skipped: [] });
  });

  it('refuses a reversed period; leaves out a damaged record', () => {
    expect(() => deficiencyReport({ messages, profile, calendar, period: { from: NOVEMBER.to, to: NOVEMBER.from }, now: NOW })).toThrow(/period-reversed/);
    const damaged = { ...messages[2]!, id: 'bad', reworkRequestedAt: 1e16 };
    const r = deficiencyReport({ messages: [...messages, damaged], events, profile, calendar, period: NOVEMBER, now: NOW });
    expect(r.skipped).toEqual(['bad']);
    expect(r.entries).toHaveLength(7);
  });

  it('filters by body', () => {
    const only = deficiencyReport({ messages, events, profile, calendar, period: NOVEMBER, now: NOW, filters: { bodies: ['saratov'] } });
    expect(only.entries.map((e) => e.messageId)).toEqual(['m3']);
  });
});
