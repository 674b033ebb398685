/**
 * `npm run labs` on a fresh clone's notebooks (every lab not attempted, its recorded mutants all
 * rejected), on a copy of lecture 00 whose stubs hold the reference solutions (passed), a wrong
 * answer (failed, with the hint), and an endless loop (stopped by the timeout, nothing hangs).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { solutionTransform } from "../../kernel/runner/lab-solutions";
import { allLabs } from "../../src/labs";

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "kernel", "bin", "labs.js");
const nb00 = path.join(root, "notebooks", "00-brownian-motion.ipynb");

function labs(...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: "utf8",
    timeout: 240_000,
  });
}

/** A copy of notebook 00 with each stub's source rewritten by `rewrite(source, lab)`. */
function copyOf00(rewrite: (source: string, lab: string) => string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "itolab-labs-"));
  const nb = JSON.parse(fs.readFileSync(nb00, "utf8"));
  for (const cell of nb.cells) {
    const text = [cell.source].flat().join("");
    const m = /^\/\/\| lab: (\S+)/.exec(text);
    if (cell.cell_type === "code" && m) cell.source = rewrite(text, m[1]);
  }
  const file = path.join(dir, "00-brownian-motion.ipynb");
  fs.writeFileSync(file, JSON.stringify(nb));
  return file;
}

describe("npm run labs", () => {
  it("--json: one object per lab of the course, all not attempted, every mutant rejected", () => {
    const r = labs("--json");
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as {
      lecture: string;
      lab: string;
      state: string;
      mutants: number;
    }[];
    expect(rows.map((x) => x.lab).sort()).toEqual(
      allLabs()
        .map((l) => l.id)
        .sort(),
    );
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(["lecture", "lab", "state", "mutants"]);
      expect(row.state).toBe("not attempted");
      expect(row.lab.startsWith(row.lecture + "-")).toBe(true);
      expect(row.mutants).toBeGreaterThanOrEqual(2);
    }
  }, 240_000);

  it("grades a solved copy as passed and a wrong answer as failed with its hint", () => {
    const transform = solutionTransform(nb00, path.join(root, "labs", "solutions"));
    const solved = copyOf00((source) => transform({ cell_type: "code", source, metadata: {} }, 0));
    const table = labs(solved);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/00-quadratic-variation\s+passed\s+2/);
    expect(table.stdout).toContain("3 labs: 3 passed, 0 failed, 0 not attempted");

    const wrong = copyOf00((source, lab) =>
      lab === "00-quadratic-variation"
        ? "//| lab: 00-quadratic-variation\nfunction pathQuadraticVariation(w: Float64Array): number {\n" +
          "  let s = 0;\n  for (let k = 1; k < w.length; k++) s += Math.abs(w[k] - w[k - 1]);\n" +
          "  return s;\n}"
        : source,
    );
    const failed = labs("--details", wrong);
    expect(failed.status).toBe(0);
    expect(failed.stdout).toMatch(/00-quadratic-variation\s+failed/);
    expect(failed.stdout).toContain("hint: square the increments");
    expect(failed.stdout).toContain("smallest failing case: one increment");
  }, 240_000);

  it("stops an endless loop after --timeout and says so", () => {
    const looping = copyOf00((source, lab) =>
      lab === "00-covariance-se"
        ? "//| lab: 00-covariance-se\nfunction covarianceStandardError(s: number, t: number, n: number): number {\n" +
          "  for (;;) n++;\n}"
        : source,
    );
    const r = labs("--timeout", "3", looping);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("did not finish in 3 s");
  }, 240_000);
});
