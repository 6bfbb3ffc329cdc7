// Lint: the architecture of DESIGN.md §3 as rules (who may import whom), plus the recommended correctness rules of
// ESLint and typescript-eslint. No stylistic rules, no typed linting (tsc checks types; this stays fast).
import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import importX from 'eslint-plugin-import-x'
import tseslint from 'typescript-eslint'

/** The only packages the pure core may use: no Taro, no React, no Node built-ins, no I/O. */
const CORE_PACKAGES = ['zod', '@noble/ed25519', '@noble/hashes', '@scure/base', 'dayjs', 'chinese-days']
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

export default tseslint.config(
  { ignores: ['**/node_modules/**', 'dist/**', 'cloudfunctions/**', '.taro-cache/**', '.swc/**', 'test-results/**', '.data*/**'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      // tsc reports unused locals and parameters (noUnusedLocals, noUnusedParameters) and undefined names.
      '@typescript-eslint/no-unused-vars': 'off',
      'no-undef': 'off',
      // DESIGN.md §3: the dependency direction. Paths are resolved (relative, `@/…` and package imports alike).
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/core',
              from: './src',
              except: ['./core'],
              message: 'src/core is the pure domain: it imports nothing of ours outside src/core (DESIGN.md §3).',
            },
            {
              target: './src/core',
              from: ['./test', './tools', './config'],
              message: 'src/core is the pure domain: it imports nothing of ours outside src/core (DESIGN.md §3).',
            },
            { target: './src', from: './cloud', message: 'The mini program never imports the backend (DESIGN.md §3).' },
            {
              target: ['./src/pages', './src/packages', './src/components'],
              from: './src/api',
              message: 'Pages and components reach the backend through stores, not src/api (DESIGN.md §3).',
            },
            {
              target: './cloud',
              from: './src',
              except: ['./core'],
              message: 'The backend uses only the core of src/ (DESIGN.md §3).',
            },
          ],
        },
      ],
    },
  },
  {
    // The pure core: only a few pure libraries, and it neither reads the clock nor makes ids (they are passed in).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `^(?!\\.|@/core/|(${CORE_PACKAGES.map(escape).join('|')})(/|$))`,
              message: `src/core uses only ${CORE_PACKAGES.join(', ')} (no Taro, React, Node built-ins or I/O; DESIGN.md §3).`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          "NewExpression[callee.name='Date'][arguments.length=0]",
          "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          "CallExpression[callee.property.name='randomUUID']",
          "CallExpression[callee.name='randomUUID']",
        ].map((selector) => ({ selector, message: 'The core never reads the clock or makes ids itself: take them as parameters.' })),
      ],
    },
  },
  {
    files: ['src/pages/**/*.{ts,tsx}', 'src/packages/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='api'][callee.property.name='call']",
          message: 'Pages and components reach the backend through stores, not api.call (DESIGN.md §3).',
        },
      ],
    },
  },
  {
    // WeChat's server SDK is loaded by one adapter only; everything else gets what it needs from there.
    files: ['cloud/**/*.ts'],
    ignores: ['cloud/platform/wechat/identity.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'wx-server-sdk', message: 'Only cloud/platform/wechat/identity.ts loads wx-server-sdk.' }] }],
      'no-restricted-syntax': [
        'error',
        ...["CallExpression[callee.name='require'][arguments.0.value='wx-server-sdk']", "ImportExpression[source.value='wx-server-sdk']"].map(
          (selector) => ({ selector, message: 'Only cloud/platform/wechat/identity.ts loads wx-server-sdk.' }),
        ),
      ],
    },
  },
)
