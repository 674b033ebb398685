/**
 * Every notebook in notebooks/ executed through the headless runner and the real tslab kernel,
 * one test per notebook. A failing notebook fails its test with the runner's report (path, cell,
 * error, offending line). Executed copies go to build/notebooks/. Runs after the unit tests
 * (test/support/sequencer.js).
 */
import fs from "fs";
import os from "os";
import path from "path";
import { formatResult, runNotebooks, summaryLine } from "../kernel/runner/run-many";
import type { NotebookResult } from "../kernel/runner/run-notebook";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt } = require("../kernel/bin/build-if-stale.js");

const root = path.resolve(__dirname, "..");
const dir = path.join(root, "notebooks");
const notebooks = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".ipynb"))
  .sort()
  .map((f) => path.join(dir, f));
const outDir = path.join(root, "build", "notebooks");
let results: Promise<NotebookResult[]>;

beforeAll(() => {
  ensureBuilt({ quiet: true }); // notebooks import the built library: rebuild when src/ changed
  results = runNotebooks(notebooks, {
    jobs: Math.max(1, os.cpus().length),
    outDir,
  }).then((rs) => {
    // the summary reporter prints this after jest's own output
    fs.writeFileSync(
      path.join(outDir, "REPORT.txt"),
      `${rs.map(formatResult).join("\n")}\n${summaryLine(rs)}\n`,
    );
    return rs;
  });
}, 120_000);

it("finds the course notebooks", () => {
  expect(notebooks.map((f) => path.basename(f))).toContain("00-brownian-motion.ipynb");
});

describe.each(notebooks.map((f) => [path.relative(root, f), f]))("%s", (_name, file) => {
  it("runs to the end with every check passing", async () => {
    const r = (await results).find((x) => x.file === file)!;
    if (!r.passed) throw new Error(formatResult(r));
    expect(r.cells.filter((c) => c.status === "failed")).toEqual([]);
  }, 300_000);
});
