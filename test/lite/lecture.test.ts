/**
 * One lecture end to end in the course's JupyterLite site, in `npm test` (the whole course:
 * `npm run lite:test`, kept fresh by report.test.ts): lite/run.js builds build/lite/ (or reuses
 * a build of the same inputs), serves it, opens lecture 00 in Debian's Chromium through the app
 * the page exposes (`window.jupyterapp`), runs all cells as a student would, and measures. Every
 * code cell must have run without an error output; every check line must be there, as many as
 * tslab prints (its executed copy in build/notebooks/, run first if stale; the text may differ in
 * a last digit, the browser's V8 rounding differently); every figure drawn, a .js-plotly-plot
 * with as many traces as its plotly JSON; no console error.
 */
import { runBrowserTests } from "../kernel/notes/browser-support";
import { executedCourse } from "../kernel/notes/course-support";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runLectures } = require("../../lite/run.js") as {
  runLectures(options: {
    notebooks: string[];
    timeoutSeconds?: number;
  }): Promise<Record<string, Record<string, unknown>>>;
};

const NOTEBOOK = "00-brownian-motion";

interface Entry {
  codeCells: number;
  cellsRun: number;
  checksPassed: number;
  checksFailed: number;
  figures: number;
  figuresDrawn: number;
  seconds: number;
  tslab: { checksPassed: number } | null;
  problems: string[];
}

(runBrowserTests ? describe : describe.skip)(
  `lecture ${NOTEBOOK} in JupyterLite (Chromium)`,
  () => {
    let entry: Entry;

    beforeAll(async () => {
      await executedCourse(1); // tslab's executed copy of lecture 00, to compare with
      const results = await runLectures({ notebooks: [`${NOTEBOOK}.ipynb`], timeoutSeconds: 300 });
      entry = results[NOTEBOOK] as unknown as Entry;
    }, 900_000);

    test("every code cell ran, none with an error output", () => {
      expect(entry.cellsRun).toBe(entry.codeCells);
      expect(entry.problems.filter((p) => /error|not run|timed out/.test(p))).toEqual([]);
    });

    test("every check passed: as many check lines as tslab prints", () => {
      expect(entry.checksFailed).toBe(0);
      expect(entry.tslab).not.toBeNull();
      expect(entry.checksPassed).toBe(entry.tslab!.checksPassed);
      expect(entry.checksPassed).toBeGreaterThan(0);
    });

    test("every figure drawn with its traces", () => {
      expect(entry.figures).toBeGreaterThan(0);
      expect(entry.figuresDrawn).toBe(entry.figures);
    });

    test("nothing else went wrong (no console error)", () => {
      expect(entry.problems).toEqual([]);
    });
  },
);
