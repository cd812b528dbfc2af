/**
 * Builds the extension once before the end-to-end tests: the Chrome MV3 package and the Firefox
 * MV2 package (skip with E2E_SKIP_BUILD=1 when the package is already there). Fails at once,
 * saying what to install, when a browser is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, EXTENSION_DIR } from './harness.mjs';
import { FIREFOX, FIREFOX_EXTENSION_DIR } from './drivers/firefox.mjs';

function build(dir: string, args: string[]): void {
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(join(dir, 'manifest.json'))) return;
  // Vitest sets NODE_ENV=test; a build under it would ship React's development JSX runtime.
  execFileSync('node_modules/.bin/wxt', ['build', ...args], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}: install Debian's Firefox ESR (apt-get install -y firefox-esr) or set FIREFOX_PATH`);
  }
  build(EXTENSION_DIR, []);
  build(FIREFOX_EXTENSION_DIR, ['-b', 'firefox']);
}
