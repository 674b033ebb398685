// After every test: no kernel process started by this run may survive. Kernels started by the
// runner carry their connection file in their command line, inside a folder named
// `itolab-kernel-<runner pid>-…`; any such process still alive is a leak and fails the run.
const { findLeakedKernels } = require("../../kernel/bin/leaks.js");

module.exports = async () => {
  const leaked = findLeakedKernels();
  if (leaked.length > 0) {
    throw new Error(
      `global teardown: ${leaked.length} kernel process(es) survived the tests:\n` +
        leaked.map((p) => `  pid ${p.pid}: ${p.cmdline}`).join("\n"),
    );
  }
};
