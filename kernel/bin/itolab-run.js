#!/usr/bin/env node
// `itolab-run`: rebuild the library when src/ is newer than the build, make sure the project
// kernelspec exists, then execute the notebooks named on the command line (see --help).
const { runCompiled } = require("./run-compiled.js");

runCompiled("itolab-run", "kernel/runner/cli.js", (main) => main(process.argv.slice(2)));
