// Lint rules, including the dependency direction of DESIGN.md §1: each library lives in one folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const pixi = { group: ['pixi.js', 'pixi.js/*'], message: 'pixi.js belongs in src/render/ only.' };
const xstate = { group: ['xstate', 'xstate/*'], message: 'xstate belongs in src/player/ only.' };
const localforage = {
  group: ['localforage'],
  message: 'localforage belongs in src/storage/ only.',
};
const compiler = {
  group: ['inkjs/full', 'inkjs/compiler/*', 'inkjs/types'],
  message: 'The ink compiler belongs in src/build/ only; the browser ships the runtime.',
};
const inkRuntime = {
  group: ['inkjs', 'inkjs/*'],
  message: 'The ink runtime belongs in src/story/ only.',
};
const node = {
  group: ['node:*', 'fs', 'path', 'child_process'],
  message: 'Node built-ins belong in src/build/ only.',
};

const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.e2e/**',
      'node_modules/**',
      'coverage/**',
      'bench/results/**',
      'test-results/**',
      'test/fixtures/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['src/core/**'],
    rules: restrict(pixi, xstate, localforage, compiler, inkRuntime, node, {
      group: [
        '../story/*',
        '../player/*',
        '../profile/*',
        '../storage/*',
        '../render/*',
        '../ui/*',
        '../build/*',
      ],
      message: 'core/ imports nothing outside itself.',
    }),
  },
  { files: ['src/story/**'], rules: restrict(pixi, xstate, localforage, compiler, node) },
  { files: ['src/player/**'], rules: restrict(pixi, localforage, compiler, inkRuntime, node) },
  {
    files: ['src/profile/**'],
    rules: restrict(pixi, xstate, localforage, compiler, inkRuntime, node),
  },
  { files: ['src/storage/**'], rules: restrict(pixi, xstate, compiler, inkRuntime, node) },
  { files: ['src/render/**'], rules: restrict(xstate, localforage, compiler, inkRuntime, node) },
  { files: ['src/ui/**'], rules: restrict(pixi, xstate, localforage, compiler, inkRuntime, node) },
  { files: ['src/app/**'], rules: restrict(pixi, xstate, localforage, compiler, inkRuntime, node) },
  { files: ['src/main.ts'], rules: restrict(compiler, node) },
  {
    files: ['src/frame-guard.ts'],
    rules: restrict(pixi, xstate, localforage, compiler, inkRuntime, node),
  },
  {
    files: ['test/**', 'bench/**', '*.config.*'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
