#!/usr/bin/env node
// `npm run figures`: rebuild the library and the exporter when stale, make sure the project
// kernelspec exists, then execute every notebook and render every figure to SVG and PNG in
// figures/ (see --help; --export-only uses the executed notebooks already in build/notebooks/).
const path = require("path");
const { ensureBuilt } = require("./build-if-stale.js");
const { installKernelSpec } = require("./install-kernelspec.js");

const root = path.resolve(__dirname, "..", "..");
try {
  ensureBuilt();
  installKernelSpec();
} catch (err) {
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
}
const { main } = require(path.join(root, "dist", "kernel", "notes", "cli.js"));
main("figures", process.argv.slice(2), root).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`figures: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);
