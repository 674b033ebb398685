/**
 * `itolab-run [options] <notebook.ipynb | folder>…`: execute notebooks headlessly through the
 * project's tslab kernel and write the executed copies to build/notebooks/.
 */
import os from "os";
import path from "path";
import { repoRoot } from "./paths";
import { formatResult, collectNotebooks, runNotebooks, summaryLine } from "./run-many";

const USAGE = `usage: itolab-run [options] <notebook.ipynb | folder>...

Executes notebooks through the project's tslab kernel (the Jupyter protocol over zeromq), in
order, stopping each at its first failing cell, and writes executed copies to build/notebooks/.

options:
  -j, --jobs N        notebooks run at once (default: the number of cores, ${os.cpus().length})
  -t, --timeout S     seconds a cell may run before it is interrupted (default 600)
  -o, --out-dir DIR   where executed notebooks go (default build/notebooks)
      --inplace       also replace each source notebook, only after its successful run
      --solutions     replace each lab stub (//| lab: NN-name) by its reference solution from
                      labs/solutions/NN.ts and require every lab to pass; writes to
                      build/notebooks-solved unless -o is given; refused with --inplace
  -h, --help          this text

cell directives (first lines of a code cell):
  //| skip: <reason>   not executed, reported as skipped
  //| raises: <Name>   the cell must throw an error named Name; the run continues
  //| hide             executed, left out of the lecture notes
  //| lab: NN-name     a graded lab's stub (itolab/labs)`;

function positiveNumber(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n <= 0) {
    throw new Error(`itolab-run: ${flag} needs a positive number, got ${value ?? "nothing"}`);
  }
  return n;
}

export async function main(argv: string[]): Promise<number> {
  const targets: string[] = [];
  const opts: {
    jobs?: number;
    cellTimeout?: number;
    outDir?: string;
    inplace?: boolean;
    solutions?: string;
  } = {};
  try {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === "-h" || a === "--help") {
        process.stdout.write(USAGE + "\n");
        return 0;
      } else if (a === "-j" || a === "--jobs") opts.jobs = Math.floor(positiveNumber(a, argv[++i]));
      else if (a === "-t" || a === "--timeout") opts.cellTimeout = positiveNumber(a, argv[++i]);
      else if (a === "-o" || a === "--out-dir") opts.outDir = argv[++i];
      else if (a === "--inplace") opts.inplace = true;
      else if (a === "--solutions") opts.solutions = path.join(repoRoot(), "labs", "solutions");
      else if (a.startsWith("-")) throw new Error(`itolab-run: unknown option ${a}\n\n${USAGE}`);
      else targets.push(a);
    }
    if (opts.solutions !== undefined) {
      if (opts.inplace)
        throw new Error("itolab-run: --solutions cannot be combined with --inplace");
      opts.outDir ??= path.join(repoRoot(), "build", "notebooks-solved");
    }
    if (targets.length === 0) throw new Error(`itolab-run: no notebooks given\n\n${USAGE}`);
    const files = collectNotebooks(targets);
    if (files.length === 0) throw new Error(`itolab-run: no .ipynb files in ${targets.join(", ")}`);
    const results = await runNotebooks(files, opts, (r) =>
      process.stdout.write(formatResult(r) + "\n"),
    );
    process.stdout.write(summaryLine(results) + "\n");
    return results.every((r) => r.passed) ? 0 : 1;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
}
