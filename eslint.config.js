// Lint encodes the layering of DEVELOPERS.md: a wrong import fails `npm run lint`.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'crypto',
  'util',
  'stream',
  'worker_threads',
]
const nodeBan = {
  group: NODE_BUILTINS,
  message: 'No Node built-ins here: this layer must run without Node.',
}
const electronBan = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/main.ts, electron/preload.ts and electron/window/** may import electron.',
}
const sqliteBan = { group: ['better-sqlite3'], message: 'SQLite belongs to electron/cache/ only.' }
const zustandBan = {
  group: ['zustand', 'zustand/*'],
  message: 'Only renderer/state/ imports zustand.',
}
const visBan = {
  group: ['vis-timeline', 'vis-timeline/*', 'vis-data', 'vis-data/*'],
  message: 'Only renderer/timeline/ imports vis-timeline and vis-data.',
}
// One vis build only: mixing standalone and peer breaks DataSet (vis-timeline #312, #346).
const visBuildBan = {
  regex: '^vis-(timeline|data)(/(standalone|esnext|declarations).*)?$',
  message: 'Use the peer builds: vis-timeline/peer with vis-data/peer.',
}
const uiBan = {
  group: [
    'react',
    'react-dom',
    'react/*',
    'react-dom/*',
    'zustand',
    'zustand/*',
    'vis-timeline',
    'vis-timeline/*',
    'vis-data',
    'vis-data/*',
  ],
  message: 'shared/ is pure logic: no UI libraries.',
}
const toElectron = {
  group: ['**/electron/**', '../electron', '../../electron'],
  message: 'renderer/ talks to main through window.api only.',
}
const toRenderer = { group: ['**/renderer/**'], message: 'electron/ must not import the renderer.' }
const toUpper = {
  group: ['**/electron/**', '**/renderer/**', '**/tests/**'],
  message: 'shared/ imports only shared/.',
}

const restrict = (...patterns) => ['error', { patterns }]

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'out/**',
      'dist/**',
      'release/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'MemberExpression[object.name=/^(it|test|describe)$/][property.name=/^(only|skip)$/]',
          message:
            'No focused or skipped tests: a skip needs an issue and a reason a user would accept.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': restrict(nodeBan, electronBan, sqliteBan, uiBan, toUpper) },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict(
        nodeBan,
        electronBan,
        sqliteBan,
        zustandBan,
        visBan,
        toElectron,
      ),
    },
  },
  {
    files: ['renderer/state/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(nodeBan, electronBan, sqliteBan, visBan, toElectron),
    },
  },
  {
    files: ['renderer/timeline/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        nodeBan,
        electronBan,
        sqliteBan,
        zustandBan,
        visBuildBan,
        toElectron,
      ),
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(electronBan, sqliteBan, toRenderer) },
  },
  {
    files: ['electron/cache/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(electronBan, toRenderer) },
  },
  {
    files: ['electron/main.ts', 'electron/window/**/*.ts'],
    rules: { 'no-restricted-imports': restrict(sqliteBan, toRenderer) },
  },
  {
    // A sandboxed preload can require only Electron's renderer modules.
    files: ['electron/preload.ts'],
    rules: { 'no-restricted-imports': restrict(nodeBan, sqliteBan, toRenderer) },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.{ts,mjs}'],
    // Playwright fixtures take an empty destructured object by design.
    rules: { '@typescript-eslint/no-explicit-any': 'off', 'no-empty-pattern': 'off' },
  },
)
