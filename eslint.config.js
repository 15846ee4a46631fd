import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The import directions of DESIGN §2, enforced: renderer → shared; electron/* → shared;
// main/host/cli → engine; never renderer → electron, engine → electron, shared → anything.
const forbid = (...groups) => ['error', { patterns: groups }];
const electronModule = {
  group: ['electron', 'electron/*'],
  message: 'only electron/main and electron/preload may import Electron',
};
const electronTree = {
  group: ['**/electron/**', '../electron', '../../electron'],
  message: 'the renderer talks to the engine only through the API client',
};
const rendererTree = { group: ['**/renderer/**'], message: 'nothing imports the renderer' };
const nodeBuiltins = { group: ['node:*'], message: 'shared/ is pure TypeScript for both sides: no Node built-ins' };
const outsideShared = {
  group: ['**/electron/**', '**/renderer/**', 'react', 'react-*'],
  message: 'shared/ imports nothing but zod and itself',
};
const doorsFromEngine = {
  group: ['**/main/**', '**/host/**', '**/cli/**', '**/preload/**'],
  message: 'the engine never imports its doors',
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'dist/**', '.test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': forbid(electronModule, electronTree),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(electronModule, nodeBuiltins, outsideShared) },
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(electronModule, rendererTree, doorsFromEngine) },
  },
  {
    files: ['electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(electronModule, rendererTree) },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(rendererTree) },
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/security.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'shell',
          property: 'openExternal',
          message: 'open links only through openExternalSafely() in security.ts',
        },
      ],
    },
  },
);
