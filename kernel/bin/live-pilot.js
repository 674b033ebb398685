#!/usr/bin/env node
// A live figure's checks under many seeds (kernel/notes/live/pilot.ts).
const { runCompiled } = require("./run-compiled.js");

runCompiled("live-pilot", "kernel/notes/live/pilot.js", (main) => main(process.argv.slice(2)));
