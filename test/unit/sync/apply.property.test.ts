// @vitest-environment node
/**
 * The team server's pure core (lib/sync): random command logs from several people against one
 * workspace. No message is approved twice for one draft; a refused command changes nothing;
 * replaying the accepted log from nothing reproduces every message and the directory.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMutation, changedMessages, rebase, stateOf, visibleTo, type Mutation } from '@/lib/sync';
import { starterWorkspace, workspaceSchedule, type Workspace } from '@/lib/workflow/workspace';
import { createWorkCalendar } from '@/lib/worktime';
import { messageSchema, type Actor, type Message } from '@/lib/model/workflow';

const curatorA: Actor = { id: 'cur-a', name: 'Иванова', roles: ['curator'], bodies: [] };
const curatorB: Actor = { id: 'cur-b', name: 'Петров', roles: ['curator'], bodies: [] };
const exec = (body: string): Actor => ({ id: `ex-${body}`, name: `ex-${body}`, roles: ['executor'], bodies: [body] });
const actors = [curatorA, curatorB, exec('minstroy'), exec('minzhkh'), exec('mintrans')];

const T0 = Date.UTC(2026, 10, 24, 1, 0);
const ids = ['m1', 'm2', 'm3'];
const body = fc.constantFrom('minstroy', 'minzhkh', 'mintrans');

const capture = fc
  .record({ n: fc.integer({ min: 0, max: 2 }), routeTo: fc.option(body, { nil: undefined }) })
  .map(({ n, routeTo }): Pick<Mutation, 'name' | 'args'> => ({
    name: 'capture',
    args: {
      id: ids[n],
      item: {
        site: 'vk',
        kind: 'post',
        key: `vk:wall-1_${n + 1}`,
        url: `https://vk.com/wall-1_${n + 1}`,
        author: { name: 'Житель' },
        text: 'Нет воды',
        attachments: [],
      },
      topic: 'Водоснабжение',
      location: 'Якутск',
      importance: 'normal',
      ...(routeTo ? { route: { type: 'route', assignments: [{ body: routeTo }] } } : {}),
    },
  }));
/** Post 1, captured and routed to minstroy at once. */
const routedCapture = {
  id: 'm1',
  item: { site: 'vk', kind: 'post', key: 'vk:wall-1_1', url: 'https://vk.com/wall-1_1', author: { name: 'Житель' }, text: 'Нет воды', attachments: [] },
  topic: 'Водоснабжение',
  location: 'Якутск',
  importance: 'normal',
  route: { type: 'route', assignments: [{ body: 'minstroy' }] },
};
const command = fc.oneof(
  { weight: 4, arbitrary: fc.uniqueArray(body, { minLength: 1, maxLength: 2 }).map((bs) => ({ type: 'route', assignments: bs.map((b) => ({ body: b })) })) },
  { weight: 2, arbitrary: fc.constant({ type: 'receive' }) },
  { weight: 1, arbitrary: fc.constant({ type: 'return', reason: 'не наша компетенция' }) },
  { weight: 2, arbitrary: fc.constant({ type: 'submitPart', text: 'часть' }) },
  { weight: 6, arbitrary: fc.record({ type: fc.constant('submitDraft'), kind: fc.constantFrom('answer', 'interim'), text: fc.constant('Заменим трубу.') }) },
  { weight: 8, arbitrary: fc.constant({ type: 'approve' }) },
  { weight: 2, arbitrary: fc.constant({ type: 'requestRework', remarks: 'добавьте срок' }) },
  { weight: 4, arbitrary: fc.constant({ type: 'publish', url: 'https://vk.com/wall-1_1?reply=7' }) },
  { weight: 1, arbitrary: fc.constant({ type: 'markNotProcessable', category: 'threat', confirmed: true }) },
  { weight: 1, arbitrary: fc.constant({ type: 'linkRepeat', of: 'm2' }) },
  { weight: 2, arbitrary: fc.constant({ type: 'joinIncident', incidentId: 'm1' }) },
  { weight: 1, arbitrary: fc.constant({ type: 'garbage' }) },
);
const step = fc.record({ n: fc.integer({ min: 0, max: 2 }), command }).map(({ n, command }): Pick<Mutation, 'name' | 'args'> => ({
  name: 'step',
  args: { messageId: ids[n], command },
}));
const directory = fc.oneof(
  fc.constant({ op: 'putLocation', name: 'Жатай-2' }),
  fc.constant({ op: 'removeLocation', name: 'Нерюнгри' }),
  fc.constant({ op: 'putBody', body: { id: 'minsport', name: 'Министерство спорта', executors: [], pages: [] } }),
  fc.constant({ op: 'removeBody', id: 'minsport' }),
  fc.constant({ op: 'putTopic' }),
);
const mutation = fc.oneof(
  { weight: 2, arbitrary: capture },
  { weight: 12, arbitrary: step },
  { weight: 1, arbitrary: directory.map((args): Pick<Mutation, 'name' | 'args'> => ({ name: 'directory', args })) },
);
const entry = fc.record({ mutation, actor: fc.integer({ min: 0, max: actors.length - 1 }), minutes: fc.integer({ min: 1, max: 300 }) });

