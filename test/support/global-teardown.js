// After every test: no kernel process started by this run (tagged ITOLAB_TEST_RUN, which
// jest.config.js sets and every worker, runner and kernel inherits) may survive. Kernels started by the
// runner carry their connection file in their command line, inside a folder named
// `itolab-kernel-<runner pid>-…`; any such process still alive is a leak and fails the run.
const { findLeakedKernels } = require("../../kernel/bin/leaks.js");

module.exports = async () => {
  const leaked = findLeakedKernels({ testRun: process.env.ITOLAB_TEST_RUN });
  if (leaked.length > 0) {
    throw new Error(
      `global teardown: ${leaked.length} kernel process(es) survived the tests:\n` +
        leaked.map((p) => `  pid ${p.pid}: ${p.cmdline}`).join("\n"),
    );
  }
};
