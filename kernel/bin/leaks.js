// Finds kernel processes that the runner started and that are still alive. The runner puts each
// kernel's connection file in a folder named `itolab-kernel-<runner pid>-<random>`, and the file's
// path is on the kernel's command line, so /proc tells which processes are ours.
const fs = require("fs");

const MARKER = "itolab-kernel-";

/**
 * @param {{ runnerPid?: number, testRun?: string }} options `runnerPid`: only kernels of that
 *   runner; `testRun`: only kernels whose environment has ITOLAB_TEST_RUN=<testRun> (the jest run
 *   that started them, so concurrent runs on one machine do not see each other's kernels)
 * @returns {{pid: number, cmdline: string}[]} live processes whose command line holds MARKER
 */
function findLeakedKernels({ runnerPid, testRun } = {}) {
  const found = [];
  if (!fs.existsSync("/proc")) return found;
  const needle = runnerPid === undefined ? MARKER : `${MARKER}${runnerPid}-`;
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    let cmdline;
    try {
      cmdline = fs.readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0").join(" ").trim();
      const stat = fs.readFileSync(`/proc/${name}/stat`, "utf8");
      if (/^\d+ \(.*\) Z /.test(stat)) continue; // a zombie has exited already
    } catch {
      continue; // exited while we looked
    }
    if (!cmdline.includes(needle)) continue;
    if (testRun !== undefined) {
      let environ;
      try {
        environ = fs.readFileSync(`/proc/${name}/environ`, "utf8");
      } catch {
        continue;
      }
      if (!environ.split("\0").includes(`ITOLAB_TEST_RUN=${testRun}`)) continue;
    }
    found.push({ pid: Number(name), cmdline });
  }
  return found;
}

module.exports = { findLeakedKernels, MARKER };
