import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root,
  test: {
    reporters: ['default', ['json', { outputFile: 'test-output/results.json' }]],
    projects: [
      {
        // Unit tests: lib/ in Node speed, components and adapters in jsdom, the WXT fake browser.
        extends: true,
        plugins: [WxtVitest({ root })],
        test: {
          name: 'unit',
          root,
          include: ['test/unit/**/*.test.{ts,tsx}'],
          benchmark: { include: ['test/bench/**/*.bench.ts'] },
          environment: 'jsdom',
          setupFiles: ['test/config/unit-setup.ts'],
          // The property tests take ~3 s each alone; under a loaded CI machine 5 s was too close.
          testTimeout: 15_000,
        },
      },
      {
        // End-to-end: the built extension in Debian's Chromium, driven by playwright-core.
        extends: true,
        // Test helpers shared with the unit tests import lib/ by the project's alias.
        resolve: { alias: { '@/': `${root}/` } },
        test: {
          name: 'e2e',
          root,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A fresh browser under CI load can take more than the default 1 s to show a page.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
      {
        // The team server on a real PostgreSQL 15 started by the global setup (one database per file).
        extends: true,
        // The extension's sync client runs against it in-process (lib/ and the background service).
        resolve: { alias: { '@/': `${root}/` } },
        test: {
          name: 'server',
          root,
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/server/global-setup.ts'],
          // After the unit and browser tests, alone on the machine: its throughput and shutdown
          // tests start processes of their own and time them.
          sequence: { groupOrder: 1 },
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
