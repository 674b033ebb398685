/**
 * `npm run calibrate [-- --seeds N --notebook NN … --jobs J --commit]`: re-executes the
 * notebooks' checks under N seeds other than the one each notebook ships with (in plain Node,
 * each notebook compiled once into a program, notebook-program.ts; J worker processes share the
 * seeds), prints a progress line, and writes `build/calibration/report.json`:
 * `{ "seeds": N, "notebooks": [...], "checks": [ { "id", "declared", "failures", "statistic",
 * … } ] }`. With --commit it also replaces the calibrated notebooks' entries in
 * `figures/calibration.json`, the committed report of the full run that the notebook test and the
 * lecture notes read. Exits 1 when a check fails calibration (aggregate.ts) or a run crashes.
 */
import { spawn, type ChildProcess } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { repoRoot } from "../runner/paths";
import { aggregate, CalibrationEntry, LEVEL } from "./aggregate";
import { notebookProgram } from "./notebook-program";
import type { SeedRun } from "./worker";

/** What the report says of each calibrated notebook. */
export interface NotebookCalibration {
  stem: string;
  /** the seed the notebook ships with (never among the calibration seeds) */
  seed: number;
  seeds: number;
  seconds: number;
  crashes: { seed: number; cell: string; message: string }[];
}

export interface CalibrationReport {
  seeds: number;
  level: number;
  notebooks: NotebookCalibration[];
  checks: CalibrationEntry[];
}

const USAGE = `usage: npm run calibrate -- [--seeds N] [--notebook NN]... [--jobs J] [--commit] [--out FILE]
       npm run calibrate -- --merge REPORT.json...

Re-executes the notebooks' checks under N seeds (default 100) other than the ones they ship
with, and reports per check its declared false-fail rate, its failures out of N and its
normalised statistics. Exits 1 when a check fails more often than it declares (binomial tail
below ${LEVEL}), declares 0 but changes with the seed, or a run crashes.
  --seeds N       seeds per notebook (default 100)
  --notebook NN   a notebook by its number or name (repeatable; default every notebook)
  --jobs J        worker processes (default: the number of cores, ${os.cpus().length})
  --commit        also write the notebooks' entries into figures/calibration.json
  --out FILE      the report (default build/calibration/report.json)
  --merge FILE... write the notebooks' entries of earlier reports into figures/calibration.json
                  (no run; every report must have the same number of seeds)`;

/** The i-th calibration seed of a notebook (i ≥ 1): distinct from its own seed and each other. */
export function calibrationSeed(own: number, i: number): number {
  return (own + 7919 * i) % 2147483647;
}

interface Options {
  seeds: number;
  notebooks: string[];
  jobs: number;
  commit: boolean;
  merge: string[];
  out: string;
}

