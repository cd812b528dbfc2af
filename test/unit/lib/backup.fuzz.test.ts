/**
 * The importer against random and mutated files: it either imports (and what it stored is
 * valid) or refuses with an ImportError and changes nothing. It never hangs: each file gets a
 * generous time budget (a guard against loops, not a speed test: see npm run bench).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type AppDatabase } from '@/lib/db';
import { exportBackup, importBackup, ImportError } from '@/lib/db/backup';
import { applyCommand, saveCapture, saveWorkspace } from '@/lib/db/messages';
import { messageSchema } from '@/lib/model/workflow';
import { starterWorkspace, workspaceSchedule } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { sampleItem, sampleRouting } from '../../helpers/items';

const workspace = starterWorkspace('ivanovo');
const calendar = createWorkCalendar(workspaceSchedule(workspace));
const t0 = Date.UTC(2026, 10, 25, 7);
const BUDGET_MS = 5_000;
let source: AppDatabase;
let valid: Record<string, unknown>;
let n = 0;

beforeAll(async () => {
  source = createDatabase(`fuzz-src-${Date.now()}`);
  await saveWorkspace(source, workspace);
  for (const i of [0, 1, 2])
    await saveCapture(
      source,
      { item: sampleItem({ key: `vk:wall-1_${i}`, url: `https://vk.com/wall-1_${i}` }), routing: { ...sampleRouting, executor: 'depzhkh' } },
      { now: t0 + i, workspace, calendar, newId: () => `m${i}` },
    );
  const executor = { id: 'ex', name: 'Иванов', roles: ['executor' as const], bodies: ['depzhkh'] };
  await applyCommand(source, 'm1', { type: 'submitDraft', kind: 'answer', text: 'Починим до 1 декабря.' }, executor, {
    now: t0 + 600_000,
    workspace,
    calendar,
  });
  valid = JSON.parse(JSON.stringify(await exportBackup(source, t0 + 700_000))) as Record<string, unknown>;
});
afterAll(async () => {
  await source?.delete();
});

/** Sets `value` at a random path of a JSON value (chosen by `pick`). */
function mutate(root: unknown, pick: number[], value: unknown): unknown {
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (let depth = 0; depth < pick.length; depth++) {
    if (!node || typeof node !== 'object') break;
    const keys = Object.keys(node);
    if (!keys.length) break;
    const key = keys[pick[depth]! % keys.length]!;
    const child = (node as Record<string, unknown>)[key];
    if (depth === pick.length - 1 || !child || typeof child !== 'object') {
      (node as Record<string, unknown>)[key] = value;
      break;
    }
    node = child;
  }
  return copy;
}

const weird = fc.oneof(
  fc.constantFrom(null, 1e300, -1, 0.5, Number.MAX_SAFE_INTEGER, '', 'x'.repeat(10_000), [], {}, true, '2026-11-25', 'javascript:alert(1)'),
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);

async function dump(db: AppDatabase) {
  return JSON.stringify([await db.messages.toArray(), (await db.events.toArray()).map((e) => e.id), await db.settings.toArray()]);
}

async function check(text: string) {
  const db = createDatabase(`fuzz-${++n}`);
  try {
    await saveWorkspace(db, workspace);
    const before = await dump(db);
    const started = performance.now();
    let outcome: 'imported' | 'refused';
    try {
      await importBackup(db, text);
      outcome = 'imported';
    } catch (error) {
      expect(error, String(error)).toBeInstanceOf(ImportError);
      expect((error as Error).message.length).toBeGreaterThan(10);
      outcome = 'refused';
    }
    expect(performance.now() - started).toBeLessThan(BUDGET_MS);
    if (outcome === 'refused') expect(await dump(db)).toBe(before);
    else for (const m of await db.messages.toArray()) expect(() => messageSchema.parse(m)).not.toThrow();
  } finally {
    await db.delete();
  }
}

describe('backup importer fuzz', () => {
  it('a valid file with one value replaced anywhere: imported validly, or refused with nothing changed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), weird, async (path, value) => check(JSON.stringify(mutate(valid, path, value)))),
      { numRuns: 120, seed: 20261203 },
    );
  });

  it('a valid file cut short or with bytes changed: imported validly, or refused with nothing changed', async () => {
    const text = JSON.stringify(valid);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: text.length - 1 }), fc.string({ minLength: 1, maxLength: 3 }), async (at, junk) =>
        check(text.slice(0, at) + junk + text.slice(at + junk.length)),
      ),
      { numRuns: 80, seed: 20261204 },
    );
    await check(text.slice(0, text.length / 2));
  });

  it('random text: refused', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json()), async (text) => check(text)),
      { numRuns: 60, seed: 20261205 },
    );
  });
});
