/**
 * The extension's sync client against the team server on a real PostgreSQL: people on
 * different computers share one workspace. Each client is the extension's own code (Dexie on
 * fake-indexeddb, the background's sync service), talking to the server through inject().
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerson } from '../../server/admin';
import { draftKey } from '@/lib/db/drafts';
import { openRefusals } from '@/lib/db/sync';
import { sampleItem, sampleRouting } from '../helpers/items';
import { team, type Team } from './helpers';
import { connect, connectedClient, localClient, type Client } from './client-helpers';

let t: Team;
const clients: Client[] = [];
beforeAll(async () => {
  t = await team();
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await t?.drop();
});

async function person(name: string, id: string) {
  const c = await connectedClient(t, name, id);
  clients.push(c);
  return c;
}

let posts = 0;
const post = () => sampleItem({ key: `vk:wall-100_${9000 + ++posts}`, url: `https://vk.com/wall-100_${9000 + posts}` });
const toStroy = { ...sampleRouting, executor: 'minstroy' };

describe('the extension with a team server', () => {
  it('connecting brings the directory and the person; the first pull replaces nothing it cannot give back', async () => {
    const a = await person('curA', 'ivanova');
    const status = await a.sync.status();
    expect(status).toMatchObject({ connected: true, pending: 0, person: { id: 'ivanova', roles: ['curator'] }, workspaceName: 'Якутия' });
    expect(status.lastPullAt).toBeGreaterThan(0);
    const ws = await import('@/lib/db/messages').then((m) => m.loadWorkspace(a.db));
    expect(ws.user.id).toBe('ivanova');
    expect(ws.region).toBe('yakutia');
    expect(ws.bodies.some((b) => b.id === 'minstroy')).toBe(true);
  });

  it("a capture routed by the curator reaches the body's executor, and never another body's", async () => {
    const cur = await person('cur1', 'ivanova');
    const stroy = await person('stroy1', 'sidorov');
    const zhkh = await person('zhkh1', 'kuznetsova');
    const { message } = await cur.capture(post(), toStroy);
    expect(await cur.db.outbox.count()).toBe(1);
    const pushed = await cur.sync.syncNow();
    expect(pushed).toMatchObject({ ok: true, pushed: 1, pending: 0 });
    expect(await cur.db.outbox.count()).toBe(0);
    expect(await cur.db.shadows.count()).toBe(0);
    await stroy.sync.syncNow();
    await zhkh.sync.syncNow();
    expect(await stroy.db.messages.get(message.id)).toMatchObject({ id: message.id, step: 'routed', bodies: ['minstroy'] });
    expect(await zhkh.db.messages.get(message.id)).toBeUndefined();
  });

  it('two curators approve the same draft: one wins, the other is told who approved it and when, and sees the approved message', async () => {
    const a = await person('curA2', 'ivanova');
    const b = await person('curB2', 'petrov');
    const ex = await person('stroy2', 'sidorov');
    const { message } = await a.capture(post(), toStroy);
    await a.sync.syncNow();
    await ex.sync.syncNow();
    expect((await ex.step(message.id, { type: 'submitDraft', kind: 'answer', text: 'Ответ: вывоз организован.' })).ok).toBe(true);
    await ex.sync.syncNow();
    await a.sync.syncNow();
    await b.sync.syncNow();
    // Both approve on their own computers before either hears of the other.
    expect((await a.step(message.id, { type: 'approve' })).ok).toBe(true);
    expect((await b.step(message.id, { type: 'approve' })).ok).toBe(true);
    expect(await a.sync.syncNow()).toMatchObject({ ok: true, pushed: 1, refused: 0 });
    const second = await b.sync.syncNow();
    expect(second).toMatchObject({ ok: true, refused: 1, pending: 0 });
    const [refusal] = await openRefusals(b.db);
    expect(refusal).toMatchObject({
      messageId: message.id,
      code: 'wrong-step',
      context: { step: 'approved', lastChange: { actor: 'ivanova', actorName: 'Иванова' } },
    });
    expect(await b.db.messages.get(message.id)).toMatchObject({ step: 'approved' });
    expect(await b.db.shadows.count()).toBe(0);
  });

  it("a draft refused because a colleague's answer got there first keeps its text as the local draft", async () => {
    await createPerson(t.database.db, { workspaceId: 'yak', id: 'orlov', name: 'Орлов', roles: ['executor'], bodies: ['minstroy'] });
    const cur = await person('cur3', 'ivanova');
    const ex = await person('stroy3', 'sidorov');
    const colleague = await person('stroy3b', 'orlov');
    const { message } = await cur.capture(post(), toStroy);
    await cur.sync.syncNow();
    await ex.sync.syncNow();
    await colleague.sync.syncNow();
    // Sidorov drafts in an office without a connection; Orlov's draft reaches the server first.
    ex.offline = true;
    const text = 'Уважаемый житель, работы будут выполнены до пятницы.';
    expect((await ex.step(message.id, { type: 'submitDraft', kind: 'answer', text })).ok).toBe(true);
    expect((await ex.sync.syncNow()).ok).toBe(false);
    expect((await colleague.step(message.id, { type: 'submitDraft', kind: 'answer', text: 'Ответ Орлова.' })).ok).toBe(true);
    await colleague.sync.syncNow();
    ex.offline = false;
    const outcome = await ex.sync.syncNow();
    expect(outcome).toMatchObject({ ok: true, refused: 1, pending: 0 });
    const [refusal] = await openRefusals(ex.db);
    expect(refusal).toMatchObject({ messageId: message.id, keptDraft: true, context: { step: 'review', lastChange: { actor: 'orlov', actorName: 'Орлов' } } });
    expect((await ex.db.settings.get(draftKey(message.id, 'sidorov')))?.value).toMatchObject({ text });
    // The message is the server's: Orlov's draft under review.
    expect(await ex.db.messages.get(message.id)).toMatchObject({ step: 'review' });
  });

  it('offline: steps wait in the outbox; a stopped worker loses nothing; a repeated push applies nothing twice', async () => {
    const cur = await person('cur4', 'ivanova');
    cur.offline = true;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await cur.capture(post(), toStroy)).message.id);
    expect(await cur.sync.syncNow()).toMatchObject({ ok: false, code: 'unreachable' });
    expect(await cur.db.outbox.count()).toBe(3);
    expect((await cur.sync.status()).lastError).toMatchObject({ code: 'unreachable' });
    cur.restart();
    cur.offline = false;
    expect(await cur.sync.syncNow()).toMatchObject({ ok: true, pushed: 3, pending: 0 });
    expect((await cur.sync.status()).lastError).toBeUndefined();
    // The same commands pushed again (a worker stopped between push and pull): duplicates.
    const again = await t.app.inject({
      method: 'POST',
      url: '/sync/push',
      headers: {
        authorization: `Bearer ${(await cur.db.settings.get('sync'))!.value && ((await cur.db.settings.get('sync'))!.value as { token: string }).token}`,
      },
      payload: { clientGroupID: ((await cur.db.settings.get('sync'))!.value as { clientGroupID: string }).clientGroupID, mutations: [] },
    });
    expect(again.statusCode).toBe(200);
    const rows = await t.database.db.selectFrom('messages').select('id').where('id', 'in', ids).execute();
    expect(rows).toHaveLength(3);
  });

  it("a person's changed bodies reach their browser on its next pull, and a message of the new body with them", async () => {
    await createPerson(t.database.db, { workspaceId: 'yak', id: 'movable', name: 'Переводимый', roles: ['executor'], bodies: ['minzhkh'] });
    const cur = await person('cur5', 'ivanova');
    const ex = await person('movable', 'movable');
    const { message } = await cur.capture(post(), toStroy);
    await cur.sync.syncNow();
    await ex.sync.syncNow();
    expect(await ex.db.messages.get(message.id)).toBeUndefined();
    await t.database.db
      .updateTable('people')
      .set({ bodies: ['minstroy'] })
      .where('id', '=', 'movable')
      .execute();
    await ex.sync.syncNow();
    const { loadWorkspace } = await import('@/lib/db/messages');
    expect((await loadWorkspace(ex.db)).user).toMatchObject({ id: 'movable', bodies: ['minstroy'] });
    expect(await ex.db.messages.get(message.id)).toMatchObject({ bodies: ['minstroy'] });
  });

  it("connecting a curator's browser that worked alone brings its messages into the team; a post the team already has stays the team's", async () => {
    const other = await person('cur6', 'petrov');
    const shared = post();
    const { message: teams } = await other.capture(shared, toStroy);
    await other.sync.syncNow();
    // Ivanova worked alone: three messages, one of them in review, one the same post as the team's.
    const solo = localClient(t, 'solo');
    clients.push(solo);
    const { loadWorkspace, saveWorkspace } = await import('@/lib/db/messages');
    await saveWorkspace(solo.db, {
      ...(await loadWorkspace(solo.db)),
      user: { id: 'ivanova', name: 'Иванова', roles: ['curator', 'executor'], bodies: ['minstroy'] },
    });
    const a = (await solo.capture(post(), toStroy, 'solo-a')).message;
    const b = (await solo.capture(post(), toStroy, 'solo-b')).message;
    expect((await solo.step(b.id, { type: 'submitDraft', kind: 'answer', text: 'Черновик из браузера.' })).ok).toBe(true);
    await solo.capture(shared, toStroy, 'solo-dup');
    await connect(t, solo, 'ivanova');
    expect(await solo.db.outbox.count()).toBe(0);
    const onServer = async (id: string) =>
      (await t.database.db.selectFrom('messages').select('data').where('id', '=', id).executeTakeFirst())?.data as { step: string } | undefined;
    expect(await onServer(a.id)).toMatchObject({ step: 'routed' });
    expect(await onServer(b.id)).toMatchObject({ step: 'review' });
    expect(await onServer('solo-dup')).toBeUndefined();
    // The browser holds the team's queue with its own messages in it; the duplicate gave way to the team's.
    expect(await solo.db.messages.get(b.id)).toMatchObject({ step: 'review' });
    expect(await solo.db.messages.get('solo-dup')).toBeUndefined();
    expect(await solo.db.messages.get(teams.id)).toMatchObject({ key: shared.key });
    const [refusal] = await openRefusals(solo.db);
    expect(refusal).toMatchObject({ name: 'import', code: 'already-captured', context: { existingId: teams.id } });
    // And what it held before is kept as a file.
    expect((await solo.db.settings.get('sync.beforeConnect'))?.value).toMatchObject({ file: expect.stringContaining('solo-dup') });
  });

  it("a person the administrator adds as an executor appears under his body in every browser's directory", async () => {
    const cur = await person('cur7', 'ivanova');
    await createPerson(t.database.db, { workspaceId: 'yak', id: 'novikov', name: 'Новиков П. С.', roles: ['executor'], bodies: ['minstroy'] });
    await cur.sync.syncNow();
    const { loadWorkspace } = await import('@/lib/db/messages');
    const body = (await loadWorkspace(cur.db)).bodies.find((b) => b.id === 'minstroy');
    expect(body?.executors).toContainEqual(expect.objectContaining({ id: 'novikov', name: 'Новиков П. С.' }));
    // The curator routes to him by name, as to anyone in the directory.
    const { message } = await cur.capture(post(), { ...sampleRouting, executor: 'Новиков П. С.' });
    expect(message.assignments[0]).toMatchObject({ body: 'minstroy', executor: 'novikov' });
  });

  it('a revoked device stops pushing, keeps its commands and says so', async () => {
    await createPerson(t.database.db, { workspaceId: 'yak', id: 'temp', name: 'Временный', roles: ['curator'], bodies: [] });
    const c = await person('temp', 'temp');
    const device = ((await c.db.settings.get('sync'))!.value as { deviceId: string }).deviceId;
    await t.database.db.updateTable('devices').set({ revoked_at: new Date() }).where('id', '=', device).execute();
    await c.capture(post(), toStroy);
    expect(await c.sync.syncNow()).toMatchObject({ ok: false, code: 'token-revoked' });
    expect(await c.db.outbox.count()).toBe(1);
    expect(await c.sync.status()).toMatchObject({ revoked: true, pending: 1 });
    expect(await c.sync.disconnect()).toMatchObject({ ok: false, code: 'pending', pending: 1 });
  });
});