interface World {
  workspace: Workspace;
  messages: Map<string, Message>;
}

function run(
  log: Array<{ mutation: Pick<Mutation, 'name' | 'args'>; actor: Actor; now: number }>,
  world: World,
  onEach?: (r: ReturnType<typeof applyMutation>, before: string) => void,
) {
  const calendar = createWorkCalendar(workspaceSchedule(world.workspace));
  const accepted: typeof log = [];
  for (const e of log) {
    const before = JSON.stringify([world.workspace, [...world.messages]]);
    const r = applyMutation(stateOf(world.workspace, world.messages.values()), e.mutation, e.actor, world.workspace.profile, calendar, e.now);
    onEach?.(r, before);
    if (!r.ok) continue;
    accepted.push(e);
    for (const m of changedMessages(r)) world.messages.set(m.id, m);
    if (r.workspace) world.workspace = r.workspace;
  }
  return accepted;
}

describe('lib/sync applyMutation', () => {
  it('refused commands change nothing, accepted ones leave valid messages, the accepted log replays to the same state', () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 10, maxLength: 60 }), (entries) => {
        let now = T0;
        const log = entries.map((e) => ({ mutation: e.mutation, actor: actors[e.actor]!, now: (now += e.minutes * 60_000) }));
        const world: World = { workspace: starterWorkspace('yakutia'), messages: new Map() };
        const accepted = run(log, world, (r) => {
          if (r.ok) {
            if (r.message) expect(messageSchema.safeParse(r.message).success).toBe(true);
            return;
          }
          expect(r.code).toMatch(/^[a-z-]+$/);
          expect(r.error.reason).toMatch(/^workflow\./);
        });
        // Inputs are never mutated, refusals leave the world as it was (checked by re-running).
        const again: World = { workspace: starterWorkspace('yakutia'), messages: new Map() };
        run(log, again, (r, before) => {
          if (!r.ok) expect(JSON.stringify([again.workspace, [...again.messages]])).toBe(before);
        });
        expect(again.messages).toEqual(world.messages);
        // Replay: only the accepted commands, from nothing, at their recorded times.
        const replayed: World = { workspace: starterWorkspace('yakutia'), messages: new Map() };
        const all = run(accepted, replayed);
        expect(all.length).toBe(accepted.length);
        expect(replayed.messages).toEqual(world.messages);
        expect(replayed.workspace).toEqual(world.workspace);
      }),
      { numRuns: 150 },
    );
  });

  it('no double approval: of two curators approving the same draft, exactly one is accepted, whatever came before', () => {
    let reviewed = 0;
    fc.assert(
      fc.property(fc.array(entry, { minLength: 5, maxLength: 50 }), fc.boolean(), (entries, bFirst) => {
        let now = T0;
        const world: World = { workspace: starterWorkspace('yakutia'), messages: new Map() };
        // A draft under review first (the random history may move it on, or bring others there).
        const prefix = [
          { mutation: { name: 'capture' as const, args: routedCapture }, actor: curatorA, now: (now += 5 * 60_000) },
          {
            mutation: { name: 'step' as const, args: { messageId: 'm1', command: { type: 'submitDraft', kind: 'answer', text: 'Заменим трубу.' } } },
            actor: exec('minstroy'),
            now: (now += 5 * 60_000),
          },
        ];
        run([...prefix, ...entries.map((e) => ({ mutation: e.mutation, actor: actors[e.actor]!, now: (now += e.minutes * 60_000) }))], world);
        const calendar = createWorkCalendar(workspaceSchedule(world.workspace));
        for (const m of world.messages.values()) {
          if (m.step !== 'review') continue;
          reviewed += 1;
          const [first, second] = bFirst ? [curatorB, curatorA] : [curatorA, curatorB];
          const approve = { name: 'step' as const, args: { messageId: m.id, command: { type: 'approve' } } };
          const one = applyMutation(stateOf(world.workspace, world.messages.values()), approve, first, world.workspace.profile, calendar, now + 60_000);
          expect(one.ok).toBe(true);
          if (!one.ok || !one.message) continue;
          const after = new Map(world.messages).set(m.id, one.message);
          const two = applyMutation(stateOf(world.workspace, after.values()), approve, second, world.workspace.profile, calendar, now + 61_000);
          expect(two.ok).toBe(false);
          if (!two.ok) expect(two.code).toBe('wrong-step');
        }
      }),
      { numRuns: 150 },
    );
    // The random histories do reach a draft under review often enough to test something.
    expect(reviewed).toBeGreaterThan(20);
  });

  it('an executor never acts on, nor learns of, a message outside his bodies', () => {
    const world: World = { workspace: starterWorkspace('yakutia'), messages: new Map() };
    const calendar = createWorkCalendar(workspaceSchedule(world.workspace));
    const cap = applyMutation(
      stateOf(world.workspace, []),
      {
        name: 'capture',
        args: {
          id: 'm1',
          item: { site: 'vk', kind: 'post', key: 'vk:wall-1_1', url: 'https://vk.com/wall-1_1', author: { name: 'Ж' }, text: 'т', attachments: [] },
          topic: 'Дороги',
          importance: 'normal',
          route: { type: 'route', assignments: [{ body: 'minstroy' }] },
        },
      },
      curatorA,
      world.workspace.profile,
      calendar,
      T0,
    );
    expect(cap.ok).toBe(true);
    if (!cap.ok) return;
    expect(visibleTo(cap.message!, exec('minstroy'))).toBe(true);
    expect(visibleTo(cap.message!, exec('minzhkh'))).toBe(false);
    const r = applyMutation(
      stateOf(world.workspace, [cap.message!]),
      { name: 'step', args: { messageId: 'm1', command: { type: 'return', reason: 'не наше' } } },
      exec('minzhkh'),
      world.workspace.profile,
      calendar,
      T0 + 60_000,
    );
    expect(r).toMatchObject({ ok: false, code: 'not-found' });
    const dup = applyMutation(
      stateOf(world.workspace, [cap.message!]),
      {
        name: 'capture',
        args: {
          ...(cap.ok ? {} : {}),
          id: 'm9',
          item: { site: 'vk', kind: 'post', key: 'vk:wall-1_1', url: 'https://vk.com/wall-1_1', author: { name: 'Ж' }, text: 'т' },
          topic: 'Дороги',
          importance: 'normal',
        },
      },
      curatorB,
      world.workspace.profile,
      calendar,
      T0 + 60_000,
    );
    expect(dup).toMatchObject({ ok: false, code: 'already-captured', existingId: 'm1' });
  });

  it('directory edits are the curators’', () => {
    const ws = starterWorkspace('yakutia');
    const calendar = createWorkCalendar(workspaceSchedule(ws));
    const edit = { name: 'directory' as const, args: { op: 'putLocation', name: 'Тикси' } };
    expect(applyMutation(stateOf(ws, []), edit, exec('minstroy'), ws.profile, calendar, T0)).toMatchObject({ ok: false, code: 'forbidden' });
    const ok = applyMutation(stateOf(ws, []), edit, curatorA, ws.profile, calendar, T0);
    expect(ok.ok && ok.workspace?.locations.includes('Тикси')).toBe(true);
  });
});

