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
import { describeCourseNotes } from "./kernel/notes/course-notes";
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
  it("is committed to the course standard: nbformat 4.5 with ids, no outputs, one seed, title and verify lists", () => {
    const nb = JSON.parse(fs.readFileSync(file, "utf8"));
    expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
    expect(nb.metadata.kernelspec).toMatchObject({ name: "itolab" });
    const cells: {
      cell_type: string;
      id?: string;
      source: string | string[];
      outputs?: unknown[];
      execution_count?: unknown;
    }[] = nb.cells;
    expect(cells.every((c) => typeof c.id === "string" && c.id.length > 0)).toBe(true);
    const code = cells.filter((c) => c.cell_type === "code");
    // committed without outputs, so diffs stay readable
    expect(
      code.filter((c) => (c.outputs ?? []).length > 0 || c.execution_count != null).length,
    ).toBe(0);
    const text = (src: string | string[]) => (Array.isArray(src) ? src.join("") : src); // nbformat allows both
    const all = code.map((c) => text(c.source)).join("\n");
    // one seed per notebook: exactly one root generator, never Math.random
    expect(all.match(/\bcreateRng\(/g) ?? []).toHaveLength(1);
    expect(all).not.toMatch(/Math\.random/);
    const markdown = cells.filter((c) => c.cell_type === "markdown").map((c) => text(c.source));
    expect(markdown[0]).toMatch(/^# \d\d · /);
    expect(markdown[0]).toMatch(/What we will verify/);
    expect(markdown.some((t) => /^## What we verified/m.test(t))).toBe(true);
  });

  it("runs to the end with every check passing", async () => {
    const r = (await results).find((x) => x.file === file)!;
    if (!r.passed) throw new Error(formatResult(r));
    expect(r.cells.filter((c) => c.status === "failed")).toEqual([]);
    // the executed copy carries the evidence lines of its checks (for the lecture notes)
    const executed = JSON.parse(fs.readFileSync(r.outputPath!, "utf8"));
    const lines: string[] = executed.cells.flatMap((c: { outputs?: { text?: string[] }[] }) =>
      (c.outputs ?? []).flatMap((o) => o.text ?? []),
    );
    expect(lines.filter((l) => l.startsWith("✓ ")).length).toBeGreaterThan(0);
  }, 300_000);
});

// The lecture notes of the whole course, built from the executed copies written above.
describeCourseNotes();
