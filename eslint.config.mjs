// Lint configuration. The layer rules below enforce design.md §2:
//   shared/       pure domain code: no node:*, no electron, no react, no src-* imports
//   src-renderer/ browser code: never imports src-main/ (it uses the host API client)
//   src-main/     Node/Electron code: never imports src-renderer/
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/promises',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'process',
  'buffer',
];

export const layerRules = {
  shared: {
    patterns: [
      {
        group: ['**/src-main/**', '**/src-renderer/**'],
        message: 'shared/ must not import from src-main/ or src-renderer/ (design.md §2).',
      },
      { group: nodeBuiltins, message: 'shared/ is pure TypeScript: no Node built-ins (design.md §2).' },
      { group: ['electron', 'electron/*'], message: 'shared/ must not import electron (design.md §2).' },
      {
        group: ['react', 'react-dom', 'react/*', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*'],
        message: 'shared/ must not import UI libraries (design.md §2).',
      },
      {
        group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-simulate/*'],
        message: 'iam-simulate is AGPL: tests only.',
      },
    ],
  },
  renderer: {
    patterns: [
      {
        group: ['**/src-main/**'],
        message: 'src-renderer/ talks to src-main/ only through the host API client (design.md §2).',
      },
      { group: nodeBuiltins, message: 'src-renderer/ runs in a sandboxed renderer: no Node built-ins.' },
      {
        group: ['electron', 'electron/*'],
        message: 'src-renderer/ must not import electron; use the host API client.',
      },
      {
        group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-simulate/*'],
        message: 'iam-simulate is AGPL: tests only.',
      },
    ],
  },
  main: {
    patterns: [
      {
        group: ['**/src-renderer/**'],
        message: 'src-main/ must not import from src-renderer/ (design.md §2).',
      },
      {
        group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-simulate/*'],
        message: 'iam-simulate is AGPL: tests only.',
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'test/fixtures/lint/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', layerRules.shared] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'no-restricted-imports': ['error', layerRules.renderer],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src-main/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', layerRules.main] },
  },
);
