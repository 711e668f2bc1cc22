// Integration tests: the real app on real PostgreSQL (PRM_TEST_DB=server, a database per file)
// or on the embedded engine (PRM_TEST_DB=embedded, the *.embedded.spec.ts smoke suite).
const base = require('../../libs/tooling/jest/swc-transform.cjs');

const embedded = process.env.PRM_TEST_DB === 'embedded';

module.exports = {
  displayName: embedded ? 'api (embedded)' : 'api (postgres)',
  rootDir: base.root,
  roots: ['<rootDir>/apps/api/src', '<rootDir>/libs/server'],
  testMatch: embedded ? ['**/*.embedded.spec.ts'] : ['**/*.spec.ts'],
  testPathIgnorePatterns: embedded ? [] : ['\\.embedded\\.spec\\.ts$'],
  testEnvironment: 'node',
  testTimeout: 60000,
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  moduleNameMapper: base.moduleNameMapper,
};
