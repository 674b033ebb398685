/** Runs several notebooks concurrently (`jobs` kernels at a time) and formats the report lines. */
import fs from "fs";
import os from "os";
import path from "path";
import { NotebookResult, runNotebook, RunOptions } from "./run-notebook";

/** The notebooks named by `targets`: .ipynb files, and folders' .ipynb files in name order. */
export function collectNotebooks(targets: string[]): string[] {
  const files: string[] = [];
  for (const t of targets) {
    if (!fs.existsSync(t)) throw new Error(`itolab-run: no such notebook or folder: ${t}`);
    if (fs.statSync(t).isDirectory()) {
      files.push(
        ...fs
          .readdirSync(t)
          .filter((f) => f.endsWith(".ipynb"))
          .sort()
          .map((f) => path.join(t, f)),
      );
    } else {
      files.push(t);
    }
  }
  return files;
}

/** One line for a finished notebook, plus the failure report under it. */
export function formatResult(r: NotebookResult): string {
  const count = (s: string) => r.cells.filter((c) => c.status === s).length;
  const run = r.cells.length - count("not-run") - count("skipped");
  const parts = [`${run} ${run === 1 ? "cell" : "cells"} run`];
  if (count("raised")) parts.push(`${count("raised")} raised as expected`);
  if (count("skipped")) parts.push(`${count("skipped")} skipped`);
  const head = `${r.passed ? "PASS" : "FAIL"} ${r.displayPath} (${parts.join(", ")}; ${(r.ms / 1000).toFixed(1)} s)`;
  const skipped = r.cells
    .filter((c) => c.status === "skipped")
    .map((c) => `  skipped cell ${c.index} (id ${c.id}): ${c.detail}`);
  const failure = r.failure ? [`  ${r.failure.replace(/\n/g, "\n  ")}`] : [];
  return [head, ...skipped, ...failure].join("\n");
}

/** The closing line: notebooks passed and failed, and skipped cells when there are any. */
export function summaryLine(results: NotebookResult[]): string {
  const passed = results.filter((r) => r.passed).length;
  const skipped = results.reduce(
    (n, r) => n + r.cells.filter((c) => c.status === "skipped").length,
    0,
  );
  return `${passed} passed, ${results.length - passed} failed${skipped ? `, ${skipped} skipped` : ""}`;
}

/**
 * Run notebooks with at most `jobs` kernels at once; results keep the input order.
 * @param onResult called as each notebook finishes (for streaming reports)
 */
export async function runNotebooks(
  files: string[],
  options: RunOptions & { jobs?: number } = {},
  onResult: (r: NotebookResult) => void = () => undefined,
): Promise<NotebookResult[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? os.cpus().length, files.length));
  const results: NotebookResult[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const i = next++;
      results[i] = await runNotebook(files[i], options);
      onResult(results[i]);
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  return results;
}
