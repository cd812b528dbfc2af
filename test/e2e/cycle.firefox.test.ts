/**
 * The working cycle (scenarios/cycle.mjs) in Debian's Firefox ESR with the MV2 build
 * (.output/firefox-mv2), through the puppeteer-core WebDriver BiDi driver. The same list runs in
 * Chromium in cycle.chromium.test.ts.
 *
 * E2E_FIREFOX_EXTENSION_DIR installs another build instead (a measurement, e.g. .output/firefox-mv3).
 * The run's figures go to test-output/firefox-timings.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './harness.mjs';
import { createFirefoxDriver, FIREFOX_EXTENSION_DIR } from './drivers/firefox.mjs';
import { scenarios, setup } from './scenarios/cycle.mjs';

const extensionDir = process.env.E2E_FIREFOX_EXTENSION_DIR ? resolve(process.env.E2E_FIREFOX_EXTENSION_DIR) : FIREFOX_EXTENSION_DIR;
const driver = createFirefoxDriver({ extensionDir });
const fileStarted = Date.now();
const timings: Record<string, number | string> = { extensionDir };
const TIMINGS = join(ROOT, 'test-output/firefox-timings.json');

beforeAll(async () => {
  await driver.launch();
  await setup(driver);
  // The first «Взять в работу» control on a fixture page: how long a person waits for it.
  const started = Date.now();
  const page = await driver.openSite('https://vk.com/club100');
  try {
    await page.waitFor('[data-aot="capture"] >> button');
    timings.firstControl = Date.now() - started;
    expect(await page.text('[data-aot="capture"] >> button')).toBe('Взять в работу');
  } finally {
    await page.close();
  }
});

afterAll(async () => {
  try {
    await driver.close();
  } finally {
    Object.assign(timings, driver.timings, { wholeFile: Date.now() - fileStarted });
    mkdirSync(dirname(TIMINGS), { recursive: true });
    writeFileSync(TIMINGS, `${JSON.stringify(timings, null, 2)}\n`);
  }
});

describe('the cycle in Firefox', () => {
  for (const scenario of scenarios) it(scenario.name, () => scenario.run(driver));
});
