import { describe, expect, it } from 'vitest';
import { createDatabase, SCHEMA_VERSIONS } from '@/lib/db';
import { exportBackup, importBackup } from '@/lib/db/backup';

const base = {
  site: 'vk',
  kind: 'post',
  author: { name: 'Иван' },
  text: 'Мусор',
  attachments: [],
  topic: 'Т',
  location: 'Л',
  importance: 'normal',
  mode: 'single',
  assignments: [],
  remarks: [],
  publications: [],
  breaches: [],
  openFor: [],
  bodies: [],
  pageChanges: [],
  detectedAt: 1_700_000_000_000,
  createdAt: 1_700_000_000_000,
  updatedAt: 1_700_000_000_000,
};
describe('v2 data after the upgrade (what an older release accepted)', () => {
  it('a message closed as «other» (v2 allowed it) survives export → import', async () => {
    const v2 = createDatabase(
      'v2-legacy',
      SCHEMA_VERSIONS.filter((v) => v.version <= 2),
    );
    await v2.open();
    await v2.table('messages').add({
      ...base,
      id: 'm1',
      key: 'vk:wall-1_1',
      url: 'https://vk.com/wall-1_1',
      status: 'closed',
      step: 'not_processable',
      notProcessable: { category: 'other', by: 'cur', at: 1_700_000_100_000 },
    });
    await v2.table('events').add({ messageId: 'm1', type: 'capture', at: 1_700_000_000_000, actor: 'cur', to: 'captured', data: {} });
    await v2.table('events').add({
      messageId: 'm1',
      type: 'markNotProcessable',
      at: 1_700_000_100_000,
      actor: 'cur',
      from: 'captured',
      to: 'not_processable',
      command: { type: 'markNotProcessable', category: 'other', confirmed: true },
      data: { category: 'other' },
    });
    await v2.table('messages').add({
      ...base,
      id: 'm2',
      key: 'vk:wall-1_2',
      url: 'https://vk.com/wall-1_2',
      status: 'open',
      step: 'captured',
      attachments: [{ type: 'photo', url: 'http://cs1.userapi.com/x.jpg' }],
    });
    v2.close();
    const db = createDatabase('v2-legacy');
    await db.open();
    const file = JSON.stringify(await exportBackup(db, 1_800_000_000_000));
    const fresh = createDatabase('v2-legacy-copy');
    const result = await importBackup(fresh, file);
    expect(result).toMatchObject({ added: 2, conflicts: [] });
    expect((await fresh.messages.get('m1'))?.notProcessable?.category).toBe('other');
    expect((await fresh.messages.get('m2'))?.attachments).toEqual([{ type: 'photo' }]);
    expect((await db.messages.get('m2'))?.attachments).toEqual([{ type: 'photo' }]); // the upgrade dropped the http link
    db.close();
    await db.delete();
    await fresh.delete();
  });
});
