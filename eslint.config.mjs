// Type-aware lint for the whole monorepo, with Nx module boundaries binding.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Which kinds of project may depend on which. No wildcard escape: every pair is deliberate.
const typeRules = [
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:feature',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:util'],
  },
  {
    sourceTag: 'type:data-access',
    onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'],
  },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:chaincode', onlyDependOnLibsWithTags: ['type:domain', 'type:util'] },
  {
    sourceTag: 'type:tool',
    onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:domain', 'type:util'],
  },
];
// Bounded contexts: the shared kernel (identifiers, EPCIS, ports) is open to all; a context reaches
// another only where the design says so.
const scopeRules = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  {
    sourceTag: 'scope:custody',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:capture', 'scope:custody'],
  },
  { sourceTag: 'scope:ledger', onlyDependOnLibsWithTags: ['scope:shared', 'scope:custody', 'scope:ledger'] },
  { sourceTag: 'scope:capture', onlyDependOnLibsWithTags: ['scope:shared', 'scope:capture'] },
  {
    sourceTag: 'scope:edge',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:capture', 'scope:custody', 'scope:edge'],
  },
  {
    sourceTag: 'scope:verification',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:capture', 'scope:custody', 'scope:verification'],
  },
  { sourceTag: 'scope:trace', onlyDependOnLibsWithTags: ['scope:shared', 'scope:custody', 'scope:trace'] },
  {
    sourceTag: 'scope:platform',
    onlyDependOnLibsWithTags: [
      'scope:shared',
      'scope:custody',
      'scope:ledger',
      'scope:capture',
      'scope:edge',
      'scope:verification',
      'scope:trace',
      'scope:platform',
    ],
  },
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '.nx/**',
      '.infra/**',
      'data/**',
      'tmp/**',
      '**/*.js',
      '**/*.mjs',
      '**/*.cjs',
    ],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [...typeRules, ...scopeRules],
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-extraneous-class': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Tests may use loose typing where jest's matchers return any.
    files: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  prettier,
);
