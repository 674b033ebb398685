#!/usr/bin/env node
// The itolab kernel: the project's own tslab (node_modules/tslab, pinned in package.json), started
// exactly as `tslab kernel --config-path <connection file>` would start it, but without a global
// install or anything on PATH. Jupyter (and the headless runner) call it through the kernelspec
// that kernel/bin/install-kernelspec.js writes, with the kernel's working folder set to the
// notebook's folder, so `import { … } from "itolab"` resolves through the project's node_modules.
const path = require("path");

const connectionFile = process.argv[2];
if (!connectionFile) {
  process.stderr.write("itolab kernel: usage: launch.js <connection file>\n");
  process.exit(2);
}

// When the process that started us dies without shutting us down (a killed runner or Jupyter
// server), exit instead of lingering as an orphan: an orphan is re-parented, so its parent pid
// changes. The watch runs on a worker thread, so it works even while a cell blocks the main
// thread in an endless loop.
const { Worker } = require("worker_threads");
const watchdog = `
  const parent = ${process.ppid};
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, "SIGKILL");
  }, 500);
`;
new Worker(watchdog, { eval: true }).unref();

// Checks in a notebook always print their evidence lines; the quiet switch is for the library's
// own unit tests, whose environment a kernel started from a test run would otherwise inherit.
delete process.env.ITOLAB_CHECK_QUIET;

const root = path.resolve(__dirname, "..");

// The runner's check log (RunOptions.checkLog): every check the notebook makes is appended, one
// JSON line each, to the file ITOLAB_CHECK_LOG names. The notebook's `import … from "itolab"`
// resolves to this same module (node_modules/itolab links the project), so the recorder set here
// is the one its checks call.
if (process.env.ITOLAB_CHECK_LOG) {
  const fs = require("fs");
  const file = process.env.ITOLAB_CHECK_LOG;
  const { setCheckRecorder } = require(path.join(root, "dist", "src", "check"));
  const { logLine } = require(path.join(root, "dist", "kernel", "runner", "check-log.js"));
  setCheckRecorder((record) => fs.appendFileSync(file, `${logLine(record)}\n`));
}
const tslabMain = require.resolve("tslab/dist/main.js", { paths: [root] });
const { startKernel } = require(tslabMain);
const { getVersion } = require(path.join(path.dirname(tslabMain), "util.js"));
startKernel({
  configPath: path.resolve(connectionFile),
  enableFindLocal: false,
  jsKernel: false,
  globalVersion: getVersion(),
});
