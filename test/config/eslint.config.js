// Lint rules. Kept under test/config so the top level holds only the product's own layout.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Modules with side effects: only lib/db and lib/messaging may use them inside lib/. */
const impure = [
  { name: 'wxt/browser', message: 'lib/ domain modules are pure: no browser.* (only lib/messaging may talk to the browser).' },
  { name: 'dexie', message: 'lib/ domain modules are pure: only lib/db may use Dexie.' },
  { name: 'dexie-react-hooks', message: 'lib/ domain modules are pure: no Dexie.' },
  { name: 'react', message: 'lib/ holds no UI: components/ does.' },
  { name: 'zustand', message: 'lib/ holds no UI state: components/state does.' },
];

const noHtml = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never insert page text as HTML.' },
  { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never insert page text as HTML.' },
];

/**
 * No Error made while a module loads: Chromium records where an Error was made, and for one
 * made while content.js is evaluated it re-parses the whole script for line numbers (7–8 ms of
 * every VK/OK page load, found by the page-cost benchmark). Make it where it is thrown.
 */
const errorAtLoad = ['Program > VariableDeclaration', 'Program > ExportNamedDeclaration > VariableDeclaration'].flatMap((decl) =>
  ['NewExpression', 'CallExpression'].map((call) => ({
    selector: `${decl} > VariableDeclarator > ${call}[callee.name=/Error$/]`,
    message: 'No Error made at load (Chromium re-parses the whole script to place it): make it where it is thrown.',
  })),
);

/** What differs between browsers is reached through lib/platform's ports only. */
const DIFFERING = '/^(action|browserAction|sidePanel|sidebarAction|notifications|alarms|permissions|windows)$/';
const browserDifferences = ['browser', 'chrome']
  .flatMap((name) => [
    {
      selector: `MemberExpression[object.name='${name}'][property.name=${DIFFERING}]`,
      message: 'Use the ports of lib/platform: it knows what this browser has.',
    },
    {
      selector: `MemberExpression[object.object.name='${name}'][object.property.name='storage'][property.name='session']`,
      message: 'Use platform().session: not every browser has storage.session.',
    },
  ])
  .concat([
    {
      selector: "MemberExpression[object.property.name='env'][property.name=/^(FIREFOX|CHROME|BROWSER|MANIFEST_VERSION)$/]",
      message: 'Use the ports of lib/platform instead of checking the browser.',
    },
  ]);

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noHtml, ...browserDifferences, ...errorAtLoad],
    },
  },
  {
    // The one place that knows which browser it is in.
    files: ['lib/platform/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noHtml, ...errorAtLoad] },
  },
  {
    // The pure domain: no browser, no database, no UI, and no global clock.
    files: ['lib/**/*.ts'],
    ignores: ['lib/db/**', 'lib/messaging/**', 'lib/platform/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: impure,
          patterns: [{ group: ['**/db', '**/db/*', '**/messaging/*'], message: 'lib/ domain modules must not reach the database or the channel.' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'browser', message: 'Pure module: no browser.*' }, { name: 'chrome', message: 'Pure module: no chrome.*' }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pure module: time is passed in, never read from a global clock.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pure module: time is passed in, never read from a global clock.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never insert page text as HTML.' },
        ...errorAtLoad,
      ],
    },
  },
  {
    // Test fixtures carry their own small page scripts.
    files: ['test/**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
    // Tests look at the browser's own APIs to check what the ports did.
    rules: { 'no-restricted-syntax': ['error', ...noHtml] },
  },
  // The fixture pages' own script imitates the site, which does write HTML.
  { files: ['test/fixtures/**/*.js'], rules: { 'no-restricted-syntax': 'off' } },
);
