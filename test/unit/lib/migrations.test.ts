/**
 * Migration harness: every schema version writes data as its release did, then the current
 * code opens the same database and must read it all. Add a case here with each new version.
 */
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, LATEST_VERSION, SCHEMA_VERSIONS } from '@/lib/db';
import { messageSchema } from '@/lib/workflow/model';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Opens a database as release `version` did and runs `write` in it. */
async function writeAtVersion(version: number, write: (db: Dexie) => Promise<void>): Promise<string> {
  const name = `migration-${version}-${names.length}`;
  names.push(name);
  const db = createDatabase(name, SCHEMA_VERSIONS.filter((v) => v.version <= version));
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

describe('database migrations', () => {
  it('lists versions in increasing order', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('upgrades version-1 messages to the workflow: routed to the free-text executor, due as before', async () => {
    const name = await writeAtVersion(1, async (db) => {
      await db.table('messages').add(v1Message);
      await db.table('events').add({ messageId: 'm1', type: 'captured', at: 1, data: {} });
      await db.table('settings').put({ key: 'locale', value: 'ru' });
    });
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
});
