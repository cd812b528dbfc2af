// @ts-check
/**
 * The reports as the extension runs them (issue 18): lib/reports bundled into one module, as the
 * reports page gets it (the Vitest bench runs the sources through its module runner, whose
 * cross-module calls cost more), timed in plain Node on the same data (report-data.ts). Prints
 * the median of 15 runs after 3 warm-ups: a year's report over 100,000 messages, first open
 * (bar ≤ 300 ms), a month's deficiency report, and spike detection over a year (bar ≤ 50 ms).
 * Writes test-output/bench/reports.json.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';

const ROOT = process.cwd();
const out = join(tmpdir(), `aot-reports-bench-${process.pid}.mjs`);
await build({
  stdin: {
    contents: `
      export * from './lib/reports/index.ts';
      export * from './test/bench/report-data.ts';
    `,
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  minify: true,
  outfile: out,
  logLevel: 'warning',
});
const r = await import(pathToFileURL(out).href);

/** @param {() => unknown} f */
function median(f, runs = 15, warm = 3) {
  for (let i = 0; i < warm; i++) f();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return /** @type {number} */ (times[Math.floor(times.length / 2)]);
}

const input = { messages: r.messages, profile: r.profile, calendar: r.calendar, period: r.YEAR, now: r.NOW, bodies: r.BODIES };
const year = median(() => {
  const report = r.buildReport(input);
  if (report.totals.captured !== 100_000) throw new Error(`captured ${report.totals.captured}`);
});
const deficiency = median(() => r.deficiencyReport({ messages: r.messages, profile: r.profile, calendar: r.calendar, period: r.MONTH, now: r.NOW }));
const spikesLive = median(() => r.detectSpikes(r.captures, r.YEAR.to - 1), 30);
const spikesYear = median(() => r.scanSpikes(r.captures, r.YEAR.from, r.YEAR.to));

const result = { yearReportMs: year, monthDeficiencyMs: deficiency, spikesLiveMs: spikesLive, spikesYearMs: spikesYear };
mkdirSync(join(ROOT, 'test-output/bench'), { recursive: true });
writeFileSync(join(ROOT, 'test-output/bench/reports.json'), JSON.stringify(result, null, 2));
const f = (/** @type {number} */ ms) => `${ms.toFixed(1)} ms`;
console.log(`\nReports, bundled as the extension runs them (medians of 15 runs, 100,000 messages):`);
console.log(`  ${year <= 300 ? 'pass' : 'FAIL'} a year's report, first open:          ${f(year)}  (bar ≤ 300 ms)`);
console.log(`       a month's deficiency report:           ${f(deficiency)}`);
console.log(`  ${spikesLive <= 50 ? 'pass' : 'FAIL'} spike detection, live check:           ${f(spikesLive)}  (bar ≤ 50 ms)`);
console.log(`  ${spikesYear <= 50 ? 'pass' : 'FAIL'} spike detection, a year replayed:      ${f(spikesYear)}  (bar ≤ 50 ms)`);
