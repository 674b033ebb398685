#!/usr/bin/env node
// `itolab-run`: rebuild the library when src/ is newer than the build, make sure the project
// kernelspec exists, then execute the notebooks named on the command line (see --help).
const path = require("path");
const { ensureBuilt } = require("./build-if-stale.js");
const { installKernelSpec } = require("./install-kernelspec.js");

try {
  ensureBuilt();
  installKernelSpec();
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
}
const { main } = require(path.join(__dirname, "..", "..", "dist", "kernel", "runner", "cli.js"));
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`itolab-run: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);
