// @ts-check
/**
 * Mozilla's add-on linter (what `web-ext lint` runs) on the Firefox build: no error, and no
 * warning except the ones the README explains ("Packages for the stores"): the UI libraries' own
 * implementation of `dangerouslySetInnerHTML`, a prop our code never uses (ESLint forbids it).
 * Anything else fails, with the linter's own words. Usage: node test/tools/lint-firefox.mjs [dir]
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.output/firefox-mv2');
const raw = execFileSync('node_modules/.bin/web-ext', ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  // The linter exits non-zero when it finds errors; the JSON says which.
  stdio: ['ignore', 'pipe', 'inherit'],
}).trim();
/** @type {{ summary: { errors: number, warnings: number, notices: number }, errors: any[], warnings: any[], notices: any[] }} */
const report = JSON.parse(raw.slice(raw.indexOf('{')));

/**
 * A warning the README explains: an innerHTML assignment inside a UI library's handling of the
 * `dangerouslySetInnerHTML` prop (React DOM in extension pages, Preact in the content script).
 * @param {any} w
 */
function explained(w) {
  if (w.code !== 'UNSAFE_VAR_ASSIGNMENT' || !w.file || !w.line || !w.column) return false;
  const line = readFileSync(join(dir, w.file), 'utf8').split('\n')[w.line - 1] ?? '';
  const before = line.slice(Math.max(0, w.column - 400), w.column);
  return before.includes('dangerouslySetInnerHTML') || before.includes('__html');
}

const unexplained = report.warnings.filter((w) => !explained(w));
const show = (/** @type {any} */ w) => `  ${w.code} ${w.file ?? ''}${w.line ? `:${w.line}:${w.column}` : ''} — ${w.message}`;
console.log(
  `web-ext lint ${dir}: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.warnings.length - unexplained.length} explained in the README), ${report.summary.notices} notices`,
);
for (const e of report.errors) console.log(show(e));
for (const w of unexplained) console.log(show(w));
process.exit(report.errors.length || unexplained.length ? 1 : 0);
