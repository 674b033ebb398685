/**
 * `npm run labs [-- --json] [--details] [notebook.ipynb | folder]…`: the state of every graded
 * lab of the notebooks (default notebooks/), graded on the code now in each stub cell.
 */
import fs from "fs";
import path from "path";
import { repoRoot } from "../runner/paths";
import { formatTable, gradeNotebook, LabRow } from "./table";

const USAGE = `usage: npm run labs [-- --json] [--details] [--timeout S] [notebook.ipynb | folder]...

Grades each lab stub (a cell marked //| lab: NN-name) of the notebooks (default notebooks/) with
its grader from itolab/labs, on the code now in the cell, and prints a table: lecture, lab,
state (not attempted / passed / failed), and how many recorded wrong solutions (labs/mutants/)
the grader rejects. --json prints one object per lab; --details prints each grader's report;
--timeout S stops a notebook's grading after S seconds (default 60: an endless loop).`;

function notebooks(targets: string[]): string[] {
  const files: string[] = [];
  for (const t of targets) {
    if (fs.statSync(t).isDirectory()) {
      for (const f of fs.readdirSync(t).sort())
        if (/^\d\d-.*\.ipynb$/.test(f)) files.push(path.join(t, f));
    } else files.push(t);
  }
  return files;
}

export async function main(argv: string[]): Promise<number> {
  const root = repoRoot();
  let json = false;
  let details = false;
  let timeout = 60;
  const targets: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") json = true;
    else if (a === "--timeout") {
      timeout = Number(argv[++i]);
      if (!(timeout > 0)) {
        process.stderr.write(`labs: --timeout needs a positive number of seconds\n`);
        return 2;
      }
    } else if (a === "--details") details = true;
    else if (a === "-h" || a === "--help") {
      process.stdout.write(USAGE + "\n");
      return 0;
    } else if (a.startsWith("-")) {
      process.stderr.write(`labs: unknown option ${a}\n\n${USAGE}\n`);
      return 2;
    } else targets.push(a);
  }
  let rows: LabRow[] = [];
  try {
    for (const nb of notebooks(targets.length ? targets : [path.join(root, "notebooks")])) {
      rows = rows.concat(await gradeNotebook(root, nb, timeout * 1000));
    }
  } catch (e) {
    process.stderr.write(`labs: ${(e as Error).message}\n`);
    return 2;
  }
  if (json) {
    const objects = rows.map(({ lecture, lab, state, mutants }) => ({
      lecture,
      lab,
      state,
      mutants,
    }));
    process.stdout.write(JSON.stringify(objects, null, 2) + "\n");
  } else {
    process.stdout.write(formatTable(rows) + "\n");
    if (details) for (const r of rows) process.stdout.write(`\n${r.detail}\n`);
  }
  return 0;
}
