// Shared @swc/jest transform: reads the repository's .swcrc so tests compile exactly like the build.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;
swcrc.jsc.baseUrl = root;
swcrc.sourceMaps = 'inline';
swcrc.swcrc = false;

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(swcrc.jsc.paths)) {
  moduleNameMapper[`^${alias.replace(/\//g, '\\/')}$`] = path.join(root, target);
}

module.exports = {
  root,
  moduleNameMapper,
  transform: { '^.+\\.(t|j|mj)sx?$': ['@swc/jest', swcrc] },
  // NestJS 12 and a few of its dependencies ship ESM only: let swc compile them to CJS.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|file-type|strtok3|token-types|@tokenizer|uint8array-extras|@borewit|@electric-sql)/)',
  ],
};
