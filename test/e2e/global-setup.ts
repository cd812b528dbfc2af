/** Builds the extension once before the end-to-end tests (skip with E2E_SKIP_BUILD=1). */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, EXTENSION_DIR } from './harness.mjs';

export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  if (process.env.E2E_SKIP_BUILD === '1' && existsSync(`${EXTENSION_DIR}/manifest.json`)) return;
  // Vitest sets NODE_ENV=test; a build under it would ship React's development JSX runtime.
  execFileSync('node_modules/.bin/wxt', ['build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
