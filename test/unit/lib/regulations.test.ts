/**
 * Each profile's timers, written from the clause texts, with concrete dates on the regions'
 * own production calendars (zones: Yakutsk +9, Vladivostok +10, Saratov +4, Moscow +3).
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  getProfile,
  isBreached,
  planDeadlines,
  PROFILE_IDS,
  regulationProfileSchema,
  type Deadline,
  type MessageFacts,
  type ProfileId,
} from '@/lib/regulations';
import { spoken } from '../../helpers/i18n';
import { createWorkCalendar, regionalSchedule, type Region, type WorkCalendar } from '@/lib/worktime';

const calendars = new Map<Region, WorkCalendar>();
function calendar(region: Region): WorkCalendar {
  let cal = calendars.get(region);
  if (!cal) calendars.set(region, (cal = createWorkCalendar(regionalSchedule(region))));
  return cal;
}
const ZONE: Record<Region, string> = { yakutia: 'Asia/Yakutsk', khabarovsk: 'Asia/Vladivostok', saratov: 'Europe/Saratov', ivanovo: 'Europe/Moscow' };

function setup(id: Exclude<ProfileId, 'custom'>) {
  const profile = getProfile(id);
  const region = profile.region!;
  const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE[region] }).toMillis();
  const show = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE[region] }).toFormat('yyyy-MM-dd HH:mm');
  const plan = (facts: MessageFacts) => planDeadlines(profile, calendar(region), facts);
  const find = (list: Deadline[], kind: Deadline['kind'], from?: Deadline['from']) =>
    list.find((d) => d.kind === kind && (from === undefined || d.from === from));
  return { profile, at, show, plan, find };
}

describe('profiles', () => {
  it.each(PROFILE_IDS)('%s is valid data with a clause on every timer', (id) => {
    const profile = regulationProfileSchema.parse(getProfile(id));
    for (const timer of Object.values(profile.timers)) expect(timer?.clause).toMatch(/п\. \d+/);
  });

  it('hands out copies: editing one changes nothing shared', () => {
    const mine = getProfile('yakutia');
    mine.timers.answer!.minutes = 1;
    expect(getProfile('yakutia').timers.answer!.minutes).toBe(480);
    expect(getProfile('custom')).toMatchObject({ id: 'custom', timers: { answer: { minutes: 480 } } });
    expect(() => getProfile('moscow' as ProfileId)).toThrow('Unknown regulation profile');
  });
});

describe('Yakutia (Указ № 1131, прил. 2)', () => {
  const { at, show, plan, find } = setup('yakutia');

  it('a post found on Thursday 17:30 before the Russia Day block counts from Monday 09:00 (п. 9)', () => {
    // Thu 11 Jun 2026 is shortened (ends 17:00), Fri 12 Jun a holiday, then the weekend.
    const { deadlines, next } = plan({ detectedAt: at('2026-06-11T17:30') });
    expect(show(find(deadlines, 'route')!.dueAt)).toBe('2026-06-15 09:30'); // п. 7: 30 min
    expect(show(find(deadlines, 'answer')!.dueAt)).toBe('2026-06-15 18:00'); // п. 9: 8 wh
    expect(show(find(deadlines, 'draft')!.dueAt)).toBe('2026-06-15 14:00'); // п. 10: 4 h before
    expect(next?.kind).toBe('route');
    expect(find(deadlines, 'answer')!.clause).toBe('п. 9');
  });

  it('a post found on Friday 17:30 before the Victory Day block counts from Tuesday 09:00', () => {
    // Fri 8 May 2026 is shortened (ends 17:00); 9 May is a Saturday, carried to Monday 11 May.
    const { deadlines } = plan({ detectedAt: at('2026-05-08T17:30') });
    expect(show(find(deadlines, 'route')!.dueAt)).toBe('2026-05-12 09:30');
    expect(show(find(deadlines, 'answer')!.dueAt)).toBe('2026-05-12 18:00');
  });

  it('Ysyakh: a post found on shortened Friday 20 Jun 2025 after hours counts from Tuesday 24 Jun', () => {
    const { deadlines } = plan({ detectedAt: at('2025-06-20T17:30') });
    expect(show(find(deadlines, 'answer')!.dueAt)).toBe('2025-06-24 18:00');
  });

  it('follows the steps: return window, approval 30 min, rework 1 h, publication 30 min', () => {
    const facts: MessageFacts = {
      detectedAt: at('2026-11-24T09:00'),
      routedAt: at('2026-11-24T09:20'),
      receivedAt: at('2026-11-24T09:20'),
      draftSubmittedAt: at('2026-11-24T12:50'),
    };
    let { deadlines, next } = plan(facts);
    expect(find(deadlines, 'route')!.met).toBe(true);
    expect(show(find(deadlines, 'return')!.dueAt)).toBe('2026-11-24 09:50'); // п. 8
    expect(find(deadlines, 'return')!.optional).toBe(true);
    expect(find(deadlines, 'draft')!.met).toBe(true); // due 14:00 (answer 18:00 − 4 h)
    expect(show(find(deadlines, 'approve')!.dueAt)).toBe('2026-11-24 14:20'); // п. 11: 30 min, over lunch
    expect(next?.kind).toBe('approve');

    ({ deadlines, next } = plan({ ...facts, reworkRequestedAt: at('2026-11-24T14:10') }));
    expect(find(deadlines, 'approve')!.met).toBe(true);
    expect(show(find(deadlines, 'rework')!.dueAt)).toBe('2026-11-24 15:10'); // п. 12: 1 h
    expect(next?.kind).toBe('rework');

    ({ deadlines, next } = plan({
      ...facts,
      reworkRequestedAt: at('2026-11-24T14:10'),
      draftSubmittedAt: at('2026-11-24T15:30'),
      approvedAt: at('2026-11-24T15:40'),
      publishedAt: at('2026-11-24T16:30'),
    }));
    expect(find(deadlines, 'rework')!.met).toBe(false); // resubmitted 20 min late
    expect(find(deadlines, 'draft')).toMatchObject({ doneUnknown: true }); // first draft's time not passed
    expect(find(plan({ ...facts, reworkRequestedAt: at('2026-11-24T14:10'), firstDraftSubmittedAt: at('2026-11-24T12:50') }).deadlines, 'draft')!.met).toBe(
      true,
    );
    expect(show(find(deadlines, 'publish')!.dueAt)).toBe('2026-11-24 16:10'); // п. 13: 30 min
    expect(find(deadlines, 'publish')!.met).toBe(false);
    expect(find(deadlines, 'answer')!.met).toBe(true);
    expect(next).toBeUndefined();
  });

  it('an interim answer meets the answer term and opens 7 working days for the final one (п. 14)', () => {
    // Thu 30 Apr 2026 (shortened), 1 May holiday, 8 May shortened, 11 May carried from 9 May.
    const { deadlines, next } = plan({
      detectedAt: at('2026-04-30T09:00'),
      routedAt: at('2026-04-30T09:10'),
      draftSubmittedAt: at('2026-04-30T10:00'),
      approvedAt: at('2026-04-30T10:20'),
      interimPublishedAt: at('2026-04-30T10:40'),
    });
    expect(find(deadlines, 'answer')!.met).toBe(true);
    const final = find(deadlines, 'final')!;
    expect(final).toMatchObject({ workingDays: 7, clause: 'п. 14' });
    expect(show(final.dueAt)).toBe('2026-05-13 18:00'); // 4,5,6,7,8,12,13 May
    expect(next?.kind).toBe('final');
  });

  it('several bodies in sequence: 2 hours for each part (п. 15)', () => {
    const { deadlines } = plan({
      detectedAt: at('2026-11-24T09:00'),
      routedAt: at('2026-11-24T09:10'),
      parts: [
        { body: 'Минстрой', routedAt: at('2026-11-24T09:10'), submittedAt: at('2026-11-24T10:00') },
        { body: 'Минтранс', routedAt: at('2026-11-24T10:00') },
      ],
    });
    const parts = deadlines.filter((d) => d.kind === 'part');
    expect(parts.map((p) => [p.body, show(p.dueAt), p.met])).toEqual([
      ['Минстрой', '2026-11-24 11:10', true],
      ['Минтранс', '2026-11-24 12:00', undefined],
    ]);
    expect(deadlines.some((d) => d.kind === 'summary')).toBe(false);
  });

  it('a return opens re-routing with the routing term', () => {
    const { deadlines, next } = plan({
      detectedAt: at('2026-11-24T09:00'),
      routedAt: at('2026-11-24T09:10'),
      receivedAt: at('2026-11-24T09:10'),
      returnedAt: at('2026-11-24T09:30'),
    });
    expect(find(deadlines, 'return')!.met).toBe(true);
    const reroute = find(deadlines, 'route', 'returnedAt')!;
    expect(show(reroute.dueAt)).toBe('2026-11-24 10:00');
    expect(next).toEqual(reroute);
  });
});

describe('Khabarovsk (№ 77-пр)', () => {
  const { at, show, plan, find } = setup('khabarovsk');

  it('draft 6 working hours from receipt (п. 10), approval and publication 1 wh (п. 12, 13)', () => {
    const { deadlines } = plan({
      detectedAt: at('2026-11-27T16:00'),
      routedAt: at('2026-11-27T16:30'),
      receivedAt: at('2026-11-27T17:00'),
      draftSubmittedAt: at('2026-11-30T15:00'),
      approvedAt: at('2026-11-30T15:30'),
    });
    expect(show(find(deadlines, 'route')!.dueAt)).toBe('2026-11-27 17:00'); // п. 6: 1 h
    expect(show(find(deadlines, 'draft')!.dueAt)).toBe('2026-11-30 15:00'); // Fri 17–18, Mon 9–13, 14–15
    expect(find(deadlines, 'draft')!.met).toBe(true);
    expect(show(find(deadlines, 'publish')!.dueAt)).toBe('2026-11-30 16:30');
    // п. 6–13 state no overall term: no invented 'answer' deadline.
    expect(find(deadlines, 'answer')).toBeUndefined();
  });

  it('publishes a reworked answer directly within 1 wh (п. 12)', () => {
    const { deadlines, next } = plan({
      detectedAt: at('2026-11-24T09:00'),
      routedAt: at('2026-11-24T09:05'),
      draftSubmittedAt: at('2026-11-24T11:00'),
      reworkRequestedAt: at('2026-11-24T11:30'),
    });
    const rework = find(deadlines, 'rework')!;
    expect(show(rework.dueAt)).toBe('2026-11-24 12:30');
    expect(rework.note).toEqual({ reason: 'deadline.note.reworkDirect' });
    expect(spoken(rework.note!)).toBe('доработанный ответ публикуется без повторного согласования');
    expect(next?.kind).toBe('rework');
    const done = plan({
      detectedAt: at('2026-11-24T09:00'),
      routedAt: at('2026-11-24T09:05'),
      draftSubmittedAt: at('2026-11-24T11:00'),
      reworkRequestedAt: at('2026-11-24T11:30'),
      publishedAt: at('2026-11-24T12:10'),
    });
    expect(find(done.deadlines, 'rework')!.met).toBe(true);
  });

  it('several bodies in parallel: routed within 1 wh (п. 7), summary 1 wh after the last approved part (п. 13 абз. 3)', () => {
    const { deadlines, next } = plan({
      detectedAt: at('2026-11-24T09:00'),
      mode: 'parallel',
      parts: [
        { body: 'Минздрав', routedAt: at('2026-11-24T09:30'), submittedAt: at('2026-11-24T12:00'), approvedAt: at('2026-11-24T12:30') },
        { body: 'Минсоцзащиты', routedAt: at('2026-11-24T09:30'), submittedAt: at('2026-11-24T15:00'), approvedAt: at('2026-11-24T16:00') },
      ],
    });
    expect(find(deadlines, 'route')!).toMatchObject({ clause: 'п. 7', met: true });
    expect(deadlines.filter((d) => d.kind === 'part').map((d) => show(d.dueAt))).toEqual(['2026-11-24 16:30', '2026-11-24 16:30']);
    expect(deadlines.filter((d) => d.kind === 'approve').map((d) => [d.body, show(d.dueAt), d.met])).toEqual([
      ['Минздрав', '2026-11-24 13:00', true],
      ['Минсоцзащиты', '2026-11-24 16:00', true],
    ]);
    expect(show(find(deadlines, 'summary')!.dueAt)).toBe('2026-11-24 17:00');
    expect(next?.kind).toBe('summary');
  });
});

describe('Saratov (№ 92)', () => {
  const { at, show, plan, find } = setup('saratov');

  it('9 working hours; Radonitsa 2025 and the shortened days around it', () => {
    // Mon 28 Apr 2025 shortened, Tue 29 Apr Radonitsa, Wed 30 Apr shortened, 1–4 May off.
    const { deadlines } = plan({ detectedAt: at('2025-04-28T15:00') });
    // Mon 15–17 (2 h), Wed 9–13, 14–17 (7 h) = 9 h
    expect(show(find(deadlines, 'answer')!.dueAt)).toBe('2025-04-30 17:00');
    expect(show(find(deadlines, 'draft')!.dueAt)).toBe('2025-04-30 12:00'); // 4 h before: 12–13 and 14–17
  });

  it("п. 7: importance is a label; a shorter term is the curator's decision on the message, never a fixed factor", () => {
    const normal = plan({ detectedAt: at('2026-11-24T09:00'), importance: 'normal' });
    const critical = plan({ detectedAt: at('2026-11-24T09:00'), importance: 'critical' });
    expect(show(find(normal.deadlines, 'answer')!.dueAt)).toBe('2026-11-25 10:00'); // 8 h today + 1 h
    expect(find(critical.deadlines, 'answer')!.minutes).toBe(540);
    const short = plan({ detectedAt: at('2026-11-24T09:00'), importance: 'critical', answerMinutes: 180 });
    // The clause stays the act's; that the curator set the term is a note the page says.
    expect(find(short.deadlines, 'answer')).toMatchObject({ minutes: 180, clause: 'п. 7', note: { reason: 'deadline.note.shortTerm' } });
    expect(spoken(find(short.deadlines, 'answer')!.note!)).toBe('срок установлен куратором');
    expect(show(find(short.deadlines, 'answer')!.dueAt)).toBe('2026-11-24 12:00');
    expect(show(find(short.deadlines, 'draft')!.dueAt)).toBe('2026-11-24 10:40'); // the act's 4 of 9 hours, kept in proportion: 80 min before 12:00
    expect(spoken(find(short.deadlines, 'draft')!.note!)).toBe('не позднее чем за 1 ч 20 мин до срока ответа');
    expect(spoken(find(short.deadlines, 'draft')!.note!, 'en')).toBe('no later than 1 h 20 min before the answer deadline');
    expect(find(short.deadlines, 'route')!.minutes).toBe(30); // routing is not shortened
    // A longer "short" term changes nothing.
    expect(find(plan({ detectedAt: at('2026-11-24T09:00'), answerMinutes: 600 }).deadlines, 'answer')!.minutes).toBe(540);
  });
});

describe('Ivanovo (№ 238)', () => {
  const { at, show, plan, find } = setup('ivanovo');

  it('routing 1 h 30 min, approval 1 h 30 min, final answer 10 working days (п. 7, 11, 14)', () => {
    const { deadlines } = plan({
      detectedAt: at('2026-04-29T10:00'),
      draftSubmittedAt: at('2026-04-29T11:00'),
      interimPublishedAt: at('2026-04-30T10:00'),
    });
    expect(show(find(deadlines, 'route')!.dueAt)).toBe('2026-04-29 11:30');
    expect(show(find(deadlines, 'approve')!.dueAt)).toBe('2026-04-29 12:30');
    expect(show(find(deadlines, 'final')!.dueAt)).toBe('2026-05-18 18:00'); // 4–8, 12–15, 18 May
  });
});

describe('breaches', () => {
  const { at, plan, find } = setup('yakutia');
  it('are facts: missed, or open past due; a window is never one', () => {
    const { deadlines } = plan({ detectedAt: at('2026-11-24T09:00'), routedAt: at('2026-11-24T10:00'), receivedAt: at('2026-11-24T10:00') });
    expect(isBreached(find(deadlines, 'route')!, at('2026-11-24T10:00'))).toBe(true);
    expect(isBreached(find(deadlines, 'answer')!, at('2026-11-24T17:00'))).toBe(false);
    expect(isBreached(find(deadlines, 'answer')!, at('2026-11-25T09:00'))).toBe(true);
    expect(isBreached(find(deadlines, 'return')!, at('2026-11-26T09:00'))).toBe(false);
  });
});
