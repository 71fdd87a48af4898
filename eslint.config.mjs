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
