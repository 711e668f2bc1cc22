// Browser tests: the built portal and api (`npm run build`) started as `npm start` would, driven in
// Debian's Chromium through playwright-core.
const base = require('../libs/tooling/jest/swc-transform.cjs');

module.exports = {
  displayName: 'e2e',
  rootDir: base.root,
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testEnvironment: 'node',
  testTimeout: 90000,
  maxWorkers: 1,
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  moduleNameMapper: base.moduleNameMapper,
};
