/**
 * `npm run labs`: every graded lab of the notebooks with its state for the code now in the
 * stubs (not attempted / passed / failed) and the number of recorded wrong solutions
 * (labs/mutants/NN.ts) its grader rejects with the hint that names them.
 */
import path from "path";
import { Worker } from "worker_threads";

export interface LabRow {
  lecture: string;
  lab: string;
  fn: string;
  state: "not attempted" | "passed" | "failed";
  mutants: number;
  /** The grader's report (or why the cell could not be graded). */
  detail: string;
}

export interface WorkerInput {
  root: string;
  notebook: string;
}

/**
 * Grades one notebook's labs in a worker thread, stopped after `timeoutMs`.
 * @param root the repository root (dist/ must be built)
 * @param notebook the .ipynb path
 */
export function gradeNotebook(
  root: string,
  notebook: string,
  timeoutMs = 60_000,
): Promise<LabRow[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, "evaluate-worker.js"), {
      workerData: { root, notebook } satisfies WorkerInput,
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(
        new Error(
          `${path.basename(notebook)}: the labs did not finish in ${timeoutMs / 1000} s (an endless loop?)`,
        ),
      );
    }, timeoutMs);
    worker.once("message", (rows: LabRow[]) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(rows);
    });
    worker.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** The rows as a table: lecture, lab, state, mutants rejected. */
export function formatTable(rows: LabRow[]): string {
  const head = ["lecture", "lab", "state", "mutants rejected"];
  const body = rows.map((r) => [r.lecture, r.lab, r.state, String(r.mutants)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join("  ")
      .trimEnd();
  const count = (s: LabRow["state"]) => rows.filter((r) => r.state === s).length;
  return [
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...body.map(line),
    "",
    `${rows.length} labs: ${count("passed")} passed, ${count("failed")} failed, ${count("not attempted")} not attempted`,
  ].join("\n");
}
