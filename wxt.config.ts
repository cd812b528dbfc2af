import { defineConfig } from 'wxt';
import { localeFiles } from './lib/i18n/manifest-locales';
import { SITE_MATCHES } from './lib/sites/hosts';

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
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: SITE_MATCHES,
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'otvet-v-srok@gov-replies' } } } : {}),
  }),
  hooks: {
    // The content script runs in every VK/OK tab: it renders with preact/compat (~10 KB gzip)
    // instead of React (~60 KB). Extension pages keep React.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const alias = Array.isArray(config.resolve?.alias) ? config.resolve.alias : Object.entries(config.resolve?.alias ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
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
