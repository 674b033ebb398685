/**
 * The calibration machinery (kernel/calibrate): the binomial tail, the aggregation and its
 * verdicts, the notebook → program compiler, and `npm run calibrate` for real on fixture
 * notebooks and on one course notebook with a few seeds (the full 100-seed run is committed as
 * figures/calibration.json; test/notebooks.test.ts keeps it fresh).
 */
import { spawn, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { aggregate, binomialTail } from "../../../kernel/calibrate/aggregate";
import { calibrationSeed, mergeReport } from "../../../kernel/calibrate/cli";
import { notebookProgram } from "../../../kernel/calibrate/notebook-program";
import type { SeedRun } from "../../../kernel/calibrate/worker";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt } = require("../../../kernel/bin/build-if-stale.js");

const root = path.resolve(__dirname, "..", "..", "..");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fixtures = path.join(root, "test", "fixtures", "notebooks");

describe("binomialTail", () => {
  it("matches closed forms and a direct sum", () => {
    expect(binomialTail(0, 100, 0.01)).toBe(1);
    expect(binomialTail(1, 100, 0)).toBe(0);
    // P(X ≥ 1) = 1 − (1 − p)^n
    expect(binomialTail(1, 100, 0.01)).toBeCloseTo(1 - 0.99 ** 100, 14);
    // P(X ≥ 3), n = 10, p = 0.2: 1 − Σ_{j<3} C(10, j) 0.2^j 0.8^(10−j) = 0.3222004736
    expect(binomialTail(3, 10, 0.2)).toBeCloseTo(0.3222004736, 10);
    // a far tail, summed from k: P(X = 100) = 0.5^100 when k = n
    expect(binomialTail(100, 100, 0.5) / 0.5 ** 100).toBeCloseTo(1, 10);
  });
});

describe("aggregate", () => {
  const run = (seed: number, checks: Partial<SeedRun["checks"][number]>[]): SeedRun => ({
    seed,
    checks: checks.map((c) => ({
      cell: "c1",
      label: "x",
      kind: "withinSE",
      spec: "z = 4",
      falseFail: 6.3e-5,
      statistic: 0.5,
      passed: true,
      actual: seed,
      ...c,
    })),
  });

  it("accepts failures the declared rate explains, refuses more, and names the check", () => {
    // 1 failure in 4 runs at a declared 0.01: P(Bin(4, 0.01) ≥ 1) = 0.039 ≥ 1e-3
    const fine = aggregate("nb", [
      run(1, [{ passed: false, falseFail: 0.01 }]),
      ...[2, 3, 4].map((s) => run(s, [{ falseFail: 0.01 }])),
    ]);
    expect(fine[0]).toMatchObject({ id: "nb/c1/x", failures: 1, seeds: 4, verdict: "ok" });
    // 3 failures in 4 runs at 6.3e-5: P(Bin ≥ 3) ≈ 4·(6.3e-5)³ ≪ 1e-3
    const bad = aggregate(
      "nb",
      [1, 2, 3].map((s) => run(s, [{ passed: false }])).concat(run(4, [{}])),
    );
    expect(bad[0].verdict).toMatch(/^fails 3 of 4 times/);
  });

  it("flags a check that declares 0 but changes with the seed, or is not always reached", () => {
    const undeclared = aggregate(
      "nb",
      [1, 2].map((s) => run(s, [{ falseFail: 0 }])),
    );
    expect(undeclared[0].verdict).toMatch(/undeclared randomness/);
    const deterministic = aggregate(
      "nb",
      [1, 2].map((s) => run(s, [{ falseFail: 0, actual: 7 }])),
    );
    expect(deterministic[0].verdict).toBe("ok");
    const partial = aggregate("nb", [run(1, [{}]), run(2, [])]);
    expect(partial[0].verdict).toBe("reached under 1 of 2 seeds");
  });

  it("keeps statistics in seed order, drops non-finite ones, and marks a seed-dependent spec", () => {
    const entries = aggregate("nb", [
      run(1, [{ statistic: 1, spec: "≤ 0.3" }]),
      run(2, [{ statistic: null, spec: "≤ 0.4" }]),
      run(3, [{ statistic: -2, spec: "≤ 0.3" }]),
    ]);
    expect(entries[0]).toMatchObject({ statistic: [1, -2], spec: null });
  });
});

describe("notebookProgram", () => {
  it("hoists imports, reads the seed, drops skipped cells and exports, wraps raises cells", () => {
    const p = notebookProgram(path.join(fixtures, "calibration-honest.ipynb"));
    expect(p.seed).toBe(20261206);
    expect(p.cells).toEqual(["calibr-0", "calibr-1", "calibr-2", "calibr-4"]);
    expect(p.js).toMatch(/createRng\)\(__seed\)|createRng\(__seed\)/);
    expect(p.js).not.toMatch(/skipped/);
    expect(p.js).not.toMatch(/\bexport const two\b/);
    expect(p.js).toMatch(/"RangeError"/);
  });

  it("gives distinct calibration seeds, never the notebook's own", () => {
    const seeds = Array.from({ length: 100 }, (_, i) => calibrationSeed(20261206, i + 1));
    expect(new Set(seeds).size).toBe(100);
    expect(seeds).not.toContain(20261206);
  });
});

