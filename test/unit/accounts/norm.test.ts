/** The week in the region's zone, posts counted once, and the norm of each act. */
import { describe, expect, it } from 'vitest';
import { normStatus, publicationNorm, weekOf, weekStarting, weeklyCount } from '@/lib/accounts';
import { at, rangeErrorCode } from './helpers';

describe('weekOf', () => {
  it('starts on Monday 00:00 in the region’s zone: one instant is in different weeks in Yakutsk (+9) and Saratov (+4)', () => {
    const instant = Date.UTC(2026, 2, 1, 18, 0); // Sun 1 Mar 22:00 in Saratov, Mon 2 Mar 03:00 in Yakutsk
    const yakutsk = weekOf(instant, 'Asia/Yakutsk');
    const saratov = weekOf(instant, 'Europe/Saratov');
    expect(yakutsk.monday).toBe('2026-03-02');
    expect(saratov.monday).toBe('2026-02-23');
    expect(yakutsk.start).toBe(at('yakutia', '2026-03-02T00:00'));
    expect(saratov.end).toBe(at('saratov', '2026-03-02T00:00'));
    expect(yakutsk.end - yakutsk.start).toBe(7 * 86_400_000);
  });

  it('spans a month boundary as one week (27 Apr – 3 May 2026)', () => {
    const w = weekOf(at('khabarovsk', '2026-05-03T23:59'), 'Asia/Vladivostok');
    expect(w.monday).toBe('2026-04-27');
    expect(weekOf(at('khabarovsk', '2026-04-27T00:00'), 'Asia/Vladivostok').monday).toBe('2026-04-27');
    expect(weekOf(at('khabarovsk', '2026-05-04T00:00'), 'Asia/Vladivostok').monday).toBe('2026-05-04');
  });

  it('refuses an out-of-range instant or a date that is not a Monday with a coded error', () => {
    for (const bad of [Number.NaN, -1, 1e300]) expect(rangeErrorCode(() => weekOf(bad, 'Asia/Yakutsk'))).toBe('instant-out-of-range');
    expect(rangeErrorCode(() => weekStarting('2026-04-28', 'Asia/Yakutsk'))).toBe('date-out-of-range');
    expect(rangeErrorCode(() => weekStarting('2026-02-30', 'Asia/Yakutsk'))).toBe('date-out-of-range');
  });
});

describe('weeklyCount', () => {
  const week = weekStarting('2026-04-27', 'Asia/Vladivostok');
  it('counts each post once, inside the week only (across 30 April → 1 May)', () => {
    const posts = [
      { key: 'vk:wall-1_10', publishedAt: at('khabarovsk', '2026-04-30T12:00') },
      { key: 'vk:wall-1_10', publishedAt: at('khabarovsk', '2026-04-30T12:00') }, // the same post seen again
      { key: 'vk:wall-1_11', publishedAt: at('khabarovsk', '2026-05-01T09:00') },
      { key: 'vk:wall-1_12', publishedAt: at('khabarovsk', '2026-05-03T23:59') },
      { key: 'vk:wall-1_9', publishedAt: at('khabarovsk', '2026-04-26T23:59') }, // the week before
      { key: 'vk:wall-1_13', publishedAt: at('khabarovsk', '2026-05-04T00:00') }, // the week after
    ];
    expect(weeklyCount(posts, week)).toBe(3);
  });
});

describe('publicationNorm', () => {
  it('gives each act’s norm with its clause and level', () => {
    expect(publicationNorm('saratov', 'body')).toEqual({ min: 2, level: 'mandatory', clause: { act: 'saratov', clause: 'п. 4' } });
    expect(publicationNorm('yakutia', 'body')).toEqual({ min: 5, level: 'recommended', clause: { act: 'yakutia', clause: 'прил. 1 п. 2.2' } });
    expect(publicationNorm('khabarovsk', 'government')).toEqual({ min: 10, level: 'recommended', clause: { act: 'khabarovsk', clause: 'п. 5 абз. 1' } });
    expect(publicationNorm('khabarovsk', 'body')).toEqual({
      min: 5,
      level: 'recommended',
      clause: { act: 'khabarovsk', clause: 'п. 5 абз. 2' },
      fewerAllowed: { act: 'khabarovsk', clause: 'п. 5 абз. 3' },
    });
    expect(publicationNorm('ivanovo', 'body')).toBeNull();
  });

  it('takes the workspace’s own setting over the act, labelled as its own', () => {
    expect(publicationNorm('saratov', 'body', { min: 3, level: 'recommended' })).toEqual({ min: 3, level: 'recommended', own: true });
    expect(publicationNorm('ivanovo', 'body', { min: 1, level: 'mandatory' })).toEqual({ min: 1, level: 'mandatory', own: true });
  });
});

describe('normStatus', () => {
  const week = weekStarting('2026-04-27', 'Europe/Saratov');
  const posts = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `vk:wall-1_${i}`, publishedAt: at('saratov', `2026-04-2${7 + (i % 3)}T10:00`) }));
  const during = at('saratov', '2026-05-01T12:00');
  const after = at('saratov', '2026-05-04T00:00');

  it('is met at the norm, open while the week lasts, missed after it (Saratov, mandatory)', () => {
    const norm = publicationNorm('saratov', 'body');
    expect(normStatus({ publications: posts(2), week, norm, now: during })).toMatchObject({ state: 'met', count: 2, missing: 0 });
    expect(normStatus({ publications: posts(1), week, norm, now: during })).toMatchObject({ state: 'open', count: 1, missing: 1 });
    expect(normStatus({ publications: posts(1), week, norm, now: after })).toMatchObject({ state: 'missed', level: 'mandatory', clause: { clause: 'п. 4' } });
  });

  it('excuses a short week without newsworthy events only where the act allows it (Khabarovsk bodies, not its government, not Saratov)', () => {
    const kweek = weekStarting('2026-04-27', 'Asia/Vladivostok');
    const kafter = at('khabarovsk', '2026-05-04T00:00');
    const body = normStatus({ publications: posts(2), week: kweek, norm: publicationNorm('khabarovsk', 'body'), now: kafter, fewEvents: true });
    expect(body).toMatchObject({ state: 'excused', clause: { clause: 'п. 5 абз. 3' } });
    const gov = normStatus({ publications: posts(2), week: kweek, norm: publicationNorm('khabarovsk', 'government'), now: kafter, fewEvents: true });
    expect(gov.state).toBe('missed');
    expect(normStatus({ publications: posts(1), week, norm: publicationNorm('saratov', 'body'), now: after, fewEvents: true }).state).toBe('missed');
  });

  it('says none where no norm applies', () => {
    expect(normStatus({ publications: posts(0), week, norm: null, now: after })).toEqual({ state: 'none', count: 0, missing: 0 });
  });
});
