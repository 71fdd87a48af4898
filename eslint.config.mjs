import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

/**
 * Module boundaries, enforced: apps never import apps; contracts depend on
 * nothing; each shared library may use only the layers below it.
 */
const APP_LIBRARIES = [
  'type:contracts',
  'type:messaging',
  'type:platform',
  'type:auth',
  'type:crypto',
  'type:privacy',
  'type:merkle',
  'type:consent-evidence',
  'type:tenant-isolation',
];

const SERVICE_SCOPES = ['scope:conversation', 'scope:bot-engine', 'scope:handoff', 'scope:consent-ledger', 'scope:dsr'];

const PERSISTENCE_ELSEWHERE =
  'Controllers and handlers do not touch the database: call a repository (its methods take the manager and tenant id).';

const depConstraints = [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:crypto', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:privacy', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:merkle', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:consent-evidence', onlyDependOnLibsWithTags: ['type:merkle'] },
  // The offline verifier: only what an auditor's machine needs, nothing that talks to a service.
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:merkle', 'type:consent-evidence'] },
  { sourceTag: 'type:tenant-isolation', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:tenant-isolation'] },
  {
    sourceTag: 'type:platform',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:crypto', 'type:tenant-isolation'],
  },
  {
    sourceTag: 'type:auth',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:platform', 'type:tenant-isolation'],
  },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:platform', 'type:tenant-isolation'],
  },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: APP_LIBRARIES },
  // System tests: what apps may use, the apps themselves (their entry points) and the test helpers.
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: [...APP_LIBRARIES, 'type:app', 'type:testing'] },
  // Scopes: shared code serves every service and knows none; a service's own projects (its app, its tools, any
  // library only it needs) carry its scope and use shared code and their own scope only; system tests see all.
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  ...SERVICE_SCOPES.map((scope) => ({ sourceTag: scope, onlyDependOnLibsWithTags: ['scope:shared', scope] })),
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  prettier,
  { ignores: ['**/dist', '**/node_modules', '.candor/**', '.nx/**'] },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints,
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Configuration classes annotate property types: decorator metadata drives env conversion.
      '@typescript-eslint/no-inferrable-types': ['error', { ignoreProperties: true }],
      'no-console': 'error',
    },
  },
  {
    // Controllers speak HTTP and handlers speak events; the tables belong to repositories (`*.repository.ts` and the
    // like), whose methods take the transaction's manager and the tenant id. apps/candor-e2e/src/
    // persistence-boundary.spec.ts shows these rules fire.
    files: ['**/*.controller.ts', '**/*.handler.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['typeorm', '@nestjs/typeorm', 'pg'].map((name) => ({ name, message: PERSISTENCE_ELSEWHERE })),
          patterns: [{ group: ['typeorm/*'], message: PERSISTENCE_ELSEWHERE }],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(query|createQueryBuilder|getRepository|transaction)$/]',
          message: PERSISTENCE_ELSEWHERE,
        },
      ],
    },
  },
  {
    // System tests start the real services in-process: only they may import an app, and only its entry point.
    files: ['apps/candor-e2e/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        { enforceBuildableLibDependency: true, allow: ['@candor/apps/*'], depConstraints },
      ],
    },
  },
];
