#!/usr/bin/env node
// The README's pictures of the live notes (kernel/notes/live/screenshot.ts).
const { runCompiled } = require("./run-compiled.js");

runCompiled("live-screenshot", "kernel/notes/live/screenshot.js", (main) =>
  main(process.argv.slice(2)),
);
