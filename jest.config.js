/**
 * jest: unit tests (test/** mirroring src/ and kernel/), then every notebook through the runner
 * (test/notebooks.test.ts), ordered by test/support/sequencer.js. The summary reporter closes the
 * run with the plain line `tests: N passed, N failed, N skipped`.
 */
// Tags every process this jest run starts (workers, runners, kernels) so that the global teardown
// checks only this run's kernels, not those of another run on the same machine.
process.env.ITOLAB_TEST_RUN = process.env.ITOLAB_TEST_RUN || `${process.pid}-${Date.now()}`;

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  testSequencer: "<rootDir>/test/support/sequencer.js",
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  globalTeardown: "<rootDir>/test/support/global-teardown.js",
  setupFiles: ["<rootDir>/test/support/quiet-checks.js"],
  testTimeout: 30000,
  verbose: true,
};
