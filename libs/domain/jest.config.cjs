const base = require('../tooling/jest/swc-transform.cjs');

module.exports = {
  displayName: 'domain',
  rootDir: base.root,
  roots: ['<rootDir>/libs/domain'],
  testMatch: ['**/*.spec.ts'],
  testEnvironment: 'node',
  transform: base.transform,
  transformIgnorePatterns: base.transformIgnorePatterns,
  moduleNameMapper: base.moduleNameMapper,
};
