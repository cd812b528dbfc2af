// @ts-check
/**
 * What the content script costs a heavy page, side by side (issue #21): the built extension on
 * a generated modern-VK community wall of 200 posts × 10 comments (~28,600 elements, 2,200
 * items) and on an OK feed of the same size, against the same page served from a host the
 * extension does not run on, in alternating pairs in one Chromium run. The pages run no script
 * of their own, so every ratio is a worst case. Per run:
 *
 * - load: the DevTools metrics (main thread, wall time) from navigation to 3 s after the load
 *   event: script + style + layout, and all tasks;
 * - a 5-second scripted scroll (rAF-driven, 3,000 px/s, so every frame needs the main thread):
 *   the main thread's CPU time (its tasks' thread time in the trace: the bar is judged on it),
 *   the wall time of all its tasks (DevTools metrics), the frames the compositor drew (DrawFrame
 *   in the trace), and where the time went (trace events, wall time);
 * - typing 24 characters into the page's reply box (120 ms apart): all main-thread tasks from
 *   one keydown to the next, p95 (trace, wall time);
 * - long tasks (≥ 50 ms) on the page's main thread over the whole run: those that ran the
 *   extension's script (a FunctionCall, EvaluateScript or compile of chrome-extension://…),
 *   and how many more than in the paired run without the extension.
 *
 * Environment: BENCH_PAIRS (VK pairs, default 5), BENCH_OK_PAIRS (default 3), BENCH_PAGES
 * (default "vk,ok"; "vk-legacy" is the 2012 layout), BENCH_EXTENSION_DIR (measure a build
 * there instead of building now), BENCH_LABEL (names the JSON written to test-output/bench/).
 * Run time: about 15 s a run, 16 runs by default.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, EXTENSION_DIR, ROOT } from '../e2e/harness.mjs';
import { HEAVY_PAGES } from './heavy-pages.mjs';

const LOAD_SETTLE_MS = 3000;
const SCROLL_MS = 5000;
const SCROLL_PX_PER_MS = 3;
const TYPED = 'the works on the street are planned ';
const KEYS = 24;
const KEY_GAP_MS = 120;
const LONG_TASK_US = 50_000;
/** What a long task is said to be made of. */
const TOP_LEVEL = new Set([
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
  'RunMicrotasks',
  'ParseHTML',
  'Layout',
  'UpdateLayoutTree',
  'PrePaint',
  'Paint',
  'IntersectionObserverController::computeIntersections',
  'v8.compile',
  'MajorGC',
  'MinorGC',
]);

// Always measure the current code unless told which build: build, then copy it away so that
// another build into .output/ during the run cannot change what is measured.
let extensionDir = process.env.BENCH_EXTENSION_DIR;
let copied;
if (!extensionDir) {
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
  copied = mkdtempSync(join(tmpdir(), 'aot-bench-ext-'));
  cpSync(EXTENSION_DIR, copied, { recursive: true });
  extensionDir = copied;
}
const contentBytes = statSync(join(extensionDir, 'content-scripts/content.js')).size;

const pagesWanted = (process.env.BENCH_PAGES ?? 'vk,ok')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const pairsFor = (/** @type {string} */ name) => Number(name === 'ok' ? (process.env.BENCH_OK_PAIRS ?? 3) : (process.env.BENCH_PAIRS ?? 5));

const userDataDir = mkdtempSync(join(tmpdir(), 'aot-bench-profile-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1100, height: 800 },
  locale: 'ru-RU',
  args: [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // The measured tab must never be throttled as a background tab.
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
  ],
});
let [worker] = context.serviceWorkers();
worker ??= await context.waitForEvent('serviceworker');
const extensionId = new URL(worker.url()).host;
// The options page opens at install: close it (it would compete for the CPU and the focus).
for (let waited = 0; waited < 5000; waited += 100) {
  const options = context.pages().find((p) => p.url().startsWith(`chrome-extension://${extensionId}/`));
  if (options) {
    await options.close();
    break;
  }
  await new Promise((r) => setTimeout(r, 100));
}

// Russian, as the e2e harness chooses it: this machine's Chromium speaks only en-US, and
// Playwright's locale reaches the pages before the worker, so without a choice the worker
// stores the English catalog and every page asks it for the Russian one (a round trip no
// Russian-speaking browser makes). Measured once the worker has stored the Russian catalog.
await worker.evaluate(() => /** @type {any} */ (globalThis).chrome.storage.local.set({ 'ui.locale': 'ru' }));
for (let waited = 0; waited < 5000; waited += 100) {
  const stored = await worker.evaluate(async () => (await /** @type {any} */ (globalThis).chrome.storage.local.get('ui.catalog'))['ui.catalog']?.locale);
  if (stored === 'ru') break;
  await new Promise((r) => setTimeout(r, 100));
}

