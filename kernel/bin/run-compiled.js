// Shared start-up of the project's commands (itolab-run, notes, figures): rebuild the library when
// src/ is newer than the build, make sure the project kernelspec exists, then run the compiled
// command's `main` and exit with its code. Build or kernelspec errors exit 2, crashes exit 1.
const path = require("path");
const { ensureBuilt } = require("./build-if-stale.js");
const { installKernelSpec } = require("./install-kernelspec.js");

const root = path.resolve(__dirname, "..", "..");

/**
 * @param {string} label prefix of crash messages, e.g. "itolab-run"
 * @param {string} compiled the command's module under dist/, e.g. "kernel/runner/cli.js"
 * @param {(main: Function) => Promise<number>} call how to invoke its `main`
 */
function runCompiled(label, compiled, call) {
  try {
    ensureBuilt();
    installKernelSpec();
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  const { main } = require(path.join(root, "dist", compiled));
  call(main).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${label}: ${err && err.stack ? err.stack : err}\n`);
      process.exit(1);
    },
  );
}

module.exports = { runCompiled, root };
