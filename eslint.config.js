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

/** Folder directions of DESIGN.md §1: which other src/ folders a folder may import from. */
const folders = ['core', 'story', 'player', 'profile', 'storage', 'render', 'ui', 'build', 'app'];
const onlyFrom = (self, ...allowed) => ({
  group: folders
    .filter((f) => f !== self && !allowed.includes(f))
    .flatMap((f) => [`../${f}/*`, `../../${f}/*`]),
  message: `src/${self}/ may import only from ${allowed.length ? allowed.map((f) => `src/${f}/`).join(', ') : 'itself'} (DESIGN.md §1).`,
});

/** Time is read through the clock ports (src/core/clock.ts), so every stamp and timer can be faked. */
const clockRules = {
  'no-restricted-syntax': [
    'error',
    {
      selector: "NewExpression[callee.name='Date'][arguments.length=0]",
      message: 'Read the time through a WallClock (src/core/clock.ts), not new Date().',
    },
    {
      selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
      message: 'Read the time through a WallClock or Clock (src/core/clock.ts), not Date.now().',
    },
    {
      selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']",
      message: 'Read the time through a Clock (src/core/clock.ts), not performance.now().',
    },
  ],
};
/** The machine's timers are xstate `after` delays; core/ is pure. */
const noRawTimers = {
  'no-restricted-globals': [
    'error',
    ...['setTimeout', 'setInterval', 'requestAnimationFrame'].map((name) => ({
      name,
      message: 'No raw timers here: use a named xstate `after` delay (DESIGN.md §1).',
    })),
  ],
};

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
    rules: {
      ...restrict(pixi, xstate, localforage, compiler, inkRuntime, node, onlyFrom('core')),
      ...noRawTimers,
    },
  },
  {
    files: ['src/story/**'],
    rules: restrict(pixi, xstate, localforage, compiler, node, onlyFrom('story', 'core')),
  },
  {
    files: ['src/player/**'],
    rules: {
      ...restrict(pixi, localforage, compiler, inkRuntime, node, onlyFrom('player', 'core')),
      ...noRawTimers,
    },
  },
  {
    files: ['src/profile/**'],
    rules: restrict(
      pixi,
      xstate,
      localforage,
      compiler,
      inkRuntime,
      node,
      onlyFrom('profile', 'core'),
    ),
  },
  {
    files: ['src/storage/**'],
    rules: restrict(
      pixi,
      xstate,
      compiler,
      inkRuntime,
      node,
      onlyFrom('storage', 'core', 'profile'),
    ),
  },
  {
    files: ['src/render/**'],
    rules: restrict(xstate, localforage, compiler, inkRuntime, node, onlyFrom('render', 'core')),
  },
  {
    files: ['src/ui/**'],
    rules: restrict(
      pixi,
      xstate,
      localforage,
      compiler,
      inkRuntime,
      node,
      onlyFrom('ui', 'core', 'profile'),
    ),
  },
  {
    files: ['src/build/**'],
    rules: restrict(pixi, xstate, localforage, onlyFrom('build', 'core', 'story')),
  },
  { files: ['src/app/**'], rules: restrict(pixi, xstate, localforage, compiler, inkRuntime, node) },
  {
    files: ['src/**'],
    ignores: ['src/core/clock.ts', 'src/build/**'],
    rules: clockRules,
  },
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