/** The page served now (one run at a time). */
let served = '';
const WITHOUT_HOST = 'no-extension.test';
for (const host of ['vk.com', 'ok.ru', WITHOUT_HOST]) {
  await context.route(`https://${host}/**`, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served })
      : route.fulfill({ status: 204, body: '' }),
  );
}

/** @typedef {{ name: string, ph: string, ts: number, dur?: number, tdur?: number, pid: number, tid: number, args?: any }} TraceEvent */

/** Reads a finished trace from the page's DevTools session. @param {import('playwright-core').CDPSession} cdp */
async function endTrace(cdp) {
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  const { stream } = /** @type {{ stream: string }} */ (await done);
  const chunks = [];
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream, size: 1 << 22 });
    chunks.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString() : chunk.data);
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join(''));
  return /** @type {TraceEvent[]} */ (parsed.traceEvents ?? parsed);
}

/** @param {import('playwright-core').CDPSession} cdp */
async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const all = new Map(list.map((m) => [m.name, m.value]));
  const get = (/** @type {string} */ name) => all.get(name) ?? NaN;
  return {
    TaskDuration: get('TaskDuration'),
    ScriptDuration: get('ScriptDuration'),
    RecalcStyleDuration: get('RecalcStyleDuration'),
    LayoutDuration: get('LayoutDuration'),
  };
}

/**
 * One measured visit.
 * @param {string} pageName
 * @param {boolean} withExtension
 */
async function run(pageName, withExtension) {
  const spec = HEAVY_PAGES[pageName];
  if (!spec) throw new Error(`no page ${pageName}`);
  served = spec.html();
  const host = withExtension ? (spec.site === 'vk' ? 'vk.com' : 'ok.ru') : WITHOUT_HOST;
  const url = `https://${host}${spec.path}`;
  const page = await context.newPage();
  await page.bringToFront();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'v8.execute'];
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: categories, excludedCategories: ['*'], recordMode: 'recordContinuously' },
    transferMode: 'ReturnAsStream',
  });

  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(LOAD_SETTLE_MS);
  const atLoad = await metrics(cdp);
  const hostsAfterLoad = await page.evaluate(() => document.querySelectorAll('[data-aot="capture"]').length);

  // The scroll: the page's own frames move it (scrollBy in requestAnimationFrame), so a busy
  // main thread shows as fewer frames.
  const beforeScroll = await metrics(cdp);
  const scrolled = await page.evaluate(
    (/** @type {[number, number]} */ [ms, speed]) =>
      new Promise((resolve) => {
        console.timeStamp('bench:scroll:start');
        let frames = 0;
        const t0 = performance.now();
        let last = t0;
        const step = (/** @type {number} */ now) => {
          frames++;
          window.scrollBy(0, (now - last) * speed);
          last = now;
          if (now - t0 < ms) requestAnimationFrame(step);
          else {
            console.timeStamp('bench:scroll:end');
            resolve({ frames, y: Math.round(window.scrollY) });
          }
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(step);
        });
      }),
    /** @type {[number, number]} */ ([SCROLL_MS, SCROLL_PX_PER_MS]),
  );
  const afterScroll = await metrics(cdp);
  const hostsAfterScroll = await page.evaluate(() => document.querySelectorAll('[data-aot="capture"]').length);

  // Typing in the reply box of the first post (back at the top, settled).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(1000);
  await page.click(spec.replyBox);
  await page.waitForTimeout(500);
  await page.keyboard.type(TYPED.slice(0, KEYS), { delay: KEY_GAP_MS });
  await page.waitForTimeout(KEY_GAP_MS);
  const typedOk = (await page.locator(spec.replyBox).textContent())?.startsWith(TYPED.slice(0, KEYS).trim()) ?? false;

  const events = await endTrace(cdp);
  await page.close();
  const trace = analyse(events, url, extensionId);
  return {
    loadScriptStyleLayoutMs: (atLoad.ScriptDuration + atLoad.RecalcStyleDuration + atLoad.LayoutDuration) * 1000,
    loadTasksMs: atLoad.TaskDuration * 1000,
    loadScriptMs: atLoad.ScriptDuration * 1000,
    scrollTasksMs: (afterScroll.TaskDuration - beforeScroll.TaskDuration) * 1000,
    scrollFramesRaf: /** @type {any} */ (scrolled).frames,
    scrolledTo: /** @type {any} */ (scrolled).y,
    hostsAfterLoad,
    hostsAfterScroll,
    typedOk,
    ...trace,
  };
}