function parse(argv: string[], root: string): Options | "help" {
  const o: Options = {
    seeds: 100,
    notebooks: [],
    jobs: os.cpus().length,
    commit: false,
    merge: [],
    out: path.join(root, "build", "calibration", "report.json"),
  };
  const count = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`calibrate: ${flag} needs a positive integer, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") return "help";
    else if (a === "--seeds") o.seeds = count(a, argv[++i]);
    else if (a === "--jobs" || a === "-j") o.jobs = count(a, argv[++i]);
    else if (a === "--notebook") o.notebooks.push(argv[++i] ?? "");
    else if (a === "--commit") o.commit = true;
    else if (a === "--merge") {
      while (i + 1 < argv.length && !argv[i + 1].startsWith("-"))
        o.merge.push(path.resolve(argv[++i]));
      if (o.merge.length === 0) throw new Error("calibrate: --merge needs report files");
    } else if (a === "--out") o.out = path.resolve(argv[++i] ?? "");
    else throw new Error(`calibrate: unknown argument ${a}\n${USAGE}`);
  }
  return o;
}

/**
 * The notebooks a --notebook value names: "03", "03-fokker-planck(.ipynb)", or the path of an
 * .ipynb file anywhere (a test fixture).
 */
function selectNotebooks(dir: string, names: string[]): string[] {
  const all = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ipynb"))
    .sort();
  if (names.length === 0) return all.map((f) => path.join(dir, f));
  return names.map((name) => {
    if (name.endsWith(".ipynb") && fs.existsSync(name)) return path.resolve(name);
    const hit = all.filter((f) => f === name || f.startsWith(`${name.replace(/\.ipynb$/, "")}`));
    if (hit.length !== 1)
      throw new Error(`calibrate: --notebook ${name} matches ${hit.length} notebooks`);
    return path.join(dir, hit[0]);
  });
}

/** The running workers: killed with the run when it is interrupted, so no orphan keeps computing. */
const workers = new Set<ChildProcess>();
let stopsWorkers = false;

/** On SIGINT or SIGTERM, kills the running workers and exits (130 or 143); installed once. */
function stopWorkersOnSignal(): void {
  if (stopsWorkers) return;
  stopsWorkers = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      for (const child of workers) child.kill("SIGKILL");
      process.stderr.write(`\ncalibrate: stopped by ${signal}\n`);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
  }
}

/** Runs one worker over its seeds; resolves with its runs (one JSON line each). */
function runWorker(program: string, seeds: number[], onRun: (r: SeedRun) => void): Promise<void> {
  stopWorkersOnSignal();
  return new Promise((resolve, reject) => {
    const worker = path.join(__dirname, "worker.js");
    const child = spawn(process.execPath, [worker, program, ...seeds.map(String)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    workers.add(child);
    child.on("exit", () => workers.delete(child));
    let buffered = "";
    let err = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf("\n")) >= 0) {
        onRun(JSON.parse(buffered.slice(0, nl)) as SeedRun);
        buffered = buffered.slice(nl + 1);
      }
    });
    child.stderr.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`calibrate worker exited with ${code}: ${err.trim()}`)),
    );
  });
}

/** Calibrates one notebook; prints progress on stderr. */
async function calibrateNotebook(
  file: string,
  o: Options,
  programDir: string,
): Promise<{ notebook: NotebookCalibration; checks: CalibrationEntry[] }> {
  const stem = path.basename(file, ".ipynb");
  const started = Date.now();
  const program = notebookProgram(file);
  const programFile = path.join(programDir, `${stem}.js`);
  fs.writeFileSync(programFile, program.js);
  const seeds = Array.from({ length: o.seeds }, (_, i) => calibrationSeed(program.seed, i + 1));
  const jobs = Math.min(o.jobs, seeds.length);
  const runs: SeedRun[] = [];
  let failed = 0;
  // one line rewritten in place on a terminal; in a log, a line at every tenth of the seeds
  const tty = process.stderr.isTTY === true;
  const progress = () => {
    const done = runs.length;
    if (!tty && done !== seeds.length && done % Math.max(1, Math.round(seeds.length / 10)) !== 0)
      return;
    process.stderr.write(
      `${tty ? "\r" : ""}calibrate ${stem}: ${done}/${seeds.length} seeds, ${failed} failed checks, ${((Date.now() - started) / 1000).toFixed(0)} s${tty ? "" : "\n"}`,
    );
  };
  progress();
  await Promise.all(
    Array.from({ length: jobs }, (_, j) =>
      runWorker(
        programFile,
        seeds.filter((_, i) => i % jobs === j),
        (r) => {
          runs.push(r);
          failed += r.checks.filter((c) => !c.passed).length;
          progress();
        },
      ),
    ),
  );
  if (tty) process.stderr.write("\n");
  runs.sort((a, b) => seeds.indexOf(a.seed) - seeds.indexOf(b.seed));
  const crashes = runs
    .filter((r) => r.crash)
    .map((r) => ({ seed: r.seed, cell: r.crash!.cell, message: r.crash!.message }));
  return {
    notebook: {
      stem,
      seed: program.seed,
      seeds: seeds.length,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      crashes,
    },
    checks: aggregate(stem, runs),
  };
}

/** Replaces the calibrated notebooks' entries of the committed report. */
export function mergeReport(
  committed: CalibrationReport | null,
  fresh: CalibrationReport,
): CalibrationReport {
  const stems = new Set(fresh.notebooks.map((n) => n.stem));
  const keep = <T>(xs: T[], stem: (x: T) => string) => xs.filter((x) => !stems.has(stem(x)));
  const notebooks = [...keep(committed?.notebooks ?? [], (n) => n.stem), ...fresh.notebooks];
  const checks = [...keep(committed?.checks ?? [], (c) => c.id.split("/")[0]), ...fresh.checks];
  notebooks.sort((a, b) => a.stem.localeCompare(b.stem));
  const order = (id: string) => notebooks.findIndex((n) => n.stem === id.split("/")[0]);
  checks.sort((a, b) => order(a.id) - order(b.id));
  return { seeds: fresh.seeds, level: LEVEL, notebooks, checks };
}

export async function main(argv: string[], root = repoRoot()): Promise<number> {
  let o: Options | "help";
  try {
    o = parse(argv, root);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  if (o === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const committedFile = path.join(root, "figures", "calibration.json");
  const readReport = (f: string) => JSON.parse(fs.readFileSync(f, "utf8")) as CalibrationReport;
  if (o.merge.length > 0) {
    let merged = fs.existsSync(committedFile) ? readReport(committedFile) : null;
    for (const f of o.merge) {
      const r = readReport(f);
      if (merged && merged.notebooks.length > 0 && merged.seeds !== r.seeds) {
        process.stderr.write(
          `calibrate: ${f} has ${r.seeds} seeds, the committed report ${merged.seeds}\n`,
        );
        return 2;
      }
      merged = mergeReport(merged, r);
    }
    fs.writeFileSync(committedFile, `${JSON.stringify(merged, null, 1)}\n`);
    const bad = merged!.checks.filter((c) => c.verdict !== "ok");
    process.stdout.write(
      `calibrate: merged ${o.merge.length} reports into figures/calibration.json: ${merged!.notebooks.length} notebooks, ${merged!.checks.length} checks, ${bad.length} failing calibration\n`,
    );
    return bad.length > 0 ? 1 : 0;
  }
  const files = selectNotebooks(path.join(root, "notebooks"), o.notebooks);
  // programs live inside the project, so that their `require("itolab")` resolves
  const programDir = path.join(root, "build", "calibration", "programs");
  fs.mkdirSync(programDir, { recursive: true });
  const report: CalibrationReport = { seeds: o.seeds, level: LEVEL, notebooks: [], checks: [] };
  for (const file of files) {
    const r = await calibrateNotebook(file, o, programDir);
    report.notebooks.push(r.notebook);
    report.checks.push(...r.checks);
  }
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  fs.writeFileSync(o.out, `${JSON.stringify(report, null, 1)}\n`);
  if (o.commit) {
    const committed = fs.existsSync(committedFile) ? readReport(committedFile) : null;
    fs.writeFileSync(committedFile, `${JSON.stringify(mergeReport(committed, report), null, 1)}\n`);
  }
  const bad = report.checks.filter((c) => c.verdict !== "ok");
  const crashes = report.notebooks.flatMap((n) =>
    n.crashes.map((c) => `${n.stem}, seed ${c.seed}, cell ${c.cell}: ${c.message}`),
  );
  const stochastic = report.checks.filter((c) => c.declared > 0).length;
  process.stdout.write(
    `calibrate: ${report.checks.length} checks (${stochastic} stochastic) in ${files.length} notebooks × ${o.seeds} seeds; ` +
      `${bad.length} fail calibration, ${crashes.length} runs crashed; report ${path.relative(root, o.out)}\n`,
  );
  for (const c of bad) process.stdout.write(`  ✗ ${c.id}: ${c.verdict}\n`);
  for (const c of crashes) process.stdout.write(`  crash: ${c}\n`);
  return bad.length > 0 || crashes.length > 0 ? 1 : 0;
}
