/** Moderation of comments: grounds from the screener, the log, violations per author, the block proposal (Zhatay п. 4.2–4.3). */
import { describe, expect, it } from 'vitest';
import {
  blockProposal,
  dismissMark,
  groundClause,
  groundForScreening,
  isDismissed,
  recordBlockDecision,
  recordRemoval,
  violationsByAuthor,
  type ModerationEntry,
  type Removal,
} from '@/lib/accounts';
import { screenIncoming } from '@/lib/lint';
import { at } from './helpers';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { reason: string } }): T => {
  if (!r.ok) throw new Error(r.error.reason);
  return r.value;
};

let n = 0;
function removal(author: string, commentKey: string, when: string, extra: Partial<Removal> = {}): Omit<Removal, 'kind'> {
  return { id: `e${++n}`, at: at('yakutia', when), by: 'moderator1', commentKey, text: 'текст', ground: 'insult', author, markedBy: 'screener', ...extra };
}

describe('groundForScreening (lib/lint screenIncoming → grounds)', () => {
  it('maps obscenity, insults, threats and calls to harm to the acts’ grounds', () => {
    expect(groundForScreening(screenIncoming('Да пошли вы нахуй'))).toMatchObject({ ground: 'obscenity', tentative: false });
    expect(groundForScreening(screenIncoming('Глава района — мразь и вор'))).toMatchObject({ ground: 'insult', tentative: false });
    expect(groundForScreening(screenIncoming('Я тебя убью, чиновник'))).toMatchObject({ ground: 'law', tentative: false });
    expect(groundForScreening(screenIncoming('Надо сжечь эту администрацию'))).toMatchObject({ ground: 'law', tentative: false });
  });

  it('keeps an unaimed insulting word tentative, and gives no ground for reported speech or ordinary criticism', () => {
    expect(groundForScreening(screenIncoming('Какие бездельники'))).toMatchObject({ ground: 'insult', tentative: true });
    expect(groundForScreening(screenIncoming('Сосед сказал, что убьёт его'))).toBeNull();
    expect(groundForScreening(screenIncoming('Дорогу так и не сделали, жду ответа'))).toBeNull();
  });

  it('prefers an error over a warning whatever their order', () => {
    const warning = screenIncoming('Какие бездельники').findings;
    const error = screenIncoming('Да пошли вы нахуй').findings;
    expect(groundForScreening({ findings: [...warning, ...error] })).toMatchObject({ ground: 'obscenity', tentative: false });
  });
});

describe('groundClause', () => {
  it('cites each act’s own clause, and none where the act does not name the ground', () => {
    expect(groundClause('yakutia', 'spam')).toEqual({ act: 'yakutia', clause: 'прил. 1 п. 2.5' });
    expect(groundClause('khabarovsk', 'obscenity', 'body')).toEqual({ act: 'khabarovsk', clause: 'п. 3.6' });
    expect(groundClause('khabarovsk', 'obscenity', 'government')).toEqual({ act: 'khabarovsk', clause: 'п. 2.7' });
    expect(groundClause('zhatay', 'distortion')).toEqual({ act: 'zhatay', clause: 'п. 4.2' });
    expect(groundClause('khabarovsk', 'distortion')).toBeNull();
    expect(groundClause('saratov', 'insult')).toBeNull();
  });
});