describe('lib/sync rebase', () => {
  const ws = starterWorkspace('yakutia');
  const calendar = createWorkCalendar(workspaceSchedule(ws));
  const env = [() => ws.profile, () => calendar] as const;

  it('pending commands on top of a pulled state: a step somebody else took first comes back refused, the rest applies', () => {
    const captured = applyMutation(stateOf(ws, []), { name: 'capture', args: routedCapture }, curatorA, ws.profile, calendar, T0);
    const drafted =
      captured.ok &&
      applyMutation(
        stateOf(ws, [captured.message!]),
        { name: 'step', args: { messageId: 'm1', command: { type: 'submitDraft', kind: 'answer', text: 'Ответ.' } } },
        exec('minstroy'),
        ws.profile,
        calendar,
        T0 + 60_000,
      );
    if (!drafted || !drafted.ok) throw new Error('setup');
    // The server's state: curator B approved meanwhile.
    const approvedByB = applyMutation(
      stateOf(ws, [drafted.message!]),
      { name: 'step', args: { messageId: 'm1', command: { type: 'approve' } } },
      curatorB,
      ws.profile,
      calendar,
      T0 + 120_000,
    );
    if (!approvedByB.ok) throw new Error('setup');
    const pending = [
      { mutation: { clientID: 'c', id: 7, name: 'step' as const, args: { messageId: 'm1', command: { type: 'approve' } } }, actor: curatorA, at: T0 + 130_000 },
      { mutation: { clientID: 'c', id: 8, name: 'directory' as const, args: { op: 'putLocation', name: 'Тикси' } }, actor: curatorA, at: T0 + 140_000 },
    ];
    const r = rebase({ workspace: ws, messages: [approvedByB.message!] }, pending, ...env);
    expect(r.refused.map((x) => [x.command.mutation.id, x.refusal.code])).toEqual([[7, 'wrong-step']]);
    expect(r.messages.get('m1')).toEqual(approvedByB.message);
    expect(r.workspace.locations).toContain('Тикси');
    // On the state before B's approval the same pending commands all apply.
    expect(rebase({ workspace: ws, messages: [drafted.message!] }, pending, ...env).refused).toEqual([]);
  });
});
