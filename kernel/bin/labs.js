#!/usr/bin/env node
// `npm run labs`: the state of every graded lab of the notebooks (kernel/labs/cli.ts, --help).
const { runCompiled } = require("./run-compiled.js");

runCompiled("labs", "kernel/labs/cli.js", (main) => main(process.argv.slice(2)));
