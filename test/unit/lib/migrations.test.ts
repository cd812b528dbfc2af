/**
 * Migration harness: every schema version writes data as its release did, then the current
 * code opens the same database and must read it all. Add a case here with each new version.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, LATEST_VERSION, SCHEMA_VERSIONS } from '@/lib/db';
import { exportBackup, importBackup } from '@/lib/db/backup';
import { eventSchema, messageSchema } from '@/lib/model/workflow';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Opens a database as release `version` did and runs `write` in it. */
async function writeAtVersion(version: number, write: (db: Dexie) => Promise<void>): Promise<string> {
  const name = `migration-${version}-${names.length}`;
  names.push(name);
  const db = createDatabase(
    name,
    SCHEMA_VERSIONS.filter((v) => v.version <= version),
  );
  await db.open();
  expect(db.verno).toBe(version);
  await write(db);
  db.close();
  return name;
}

/** A message as version 1 stored it. */
const v1Message = {
  id: 'm1',
  key: 'vk:wall-100_501',
  site: 'vk',
  kind: 'post',
  url: 'https://vk.com/wall-100_501',
  author: { name: 'Иван Петров' },
  text: 'Мусор',
  attachments: [],
  topic: 'Вывоз мусора',
  location: '',
  importance: 'normal',
  executor: 'Отдел ЖКХ',
  status: 'open',
  step: 'routed',
  detectedAt: 1,
  dueAt: 2,
  createdAt: 1,
  updatedAt: 1,
};

/** A database as version 1 left it: a message, its (actor-less) event, a setting. */
const writeVersion1 = () =>
  writeAtVersion(1, async (db) => {
    await db.table('messages').add(v1Message);
    await db.table('events').add({ messageId: 'm1', type: 'captured', at: 1, data: {} });
    await db.table('settings').put({ key: 'locale', value: 'ru' });
  });

describe('database migrations', () => {
  it('lists versions in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('upgrades version-1 messages to the workflow: routed to the free-text executor, due as before', async () => {
    const name = await writeVersion1();
    const db = createDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    const message = messageSchema.parse(await db.messages.get('m1'));
    expect(message).toMatchObject({
      key: 'vk:wall-100_501',
      text: 'Мусор',
      topic: 'Вывоз мусора',
      step: 'routed',
      mode: 'single',
      assignments: [{ body: 'Отдел ЖКХ', state: 'active', routedAt: 1 }],
      nextDueAt: 2,
      bodies: ['Отдел ЖКХ'],
    });
    expect(message).not.toHaveProperty('executor');
    expect(await db.messages.where('[status+nextDueAt]').between(['open', 0], ['open', Infinity]).count()).toBe(1);
    expect(await db.messages.where('openFor').equals('body:Отдел ЖКХ').count()).toBe(1);
    expect(await db.events.where('messageId').equals('m1').count()).toBe(1);
    expect(await db.settings.get('locale')).toEqual({ key: 'locale', value: 'ru' });
    db.close();
  });

  it('keeps one message per post key across versions', async () => {
    const name = await writeAtVersion(1, async (db) => {
      await db.table('messages').add(v1Message);
    });
    const db = createDatabase(name);
    await expect(db.messages.add({ ...v1Message, id: 'm2' } as never)).rejects.toThrow(/ConstraintError|unique/i);
    db.close();
  });

  /** Exports what an upgraded database holds and imports it into a fresh one: nothing refused, nothing lost. */
  async function roundTrip(name: string) {
    const db = createDatabase(name);
    await db.open();
    const file = JSON.stringify(await exportBackup(db, Date.UTC(2026, 11, 3)));
    const fresh = createDatabase(`${name}-copy`);
    names.push(`${name}-copy`);
    const result = await importBackup(fresh, file);
    expect(result).toMatchObject({ conflicts: [], skipped: [] });
    expect(await fresh.messages.toArray()).toEqual(await db.messages.toArray());
    expect(await fresh.events.count()).toBe(await db.events.count());
    db.close();
    fresh.close();
  }

  it('version 1 → latest: every table read, events get an actor and an id, and the export imports back', async () => {
    const name = await writeVersion1();
    const db = createDatabase(name);
    await db.open();
    const [event] = await db.events.toArray();
    expect(eventSchema.parse(event)).toMatchObject({ actor: '', type: 'captured', id: expect.stringMatching(/^m1:/) });
    db.close();
    await roundTrip(name);
  });

  /** A message as version 2 stored it: the page's time of the post in publishedAt. */
  const v2Message = (id: string, key: string, extra: Record<string, unknown> = {}) => ({
    ...v1Message,
    id,
    key,
    executor: undefined,
    dueAt: undefined,
    detectedAt: Date.UTC(2026, 10, 24, 6),
    createdAt: Date.UTC(2026, 10, 24, 6),
    updatedAt: Date.UTC(2026, 10, 24, 6),
    publishedAt: Date.UTC(2026, 10, 24, 7), // the post's time, later than detection (page clock)
    step: 'routed',
    mode: 'single',
    assignments: [{ body: 'depzhkh', order: 0, state: 'active', routedAt: Date.UTC(2026, 10, 24, 6) }],
    remarks: [],
    publications: [],
    breaches: [],
    openFor: ['body:depzhkh'],
    bodies: ['depzhkh'],
    pageChanges: [],
    ...extra,
  });

  it("version 2 → 3: the post's time moves to postedAt; an answer's publication stays; duplicate events go", async () => {
    const answeredAt = Date.UTC(2026, 10, 24, 9);
    const name = await writeAtVersion(2, async (db) => {
      await db.table('messages').bulkAdd([
        v2Message('a', 'vk:wall-1_1'),
        v2Message('c', 'vk:wall-1_3', { nextDueAt: 1e300, nextDueKind: 'answer' }),
        v2Message('b', 'vk:wall-1_2', {
          step: 'published',
          status: 'closed',
          openFor: [],
          publishedAt: answeredAt,
          publications: [{ kind: 'answer', at: answeredAt, text: 'Ответ', by: 'ex', url: 'https://vk.com/wall-1_2?reply=5' }],
        }),
      ]);
      const capture = { messageId: 'a', type: 'capture', at: Date.UTC(2026, 10, 24, 6), actor: 'cur', to: 'captured', data: {} };
      await db.table('events').bulkAdd([capture, { ...capture }, { ...capture, messageId: 'b' }]);
    });
    const db = createDatabase(name);
    await db.open();
    const a = messageSchema.parse(await db.messages.get('a'));
    expect(a.postedAt).toBe(Date.UTC(2026, 10, 24, 7));
    expect(a).not.toHaveProperty('publishedAt');
    const b = messageSchema.parse(await db.messages.get('b'));
    expect(b.publishedAt).toBe(answeredAt);
    expect(b).not.toHaveProperty('postedAt');
    expect(await db.events.where('messageId').equals('a').count()).toBe(1);
    // A next due time an older import let through (1e300) is dropped, not kept to hang the badge.
    const c = messageSchema.parse(await db.messages.get('c'));
    expect(c).not.toHaveProperty('nextDueAt');
    expect(new Set((await db.events.toArray()).map((e) => e.id)).size).toBe(2);
    db.close();
    await roundTrip(name);
  });
});
