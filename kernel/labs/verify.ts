/**
 * `npm run labs:verify [-- NN …]`: runs every notebook that has labs through the real kernel
 * with `--solutions` (each stub replaced by its reference solution, every grader required to
 * pass) and records the result in figures/labs.json, with the sha256 of the notebook and of its
 * solutions file; test/labs/report.test.ts fails when an entry is missing or stale. `npm test`
 * runs the same machinery on one lecture (test/labs/solutions-run.test.ts).
 */
import crypto from "crypto";
import fs from "fs";
import path from "path";
import { runNotebooks } from "../runner/run-many";
import { repoRoot } from "../runner/paths";
import { labStubs } from "./stubs";

export interface LabsReportEntry {
  notebookSha256: string;
  solutionsSha256: string;
  labs: string[];
  passed: boolean;
  seconds: number;
  failure?: string;
}

export interface LabsReport {
  about: string;
  lectures: Record<string, LabsReportEntry>;
}

export const REPORT_ABOUT =
  "Every lecture run through the tslab kernel with --solutions (npm run labs:verify): each lab " +
  "stub replaced by labs/solutions/NN.ts, every grader passed. test/labs/report.test.ts keeps " +
  "this fresh (sha256 of the notebook and of its solutions file).";

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

export function reportPath(root = repoRoot()): string {
  return path.join(root, "figures", "labs.json");
}

export async function main(argv: string[]): Promise<number> {
  const root = repoRoot();
  const dir = path.join(root, "notebooks");
  const wanted = argv.filter((a) => !a.startsWith("-"));
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
    .filter((f) => wanted.length === 0 || wanted.includes(f.slice(0, 2)))
    .map((f) => path.join(dir, f))
    .map((f) => ({ file: f, labs: labStubs(f).stubs.map((s) => s.lab) }))
    .filter((f) => f.labs.length > 0);
  const labsOf = new Map(files.map((f) => [f.file, f.labs]));
  const file = reportPath(root);
  const report: LabsReport = fs.existsSync(file)
    ? JSON.parse(fs.readFileSync(file, "utf8"))
    : { about: REPORT_ABOUT, lectures: {} };
  report.about = REPORT_ABOUT;
  const solutions = path.join(root, "labs", "solutions");
  const results = await runNotebooks(
    files.map((f) => f.file),
    { solutions, outDir: path.join(root, "build", "notebooks-solved"), jobs: 2 },
    (r) =>
      process.stdout.write(
        `${r.passed ? "PASS" : "FAIL"} ${r.displayPath} (${(r.ms / 1000).toFixed(1)} s)\n${r.failure ?? ""}`,
      ),
  );
  for (const r of results) {
    const name = path.basename(r.file, ".ipynb");
    const entry: LabsReportEntry = {
      notebookSha256: sha256(r.file),
      solutionsSha256: sha256(path.join(solutions, `${name.slice(0, 2)}.ts`)),
      labs: labsOf.get(r.file) ?? [],
      passed: r.passed,
      seconds: Math.round(r.ms / 100) / 10,
    };
    if (r.failure) entry.failure = r.failure;
    report.lectures[name] = entry;
  }
  const sorted = Object.fromEntries(
    Object.entries(report.lectures).sort(([a], [b]) => (a < b ? -1 : 1)),
  );
  fs.writeFileSync(file, JSON.stringify({ about: report.about, lectures: sorted }, null, 2) + "\n");
  const failed = results.filter((r) => !r.passed).length;
  process.stdout.write(
    `${results.length - failed} passed, ${failed} failed; wrote ${path.relative(root, file)}\n`,
  );
  return failed === 0 ? 0 : 1;
}
