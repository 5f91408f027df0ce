/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Transpile only: `tsc --noEmit` (part of `npm test`) does the type checking once for all files.
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  testTimeout: 20000,
  // Integration tests start real servers; two workers keep a 2-core machine responsive.
  maxWorkers: 2,
};
