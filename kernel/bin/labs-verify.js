#!/usr/bin/env node
// `npm run labs:verify`: every lecture with its labs' reference solutions (kernel/labs/verify.ts).
const { runCompiled } = require("./run-compiled.js");

runCompiled("labs:verify", "kernel/labs/verify.js", (main) => main(process.argv.slice(2)));
