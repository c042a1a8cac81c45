// Lint, including the one-way layers: domain imports no framework or storage; only db/ touches Dexie.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

const restrict = (patterns) => ['error', { patterns }];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'coverage/**', 'dev-dist/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node }, ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      // Formatting is left to the author; lint keeps to correctness.
      'vue/first-attribute-linebreak': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/no-v-html': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['vue', 'vue-*', 'pinia', 'dexie', 'chart.js', '@vue/*'], message: 'domain/ is pure TypeScript.' },
        { group: ['**/db/**', '**/stores/**', '**/views/**', '**/components/**', '**/report/**', '**/content/**'], message: 'domain/ depends on nothing of the app.' },
      ]),
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': restrict([{ group: ['dexie', 'dexie/*'], message: 'Only src/db/ touches IndexedDB.' }]),
    },
  },
  {
    files: ['src/components/**', 'src/views/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['dexie', 'dexie/*'], message: 'Only src/db/ touches IndexedDB.' },
        { group: ['**/db/**'], message: 'Views and components reach storage through stores.' },
      ]),
    },
  },
);
