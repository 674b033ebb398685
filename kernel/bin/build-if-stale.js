// Rebuild the library (tsc -p tsconfig.build.json) when any source under src/, kernel/runner/, kernel/calibrate/ or
// bench/ is newer than the last build stamp, so that editing the library and re-running a
// notebook just works. Used by the runner's CLI and by the test suite's global setup.
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..", "..");
const stamp = path.join(root, "dist", ".build-stamp");
const sourceDirs = [
  "src",
  "kernel/runner",
  "kernel/notes",
  "kernel/calibrate",
  "kernel/labs",
  "bench",
  "labs",
].map((d) => path.join(root, d));
const configFiles = ["tsconfig.json", "tsconfig.build.json", "package.json"].map((f) =>
  path.join(root, f),
);

/** Newest modification time (ms) of any .ts file under `dir`, or 0. */
function newestSource(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith(".ts")) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

function isStale() {
  if (!fs.existsSync(stamp)) return true;
  const built = fs.statSync(stamp).mtimeMs;
  const newest = Math.max(
    ...sourceDirs.map(newestSource),
    ...configFiles.map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)),
  );
  return newest > built;
}

const lock = path.join(root, "dist", ".build-lock");
const LOCK_STALE_MS = 5 * 60 * 1000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Hold the build lock (a folder: mkdir is atomic) while `fn` runs; wait for another holder. */
function withLock(fn) {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > LOCK_STALE_MS)
          fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      sleep(100);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Run the build if stale (or forced); throws with tsc's output when the build fails. Concurrent
 * callers (parallel test suites, two terminals) wait for one build instead of racing.
 */
function ensureBuilt({ quiet = false, force = false } = {}) {
  if (!force && !isStale()) return false;
  return withLock(() => (force || isStale() ? build(quiet) : false));
}

function build(quiet) {
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  if (!fs.existsSync(tsc)) {
    throw new Error(
      "itolab: the library build is stale and TypeScript is not installed; run `npm ci`",
    );
  }
  if (!quiet) process.stderr.write("itolab: src/ changed since the last build; rebuilding…\n");
  const res = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], {
    cwd: root,
    encoding: "utf8",
  });
  if (res.status !== 0) {
    throw new Error(
      `itolab: the library build failed (tsc -p tsconfig.build.json):\n${res.stdout}${res.stderr}`,
    );
  }
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, new Date().toISOString() + "\n");
  return true;
}

module.exports = { ensureBuilt, isStale };

if (require.main === module) {
  try {
    ensureBuilt({ force: process.argv.includes("--force"), quiet: true });
  } catch (err) {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  }
}
