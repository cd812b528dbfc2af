// @vitest-environment node
/**
 * An executor's queue out of 100,000 stored messages (fake-indexeddb in Node): 300 open items
 * of theirs among 5,000 open and 94,700 closed, sorted by the next deadline.
 */
import 'fake-indexeddb/auto';
import { bench, describe } from 'vitest';
import { createDatabase, queueFor } from '@/lib/db';
import type { Message } from '@/lib/model/workflow';

const db = createDatabase('bench-queue');
const base = Date.UTC(2026, 0, 1);
function message(i: number): Message {
  const mine = i % 333 === 0 && i < 333 * 300;
  const open = mine || i % 20 === 0;
  return {
    id: `m${i}`,
    key: `vk:wall-1_${i}`,
    site: 'vk',
    kind: 'post',
    url: `https://vk.com/wall-1_${i}`,
    author: { name: `Автор ${i}` },
    text: 'Третий день нет горячей воды в доме по улице Садовой.',
    attachments: [],
    topic: 'Водоснабжение',
    location: 'Иваново',
    importance: 'normal',
    status: open ? 'open' : 'closed',
    step: open ? 'routed' : 'published',
    mode: 'single',
    assignments: [{ body: 'depzhkh', executor: mine ? 'ex1' : `ex${i % 50}`, order: 0, state: 'active', routedAt: base + i * 60_000 }],
    detectedAt: base + i * 60_000,
    createdAt: base + i * 60_000,
    updatedAt: base + i * 60_000,
    remarks: [],
    publications: [],
    breaches: [],
    pageChanges: [],
    openFor: open ? [`user:${mine ? 'ex1' : `ex${i % 50}`}`] : [],
    bodies: ['depzhkh'],
    ...(open ? { nextDueAt: base + ((i * 7919) % 100_000) * 60_000 } : {}),
  };
}

const ready = (async () => {
  await db.delete();
  await db.open();
  for (let start = 0; start < 100_000; start += 5000) await db.messages.bulkAdd(Array.from({ length: 5000 }, (_, k) => message(start + k)));
})();

describe('queue of an executor among 100,000 messages', () => {
  bench(
    'queueFor(user:ex1) → 300 open items by next deadline',
    async () => {
      const list = await queueFor(db, ['user:ex1']);
      if (list.length !== 300) throw new Error(`expected 300 items, got ${list.length}`);
    },
    { setup: async () => void (await ready), iterations: 30, time: 0 },
  );
});
