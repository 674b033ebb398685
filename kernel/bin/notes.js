#!/usr/bin/env node
// `npm run notes`: rebuild the library and the exporter when stale, make sure the project
// kernelspec exists, then execute every notebook and publish the lecture notes to build/notes/
// (see --help; --export-only publishes the executed notebooks already in build/notebooks/).
const { runCompiled, root } = require("./run-compiled.js");

runCompiled("notes", "kernel/notes/cli.js", (main) => main("notes", process.argv.slice(2), root));
