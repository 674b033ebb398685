/**
 * The committed report of the course in JupyterLite, figures/lite.json (`npm run lite:test`,
 * lite/run.js, runs every lecture in Chromium, several minutes): it must hold an entry for every
 * notebook of notebooks/ whose sha256 is the notebook's, that passed (every cell run, or its fast
 * sections only with the reason; no error output, no failed check, every figure drawn, as many
 * check lines as tslab printed when its executed copy was at hand), and none for a notebook that
 * is gone. After changing a notebook: `npm run lite:test -- NN`.
 */
import crypto from "crypto";
import fs from "fs";
import path from "path";

const root = path.resolve(__dirname, "..", "..");
const reportFile = path.join(root, "figures", "lite.json");
const notebooks = fs
  .readdirSync(path.join(root, "notebooks"))
  .filter((n) => n.endsWith(".ipynb"))
  .sort()
  .map((n) => n.replace(/\.ipynb$/, ""));

interface Entry {
  sha256: string;
  codeCells: number;
  cellsRun: number;
  checksPassed: number;
  checksFailed: number;
  figures: number;
  figuresDrawn: number;
  seconds: number;
  fastSectionsOnly?: string;
  tslab: { checksPassed: number } | null;
  status: string;
  problems: string[];
}

const report = fs.existsSync(reportFile)
  ? (JSON.parse(fs.readFileSync(reportFile, "utf8")) as { lectures: Record<string, Entry> })
  : null;
const rerun = (stem: string) => `npm run lite:test -- ${stem.slice(0, 2)}`;

describe("figures/lite.json: every lecture run in JupyterLite, fresh", () => {
  test("the report exists (npm run lite:test)", () => {
    expect(report).not.toBeNull();
  });

  test.each(notebooks)("%s: an entry for this very notebook that passed", (stem) => {
    const entry = report?.lectures[stem];
    if (!entry) throw new Error(`figures/lite.json has no entry for ${stem}: ${rerun(stem)}`);
    const text = fs.readFileSync(path.join(root, "notebooks", `${stem}.ipynb`));
    const sha256 = crypto.createHash("sha256").update(text).digest("hex");
    if (entry.sha256 !== sha256) {
      throw new Error(
        `figures/lite.json is stale for ${stem} (the notebook changed): ${rerun(stem)}`,
      );
    }
    expect({ status: entry.status, problems: entry.problems }).toEqual({
      status: "pass",
      problems: [],
    });
    if (entry.fastSectionsOnly === undefined) expect(entry.cellsRun).toBe(entry.codeCells);
    else expect(entry.fastSectionsOnly.length).toBeGreaterThan(0);
    expect(entry.checksFailed).toBe(0);
    expect(entry.figuresDrawn).toBe(entry.figures);
    if (entry.tslab) expect(entry.checksPassed).toBe(entry.tslab.checksPassed);
  });

  test("no entry for a notebook that is gone", () => {
    const gone = Object.keys(report?.lectures ?? {}).filter((s) => !notebooks.includes(s));
    expect(gone).toEqual([]);
  });
});
