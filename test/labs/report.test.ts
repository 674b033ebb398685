/**
 * figures/labs.json is the committed report of `npm run labs:verify` (every lecture run through
 * the kernel with its labs' reference solutions). It must be fresh: an entry per notebook with
 * labs, with the sha256 of the notebook and of its solutions file as they are now, the labs the
 * notebook has, and a pass. After changing a notebook's labs or solutions, run
 * `npm run labs:verify -- NN` and commit figures/labs.json.
 */
import fs from "fs";
import path from "path";
import { labStubs } from "../../kernel/labs/stubs";
import { LabsReport, sha256 } from "../../kernel/labs/verify";

const root = path.resolve(__dirname, "..", "..");
const report = JSON.parse(
  fs.readFileSync(path.join(root, "figures", "labs.json"), "utf8"),
) as LabsReport;
const notebooks = fs
  .readdirSync(path.join(root, "notebooks"))
  .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
  .sort();

describe.each(notebooks)("%s", (name) => {
  it("has a fresh, passing entry in figures/labs.json (npm run labs:verify)", () => {
    const file = path.join(root, "notebooks", name);
    const stem = name.replace(/\.ipynb$/, "");
    const entry = report.lectures[stem];
    const hint = `run npm run labs:verify -- ${name.slice(0, 2)} and commit figures/labs.json`;
    expect({ entry: entry !== undefined, hint }).toEqual({ entry: true, hint });
    expect({ notebook: entry.notebookSha256, hint }).toEqual({ notebook: sha256(file), hint });
    const solutions = path.join(root, "labs", "solutions", `${name.slice(0, 2)}.ts`);
    expect({ solutions: entry.solutionsSha256, hint }).toEqual({
      solutions: sha256(solutions),
      hint,
    });
    expect(entry.labs).toEqual(labStubs(file).stubs.map((s) => s.lab));
    expect(entry.labs.length).toBeGreaterThanOrEqual(3);
    expect(entry.passed).toBe(true);
  });
});
