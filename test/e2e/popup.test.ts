/**
 * The popup's fast path in the browser: the raw first read (lib/db/peek via popup-peek.js),
 * the Dexie path on a fresh profile, and the list drawn in two steps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { starterWorkspace } from '../../lib/workflow/workspace';
import { launch, openExtensionPage, saveWorkspace, type Session } from './harness.mjs';

let session: Session | undefined;

beforeAll(async () => {
  session = await launch();
});

afterAll(async () => {
  await session?.context.close();
});

/** The popup's User Timing marks: when the first screen and the whole list were painted. */
const marks = (page: import('playwright-core').Page) =>
  page.evaluate(() =>
    Object.fromEntries(
      ['aot:popup-painted', 'aot:popup-complete'].map((name) => {
        const mark = performance.getEntriesByName(name, 'mark')[0] as PerformanceMark | undefined;
        return [name, mark ? (mark.detail as { rows: number; total: number; from: string }) : null];
      }),
    ),
  );

describe('the popup', () => {
  it('on a fresh profile, before any database exists: says the list is empty and leaves the database to Dexie', async () => {
    const popup = await openExtensionPage(session!, 'popup.html');
    await expect.poll(() => popup.getByText(/Открытых сообщений нет/).count()).toBe(1);
    expect(await popup.getByText('Загрузка…').count()).toBe(0);
    // Nothing to read raw yet: the list came from the live (Dexie) path.
    await expect.poll(async () => (await marks(popup))['aot:popup-painted']).toEqual({ rows: 0, total: 0, from: 'live' });
    // The raw read created nothing; Dexie created the database with every store.
    const stores = await popup.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const request = indexedDB.open('answer-on-time');
          request.onsuccess = () => {
            resolve([...request.result.objectStoreNames].sort());
            request.result.close();
          };
        }),
    );
    expect(stores).toEqual(['events', 'messages', 'outbox', 'publications', 'refusals', 'settings', 'shadows']);
    await popup.close();
  });

  it('with 20 items of mine: paints the first screen from the raw read, then every row, in deadline order', async () => {
    await saveWorkspace(session!, starterWorkspace('yakutia', { id: 'me', name: 'Анна', roles: ['curator'], bodies: [] }));
    const options = await openExtensionPage(session!, 'options.html');
    const now = Date.now();
    await options.evaluate(async (now) => {
      const db = await new Promise<IDBDatabase>((resolve) => {
        const request = indexedDB.open('answer-on-time');
        request.onsuccess = () => resolve(request.result);
      });
      const tx = db.transaction('messages', 'readwrite');
      for (let i = 0; i < 20; i++) {
        // Stored out of deadline order; one closed and one someone else's, neither shown.
        const due = now + ((i * 7) % 20) * 3_600_000 + 3_600_000;
        tx.objectStore('messages').put({
          id: `p${i}`,
          key: `vk:wall-1_${i}`,
          site: 'vk',
          kind: 'post',
          url: `https://vk.com/wall-1_${i}`,
          author: { name: `Автор ${i}` },
          text: `Текст ${i}`,
          attachments: [],
          topic: 'Дороги',
          location: 'Якутск',
          importance: 'normal',
          status: i === 3 ? 'closed' : 'open',
          step: 'review',
          mode: 'single',
          assignments: [],
          detectedAt: now,
          createdAt: now,
          updatedAt: now,
          remarks: [],
          publications: [],
          breaches: [],
          pageChanges: [],
          openFor: i === 5 ? ['user:someone-else'] : ['role:curator'],
          bodies: [],
          nextDueAt: due,
          nextDueKind: 'approve',
        });
      }
      await new Promise((resolve) => (tx.oncomplete = resolve));
      db.close();
    }, now);
    await options.close();

    const popup = await openExtensionPage(session!, 'popup.html');
    await expect.poll(async () => (await marks(popup))['aot:popup-complete']).toEqual({ rows: 18, total: 18, from: 'raw' });
    // The first screen came first, from the raw read (no «Загрузка…» frame before it).
    expect((await marks(popup))['aot:popup-painted']).toEqual({ rows: 8, total: 18, from: 'raw' });
    const keys = await popup.getByTestId('message-row').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-key')!.split('_')[1])));
    expect(keys).toHaveLength(18);
    expect(keys).not.toContain(3);
    expect(keys).not.toContain(5);
    const dueOf = (i: number) => ((i * 7) % 20) * 3_600_000;
    expect(keys.map(dueOf)).toEqual([...keys.map(dueOf)].sort((a, b) => a - b));
    expect(await popup.locator('.aot-header__count').textContent()).toBe('18 открытых');
  });
});
