/**
 * One Jest run for the whole workspace: unit tests (`*.spec.ts`, beside the
 * code) and integration tests (`*.integration-spec.ts`, against the real
 * Postgres and Kafka that `npm test` starts).
 */
const swc = {
  swcrc: false,
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    keepClassNames: true,
  },
};

module.exports = {
  testEnvironment: 'node',
  rootDir: __dirname,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/scripts'],
  testMatch: ['**/*.spec.ts', '**/*.integration-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@candor/apps/(.*)$': '<rootDir>/apps/$1/src/index.ts',
    '^@candor/crypto/testing$': '<rootDir>/libs/crypto/src/testing/index.ts',
    '^@candor/(.*)$': '<rootDir>/libs/$1/src/index.ts',
  },
  setupFiles: ['reflect-metadata'],
  testTimeout: 90_000,
  slowTestThreshold: 30,
};