describe('the moderation log', () => {
  it('records a removal; refuses distortion marked by the screener (only the moderator judges it) and bad entries with codes', () => {
    const log = must(recordRemoval([], removal('https://vk.com/id1', 'vk:wall-1_2_r10', '2026-03-02T10:00')));
    expect(log).toHaveLength(1);
    const distortion = recordRemoval(log, removal('https://vk.com/id1', 'vk:wall-1_2_r11', '2026-03-02T11:00', { ground: 'distortion', markedBy: 'screener' }));
    expect(distortion.ok ? null : [distortion.error.reason, distortion.error.params]).toEqual([
      'accounts.moderation.distortionByModerator',
      { clause: 'п. 4.2', act: 'zhatay' },
    ]);
    expect(recordRemoval(log, removal('https://vk.com/id1', 'vk:wall-1_2_r11', '2026-03-02T11:00', { ground: 'distortion', markedBy: 'moderator' })).ok).toBe(
      true,
    );
    for (const bad of [{ at: Number.NaN }, { commentKey: 'no key' }, { ground: 'rude' as never }, { author: '' }]) {
      const r = recordRemoval(log, { ...removal('https://vk.com/id1', 'vk:wall-1_2_r12', '2026-03-02T12:00'), ...bad });
      expect(r.ok ? null : r.error.reason, JSON.stringify(bad)).toBe('accounts.moderation.invalid');
    }
  });

  it('remembers a dismissed false mark for that comment only', () => {
    const log = must(dismissMark([], { id: 'd1', at: at('yakutia', '2026-03-02T10:00'), by: 'moderator1', commentKey: 'vk:wall-1_2_r10', ground: 'insult' }));
    expect(isDismissed(log, 'vk:wall-1_2_r10')).toBe(true);
    expect(isDismissed(log, 'vk:wall-1_2_r11')).toBe(false);
  });

  it('counts violations per author across pages and address forms, each comment once, dismissed ones not at all', () => {
    let log: ModerationEntry[] = [];
    log = must(recordRemoval(log, removal('https://vk.com/id1', 'vk:wall-1_2_r10', '2026-03-02T10:00')));
    log = must(recordRemoval(log, removal('https://vk.ru/ID1/', 'vk:wall-7_3_r20', '2026-03-05T10:00', { ground: 'spam', markedBy: 'moderator' })));
    log = must(recordRemoval(log, removal('https://vk.com/id1', 'vk:wall-7_3_r20', '2026-03-05T10:01'))); // the same removal seen twice
    log = must(recordRemoval(log, removal('https://vk.com/id2', 'vk:wall-1_2_r30', '2026-03-05T11:00')));
    log = must(dismissMark(log, { id: 'd1', at: at('yakutia', '2026-03-05T12:00'), by: 'm', commentKey: 'vk:wall-1_2_r30' }));
    const v = violationsByAuthor(log);
    expect(v.get('https://vk.com/id1')?.removals.map((r) => r.commentKey)).toEqual(['vk:wall-1_2_r10', 'vk:wall-7_3_r20']);
    expect(v.has('https://vk.com/id2')).toBe(false);
  });
});

describe('blockProposal (Zhatay п. 4.3)', () => {
  const author = 'https://vk.com/id1';
  const first = () => must(recordRemoval([], removal(author, 'vk:wall-1_2_r10', '2026-03-02T10:00')));

  it('proposes blocking at the second violation, to be decided by the head or a deputy, with the clause', () => {
    expect(blockProposal(first(), author)).toBeNull();
    const log = must(recordRemoval(first(), removal(author, 'vk:wall-1_2_r11', '2026-03-03T10:00')));
    expect(blockProposal(log, 'https://m.vk.com/id1')).toEqual({
      author,
      violations: 2,
      commentKeys: ['vk:wall-1_2_r10', 'vk:wall-1_2_r11'],
      since: at('yakutia', '2026-03-03T10:00'),
      decidedBy: ['head', 'deputy'],
      clause: { act: 'zhatay', clause: 'п. 4.3' },
    });
  });

  it('accepts the decision of the head or a deputy only; a decision closes the proposal until a new violation', () => {
    const log = must(recordRemoval(first(), removal(author, 'vk:wall-1_2_r11', '2026-03-03T10:00')));
    const byModerator = recordBlockDecision(log, {
      id: 'b1',
      at: at('yakutia', '2026-03-03T12:00'),
      by: 'moderator1',
      role: 'moderator',
      author,
      decision: 'block',
    });
    expect(byModerator.ok ? null : [byModerator.error.reason, byModerator.error.params?.clause]).toEqual(['accounts.moderation.notDecider', 'п. 4.3']);
    const decided = must(
      recordBlockDecision(log, { id: 'b2', at: at('yakutia', '2026-03-03T12:00'), by: 'deputy1', role: 'deputy', author, decision: 'noBlock' }),
    );
    expect(blockProposal(decided, author)).toBeNull();
    const again = recordBlockDecision(decided, { id: 'b3', at: at('yakutia', '2026-03-03T13:00'), by: 'head1', role: 'head', author, decision: 'block' });
    expect(again.ok ? null : again.error.reason).toBe('accounts.moderation.noProposal');
    const third = must(recordRemoval(decided, removal(author, 'vk:wall-1_2_r12', '2026-03-04T10:00')));
    expect(blockProposal(third, author)?.violations).toBe(3);
  });

  it('is not proposed when the second mark was dismissed', () => {
    let log = must(recordRemoval(first(), removal(author, 'vk:wall-1_2_r11', '2026-03-03T10:00')));
    log = must(dismissMark(log, { id: 'd1', at: at('yakutia', '2026-03-03T11:00'), by: 'm', commentKey: 'vk:wall-1_2_r11' }));
    expect(blockProposal(log, author)).toBeNull();
  });
});
