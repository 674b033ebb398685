#!/usr/bin/env node
// `npm run figures`: rebuild the library and the exporter when stale, make sure the project
// kernelspec exists, then execute every notebook and render every figure to SVG and PNG in
// figures/ (see --help; --export-only uses the executed notebooks already in build/notebooks/).
const { runCompiled, root } = require("./run-compiled.js");

runCompiled("figures", "kernel/notes/cli.js", (main) =>
  main("figures", process.argv.slice(2), root),
);
