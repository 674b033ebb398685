#!/usr/bin/env node
// `npm run calibrate`: rebuild the library when stale, then re-execute the notebooks' checks
// under many seeds and report each check's observed failures against its declared rate (see
// --help and kernel/calibrate/cli.ts).
const { runCompiled, root } = require("./run-compiled.js");

runCompiled("calibrate", "kernel/calibrate/cli.js", (main) => main(process.argv.slice(2), root));
