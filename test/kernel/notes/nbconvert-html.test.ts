/**
 * The exported executed notebooks render their figures in Debian's `nbconvert --to html` through
 * the plot display's text/html fallback: the executed copy of the course's first notebook (which
 * must show figures; see course-support), converted by `/usr/bin/python3 -m nbconvert`, and
 * opens the HTML in headless Chromium offline (CDN requests of nbconvert's template aborted):
 * every `.itolab-figure` gets plotly's svg and its traces. Skipped off CI without nbconvert or
 * Chromium; on CI (CI=true) their absence fails.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { lectureFigures } from "../../../kernel/notes/figure-spec";
import { executedCourse, executedDir } from "./course-support";
import { launch, offlinePage, runBrowserTests } from "./browser-support";
import { root } from "./support";

const PYTHON = "/usr/bin/python3";
const hasNbconvert =
  fs.existsSync(PYTHON) &&
  spawnSync(PYTHON, ["-c", "import nbconvert"], { encoding: "utf8" }).status === 0;
const work = path.join(root, "build", "notes-test", "nbconvert");

(runBrowserTests && (hasNbconvert || process.env.CI === "true") ? it : it.skip)(
  "nbconvert --to html of an executed notebook draws every figure offline",
  async () => {
    expect(hasNbconvert).toBe(true);
    const [first] = await executedCourse(1);
    const executed = path.join(executedDir, `${first.stem}.ipynb`);
    const expected = lectureFigures(first).map((f) => f.payload.data.length);
    expect(expected.length).toBeGreaterThan(0);
    const conv = spawnSync(
      PYTHON,
      ["-m", "nbconvert", "--to", "html", "--output-dir", work, executed],
      {
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    if (conv.status !== 0) throw new Error(`nbconvert failed: ${conv.stderr.slice(-2000)}`);
    const html = path.join(work, path.basename(executed, ".ipynb") + ".html");
    const browser = await launch();
    try {
      const { page } = await offlinePage(browser);
      await page.goto(`file://${html}`);
      const measure = `Array.from(document.querySelectorAll(".itolab-figure")).map(function (el) {
        return el.querySelectorAll("svg.main-svg").length > 0 ? el.querySelectorAll("g.trace, g.hm").length : -1;
      })`;
      await page
        .waitForFunction(`${measure}.every(function (n) { return n >= 0; })`, undefined, {
          timeout: 20_000,
        })
        .catch(() => undefined);
      expect(await page.evaluate(measure)).toEqual(expected);
    } finally {
      await browser.close();
    }
  },
  300_000,
);
