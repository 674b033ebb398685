/**
 * The `itolab-run` command line as a user runs it: exit codes, the per-notebook report and the
 * closing count, `--inplace`, and no kernel left behind when the runner is interrupted (Ctrl-C),
 * terminated, or killed outright.
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import fs from "fs";
import path from "path";
import { fixture, isAlive, root } from "./support";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findLeakedKernels } = require("../../../kernel/bin/leaks.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt } = require("../../../kernel/bin/build-if-stale.js");

const CLI = path.join(root, "kernel", "bin", "itolab-run.js");
// Notebooks must live inside the project (tslab type-checks cells against its node_modules), so
// scratch copies go to build/, which is ignored by git.
const scratch = path.join(root, "build", `cli-test-${process.pid}`);

beforeAll(() => {
  ensureBuilt({ quiet: true });
  fs.mkdirSync(scratch, { recursive: true });
}, 120_000);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function run(args: string[]) {
  const res = spawnSync(process.execPath, [CLI, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** Poll until `cond` holds or `ms` pass. */
async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return cond();
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );

describe("itolab-run", () => {
  it("prints one line per notebook, the failure report, and the closing count; exits 1 on failure", () => {
    const out = path.join(scratch, "out");
    const { code, stdout } = run(["-o", out, fixture("passing"), fixture("failing-cell")]);
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n");
    // reports stream as notebooks finish, so their order is not fixed
    expect(stdout).toMatch(
      /^PASS test\/fixtures\/notebooks\/passing\.ipynb \(4 cells run, 1 raised as expected, 1 skipped; \d+\.\d s\)$/m,
    );
    expect(stdout).toMatch(
      /^FAIL test\/fixtures\/notebooks\/failing-cell\.ipynb \(2 cells run; \d+\.\d s\)$/m,
    );
    expect(stdout).toContain("failing-cell.ipynb, cell 3 (id failin-2): Error: x is 2, expected 3");
    expect(lines[lines.length - 1]).toBe("1 passed, 1 failed, 1 skipped");
    expect(fs.readdirSync(out).sort()).toEqual(["failing-cell.ipynb", "passing.ipynb"]);
  }, 60_000);

  it("exits 0 when every notebook passes and 2 on a usage error", () => {
    expect(run(["-o", path.join(scratch, "out0"), fixture("passing")]).code).toBe(0);
    const bad = run(["--jobs", "0", fixture("passing")]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("itolab-run: --jobs needs a positive number, got 0");
    expect(run(["no-such-folder"]).stderr).toMatch(/no-such-folder/);
  }, 60_000);

  it("--inplace replaces a source notebook only after a successful run", () => {
    const ok = path.join(scratch, "ok.ipynb");
    const bad = path.join(scratch, "bad.ipynb");
    fs.copyFileSync(fixture("passing"), ok);
    fs.copyFileSync(fixture("failing-cell"), bad);
    const badBefore = fs.readFileSync(bad, "utf8");
    run(["--inplace", "-o", path.join(scratch, "out1"), ok, bad]);
    expect(fs.readFileSync(bad, "utf8")).toBe(badBefore);
    const nb = JSON.parse(fs.readFileSync(ok, "utf8"));
    expect(nb.cells[1].outputs).toEqual([
      { name: "stdout", output_type: "stream", text: ["a = 1\n"] },
    ]);
    // the replace is atomic (temporary file + rename): nothing else is left in the folder
    expect(fs.readdirSync(scratch).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 60_000);

  it.each([
    ["Ctrl-C (SIGINT)", "SIGINT", 130],
    ["SIGTERM", "SIGTERM", 143],
  ] as const)(
    "leaves no kernel behind when the runner gets %s mid-cell",
    async (_name, signal, exitCode) => {
      const child = spawn(
        process.execPath,
        [CLI, "-o", path.join(scratch, "out2"), fixture("infinite-loop")],
        {
          cwd: root,
          stdio: "ignore",
        },
      );
      const done = exited(child);
      const kernels = () => findLeakedKernels({ runnerPid: child.pid }) as { pid: number }[];
      expect(await waitFor(() => kernels().length > 0, 20_000)).toBe(true);
      const pids = kernels().map((k) => k.pid);
      await new Promise((r) => setTimeout(r, 3000)); // let it reach the infinite loop
      child.kill(signal);
      expect((await done).code).toBe(exitCode);
      expect(pids.filter(isAlive)).toEqual([]);
    },
    60_000,
  );

  it("the kernel exits by itself when the runner is killed outright (SIGKILL)", async () => {
    const child = spawn(
      process.execPath,
      [CLI, "-o", path.join(scratch, "out3"), fixture("infinite-loop")],
      {
        cwd: root,
        stdio: "ignore",
      },
    );
    const done = exited(child);
    const kernels = () => findLeakedKernels({ runnerPid: child.pid }) as { pid: number }[];
    expect(await waitFor(() => kernels().length > 0, 20_000)).toBe(true);
    const pids = kernels().map((k) => k.pid);
    await new Promise((r) => setTimeout(r, 3000)); // the kernel is now blocked in the endless loop
    child.kill("SIGKILL");
    await done;
    // the launcher's watchdog thread sees the kernel orphaned (checked every 0.5 s) and kills it
    expect(await waitFor(() => pids.filter(isAlive).length === 0, 10_000)).toBe(true);
  }, 60_000);
});
