// @vitest-environment node
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { dueNotifications, dueSoonCount, queueKeys } from '@/lib/workflow/notify';
import type { Message } from '@/lib/model/workflow';
import { createWorkCalendar, regionalSchedule } from '@/lib/worktime';

const calendar = createWorkCalendar(regionalSchedule('ivanovo'));
const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Moscow' }).toMillis();
const msg = (id: string, due: string, extra: Partial<Message> = {}) => ({ id, status: 'open', nextDueAt: at(due), nextDueKind: 'draft', ...extra }) as Message;

describe('notifications', () => {
  const list = [msg('a', '2026-11-25T11:00'), msg('b', '2026-11-25T15:00'), msg('c', '2026-11-25T10:00'), msg('d', '2026-11-25T10:20', { status: 'closed' })];

  it('warns within the lead time in working time and at breach, once each', () => {
    const now = at('2026-11-25T10:40');
    const due = dueNotifications(list, now, 30, calendar, new Set());
    expect(due.map((d) => [d.messageId, d.kind])).toEqual([
      ['a', 'soon'],
      ['c', 'breach'],
    ]);
    expect(dueNotifications(list, now, 30, calendar, new Set(due.map((d) => d.key)))).toEqual([]);
  });

  it('counts the lead time in working hours across the lunch break', () => {
    // 12:50 → 14:10 is 20 working minutes (13–14 is the break).
    expect(dueNotifications([msg('e', '2026-11-25T14:10')], at('2026-11-25T12:50'), 30, calendar, new Set()).map((d) => d.kind)).toEqual(['soon']);
  });

  it('stays silent off hours unless overdue', () => {
    const night = at('2026-11-25T20:00');
    expect(dueNotifications([msg('f', '2026-11-26T09:10')], night, 30, calendar, new Set())).toEqual([]);
    expect(dueNotifications([msg('g', '2026-11-25T17:00')], night, 30, calendar, new Set()).map((d) => d.kind)).toEqual(['breach']);
  });

  it('counts the badge: due within the next working hour or overdue', () => {
    expect(dueSoonCount(list, at('2026-11-25T10:40'), calendar)).toBe(2);
  });

  it('derives the queue keys of a user', () => {
    expect(queueKeys({ id: 'me', roles: ['curator', 'executor'], bodies: ['minstroy'] })).toEqual(['user:me', 'body:minstroy', 'role:curator']);
  });
});

describe('a damaged record (a due time outside the calendar)', () => {
  it('is skipped by the badge and the notifications: neither hangs nor fails for the others', () => {
    const now = at('2026-11-25T10:40');
    const bad = { ...msg('x', '2026-11-25T11:00'), nextDueAt: 1e300 } as Message;
    const good = msg('a', '2026-11-25T11:00');
    expect(dueSoonCount([bad, good], now, calendar)).toBe(1);
    expect(dueNotifications([bad, good], now, 30, calendar, new Set()).map((d) => d.messageId)).toEqual(['a']);
  });

  it('shows a dash in a countdown', async () => {
    const { countdownView } = await import('@/components/countdown-view');
    expect(countdownView(calendar, 8.64e15, at('2026-11-25T10:40')).label).toBe('—');
    expect(countdownView(calendar, at('2026-11-25T11:40'), at('2026-11-25T10:40')).label).not.toBe('—');
  });
});
