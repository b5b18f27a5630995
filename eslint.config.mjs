// ESLint (flat config): `npm run lint` runs it with `prettier --check`; `npm test` runs both
// after the type check. Not type-aware: the type-aware presets take minutes on two cores, and
// tsc -b already checks the types.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** remark and the micromark parser live in server/src/parse/ and only there (ARCHITECTURE.md "Layers"). */
const remarkOnlyInParse = {
  group: ['remark', 'remark-*', 'unified', 'micromark', 'micromark-*', 'mdast-util-*'],
  message: 'remark is used only in server/src/parse/ (ARCHITECTURE.md "Layers"): take the parse or the model from there.',
};
/** mdast trees are read by model/fragment.ts alone; everything above it reads the SegDocument model. */
const mdastOnlyInFragment = {
  group: ['mdast'],
  message:
    'mdast is read only by server/src/model/fragment.ts and server/src/parse/ (ARCHITECTURE.md "Layers"): read the SegDocument model.',
};
const restrictImports = (...patterns) => ({
  'no-restricted-imports': 'off',
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

export default defineConfig(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'test/fixtures/**/*.md'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_`-prefixed names are deliberately unused (tsc's noUnusedParameters follows the same convention).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // The launchers are CommonJS so that they run on any Node without a loader.
    files: ['bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The editor tests run code in the workbench page (page.evaluate) and in the extension host.
    files: ['test/editor/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.mocha } },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      // A file or function past these limits says why at its top:
      // /* eslint-disable max-lines -- <reason> */ or // eslint-disable-next-line max-lines-per-function -- <reason>
      'max-lines': ['error', { max: 450, skipBlankLines: true, skipComments: true }],
      // Functions count every line, blank and comment lines too.
      'max-lines-per-function': ['error', { max: 60 }],
      ...restrictImports(remarkOnlyInParse, mdastOnlyInFragment),
    },
  },
  { files: ['server/src/model/fragment.ts'], rules: restrictImports(remarkOnlyInParse) },
  { files: ['server/src/parse/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
  prettier,
);
