import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const nodeModules = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'util', 'url', 'stream'];
const sandboxed = [
  {
    group: ['electron', 'better-sqlite3', 'yahoo-finance2', ...nodeModules],
    message: 'The renderer is sandboxed: talk to main through window.api.',
  },
  { group: ['**/electron/**'], message: 'The renderer must not import main-process code.' },
];
const wholeStore = {
  selector: "CallExpression[callee.name='useStore'][arguments.length=0]",
  message: 'Read the store with a selector (useStore((s) => s.x)) or usePick(...): a whole-store read re-renders on every change.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits or handles, and a switch over a union that misses a case.
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    // shared/ is pure: used by main, renderer, CLI and tests alike.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'react-dom/*', 'zustand', ...nodeModules],
              message: 'shared/ must stay pure: no Electron, Node, SQLite or DOM libraries.',
            },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import from electron/ or renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: sandboxed }],
      'no-restricted-syntax': ['error', wholeStore],
    },
  },
  {
    // Views ask main through store actions or useCommand with a command from store/, which handle staleness and errors.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/store/**', 'renderer/src/api.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        wholeStore,
        {
          selector: 'CallExpression[callee.name=/^(api|call)$/]',
          message: 'Ask main from renderer/src/store/ (a slice action, or a command for useCommand), not from a view.',
        },
      ],
    },
  },
  {
    files: ['renderer/src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...sandboxed,
            {
              group: ['../views/*', '../views/**', '../import/*', '../components/*', '../report/*'],
              message: 'A store slice never imports from a view: move the shared logic into store/ or shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    // Only the Electron glue may import electron; services, handlers, CLI and web shell run under plain Node.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Keep Electron in electron/main and electron/preload so this runs under Node.' }] },
      ],
    },
  },
  {
    // One database opener (electron/db/sqlite.ts): under Electron every database must load the Electron build of
    // better-sqlite3, so nothing else may create a Database (types may still be imported).
    files: ['electron/**/*.ts'],
    ignores: ['electron/db/sqlite.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', allowTypeImports: true, message: 'Open databases with openSqlite() from electron/db/sqlite.ts.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Database']", message: 'Open databases with openSqlite() from electron/db/sqlite.ts.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // Formatting is Prettier's (npm run format); no lint rule argues with it.
  prettier,
);