describe("npm run calibrate", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "itolab-calibrate-"));
  beforeAll(() => ensureBuilt({ quiet: true }), 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const calibrate = (args: string[]) =>
    spawnSync(process.execPath, [path.join(root, "kernel", "bin", "calibrate.js"), ...args], {
      cwd: root,
      encoding: "utf8",
    });

  it("passes an honest notebook and writes the report format", () => {
    const out = path.join(dir, "honest.json");
    const r = calibrate([
      "--notebook",
      path.join(fixtures, "calibration-honest.ipynb"),
      "--seeds",
      "6",
      "--jobs",
      "2",
      "--out",
      out,
    ]);
    expect({ status: r.status, stdout: r.stdout }).toMatchObject({ status: 0 });
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(report.seeds).toBe(6);
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual([
      "calibration-honest/calibr-1/mean of N(0, 1)",
      "calibration-honest/calibr-4/1 + 1 = 2",
    ]);
    const [mean, sum] = report.checks;
    expect(mean.declared).toBeCloseTo(0.0026998, 6); // 2·P(Z > 3)
    expect(mean.statistic).toHaveLength(6);
    expect(sum).toMatchObject({ declared: 0, failures: 0, statistic: [] });
  }, 120_000);

  it("stops its workers when it is interrupted (SIGTERM: exit 143, no worker left running)", async () => {
    const program = "calibration-honest.js";
    /** The pids of running calibration workers of the honest fixture (from /proc). */
    const workerPids = () =>
      fs
        .readdirSync("/proc")
        .filter((p) => /^\d+$/.test(p))
        .filter((p) => {
          try {
            const cmd = fs.readFileSync(`/proc/${p}/cmdline`, "utf8");
            return cmd.includes("worker.js") && cmd.includes(program);
          } catch {
            return false; // ended meanwhile
          }
        });
    const args = ["--notebook", path.join(fixtures, "calibration-honest.ipynb")];
    const child = spawn(
      process.execPath,
      [path.join(root, "kernel", "bin", "calibrate.js"), ...args, "--seeds", "100000"],
      { cwd: root, stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (c) => (stderr += c));
    const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
    const deadline = Date.now() + 60_000;
    while (workerPids().length < 2 && Date.now() < deadline) await sleep(100);
    expect(workerPids()).toHaveLength(2); // both workers running
    child.kill("SIGTERM");
    expect(await exited).toBe(143);
    expect(stderr).toContain("calibrate: stopped by SIGTERM");
    const gone = Date.now() + 5_000;
    while (workerPids().length > 0 && Date.now() < gone) await sleep(50);
    expect(workerPids()).toEqual([]);
  }, 120_000);

  it("fails a notebook whose check fails far more often than it declares, and lists it", () => {
    const out = path.join(dir, "overclaims.json");
    const r = calibrate([
      "--notebook",
      path.join(fixtures, "calibration-overclaims.ipynb"),
      "--seeds",
      "12",
      "--out",
      out,
    ]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /✗ calibration-overclaims\/calibr-1\/a coin that claims to be rare: fails \d+ of 12 times/,
    );
  }, 120_000);

  it("runs a course notebook under a few seeds", () => {
    const out = path.join(dir, "course.json");
    const r = calibrate(["--notebook", "00", "--seeds", "3", "--out", out]);
    const report = JSON.parse(fs.readFileSync(out, "utf8"));
    expect(report.notebooks[0]).toMatchObject({
      stem: "00-brownian-motion",
      seeds: 3,
      crashes: [],
    });
    expect(report.checks.length).toBeGreaterThan(10);
    expect(r.stdout).toMatch(/checks \(\d+ stochastic\) in 1 notebooks × 3 seeds/);
  }, 180_000);

  it("--commit replaces only the calibrated notebooks' entries", () => {
    const entry = (id: string) => ({
      id,
      kind: "true",
      spec: "true",
      declared: 0,
      failures: 0,
      seeds: 2,
      statistic: [],
      tail: 1,
      verdict: "ok",
    });
    const nb = (stem: string) => ({ stem, seed: 1, seeds: 2, seconds: 1, crashes: [] });
    const merged = mergeReport(
      {
        seeds: 2,
        level: 1e-3,
        notebooks: [nb("a"), nb("b")],
        checks: [entry("a/c/x"), entry("b/c/y")],
      },
      { seeds: 2, level: 1e-3, notebooks: [nb("b")], checks: [entry("b/c/z")] },
    );
    expect(merged.checks.map((c) => c.id)).toEqual(["a/c/x", "b/c/z"]);
  });
});
