#!/usr/bin/env node
// `npm run live:verify`: every lecture's live figures in headless Chromium (kernel/notes/live/verify.ts).
const { runCompiled } = require("./run-compiled.js");

runCompiled("live:verify", "kernel/notes/live/verify.js", (main) => main(process.argv.slice(2)));
