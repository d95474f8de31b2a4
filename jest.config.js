/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // A rule's spec sits beside it (src/core/annexes/<kind>/<rule>.test.ts); the build and the core typecheck leave them out.
  testMatch: ['<rootDir>/test/**/*.test.ts', '<rootDir>/test/**/*.test.tsx', '<rootDir>/src/**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  setupFiles: ['<rootDir>/test/helpers/globals.ts'],
  // The pane and WPS production builds are made once per run and shared (test/helpers/builds.ts), in a directory
  // of the run's own under .test-build/; the suites that wait on them go first, on both workers.
  globalSetup: '<rootDir>/test/helpers/globalSetup.js',
  globalTeardown: '<rootDir>/test/helpers/globalTeardown.js',
  testSequencer: '<rootDir>/test/helpers/sequencer.js',
  // Two workers even on a 2-core machine (jest's default there is one, in band): the slow suites spend much of
  // their time waiting on a child process (webpack, Chromium, LibreOffice), and the two builds then run side by side.
  maxWorkers: 2,
  // A test's limit is for a hang, not for speed (that is `npm run bench`): a loaded 2-core machine runs the checker
  // several times slower than jest's 5 s default allows. Suites that start processes or threads set their own.
  testTimeout: 60_000,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/pane-dist/', '/.test-build/'],
  collectCoverage: false,
  reporters: ['default', '<rootDir>/scripts/jest-summary-reporter.js'],
};