/**
 * What the trace says about the page's renderer: long tasks (and whether they ran our script),
 * frames drawn and main-thread time during the scroll, and the cost of each keystroke.
 * @param {TraceEvent[]} events
 * @param {string} url
 * @param {string} extId
 */
function analyse(events, url, extId) {
  const parse = events.find((e) => e.name === 'ParseHTML' && String(e.args?.beginData?.url ?? '').startsWith(url));
  if (!parse) throw new Error(`no ParseHTML of ${url} in the trace`);
  const pid = parse.pid;
  const threadName = new Map(events.filter((e) => e.name === 'thread_name' && e.pid === pid).map((e) => [e.tid, String(e.args?.name)]));
  const tidOf = (/** @type {string} */ name) => [...threadName].find(([, n]) => n === name)?.[0];
  const main = tidOf('CrRendererMain');
  const compositor = tidOf('Compositor');
  const onMain = events.filter((e) => e.pid === pid && e.tid === main).sort((a, b) => a.ts - b.ts);
  const tasks = onMain.filter((e) => e.ph === 'X' && e.name === 'RunTask');
  const mark = (/** @type {string} */ m) => onMain.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m)?.ts;
  const scrollStart = mark('bench:scroll:start') ?? 0;
  const scrollEnd = mark('bench:scroll:end') ?? 0;

  const ours = (/** @type {TraceEvent} */ e) =>
    String(e.args?.data?.url ?? e.args?.data?.stackTrace?.[0]?.url ?? '').startsWith(`chrome-extension://${extId}/`);
  const isScript = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.run', 'V8.Execute']);
  const within = (/** @type {TraceEvent} */ task) => {
    const end = task.ts + (task.dur ?? 0);
    return onMain.filter((e) => e.ts >= task.ts && e.ts < end && e !== task);
  };
  const long = tasks
    .filter((t) => (t.dur ?? 0) >= LONG_TASK_US)
    .map((t) => {
      const inside = within(t);
      /** @type {Map<string, number>} */
      const by = new Map();
      for (const e of inside) if (e.ph === 'X' && TOP_LEVEL.has(e.name)) by.set(e.name, (by.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      const top = [...by]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([k, v]) => `${k} ${v.toFixed(0)}`)
        .join(', ');
      return {
        ms: (t.dur ?? 0) / 1000,
        ours: inside.some((e) => isScript.has(e.name) && ours(e)),
        phase: t.ts >= scrollStart && t.ts <= scrollEnd ? 'scroll' : t.ts > scrollEnd ? 'after' : 'load',
        top,
      };
    });

  // Our script before the scroll: evaluating content.js (its start-up), and the calls into it
  // after that (callbacks, timers, idle slices), outermost ones only.
  let loadEvaluateMs = 0;
  let loadCallsMs = 0;
  let callEnd = 0;
  for (const e of onMain) {
    if (e.ph !== 'X' || e.ts >= scrollStart || !ours(e)) continue;
    if (e.name === 'EvaluateScript') loadEvaluateMs += (e.dur ?? 0) / 1000;
    else if (e.name === 'FunctionCall' && e.ts >= callEnd) {
      loadCallsMs += (e.dur ?? 0) / 1000;
      callEnd = e.ts + (e.dur ?? 0);
    }
  }

  // During the scroll: CPU of all tasks, frames drawn, and time by event name (nested events
  // counted in their own name too: a breakdown, not a sum).
  const inScroll = (/** @type {TraceEvent} */ e) => e.ts >= scrollStart && e.ts <= scrollEnd;
  const scrollCpuMs = tasks.filter(inScroll).reduce((s, t) => s + (t.tdur ?? t.dur ?? 0), 0) / 1000;
  const framesDrawn = events.filter((e) => e.pid === pid && e.tid === compositor && e.name === 'DrawFrame' && inScroll(e)).length;
  /** @type {Record<string, number>} */
  const scrollBreakdown = {};
  const NAMES = [
    'PrePaint',
    'IntersectionObserverController::computeIntersections',
    'Layout',
    'UpdateLayoutTree',
    'Paint',
    'Commit',
    'FunctionCall',
    'RunMicrotasks',
    'TimerFire',
    'FireIdleCallback',
  ];
  for (const e of onMain)
    if (e.ph === 'X' && inScroll(e) && NAMES.includes(e.name)) scrollBreakdown[e.name] = (scrollBreakdown[e.name] ?? 0) + (e.dur ?? 0) / 1000;

  // Keystrokes: from the task that dispatched one keydown to the next (the last: one gap).
  /** @type {TraceEvent[]} */
  const keyTasks = [];
  for (const e of onMain) {
    if (e.name !== 'EventDispatch' || e.args?.data?.type !== 'keydown') continue;
    const task = tasks.find((t) => t.ts <= e.ts && t.ts + (t.dur ?? 0) >= e.ts);
    if (task && keyTasks.at(-1) !== task) keyTasks.push(task);
  }
  const perKey = keyTasks.map((task, i) => {
    const end = keyTasks[i + 1]?.ts ?? task.ts + KEY_GAP_MS * 1000;
    return tasks.filter((t) => t.ts >= task.ts && t.ts < end).reduce((s, t) => s + (t.dur ?? 0), 0) / 1000;
  });
  return {
    loadEvaluateMs,
    loadCallsMs,
    longTasks: long,
    scrollCpuMs,
    framesDrawn,
    scrollBreakdown,
    keys: perKey.length,
    keyP95Ms: quantile(perKey, 0.95),
    keyMedianMs: quantile(perKey, 0.5),
  };
}

