import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'bench-out/', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // A step is one transform: what steps share lives in scripts/lib, never in another step.
    files: ['scripts/steps/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['./*'], message: 'a step imports no other step; put shared helpers in scripts/lib/' }] },
      ],
    },
  },
  {
    // Browser code stays browser-safe: no Node built-ins, no normalizer code. The search modules run in the page too.
    files: ['src/client/**/*.ts', 'src/lib/search/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'worker_threads'], message: 'browser code cannot use Node built-ins' },
            { group: ['**/scripts/**'], message: 'browser code cannot import the normalizer' },
          ],
        },
      ],
    },
  },
  {
    // Normalizer-only vocabularies and helpers live under scripts/: the site never imports them.
    files: ['src/**/*.ts', 'src/**/*.astro'],
    ignores: ['src/client/**', 'src/lib/search/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/scripts/**'], message: 'the site does not import the normalizer' }] }],
    },
  },
  astro.configs.recommended,
  { files: ['**/*.astro', '**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
);
