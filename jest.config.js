// Two tiers, selected by file name: *.spec.ts (fast, adapters faked) and *.int-spec.ts (real engines).
// SWC transpiles TypeScript, keeping decorator metadata for NestJS.
const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const { compilerOptions } = require('./tsconfig.base.json');
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.[cm]?[tj]s$': swc },
  // A few dependencies ship only ES modules; SWC turns them into CommonJS for jest's sandbox.
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.infra/'],
};

module.exports = {
  // A global option in jest: per-project values are ignored. Integration tests start real processes.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,chaincode,tools}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,chaincode,tools}/**/*.int-spec.ts'],
      slowTestThreshold: 30,
    },
  ],
};
