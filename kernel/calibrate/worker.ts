/**
 * One calibration worker (a child process of `npm run calibrate`): loads a compiled notebook
 * program and runs it once per seed, with checks in "record" mode (a failing check is recorded
 * and the run goes on), evidence lines, console output and figures silenced, and writes one JSON
 * line per seed to stdout: the seed, every check's record with its cell, and the error of a run
 * that crashed.
 *
 * usage: node worker.js <program.js> <seed> [<seed> …]
 */
import path from "path";
import type { CheckRecord } from "../../src/check";
import type { LoggedCheck } from "../runner/check-log";

/** What a worker reports for one seed. */
export interface SeedRun {
  seed: number;
  checks: LoggedCheck[];
  /** the error of a run that stopped before its end, with the cell it stopped in */
  crash?: { cell: string; message: string };
}

async function main(argv: string[]): Promise<void> {
  const [programFile, ...seedArgs] = argv;
  const programPath = path.resolve(programFile);
  // the library the notebook imports ("itolab" resolves from the program's folder): modules
  // chosen at run time, so require
  /* eslint-disable @typescript-eslint/no-require-imports */
  const resolve = (m: string) => require.resolve(m, { paths: [path.dirname(programPath)] });
  const check = require(resolve("itolab/check"));
  const plot = require(resolve("itolab/plot"));
  const { run } = require(programPath) as {
    run: (seed: number, cell: (id: string) => void) => Promise<void>;
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
  process.env.ITOLAB_CHECK_QUIET = "1";
  plot.setDisplayWriter(() => undefined);
  check.setCheckMode("record");
  const out = process.stdout;
  const log = console.log;
  for (const arg of seedArgs) {
    const seed = Number(arg);
    let cell = "";
    const result: SeedRun = { seed, checks: [] };
    check.setCheckRecorder((r: CheckRecord) =>
      result.checks.push({
        cell,
        label: r.label,
        kind: r.kind,
        spec: r.spec,
        falseFail: r.falseFail,
        statistic: r.statistic,
        passed: r.passed,
        actual: typeof r.actual === "number" && !Number.isFinite(r.actual) ? null : r.actual,
      }),
    );
    console.log = () => undefined;
    try {
      await run(seed, (id) => {
        cell = id;
      });
    } catch (err) {
      result.crash = {
        cell,
        message: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      };
    } finally {
      console.log = log;
    }
    out.write(`${JSON.stringify(result)}\n`);
  }
}

main(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`calibrate worker: ${err && err.stack ? err.stack : err}\n`);
  process.exit(1);
});
