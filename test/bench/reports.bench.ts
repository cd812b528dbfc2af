// @vitest-environment node
/**
 * Reports over a year (issue 18): the figures of a year's report over 100,000 stored messages
 * (target ≤ 300 ms median), the deficiency report of a month, and spike detection over a year of
 * captures (target ≤ 50 ms): the live check at one instant and the replay of the whole year.
 *
 * The messages are synthetic but shaped like stored ones (Yakutia, 2026): detected in working
 * hours on every working day, routed, drafted, approved and published at varying delays (some
 * late), 4 % still open, 3 % with a rework, 2 % returned and re-routed, 1 % with an interim
 * answer, 1 % not processable; 8 bodies, 27 topics, 11 locations. The report runs without the
 * checker's score (see lib/reports/score.ts: it is computed once per text and remembered).
 */
import { bench, describe } from 'vitest';
import { buildReport, createReportCache, deficiencyReport, detectSpikes, scanSpikes } from '@/lib/reports';
import { BODIES, calendar, captures, messages, MONTH, NOW, profile, YEAR } from './report-data';

const cache = createReportCache();
const check = (r: ReturnType<typeof buildReport>) => {
  if (r.totals.captured !== 100_000 || r.skipped.length) throw new Error(`captured ${r.totals.captured}, skipped ${r.skipped.length}`);
};

describe('reports over a year of 100,000 messages', () => {
  bench(
    "a year's report, every message planned afresh (buildReport, first open)",
    () => check(buildReport({ messages, profile, calendar, period: YEAR, now: NOW, bodies: BODIES })),
    { iterations: 10, time: 0, warmupIterations: 2 },
  );
  bench(
    "a year's report recomputed over the loaded messages (with the plan memo: other filters, other period)",
    () => check(buildReport({ messages, profile, calendar, period: YEAR, now: NOW, bodies: BODIES, cache })),
    { iterations: 10, time: 0, warmupIterations: 2 },
  );
  bench(
    "a month's deficiency report",
    () => {
      deficiencyReport({ messages, profile, calendar, period: MONTH, now: NOW });
    },
    { iterations: 10, time: 0, warmupIterations: 2 },
  );
});

describe('spike detection over a year of 100,000 captures', () => {
  bench(
    'live check at one instant (detectSpikes)',
    () => {
      detectSpikes(captures, YEAR.to - 1);
    },
    { iterations: 20, time: 0, warmupIterations: 2 },
  );
  bench(
    'the whole year replayed (scanSpikes)',
    () => {
      scanSpikes(captures, YEAR.from, YEAR.to);
    },
    { iterations: 10, time: 0, warmupIterations: 2 },
  );
});