/** @param {number[]} xs @param {number} q */
function quantile(xs, q) {
  if (!xs.length) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}
const median = (/** @type {number[]} */ xs) => quantile(xs, 0.5);

const results = /** @type {Record<string, { with: any[], without: any[] }>} */ ({});
const started = Date.now();
for (const name of pagesWanted) {
  results[name] = { with: [], without: [] };
  const pairs = pairsFor(name);
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so a drift of the machine's load spreads over both.
    const order = i % 2 === 0 ? [true, false] : [false, true];
    for (const withExtension of order) {
      const r = await run(name, withExtension);
      results[name][withExtension ? 'with' : 'without'].push(r);
      process.stderr.write(
        `  ${name} ${withExtension ? 'with   ' : 'without'} #${i + 1}: load ${r.loadScriptStyleLayoutMs.toFixed(0)} ms, scroll ${r.scrollTasksMs.toFixed(0)} ms, ${r.framesDrawn} frames, key p95 ${r.keyP95Ms.toFixed(1)} ms, long tasks ${r.longTasks.length} (ours ${r.longTasks.filter((/** @type {any} */ l) => l.ours).length})\n`,
      );
    }
  }
}
await context.close();
rmSync(userDataDir, { recursive: true, force: true });
if (copied) rmSync(copied, { recursive: true, force: true });

/**
 * A figure over the pairs: medians without and with, the median of the pairs' ratios and their
 * spread (min–max).
 * @param {{ with: any[], without: any[] }} r
 * @param {(x: any) => number} pick
 */
function figure(r, pick) {
  const w = r.with.map(pick);
  const wo = r.without.map(pick);
  const ratios = w.map((x, i) => x / (wo[i] ?? NaN));
  const diffs = w.map((x, i) => x - (wo[i] ?? NaN));
  return {
    without: median(wo),
    with: median(w),
    ratio: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    diff: median(diffs),
    diffMin: Math.min(...diffs),
    diffMax: Math.max(...diffs),
    withMin: Math.min(...w),
    withMax: Math.max(...w),
    withoutMin: Math.min(...wo),
    withoutMax: Math.max(...wo),
  };
}
const pct = (/** @type {number} */ x) => `${x >= 1 ? '+' : '−'}${Math.abs((x - 1) * 100).toFixed(0)} %`;
const ms = (/** @type {number} */ x) => `${x.toFixed(x < 100 ? 1 : 0)} ms`;

