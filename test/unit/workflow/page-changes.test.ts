import { describe, expect, it } from 'vitest';
import { createDatabase } from '@/lib/db';
import { recordPageObservations, saveCapture } from '@/lib/db/messages';
import { MAX_PAGE_CHANGES, observePage, pageChange, withPageChange } from '@/lib/workflow/page-changes';
import { starterWorkspace, workspaceSchedule } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { sampleItem, sampleRouting } from '../../helpers/items';

const captured = { text: 'Третий день нет горячей воды в домах по улице Садовой.', pageChanges: [] };

describe('pageChange', () => {
  it('records an edit with the new text, once', () => {
    const change = pageChange(captured, 'Пятый день нет горячей воды в домах по улице Садовой!', 10);
    expect(change).toEqual({ kind: 'edited', at: 10, text: 'Пятый день нет горячей воды в домах по улице Садовой!' });
    expect(pageChange({ ...captured, pageChanges: [change!] }, 'Пятый день нет горячей воды в домах по улице Садовой!', 20)).toBeNull();
  });

  it('ignores blanks, NBSP, case and a feed cutting the text short', () => {
    expect(pageChange(captured, 'третий день  нет\u00a0горячей воды в домах по улице Садовой.', 10)).toBeNull();
    expect(pageChange(captured, 'Третий день нет горячей воды…', 10)).toBeNull();
    expect(pageChange({ ...captured, text: 'Третий день нет' }, captured.text, 10)).toBeNull();
    expect(pageChange(captured, '', 10)).toBeNull();
  });

  it('records a deletion once, and an edit after it', () => {
    const deleted = pageChange(captured, null, 10);
    expect(deleted).toEqual({ kind: 'deleted', at: 10 });
    expect(pageChange({ ...captured, pageChanges: [deleted!] }, null, 20)).toBeNull();
    expect(pageChange({ ...captured, pageChanges: [deleted!] }, 'Совсем другой текст', 30)).toMatchObject({ kind: 'edited' });
  });
});

describe('observePage', () => {
  const m = { ...captured, pageChanges: [] as ReturnType<typeof withPageChange> };
  it('records a deletion only on a second miss, and a restoration when the post is back', () => {
    const first = observePage(m, null, 10_000);
    expect(first).toEqual({ change: null, pageMissedAt: 10_000 });
    // A quick second look (the same page still loading) is not yet a second miss.
    expect(observePage({ ...m, pageMissedAt: 10_000 }, null, 11_000)).toEqual({ change: null, pageMissedAt: 10_000 });
    // Seen again: the first miss is forgotten, nothing recorded.
    expect(observePage({ ...m, pageMissedAt: 10_000 }, captured.text, 12_000)).toEqual({ change: null, pageMissedAt: undefined });
    const second = observePage({ ...m, pageMissedAt: 10_000 }, null, 20_000);
    expect(second).toEqual({ change: { kind: 'deleted', at: 20_000 }, pageMissedAt: undefined });
    const deleted = [second.change!];
    expect(observePage({ ...m, pageChanges: deleted }, captured.text, 30_000).change).toEqual({ kind: 'restored', at: 30_000 });
    // Restored with the captured text: no edit is recorded after it.
    expect(observePage({ ...m, pageChanges: [...deleted, { kind: 'restored', at: 30_000 }] }, captured.text, 40_000).change).toBeNull();
  });

  it('keeps the list bounded while edits alternate: the oldest edits go first', () => {
    let list: ReturnType<typeof withPageChange> = [{ kind: 'deleted', at: 1 }];
    for (let i = 0; i < 200; i++) list = withPageChange(list, { kind: 'edited', at: 10 + i, text: i % 2 ? 'A' : 'B' });
    expect(list.length).toBe(MAX_PAGE_CHANGES);
    expect(list[0]).toEqual({ kind: 'deleted', at: 1 });
    expect(list.at(-1)).toMatchObject({ at: 209 });
  });
});

describe('recordPageObservations', () => {
  it('writes the change and its audit event in one transaction, after two misses', async () => {
    const workspace = starterWorkspace('yakutia');
    const calendar = createWorkCalendar(workspaceSchedule(workspace));
    const db = createDatabase(`page-obs-${Date.now()}`);
    const t0 = Date.UTC(2026, 10, 25, 1);
    await saveCapture(
      db,
      { item: sampleItem({ key: 'vk:wall-1_1', url: 'https://vk.com/wall-1_1' }), routing: sampleRouting },
      { now: t0, workspace, calendar, newId: () => 'm1' },
    );
    expect(await recordPageObservations(db, new Map([['vk:wall-1_1', null]]), t0 + 5_000)).toEqual([]);
    expect((await db.messages.get('m1'))!.pageMissedAt).toBe(t0 + 5_000);
    expect(await recordPageObservations(db, new Map([['vk:wall-1_1', null]]), t0 + 10_000)).toEqual(['vk:wall-1_1']);
    const m = (await db.messages.get('m1'))!;
    expect(m.pageChanges).toEqual([{ kind: 'deleted', at: t0 + 10_000 }]);
    expect(m).not.toHaveProperty('pageMissedAt');
    expect((await db.events.where('messageId').equals('m1').toArray()).map((e) => e.type)).toContain('page-deleted');
    // A failing write leaves nothing half-done: the message and its event go together.
    const put = db.messages.put.bind(db.messages);
    db.messages.put = (() => Promise.reject(new DOMException('quota', 'QuotaExceededError'))) as unknown as typeof db.messages.put;
    const events = await db.events.count();
    await expect(recordPageObservations(db, new Map([['vk:wall-1_1', 'Новый текст поста']]), t0 + 20_000)).rejects.toThrow('quota');
    db.messages.put = put;
    expect(await db.events.count()).toBe(events);
    expect((await db.messages.get('m1'))!.pageChanges).toHaveLength(1);
    await db.delete();
  });
});

describe('after a restoration', () => {
  it('still records a later edit', () => {
    const m = {
      ...captured,
      pageChanges: [
        { kind: 'deleted' as const, at: 10 },
        { kind: 'restored' as const, at: 20 },
      ],
    };
    expect(observePage(m, captured.text, 30).change).toBeNull();
    expect(observePage(m, 'Совсем другой текст поста', 40).change).toMatchObject({ kind: 'edited', text: 'Совсем другой текст поста' });
  });
});
