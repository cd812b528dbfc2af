// @vitest-environment node
/**
 * Property: after any sequence of directory edits (bodies added, renamed, removed), captures
 * routed from the directory and imported messages (routed anywhere, even to bodies this
 * directory never had), every open message appears in the desk of someone in the workspace:
 * the curator, or an executor of its body.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getProfile } from '@/lib/regulations';
import { newMessage, transition } from '@/lib/workflow/machine';
import type { Message } from '@/lib/model/workflow';
import { inDesk, resolveAssignee, starterWorkspace, type Workspace } from '@/lib/workflow/workspace';
import { createWorkCalendar, regionalSchedule } from '@/lib/worktime';

const profile = getProfile('yakutia');
const calendar = createWorkCalendar(regionalSchedule('yakutia'));
const t0 = Date.UTC(2026, 10, 24, 1);
const curator = { id: 'cur', name: 'Куратор', roles: ['curator' as const], bodies: [] };

const op = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), name: fc.constantFrom('Минфин', 'Минкульт', 'Госкомитет') }),
  fc.record({ kind: fc.constant('rename' as const), i: fc.nat(), name: fc.constantFrom('Новое имя', 'Министерство X') }),
  fc.record({ kind: fc.constant('remove' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('capture' as const), text: fc.constantFrom('Минтранс', 'ЖКХ', 'Минздрав', 'Минфин', 'выдуманный орган') }),
  fc.record({ kind: fc.constant('import' as const), body: fc.constantFrom('minstroy', 'Отдел ЖКХ', 'ghost', 'mintrans') }),
);

function message(n: number): Message {
  return newMessage(
    {
      id: `m${n}`,
      key: `vk:wall-1_${n}`,
      site: 'vk',
      kind: 'post',
      url: `https://vk.com/wall-1_${n}`,
      author: { name: 'x' },
      text: 't',
      attachments: [],
      topic: 'т',
      location: '',
      importance: 'normal',
      detectedAt: t0,
    },
    curator,
    t0,
    profile,
    calendar,
  ).message;
}

function routed(m: Message, body: string): Message {
  const r = transition(m, { type: 'route', assignments: [{ body }] }, curator, t0 + 60_000, profile, calendar);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.reason}`);
  return r.message;
}

describe('no open message is outside every view', () => {
  it('after directory edits, captures and imports, someone in the workspace sees each open message', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 30 }), (ops) => {
        let ws: Workspace = starterWorkspace('yakutia', { id: 'cur', roles: ['curator'] });
        const messages: Message[] = [];
        for (const o of ops) {
          if (o.kind === 'add') ws = { ...ws, bodies: [...ws.bodies, { id: `b${ws.bodies.length}-${o.name}`, name: o.name, executors: [], pages: [] }] };
          else if (o.kind === 'rename' && ws.bodies.length)
            ws = { ...ws, bodies: ws.bodies.map((b, i) => (i === o.i % ws.bodies.length ? { ...b, name: o.name } : b)) };
          else if (o.kind === 'remove' && ws.bodies.length) ws = { ...ws, bodies: ws.bodies.filter((_, i) => i !== o.i % ws.bodies.length) };
          else if (o.kind === 'capture') {
            const to = resolveAssignee(ws, o.text);
            const m = message(messages.length);
            messages.push(to ? routed(m, to.body) : m); // an unknown executor is refused: the capture stays with the curator
          } else if (o.kind === 'import') messages.push(routed(message(messages.length), o.body));
        }
        for (const m of messages.filter((x) => x.status === 'open')) {
          const executorsOf = m.bodies
            .filter((b) => ws.bodies.some((x) => x.id === b))
            .map((b) => ({ ...ws, user: { id: `ex-${b}`, name: '', roles: ['executor' as const], bodies: [b] } }));
          const seen = inDesk(m, ws, 'all') || executorsOf.some((w) => inDesk(m, w, 'executor'));
          expect(seen, `${m.id} ${m.openFor.join(',')}`).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
