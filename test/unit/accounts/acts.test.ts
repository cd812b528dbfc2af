/** Which act governs a workspace's own pages: the region's, or — in a Yakutia workspace — the Положение ГО «Жатай». */
import { describe, expect, it } from 'vitest';
import { distinguishesGovernment, groundClause, MODERATION_GROUNDS, ownPagesAct, ownPagesActs, publicationNorm } from '@/lib/accounts';

describe('ownPagesActs / ownPagesAct', () => {
  it('offers Zhatay only to a Yakutia workspace, the region’s act first', () => {
    expect(ownPagesActs('yakutia')).toEqual(['yakutia', 'zhatay']);
    expect(ownPagesActs('khabarovsk')).toEqual(['khabarovsk']);
    expect(ownPagesActs('saratov')).toEqual(['saratov']);
    expect(ownPagesActs('ivanovo')).toEqual(['ivanovo']);
  });

  it('resolves a choice the region allows, and anything else to the region’s act', () => {
    expect(ownPagesAct('yakutia', 'zhatay')).toBe('zhatay');
    expect(ownPagesAct('yakutia', undefined)).toBe('yakutia');
    expect(ownPagesAct('yakutia', 'yakutia')).toBe('yakutia');
    // A workspace moved to Khabarovsk keeps no Zhatay choice; garbage is no choice.
    expect(ownPagesAct('khabarovsk', 'zhatay')).toBe('khabarovsk');
    expect(ownPagesAct('yakutia', 'saratov')).toBe('yakutia');
    expect(ownPagesAct('yakutia', { act: 'zhatay' })).toBe('yakutia');
  });

  it('under Zhatay: distortion is a ground (п. 4.2) and no weekly norm unless the workspace sets one', () => {
    expect(MODERATION_GROUNDS.filter((g) => groundClause('zhatay', g) !== null)).toEqual(['law', 'spam', 'insult', 'obscenity', 'distortion']);
    expect(groundClause('zhatay', 'distortion')).toEqual({ act: 'zhatay', clause: 'п. 4.2' });
    expect(groundClause('yakutia', 'distortion')).toBeNull();
    expect(publicationNorm('zhatay', 'body')).toBeNull();
    expect(publicationNorm('zhatay', 'body', { min: 3, level: 'recommended' })).toEqual({ min: 3, level: 'recommended', own: true });
  });

  it('tells the Government’s accounts from the bodies’ only under Khabarovsk', () => {
    expect(['yakutia', 'khabarovsk', 'saratov', 'ivanovo', 'zhatay'].filter((a) => distinguishesGovernment(a as never))).toEqual(['khabarovsk']);
    // Khabarovsk п. 2.7 for the Government's accounts, п. 3.6 for the bodies'.
    expect(groundClause('khabarovsk', 'spam', 'government')?.clause).toBe('п. 2.7');
    expect(groundClause('khabarovsk', 'spam', 'body')?.clause).toBe('п. 3.6');
  });
});
