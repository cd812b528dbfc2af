/**
 * A fixture workspace for the report tests: Saratov (monthly summary, п. 19), messages run
 * through the real workflow machine at local times, with their event logs. The report period is
 * November 2026: Tuesday 3 November is a shortened pre-holiday day (09:00–17:00), Wednesday
 * 4 November a public holiday; one message is detected on Friday 30 October and answered on
 * Monday 2 November (across the month boundary).
 */
import { DateTime } from 'luxon';
import { getProfile } from '@/lib/regulations';
import { newMessage, transition } from '@/lib/workflow/machine';
import type { Actor, Message, WorkflowEvent } from '@/lib/model/workflow';
import { createWorkCalendar, regionalSchedule } from '@/lib/worktime';

export const ZONE = 'Europe/Saratov';
export const profile = getProfile('saratov');
export const calendar = createWorkCalendar(regionalSchedule('saratov'));
export const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();
export const curator: Actor = { id: 'cur', name: 'Куратор', roles: ['curator'], bodies: [] };
export const executor = (body: string): Actor => ({ id: `ex-${body}`, name: `ex-${body}`, roles: ['executor'], bodies: [body] });

interface Spec {
  id: string;
  topic: string;
  location: string;
  detected: string;
  importance?: Message['importance'];
  text?: string;
}

/** One message run through the machine: `steps` are [local time, actor, command]. */
export function run(spec: Spec, steps: Array<[string, Actor, unknown]>): { message: Message; events: WorkflowEvent[] } {
  const created = newMessage(
    {
      id: spec.id,
      key: `vk:wall-1_${spec.id}`,
      site: 'vk',
      kind: 'post',
      url: `https://vk.com/wall-1_${spec.id.replace(/\D/g, '') || '1'}`,
      author: { name: 'Житель' },
      text: spec.text ?? 'Нет отопления в доме',
      attachments: [],
      topic: spec.topic,
      location: spec.location,
      importance: spec.importance ?? 'normal',
      detectedAt: at(spec.detected),
    },
    curator,
    at(spec.detected),
    profile,
    calendar,
  );
  let message = created.message;
  const events = [...created.events];
  for (const [when, actor, command] of steps) {
    const r = transition(message, command, actor, at(when), profile, calendar);
    if (!r.ok) throw new Error(`${spec.id} ${JSON.stringify(command)} at ${when}: ${JSON.stringify(r.error)}`);
    message = r.message;
    events.push(...r.events);
  }
  return { message, events };
}

const reply = (id: string, n: number) => `https://vk.com/wall-1_${id.replace(/\D/g, '') || '1'}?reply=${n}`;