const summary = /** @type {Record<string, any>} */ ({});
console.log(
  `\nChromium, the content script's cost on heavy generated pages (content.js ${(contentBytes / 1024).toFixed(1)} KiB), in ${((Date.now() - started) / 1000).toFixed(0)} s:`,
);
for (const [name, r] of Object.entries(results)) {
  const load = figure(r, (x) => x.loadScriptStyleLayoutMs);
  const loadTasks = figure(r, (x) => x.loadTasksMs);
  const scroll = figure(r, (x) => x.scrollTasksMs);
  const scrollCpu = figure(r, (x) => x.scrollCpuMs);
  const frames = figure(r, (x) => x.framesDrawn);
  const key = figure(r, (x) => x.keyP95Ms);
  const oursLong = r.with.flatMap((x) => x.longTasks.filter((/** @type {any} */ l) => l.ours));
  const excess = r.with.map((x, i) => x.longTasks.length - (r.without[i]?.longTasks.length ?? 0));
  const longest = Math.max(0, ...oursLong.map((l) => l.ms));
  const items = HEAVY_PAGES[name]?.items() ?? 0;
  const breakdown = /** @type {Record<string, { without: number, with: number }>} */ ({});
  for (const key of Object.keys(r.with[0]?.scrollBreakdown ?? {}))
    breakdown[key] = { without: median(r.without.map((x) => x.scrollBreakdown[key] ?? 0)), with: median(r.with.map((x) => x.scrollBreakdown[key] ?? 0)) };
  summary[name] = { pairs: r.with.length, load, loadTasks, scroll, scrollCpu, frames, key, oursLong, excess, breakdown, runs: r };
  const bar = (/** @type {boolean} */ ok) => (ok ? 'pass' : 'FAIL');
  console.log(`\n${name}: ${items} items, ${r.with.length} alternating pairs (medians; spread of the pairs' ratios in brackets)`);
  console.log(
    `  ${bar(load.ratio <= 1.15)} load, script+style+layout to 3 s after load: ${ms(load.without)} → ${ms(load.with)}  ${pct(load.ratio)} [${pct(load.ratioMin)} … ${pct(load.ratioMax)}]  (bar ≤ +15 %)`,
  );
  console.log(
    `       load, all main-thread tasks:                ${ms(loadTasks.without)} → ${ms(loadTasks.with)}  ${pct(loadTasks.ratio)} [${pct(loadTasks.ratioMin)} … ${pct(loadTasks.ratioMax)}]`,
  );
  console.log(
    `       load, the extension's script: evaluating content.js ${ms(median(r.with.map((x) => x.loadEvaluateMs)))}, calls into it ${ms(median(r.with.map((x) => x.loadCallsMs)))} (FunctionCall events: promise continuations are not counted)`,
  );
  console.log(
    `  ${bar(scrollCpu.ratio <= 1.25)} 5-s scroll, main-thread CPU (trace):        ${ms(scrollCpu.without)} → ${ms(scrollCpu.with)}  ${pct(scrollCpu.ratio)} [${pct(scrollCpu.ratioMin)} … ${pct(scrollCpu.ratioMax)}]  (bar ≤ +25 %)`,
  );
  console.log(
    `       5-s scroll, wall time of all tasks:        ${ms(scroll.without)} → ${ms(scroll.with)}  ${pct(scroll.ratio)} [${pct(scroll.ratioMin)} … ${pct(scroll.ratioMax)}]`,
  );
  console.log(
    `  ${bar(frames.ratio >= 0.9)} 5-s scroll, frames drawn:                   ${frames.without} → ${frames.with}  ${(frames.ratio * 100).toFixed(0)} % [${(frames.ratioMin * 100).toFixed(0)} … ${(frames.ratioMax * 100).toFixed(0)} %]  (bar ≥ 90 %)`,
  );
  console.log(
    `  ${bar(oursLong.length === 0)} long tasks running the extension's script:  ${oursLong.length} in ${r.with.length} runs${oursLong.length ? `, longest ${ms(longest)}` : ''}; long tasks with − without per pair: ${excess.join(', ')}  (bar 0)`,
  );
  for (const l of oursLong.sort((a, b) => b.ms - a.ms).slice(0, 4)) console.log(`       a long task of ours: ${ms(l.ms)} at ${l.phase}: ${l.top}`);
  console.log(
    `  ${bar(key.diff <= 8)} per keystroke in the reply box, p95:         ${ms(key.without)} → ${ms(key.with)}  +${key.diff.toFixed(1)} ms [${key.diffMin.toFixed(1)} … ${key.diffMax.toFixed(1)}]  (bar ≤ +8 ms)`,
  );
  console.log(
    `       during the scroll, by event (ms, without → with): ${Object.entries(breakdown)
      .map(
        ([k, v]) => `${k.replace('IntersectionObserverController::computeIntersections', 'IntersectionObserver')} ${v.without.toFixed(0)}→${v.with.toFixed(0)}`,
      )
      .join(', ')}`,
  );
  console.log(
    `       buttons after load / after the scroll: ${median(r.with.map((x) => x.hostsAfterLoad))} / ${median(r.with.map((x) => x.hostsAfterScroll))}; scrolled to ${median(r.with.map((x) => x.scrolledTo))} px; typed: ${r.with.every((x) => x.typedOk) && r.without.every((x) => x.typedOk)}`,
  );
}
const out = join(ROOT, 'test-output/bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, `page-cost${process.env.BENCH_LABEL ? `-${process.env.BENCH_LABEL}` : ''}.json`), JSON.stringify({ contentBytes, summary }, null, 1));
