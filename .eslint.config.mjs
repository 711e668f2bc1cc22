// Lint configuration (a dotfile to keep the repository root to the agreed entries).
// Its main job: Nx module boundaries — domain code imports no framework, contexts stay apart.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const FRAMEWORKS = ['@nestjs/*', 'typeorm', 'pg', 'pg-boss', 'react', 'react-dom', '@apollo/*', 'express', '@mantine/*', 'graphql', 'class-validator', 'class-transformer'];

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', 'apps/portal/src/gql/**', '**/*.cjs', '**/*.mjs', '**/vite.config.mts', '**/codegen.ts'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: FRAMEWORKS },
            { sourceTag: 'type:server-lib', onlyDependOnLibsWithTags: ['type:server-lib', 'type:domain'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:server-lib', 'type:domain'] },
            { sourceTag: 'scope:portal', onlyDependOnLibsWithTags: ['type:domain', 'scope:portal'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
    },
  },
];
