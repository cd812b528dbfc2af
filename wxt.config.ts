import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { localeFiles } from './lib/i18n/manifest-locales';
import { SITE_MATCHES } from './lib/sites/hosts';

/**
 * zod compiles fast parsers with `new Function` when the page allows it. Extension pages forbid
 * eval (MV3's CSP), the probe itself is reported as a CSP violation, and Mozilla's add-on linter
 * flags the code. Build without it: the probe answers "no eval" and the code generator is gone,
 * so zod takes its ordinary (jitless) path everywhere. Checked by `npm run lint:firefox`.
 */
function zodWithoutCodegen() {
  return {
    name: 'zod-without-codegen',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!/[\\/]zod[\\/]v4[\\/]core[\\/](util|doc)\.js$/.test(id)) return null;
      const out = code.replace(/const F = Function;/g, 'throw new Error("code generation is disabled in this build");');
      if (out === code) throw new Error(`zod-without-codegen: no code generator found in ${id} (zod changed: update wxt.config.ts)`);
      return { code: out, map: null };
    },
  };
}

/**
 * decimal.js-light (Recharts' number formatting, on the reports page) finds the global object
 * with `Function('return this')()` where `self` is missing: never in an extension page, but the
 * code is eval to Mozilla's add-on linter. `globalThis` says the same without it.
 */
function decimalWithoutFunction() {
  return {
    name: 'decimal-without-function',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!/[\\/]decimal\.js-light[\\/]decimal\.m?js$/.test(id)) return null;
      const out = code.replace(/Function\((['"])return this\1\)\(\)/g, 'globalThis');
      if (out === code) throw new Error(`decimal-without-function: nothing replaced in ${id} (decimal.js-light changed: update wxt.config.ts)`);
      return { code: out, map: null };
    },
  };
}

const TEAM_SERVER_MATCHES = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ru',
    permissions: [
      'storage',
      'alarms',
      'notifications',
      // sidePanel: the desk beside the page. scripting: after an update, open VK/OK tabs get the
      // new content script at once (Chrome does not inject it into them; Firefox does itself).
      ...(browser === 'firefox' ? [] : ['sidePanel', 'scripting']),
    ],
    host_permissions: SITE_MATCHES,
    // The team server's origin, asked for only when the person connects to it (and given back on
    // disconnecting): https anywhere (a region runs its own), plain http only on this computer.
    ...(browser === 'firefox' ? { optional_permissions: TEAM_SERVER_MATCHES } : { optional_host_permissions: TEAM_SERVER_MATCHES }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected or sent anywhere: the data stays in the browser (and, for a
            // team, on the region's own server, which the person connects to).
            gecko: { id: 'otvet-v-srok@gov-replies', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  vite: () => ({
    plugins: [zodWithoutCodegen(), decimalWithoutFunction()],
    resolve: {
      // The XLSX writer zips with fflate, which compresses large files on a Worker made from a
      // blob: URL; an MV3 page may not start one (worker-src 'self'), so large reports would fail
      // to export. lib/reports/zip-sync.ts does the same on the page's thread.
      alias: [{ find: /^fflate$/, replacement: fileURLToPath(new URL('./lib/reports/zip-sync.ts', import.meta.url)) }],
    },
  }),
  zip: {
    // Store packages: .output/<name>-<version>-chrome.zip, -firefox.zip, and the sources
    // archive Mozilla's reviewers rebuild the add-on from (README: "Packages for the stores").
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    excludeSources: ['test/**', 'test-output/**', '.output/**', '.wxt/**', '.ci/**'],
  },
  hooks: {
    // The content script runs in every VK/OK tab: it renders with preact/compat (~10 KB gzip)
    // instead of React (~60 KB). Extension pages keep React.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = Array.isArray(config.resolve?.alias)
        ? config.resolve.alias
        : Object.entries(config.resolve?.alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve = {
        ...config.resolve,
        alias: [
          { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
          { find: /^react-dom$/, replacement: 'preact/compat' },
          { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
          { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
          { find: /^react$/, replacement: 'preact/compat' },
          ...alias,
        ],
      };
      // zod's builders (z.object(...), z.optional(...)) have no side effects: schemas a shared
      // module defines that the content script never uses are dropped instead of being built at
      // every page load (8 KB of content.js).
      const build = (config.build ??= {});
      const options = (build.rolldownOptions ??= {});
      const treeshake = typeof options.treeshake === 'object' ? options.treeshake : {};
      options.treeshake = { ...treeshake, manualPureFunctions: [...(treeshake.manualPureFunctions ?? []), 'z'] };
    },
    // One messages file per language (lib/i18n/locales/*.json) also feeds the manifest's
    // _locales, so the extension's name and description are translated from the same file.
    'build:publicAssets': (_wxt, files) => {
      for (const file of localeFiles()) files.push(file);
    },
    // WXT takes the toolbar button's title from popup.html's <title>; use the translated one.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_actionTitle__';
    },
  },
});
