// @vitest-environment node
/**
 * Immediate alerts (Yakutia п. 22, Saratov п. 19 абз. 3, Ivanovo п. 21 абз. 2): a socially
 * significant message, and spikes of activity on synthetic series.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '@/lib/regulations';
import { DEFAULT_SPIKE_SETTINGS, detectSpikes, openSignificantAlerts, scanSpikes, significantAlert, type Capture } from '@/lib/reports';
import { spikeReason } from '@/lib/reports/why';
import { fixture, profile, at } from '../../helpers/reports';

describe('socially significant message', () => {
  const { messages } = fixture();
  const m3 = messages.find((m) => m.id === 'm3')!;

  it('gives the fields of a ready-to-send report: what, where, link, when found, routed to', () => {
    expect(significantAlert(m3, profile)).toEqual({
      kind: 'significant',
      id: 'significant:m3',
      messageId: 'm3',
      clause: 'п. 19, абз. 3',
      importance: 'critical',
      topic: 'Отопление',
      text: 'Весь квартал без тепла',
      location: 'Саратов',
      site: 'vk',
      url: 'https://vk.com/wall-1_3',
      author: 'Житель',
      foundAt: at('2026-11-09T10:00'),
      routedTo: [{ body: 'saratov', executor: 'ex-saratov' }],
    });
  });

  it('none for an ordinary message, nor where the act has no immediate report (Khabarovsk)', () => {
    expect(significantAlert(messages[0]!, profile)).toBeNull();
    expect(significantAlert(m3, getProfile('khabarovsk'))).toBeNull();
  });

  it('lists the alerts not yet acknowledged', () => {
    expect(openSignificantAlerts(messages, profile, new Set()).map((a) => a.id)).toEqual(['significant:m3']);
    expect(openSignificantAlerts(messages, profile, new Set(['significant:m3']))).toEqual([]);
  });
});

// ---- synthetic series --------------------------------------------------------------------------

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Monday 2 November 2026, 00:00 UTC: days are counted from here; "working hours" are 09:00–18:00 UTC. */
const START = Date.UTC(2026, 10, 2);
/** A seeded generator (the series are the same on every run). */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

let seq = 0;
/** `n` captures spread over the working hours of day `day` (evenly, with a little jitter). */
function dayOf(day: number, n: number, topic: string, location: string, rnd: () => number): Capture[] {
  const out: Capture[] = [];
  for (let i = 0; i < n; i++) {
    const t = START + day * DAY + 9 * HOUR + ((i + 0.5 + (rnd() - 0.5) * 0.8) / n) * 9 * HOUR;
    out.push({ id: `c${++seq}`, detectedAt: Math.round(t), topic, location });
  }
  return out;
}
const isWeekend = (day: number) => day % 7 === 5 || day % 7 === 6;