/** The fixture: seven messages (m0–m6), described in test/unit/reports/figures.test.ts. */
export function fixture(): { messages: Message[]; events: WorkflowEvent[] } {
  const stroy = executor('minstroy');
  const trans = executor('mintrans');
  const city = executor('saratov');
  const list = [
    // m0: October, answered the same day (previous period only).
    run({ id: 'm0', topic: 'Отопление', location: 'Саратов', detected: '2026-10-15T10:00' }, [
      ['2026-10-15T10:10', curator, { type: 'route', assignments: [{ body: 'minstroy', executor: 'ex-minstroy' }] }],
      ['2026-10-15T11:00', stroy, { type: 'submitDraft', kind: 'answer', text: 'Отопление включено 15 октября.' }],
      ['2026-10-15T11:10', curator, { type: 'approve' }],
      ['2026-10-15T11:20', stroy, { type: 'publish', url: reply('m0', 1) }],
    ]),
    // m1: Friday 30 October, answered Monday 2 November, every step on time.
    run({ id: 'm1', topic: 'Дороги', location: 'Саратов', detected: '2026-10-30T16:00' }, [
      ['2026-10-30T16:20', curator, { type: 'route', assignments: [{ body: 'mintrans', executor: 'ex-mintrans' }] }],
      ['2026-11-02T11:00', trans, { type: 'submitDraft', kind: 'answer', text: 'Ямочный ремонт на улице Чапаева выполним до 20 ноября.' }],
      ['2026-11-02T11:20', curator, { type: 'approve' }],
      ['2026-11-02T11:40', trans, { type: 'publish', url: reply('m1', 1) }],
    ]),
    // m2: detected on the shortened day before the holiday; late draft, a rework, late rework, late publication.
    run({ id: 'm2', topic: 'Отопление', location: 'Энгельс', detected: '2026-11-03T15:00' }, [
      ['2026-11-03T15:10', curator, { type: 'route', assignments: [{ body: 'minstroy', executor: 'ex-minstroy' }] }],
      ['2026-11-05T14:30', stroy, { type: 'submitDraft', kind: 'answer', text: 'В рамках реализации мероприятий осуществляется проверка.' }],
      ['2026-11-05T14:45', curator, { type: 'requestRework', remarks: 'Нужны сроки и телефон' }],
      ['2026-11-05T16:30', stroy, { type: 'submitDraft', kind: 'answer', text: 'Отопление дадут 6 ноября, телефон 23-45-67.' }],
      ['2026-11-05T16:40', curator, { type: 'approve' }],
      ['2026-11-05T17:30', stroy, { type: 'publish', url: reply('m2', 1) }],
    ]),
    // m3: socially significant; returned by minstroy, re-routed to the city, interim answer; the final one is overdue.
    run({ id: 'm3', topic: 'Отопление', location: 'Саратов', detected: '2026-11-09T10:00', importance: 'critical', text: 'Весь квартал без тепла' }, [
      ['2026-11-09T10:10', curator, { type: 'route', assignments: [{ body: 'minstroy' }] }],
      ['2026-11-09T10:20', stroy, { type: 'return', reason: 'Теплосети города — вопрос администрации' }],
      ['2026-11-09T10:50', curator, { type: 'route', assignments: [{ body: 'saratov', executor: 'ex-saratov' }] }],
      ['2026-11-09T12:00', city, { type: 'submitDraft', kind: 'interim', text: 'Аварийная бригада выехала, сообщим о сроках.' }],
      ['2026-11-09T12:10', curator, { type: 'approve' }],
      ['2026-11-09T12:20', city, { type: 'publish', url: reply('m3', 1) }],
    ]),
    // m4: not processable (insult), never routed.
    run({ id: 'm4', topic: 'Дороги', location: 'Саратов', detected: '2026-11-10T09:00' }, [
      ['2026-11-10T09:15', curator, { type: 'markNotProcessable', category: 'insult', confirmed: true }],
    ]),
    // m5: a repeat of m1, detected on the last afternoon of November, answered on 1 December.
    run({ id: 'm5', topic: 'Дороги', location: 'Саратов', detected: '2026-11-30T17:00' }, [
      ['2026-11-30T17:10', curator, { type: 'linkRepeat', of: 'm1' }],
      ['2026-11-30T17:20', curator, { type: 'route', assignments: [{ body: 'mintrans', executor: 'ex-mintrans' }] }],
      ['2026-12-01T10:00', trans, { type: 'submitDraft', kind: 'answer', text: 'Ремонт на улице Чапаева выполнен 19 ноября, телефон 23-00-00.' }],
      ['2026-12-01T10:10', curator, { type: 'approve' }],
      ['2026-12-01T10:30', trans, { type: 'publish', url: reply('m5', 1) }],
    ]),
    // m6: routed, then nothing: draft and answer overdue now.
    run({ id: 'm6', topic: 'Отопление', location: 'Энгельс', detected: '2026-11-20T10:00' }, [
      ['2026-11-20T10:05', curator, { type: 'route', assignments: [{ body: 'minstroy', executor: 'ex-minstroy' }] }],
    ]),
  ];
  return { messages: list.map((r) => r.message), events: list.flatMap((r) => r.events) };
}

/** The report's period (November 2026, local), the previous one (October) and `now` (Thursday 3 December, 12:00). */
export const NOVEMBER = { from: at('2026-11-01T00:00'), to: at('2026-12-01T00:00') };
export const OCTOBER = { from: at('2026-10-01T00:00'), to: at('2026-11-01T00:00') };
export const NOW = at('2026-12-03T12:00');
