import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { countOpen, createDatabase, openMessagesByDue, type AppDatabase } from '@/lib/db';
import { detectionTime, findByKeys, saveCapture } from '@/lib/db/messages';
import { createWorkCalendar, DEFAULT_SCHEDULE } from '@/lib/worktime';
import { sampleItem, sampleRouting } from '../../helpers/items';

const calendar = createWorkCalendar(DEFAULT_SCHEDULE);
const wed10 = DateTime.fromISO('2026-11-25T10:00', { zone: 'Europe/Moscow' }).toMillis();
let db: AppDatabase;
let n = 0;

function fresh(): AppDatabase {
  db = createDatabase(`test-db-${++n}`);
  return db;
}

afterEach(async () => {
  await db?.delete();
});

describe('saveCapture', () => {
  it('stores the message with an 8-working-hour deadline and a captured event', async () => {
    fresh();
    let id = 0;
    const { message, created } = await saveCapture(db, { item: sampleItem(), routing: sampleRouting }, {
      now: wed10,
      calendar,
      newId: () => `m${++id}`,
    });
    expect(created).toBe(true);
    expect(message).toMatchObject({ id: 'm1', key: 'vk:wall-100_501', status: 'open', detectedAt: wed10 });
    expect(DateTime.fromMillis(message.dueAt, { zone: 'Europe/Moscow' }).toFormat('yyyy-MM-dd HH:mm')).toBe('2026-11-25 18:00');
    expect(await db.messages.get('m1')).toEqual(message);
    const events = await db.events.where('messageId').equals('m1').toArray();
    expect(events.map((e) => e.type)).toEqual(['captured']);
  });

  it('returns the existing message when the same post is captured twice', async () => {
    fresh();
    const env = { now: wed10, calendar, newId: () => crypto.randomUUID() };
    const first = await saveCapture(db, { item: sampleItem(), routing: sampleRouting }, env);
    const second = await saveCapture(db, { item: sampleItem({ text: 'changed' }), routing: { ...sampleRouting, topic: 'Другое' } }, {
      ...env,
      now: wed10 + 60_000,
    });
    expect(second.created).toBe(false);
    expect(second.message).toEqual(first.message);
    expect(await db.messages.count()).toBe(1);
    expect(await db.events.count()).toBe(1);
  });

  it('counts from the page-side detection time when it is plausible', async () => {
    expect(detectionTime(wed10 - 5 * 60_000, wed10)).toBe(wed10 - 5 * 60_000);
    expect(detectionTime(undefined, wed10)).toBe(wed10);
    expect(detectionTime(wed10 + 60 * 60_000, wed10)).toBe(wed10); // page clock in the future
    expect(detectionTime(wed10 - 3 * 86_400_000, wed10)).toBe(wed10); // stale
  });

  it('lists open messages by deadline and finds them by key', async () => {
    fresh();
    const keys = ['vk:wall-1_3', 'vk:wall-1_1', 'vk:wall-1_2'];
    for (const [i, key] of keys.entries()) {
      await saveCapture(db, { item: sampleItem({ key, url: `https://vk.com/${key.slice(3)}` }), routing: sampleRouting }, {
        now: wed10 + (2 - i) * 30 * 60_000,
        calendar,
        newId: () => key,
      });
    }
    expect((await openMessagesByDue(db)).map((m) => m.key)).toEqual(['vk:wall-1_2', 'vk:wall-1_1', 'vk:wall-1_3']);
    expect(await countOpen(db)).toBe(3);
    expect((await findByKeys(db, ['vk:wall-1_1', 'vk:wall-9_9'])).map((m) => m.key)).toEqual(['vk:wall-1_1']);
    expect(await findByKeys(db, [])).toEqual([]);
  });
});
