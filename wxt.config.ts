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
    action: { default_title: '__MSG_actionTitle__' },
  }),
  hooks: {
    // One messages file per language (lib/i18n/locales/*.json) also feeds the manifest's
    // _locales, so the extension's name and description are translated from the same file.
    'build:publicAssets': (_wxt, files) => {
      for (const file of localeFiles()) files.push(file);
    },
  },
});
