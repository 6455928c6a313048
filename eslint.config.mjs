// ESLint flat config: typescript-eslint's recommended rules, and a fence
// around rules/ so the engine stays pure (no I/O, no frameworks, no env).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const impure = [
  'typeorm',
  'koa',
  '@koa/router',
  'wechaty',
  'wechaty-puppet-mock',
  'node-cron',
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'mysql2',
  'better-sqlite3',
  'pino',
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', 'migrations/', 'content/schema/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['rules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: impure.map((name) => ({ name, message: 'rules/ is pure: no I/O or frameworks.' })),
          patterns: [{ group: ['typeorm/*', 'koa*', 'wechaty*', 'node-cron*'], message: 'rules/ is pure.' }],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'rules/ takes everything as arguments.' },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'rules/ is pure.' }],
    },
  },
  {
    // Only the config module and the composition roots (main.ts, scripts, CLI data source) read the environment.
    files: ['**/*.ts'],
    ignores: ['main.ts', 'ormconfig.ts', 'scripts/**', 'bench/**', 'test/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through config/config.ts.' },
      ],
    },
  },
  {
    // Adapters translate a channel into service calls: the model stays behind services/ (issue 23).
    files: ['api/**/*.ts', 'bot/**/*.ts', 'channels/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/entities', '**/entities/*', 'typeorm', 'typeorm/*'],
              message: 'Adapters go through services/, not the TypeORM model.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { module: 'writable', require: 'readonly' } },
  },
);