describe('spike detection', () => {
  it('defaults: a 3-hour window, 14 days of baseline, 3 times the usual, at least 5', () => {
    expect(DEFAULT_SPIKE_SETTINGS).toEqual({ windowMinutes: 180, baselineDays: 14, threshold: 3, minCount: 5, topicWide: true, minHistoryDays: 7 });
  });

  it('a real spike fires once, says why, and links the posts', () => {
    const rnd = lcg(1);
    const series: Capture[] = [];
    for (let day = 0; day < 28; day++) series.push(...dayOf(day, isWeekend(day) ? 1 : 3, 'Отопление', 'Якутск', rnd));
    // Day 21 (a Monday), 10:00–12:45: twelve posts about heating in Yakutsk.
    const spike = Array.from({ length: 12 }, (_, i) => ({
      id: `s${i}`,
      detectedAt: START + 21 * DAY + 10 * HOUR + i * 15 * 60_000,
      topic: 'Отопление',
      location: 'Якутск',
    }));
    const all = [...series, ...spike];
    const alerts = scanSpikes(all, START, START + 28 * DAY);
    expect(alerts).toHaveLength(1);
    const a = alerts[0]!;
    expect(a).toMatchObject({ kind: 'spike', topic: 'Отопление', location: 'Якутск', windowMinutes: 180, threshold: 3 });
    // It fires at the capture that first makes the window count exceed 3 × the usual count.
    expect(a.count).toBeGreaterThanOrEqual(5);
    expect(a.count).toBeGreaterThan(3 * Math.max(a.baseline, 1));
    expect(a.baseline).toBeLessThan(2); // about one post in this window of a working day, fewer at weekends
    expect(a.messageIds).toContain('s0'); // the spike's first post, with the window's others
    expect(a.messageIds).toHaveLength(a.count);
    expect(a.messageIds.every((id) => all.find((c) => c.id === id)!.detectedAt > a.firedAt - 3 * HOUR)).toBe(true);
    // Live detection at the end of the spike raises it once; with that alert raised and not acknowledged, nothing more.
    const now = START + 21 * DAY + 13 * HOUR;
    const live = detectSpikes(all, now);
    // The window is (now − 3 h, now]: the spike's posts after 10:00 and the usual ones in it.
    const inWindow = all.filter((c) => c.detectedAt > now - 3 * HOUR && c.detectedAt <= now).length;
    expect(inWindow).toBeGreaterThanOrEqual(11);
    expect(live.map((x) => [x.topic, x.location, x.count])).toEqual([['Отопление', 'Якутск', inWindow]]);
    expect(detectSpikes(all, now, {}, [{ topic: 'Отопление', location: 'Якутск', firedAt: a.firedAt, acknowledged: false }])).toEqual([]);
  });

  it('no storm: a long spike raises one alert until acknowledged, then one per window', () => {
    const long = Array.from({ length: 60 }, (_, i) => ({
      id: `l${i}`,
      detectedAt: START + 14 * DAY + 9 * HOUR + i * 6 * 60_000,
      topic: 'Вода',
      location: 'Мирный',
    }));
    // The workspace has captured since START (nothing about this topic before the spike).
    expect(scanSpikes(long, START, START + 20 * DAY, {}, new Set(), START)).toHaveLength(1);
    const first = scanSpikes(long, START, START + 20 * DAY, {}, new Set(), START)[0]!;
    expect(first).toMatchObject({ count: 5, baseline: 0, baselineDays: 14 });
    // Acknowledged: the group may fire again once a window has passed since the first alert.
    const again = scanSpikes(long, START, START + 20 * DAY, {}, new Set([first.id]), START);
    expect(again).toHaveLength(2);
    expect(again[1]!.firedAt - again[0]!.firedAt).toBeGreaterThanOrEqual(3 * HOUR);
  });

  it('steady growth does not misfire', () => {
    const rnd = lcg(2);
    const series: Capture[] = [];
    for (let day = 0; day < 60; day++) series.push(...dayOf(day, Math.round(2 * 1.06 ** day), 'Дороги', 'Якутск', rnd)); // +6 % a day: 2 → 62 a day
    expect(scanSpikes(series, START, START + 60 * DAY)).toEqual([]);
  });

  it('a weekend lull does not make Monday look like a spike', () => {
    const rnd = lcg(3);
    const series: Capture[] = [];
    for (let day = 0; day < 42; day++) series.push(...dayOf(day, isWeekend(day) ? 0 : 30, 'Транспорт', 'Якутск', rnd));
    expect(scanSpikes(series, START, START + 42 * DAY)).toEqual([]);
  });

  it('a single busy topic among quiet ones does not misfire', () => {
    const rnd = lcg(4);
    const series: Capture[] = [];
    for (let day = 0; day < 42; day++) {
      series.push(...dayOf(day, 40, 'Отопление', 'Якутск', rnd));
      for (const [topic, location] of [
        ['Дороги', 'Нерюнгри'],
        ['Мусор', 'Якутск'],
        ['Связь', 'Мирный'],
      ] as const)
        if (day % 2 === 0) series.push(...dayOf(day, 1, topic, location, rnd));
    }
    expect(scanSpikes(series, START, START + 42 * DAY)).toEqual([]);
  });

  it('a topic spread over places fires topic-wide; a place of its own fires for that place only', () => {
    const spread = ['Якутск', 'Нерюнгри', 'Мирный'].flatMap((location, k) =>
      Array.from({ length: 3 }, (_, i) => ({
        id: `${location}${i}`,
        detectedAt: START + 7 * DAY + 10 * HOUR + (k * 3 + i) * 10 * 60_000,
        topic: 'Отопление',
        location,
      })),
    );
    const alerts = scanSpikes(spread, START, START + 8 * DAY, {}, new Set(), START);
    expect(alerts.map((a) => [a.topic, a.location, a.count])).toEqual([['Отопление', null, 5]]);
    const one = Array.from({ length: 6 }, (_, i) => ({
      id: `y${i}`,
      detectedAt: START + 7 * DAY + 10 * HOUR + i * 10 * 60_000,
      topic: 'Отопление',
      location: 'Якутск',
    }));
    expect(scanSpikes(one, START, START + 8 * DAY, {}, new Set(), START).map((a) => [a.location, a.count])).toEqual([['Якутск', 5]]);
    expect(scanSpikes(one, START, START + 8 * DAY, { topicWide: false }, new Set(), START)).toHaveLength(1);
    // Without a week of history behind the window, nothing fires (every topic looks new at the start).
    expect(scanSpikes(one, START, START + 8 * DAY)).toEqual([]);
  });

  it('says why it fired, as a message key with its values', () => {
    const num = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');
    const spike = { count: 12, topic: 'Отопление', location: 'Якутск', windowMinutes: 180, baseline: 2 };
    expect(spikeReason(spike, num)).toEqual({
      reason: 'alerts.spike.why',
      params: { count: 12, topic: 'Отопление', location: 'Якутск', hours: '3', usual: '2' },
    });
    expect(spikeReason({ ...spike, location: null, windowMinutes: 90, baseline: 0.25 }, num)).toEqual({
      reason: 'alerts.spike.whyTopic',
      params: { count: 12, topic: 'Отопление', hours: '1,5', usual: '0,3' },
    });
  });

  it('a baseline shorter than a week needs only its own days of history', () => {
    const one = Array.from({ length: 6 }, (_, i) => ({
      id: `y${i}`,
      detectedAt: START + 3 * DAY + 10 * HOUR + i * 10 * 60_000,
      topic: 'Отопление',
      location: 'Якутск',
    }));
    expect(scanSpikes(one, START, START + 4 * DAY, { baselineDays: 3 }, new Set(), START)).toHaveLength(1);
  });

  it('settings are checked; nothing to scan gives nothing', () => {
    expect(() => scanSpikes([], START, START + DAY, { windowMinutes: 0 })).toThrow(/bad-option/);
    expect(() => detectSpikes([], START, { threshold: Number.NaN })).toThrow(/bad-option/);
    expect(() => scanSpikes([], START + DAY, START)).toThrow(/period-reversed/);
    expect(scanSpikes([], START, START + DAY)).toEqual([]);
    const junk = [null, { id: 'x', detectedAt: Number.NaN, topic: 'a', location: '' }, { id: 'y', detectedAt: START, topic: 5 }] as unknown as Capture[];
    expect(scanSpikes(junk, START, START + DAY)).toEqual([]);
    expect(detectSpikes([], START)).toEqual([]);
  });
});
