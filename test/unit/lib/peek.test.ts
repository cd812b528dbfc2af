import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, queueFor, SCHEMA_VERSIONS, type AppDatabase } from '@/lib/db';
import { saveCapture, saveWorkspace } from '@/lib/db/messages';
import { peekQueue } from '@/lib/db/peek';
import { queueKeys, queueKeysOf } from '@/lib/workflow/queue-keys';
import { starterWorkspace, workspaceSchedule } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { sampleItem, sampleRouting } from '../../helpers/items';

const workspace = starterWorkspace('yakutia', { id: 'me', roles: ['curator'], bodies: [] });
const calendar = createWorkCalendar(workspaceSchedule(workspace));
let n = 0;
let db: AppDatabase | undefined;
const names: string[] = [];
const fresh = () => {
  const name = `peek-test-${++n}`;
  names.push(name);
  db = createDatabase(name);
  return { db, name };
};
const exists = async (name: string) => (await indexedDB.databases()).some((d) => d.name === name);

afterEach(async () => {
  db?.close();
  db = undefined;
  for (const name of names.splice(0)) indexedDB.deleteDatabase(name);
});

describe('peekQueue (raw IndexedDB, for the popup)', () => {
  it('reads the same queue as the Dexie path: the workspace and my open messages, next deadline first', async () => {
    const { db, name } = fresh();
    await saveWorkspace(db, workspace);
    const now = Date.UTC(2026, 10, 25, 2); // Wednesday 11:00 in Yakutsk
    for (const [i, executor] of ['Министерство строительства РС(Я)', 'Министерство ЖКХ и энергетики РС(Я)', ''].entries()) {
      await saveCapture(
        db,
        { item: sampleItem({ key: `vk:wall-100_${600 + i}`, url: `https://vk.com/wall-100_${600 + i}` }), routing: { ...sampleRouting, executor } },
        { now: now + i * 60_000, workspace, calendar, newId: () => `m${i}` },
      );
    }
    const expected = await queueFor(db, queueKeys(workspace.user));
    db.close();
    const peek = await peekQueue(queueKeysOf, name);
    expect(peek?.workspace).toEqual(workspace);
    expect(peek?.messages).toEqual(expected);
    expect(peek?.messages.length).toBeGreaterThan(0);
  });

  it('answers null, and creates nothing, when the database does not exist yet', async () => {
    const name = `peek-test-missing-${++n}`;
    names.push(name);
    expect(await peekQueue(queueKeysOf, name)).toBeNull();
    expect(await exists(name)).toBe(false);
    // Dexie then creates it as usual.
    db = createDatabase(name);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual(['events', 'messages', 'outbox', 'publications', 'refusals', 'settings', 'shadows']);
  });

  it('answers null for a database of an older schema (no queue index yet), and leaves it for Dexie to upgrade', async () => {
    const name = `peek-test-old-${++n}`;
    names.push(name);
    const old = createDatabase(name, SCHEMA_VERSIONS.slice(0, 1));
    await old.open();
    old.close();
    expect(await peekQueue(queueKeysOf, name)).toBeNull();
    db = createDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
  });

  it('answers null when the stored workspace has no readable user, and an empty queue for a user with nothing open', async () => {
    const { db, name } = fresh();
    await db.settings.put({ key: 'workspace', value: { user: { id: 42 } } });
    db.close();
    expect(await peekQueue(queueKeysOf, name)).toBeNull();
    const again = createDatabase(name);
    await again.settings.put({ key: 'workspace', value: workspace });
    again.close();
    expect(await peekQueue(queueKeysOf, name)).toEqual({ workspace, messages: [] });
  });
});

describe('queueKeysOf', () => {
  it('derives the keys of a stored workspace user, or null for anything else', () => {
    expect(queueKeysOf({ user: { id: 'u1', roles: ['executor', 'curator'], bodies: ['b1'] } })).toEqual(['user:u1', 'body:b1', 'role:curator']);
    for (const bad of [
      undefined,
      null,
      'ws',
      {},
      { user: null },
      { user: { id: 'u1', roles: 'curator', bodies: [] } },
      { user: { id: 'u1', roles: [], bodies: [1] } },
    ])
      expect(queueKeysOf(bad)).toBeNull();
  });
});
