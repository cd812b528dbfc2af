import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { filterQueue, type QueueFilter } from '@/components/desk/filter';
import type { Message } from '@/lib/model/workflow';
import { createWorkCalendar, DEFAULT_SCHEDULE } from '@/lib/worktime';

const calendar = createWorkCalendar(DEFAULT_SCHEDULE); // Moscow
const msk = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Moscow' }).toMillis();
const now = msk('2026-11-25T10:00');
const m = (id: string, over: Partial<Message>): Message =>
  ({ id, text: '', topic: 'Дороги', location: '', author: { name: id }, step: 'routed', bodies: ['roads'], ...over }) as Message;
const none: QueueFilter = { step: '', body: '', topic: '', dueToday: false, overdueOnly: false, search: '' };
const ids = (list: Message[]) => list.map((x) => x.id);

const queue = [
  m('late', { nextDueAt: msk('2026-11-24T17:00') }),
  m('today', { nextDueAt: msk('2026-11-25T23:30'), topic: 'Вода', bodies: ['zhkh'] }),
  m('tomorrow', { nextDueAt: msk('2026-11-26T00:30'), step: 'review', text: 'Яма у школы' }),
];

describe('filterQueue', () => {
  it('keeps everything without filters', () => {
    expect(ids(filterQueue(queue, none, now, calendar))).toEqual(['late', 'today', 'tomorrow']);
  });
  it('filters by due today in the workspace zone (overdue counts), and by overdue', () => {
    expect(ids(filterQueue(queue, { ...none, dueToday: true }, now, calendar))).toEqual(['late', 'today']);
    expect(ids(filterQueue(queue, { ...none, overdueOnly: true }, now, calendar))).toEqual(['late']);
  });
  it('filters by body, topic, step and text', () => {
    expect(ids(filterQueue(queue, { ...none, body: 'zhkh' }, now, calendar))).toEqual(['today']);
    expect(ids(filterQueue(queue, { ...none, topic: 'Дороги' }, now, calendar))).toEqual(['late', 'tomorrow']);
    expect(ids(filterQueue(queue, { ...none, step: 'review' }, now, calendar))).toEqual(['tomorrow']);
    expect(ids(filterQueue(queue, { ...none, search: 'школ' }, now, calendar))).toEqual(['tomorrow']);
  });
});
