// @ts-check
/** Runs axe-core in a page (through the DevTools protocol, so extension-page CSP does not block it). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Serious and critical violations on the page (or under `selector`).
 * @param {import('playwright-core').Page} page
 * @param {string} [selector]
 */
export async function seriousViolations(page, selector) {
  await page.evaluate(`${axeSource};0`);
  const result = await page.evaluate(async (sel) => {
    const axe = /** @type {any} */ (window).axe;
    const res = await axe.run(sel ? { include: [[sel]] } : document, { resultTypes: ['violations'] });
    return res.violations.map((/** @type {any} */ v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((/** @type {any} */ n) => n.target.join(' ')),
    }));
  }, selector);
  return result.filter((/** @type {{impact: string}} */ v) => v.impact === 'serious' || v.impact === 'critical');
}
