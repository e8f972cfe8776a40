import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import tseslint from 'typescript-eslint';

// react-router's Link brings its prefetching code into the first page (about 2 KB gzip).
const ROUTER_LINK = {
  name: 'react-router',
  importNames: ['Link', 'NavLink'],
  message: 'Use Link from src/ui/link.tsx (see scripts/check-bundle.ts).',
};
// The start-up files at the top of src/, which nothing below them may import.
const TOP_FILES = ['router', 'app', 'main', 'boot', 'dom-renderer', 'query-client'];

/** One no-restricted-imports block per layer: the folders and top files it may not import from. */
function importLayers(layers) {
  return layers.map(([files, folders, tops]) => {
    const patterns = [];
    if (folders.length > 0) {
      patterns.push({
        regex: `(^|/)(${folders.join('|')})/`,
        message: `Imports flow one way (ARCHITECTURE.md): ${files} may not import from ${folders.join(', ')}.`,
      });
    }
    if (tops.length > 0) {
      patterns.push({
        regex: `(^|/)(${tops.join('|')})\\.tsx?$`,
        message: `Imports flow one way (ARCHITECTURE.md): ${files} may not import ${tops.join(', ')}.`,
      });
    }
    return {
      files: [files],
      ignores: ['**/*.test.{ts,tsx}'],
      rules: { 'no-restricted-imports': ['error', { paths: [ROUTER_LINK], patterns }] },
    };
  });
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'build',
      'dist-*',
      'coverage',
      'bench/results',
      'test-results*',
      'playwright-report',
      'api/schema.gen.ts',
    ],
  },
  {
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // Job data is untrusted: it is only ever rendered as text.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Render untrusted data as text; dangerouslySetInnerHTML is banned.',
        },
        {
          selector: "MemberExpression[property.name='innerHTML']",
          message: 'innerHTML is banned: use textContent.',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Imports flow one way: lib ← api ← ui, paths.ts ← auth ← jobs ← frame ← router.tsx, app.tsx, boot.tsx, main.ts.
  // Each layer is named below with what it may not import (tests may reach across, to set things up).
  ...importLayers([
    ['src/lib/**', ['api', 'auth', 'jobs', 'ui', 'frame'], TOP_FILES.concat('paths')],
    ['src/api/**', ['auth', 'jobs', 'ui', 'frame'], TOP_FILES.concat('paths')],
    ['src/ui/**', ['auth', 'jobs', 'frame'], TOP_FILES.concat('paths')],
    ['src/auth/**', ['jobs', 'frame'], TOP_FILES],
    ['src/jobs/**', ['frame'], TOP_FILES],
    ['src/frame/**', [], TOP_FILES],
    ['src/*.{ts,tsx}', [], []],
    // After the start-up files' block, which would otherwise lift its rule.
    ['src/paths.ts', ['auth', 'jobs', 'ui', 'frame'], TOP_FILES],
  ]),
  {
    files: ['src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { paths: [ROUTER_LINK] }] },
  },
  ...pluginQuery.configs['flat/recommended'],
);
