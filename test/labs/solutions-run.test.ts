/**
 * `itolab-run --solutions` through the real kernel, on one lecture (the representative subset of
 * `npm test`; `npm run labs:verify` runs every lecture and test/labs/report.test.ts keeps its
 * report fresh): lecture 00 with its reference solutions passes every lab; a solutions file with
 * a wrong answer fails the run naming the lab; --inplace is refused, so solutions never reach a
 * source notebook.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { runNotebook } from "../../kernel/runner/run-notebook";
import { main } from "../../kernel/runner/cli";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt } = require("../../kernel/bin/build-if-stale.js");

const root = path.resolve(__dirname, "..", "..");
const nb00 = path.join(root, "notebooks", "00-brownian-motion.ipynb");

beforeAll(() => ensureBuilt({ quiet: true }));

function outputs(file: string): string {
  const nb = JSON.parse(fs.readFileSync(file, "utf8"));
  return nb.cells
    .flatMap((c: { outputs?: { text?: string[] }[] }) => c.outputs ?? [])
    .flatMap((o: { text?: string[] }) => o.text ?? [])
    .join("");
}

it("runs lecture 00 with its reference solutions: every lab ✓", async () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "itolab-solved-"));
  const before = fs.readFileSync(nb00, "utf8");
  const r = await runNotebook(nb00, { solutions: path.join(root, "labs", "solutions"), outDir });
  expect(r.failure).toBeUndefined();
  expect(r.passed).toBe(true);
  const text = outputs(r.outputPath!);
  for (const id of ["00-brownian-path", "00-quadratic-variation", "00-covariance-se"]) {
    expect(text).toContain(`✓ lab ${id} (`);
  }
  expect(fs.readFileSync(nb00, "utf8")).toBe(before);
}, 180_000);

it("fails the run, naming the lab, when a solution is wrong", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "itolab-wrong-solutions-"));
  const right = fs.readFileSync(path.join(root, "labs", "solutions", "00.ts"), "utf8");
  const wrong = right.replace("q += (w[k + 1] - w[k]) ** 2;", "q += Math.abs(w[k + 1] - w[k]);");
  expect(wrong).not.toBe(right);
  fs.writeFileSync(path.join(dir, "00.ts"), wrong);
  const r = await runNotebook(nb00, { solutions: dir, outDir: dir });
  expect(r.passed).toBe(false);
  expect(r.failure).toContain("LabFailed");
  expect(r.failure).toContain("hint: square the increments");
}, 180_000);

it("refuses --solutions with --inplace", async () => {
  const err = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    expect(await main(["--solutions", "--inplace", nb00])).toBe(2);
    expect(String(err.mock.calls[0][0])).toContain("--solutions cannot be combined with --inplace");
  } finally {
    err.mockRestore();
  }
});
