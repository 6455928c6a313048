// Tests run TypeScript through SWC (no type-check: `npm run typecheck` does that).
// No decorator metadata: entities give every column type explicitly, as under tsx.
// Files named *.db.test.ts talk to a real database: SQLite by default, MariaDB
// when DATABASE_URL is set (`npm run test:db`, used by .ci/run).
/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: false },
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // Some dependencies (wechaty, opencc-js, node-cron) ship ES modules.
  transformIgnorePatterns: ['/node_modules/(?!(opencc-js)/)'],
  setupFiles: ['reflect-metadata'],
  testTimeout: 30000,
};
