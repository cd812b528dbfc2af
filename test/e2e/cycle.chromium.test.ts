/**
 * The working cycle (scenarios/cycle.mjs) in Debian's Chromium with the MV3 build
 * (.output/chrome-mv3), through the playwright-core driver. The same list runs in Firefox in
 * cycle.firefox.test.ts.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createChromiumDriver } from './drivers/chromium.mjs';
import { scenarios, setup } from './scenarios/cycle.mjs';

const driver = createChromiumDriver();

beforeAll(async () => {
  await driver.launch();
  await setup(driver);
});

afterAll(async () => {
  await driver.close();
});

describe('the cycle in Chromium', () => {
  for (const scenario of scenarios) it(scenario.name, () => scenario.run(driver));
});
