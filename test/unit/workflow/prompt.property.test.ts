// @vitest-environment node
/**
 * Property: when every actor acts immediately (within a minute) after each step, no deadline is
 * ever recorded as missed — in any region, any mode, any path (returns, re-routing, parts,
 * rework, interim and final answers, clarifications, shortened terms, curator publishing).
 * A false breach is the worst bug this product can have; this walks the workflow at random
 * through the commands allowedCommands offers, so it also checks that what is offered works.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedCommands, transition } from '@/lib/workflow/machine';
import type { Actor, CommandType, Message } from '@/lib/model/workflow';
import { curator, executor, scenario } from '../../helpers/workflow';

const BODIES = ['a', 'b', 'c', 'd', 'e', 'f'];
const actors: Actor[] = [curator, ...BODIES.map((b) => executor(b))];
const URL = 'https://vk.com/wall-1_1?reply=7';

/** A valid command of this type for this message, built from random choices. */
function commandFor(type: CommandType, m: Message, pick: (n: number) => number): unknown {
  switch (type) {
    case 'route': {
      const used = new Set(m.assignments.map((a) => a.body));
      const free = BODIES.filter((b) => !used.has(b));
      const count = 1 + pick(3);
      return { type, location: 'Центр', assignments: free.slice(0, count).map((body) => ({ body, ...(pick(3) === 0 ? { hasAccount: false } : {}) })) };
    }
    case 'return':
      return { type, reason: 'не наша компетенция' };
    case 'submitPart':
      return { type, text: 'Часть ответа: сделаем до 1 декабря.' };
    case 'submitDraft':
      return { type, kind: (['answer', 'interim', 'clarification'] as const)[pick(3)], text: 'Заменим трубу до 1 декабря, тел. 42-15-16.' };
    case 'approve':
    case 'requestRework': {
      const waiting = m.assignments.filter((a) => a.state === 'submitted');
      const body = m.step === 'review' || !waiting.length ? undefined : waiting[pick(waiting.length)]!.body;
      return { type, ...(body ? { body } : {}), ...(type === 'requestRework' ? { remarks: 'добавьте срок' } : {}) };
    }
    case 'publish':
      return { type, url: URL, ...(m.step === 'summary' ? { text: 'Сводный ответ: сделаем до 1 декабря.' } : {}) };
    case 'markNotProcessable':
      return { type, category: 'threat', confirmed: true };
    case 'linkRepeat':
      return { type, of: 'm0' };
    case 'joinIncident':
      return { type, incidentId: 'i1' };
    case 'setTerm':
      return { type, minutes: 240 + 30 * pick(8) };
    case 'requirePhotos':
      return { type, required: pick(2) === 0 };
    default:
      return { type };
  }
}

describe('acting at once never breaches', () => {
  for (const profileId of ['yakutia', 'khabarovsk', 'saratov', 'ivanovo'] as const) {
    it(`${profileId}: every step done within a minute of the previous one records no breach`, () => {
      const reached = new Set<string>();
      fc.assert(
        fc.property(
          // Detection at any minute of 2026 (working hours, evenings, weekends, holidays).
          fc.integer({ min: 0, max: 364 * 24 * 60 }),
          fc.array(fc.nat({ max: 1_000 }), { minLength: 60, maxLength: 60 }),
          (offsetMinutes, choices) => {
            const detected = new Date(Date.UTC(2026, 0, 1) + offsetMinutes * 60_000).toISOString().slice(0, 16);
            const s = scenario(profileId, detected);
            let m = s.message;
            let now = m.detectedAt;
            let c = 0;
            const pick = (n: number) => (n <= 1 ? 0 : choices[c++ % choices.length]! % n);
            for (let step = 0; step < 40 && m.status === 'open'; step++) {
              const offered = actors.flatMap((actor) =>
                allowedCommands(m, actor, s.profile)
                  .filter((t) => t !== 'linkRepeat' && t !== 'joinIncident')
                  .map((type) => ({ actor, type })),
              );
              expect(offered.length).toBeGreaterThan(0);
              const { actor, type } = offered[pick(offered.length)]!;
              now += pick(2) * 60_000;
              const r = transition(m, commandFor(type, m, pick), actor, now, s.profile, s.calendar);
              if (!r.ok) {
                // Offered, yet refused: only for a field of the command (a clarification where
                // an answer is due, the joint answer before the last body's turn).
                expect(r.error.code).toBe('invalid');
                continue;
              }
              m = r.message;
              reached.add(`${m.mode}:${m.step}`);
              expect(m.breaches).toEqual([]);
            }
          },
        ),
        { numRuns: 250, seed: 20261203 + profileId.length },
      );
      expect([...reached]).toEqual(expect.arrayContaining(['single:published', 'single:interim', 'single:rework', 'single:returned']));
      expect([...reached].some((r) => r.startsWith(profileId === 'khabarovsk' ? 'parallel:' : 'sequential:'))).toBe(true);
    });
  }
});
