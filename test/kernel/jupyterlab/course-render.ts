/**
 * The course's outputs in JupyterLab: every executed notebook of notebooks/ (build/notebooks/,
 * reused while current, see course-support.ts) read as Jupyter Server serves it and every output
 * rendered by JupyterLab 4's own code (`@jupyterlab/rendermime`'s standard renderer factories and
 * default sanitizer, `@jupyterlab/outputarea`; page/main.ts) in headless Chromium, offline, in
 * four cases: trusted and untrusted outputs (run in this session, or opened from disk), in a bare
 * JupyterLab and with jupyterlab-plotly's mime renderer (`pip install plotly`). What each case
 * must show is `renderingProblems` (render-support.ts): trusted and bare, every figure drawn by
 * its script with its traces; untrusted and bare, every figure's static image decoded and shown
 * and no script run; with the plotly renderer, every figure drawn by it with its traces; always
 * every check line and error line shown, no console error, only local files requested. And the
 * outputs carry no LaTeX, so the page needs no typesetter. One browser, one page per case reused
 * for every notebook, the four cases rendered side by side. Not a test file: see
 * describeJupyterLabCourse.
 */
import fs from "fs";
import path from "path";
import type { Browser } from "playwright-core";
import { collectNotebooks } from "../../../kernel/runner/run-many";
import { launch, runBrowserTests } from "../notes/browser-support";
import { executedCourse } from "../notes/course-support";
import { root } from "../notes/support";
import { buildPages } from "./page/build-page";
import {
  CASES,
  Case,
  codeCells,
  expected,
  Expected,
  mathCarriers,
  openCasePage,
  Rendering,
  renderingProblems,
  writeCellsScript,
} from "./render-support";

/** The course's notebooks, by stem, known when the tests are declared. */
const stems = collectNotebooks([path.join(root, "notebooks")]).map((f) =>
  path.basename(f, ".ipynb"),
);

/** Longest wait for one notebook's figures to settle on a page (the machine may be busy). */
const SETTLE_MS = 120_000;

/** One notebook's rendering in one case, with what it must show. */
interface Outcome {
  want: Expected;
  rendering: Rendering;
}

/**
 * Declares the course's JupyterLab tests. Called from test/notebooks.test.ts after the notebooks
 * have run, so the executed copies are current and the course is executed once per `npm test`;
 * alone: `ITOLAB_JUPYTERLAB_COURSE=1 npx jest test/kernel/jupyterlab` (executes the notebooks
 * whose copies are stale first).
 */
export function describeJupyterLabCourse(): void {
  (runBrowserTests ? describe : describe.skip)(
    "the course's outputs in JupyterLab 4 (rendermime, outputarea) in headless Chromium",
    () => {
      let browser: Browser | undefined;
      const math = new Map<string, string[]>();
      const outcomes = new Map<string, Promise<Outcome>>();
      let done: Promise<unknown> = Promise.resolve();
      let pagesDir: string | undefined;
      const key = (c: Case, stem: string) => `${c.name}/${stem}`;

      beforeAll(async () => {
        const [lectures, pages] = await Promise.all([executedCourse(), buildPages("course")]);
        pagesDir = pages.dir;
        browser = await launch();
        const wants = new Map<string, Expected>();
        for (const lecture of lectures) {
          const cells = codeCells(lecture.cells);
          wants.set(lecture.stem, expected(cells));
          math.set(lecture.stem, mathCarriers(cells));
          writeCellsScript(pages.dir, lecture.stem, cells);
        }
        const opened = CASES.map((c) => openCasePage(browser!, pages, c));
        // the four cases side by side, each page rendering one notebook after another
        const chains = CASES.map((c, k) => {
          let previous: Promise<unknown> = opened[k];
          for (const stem of stems) {
            const want = wants.get(stem)!;
            const outcome = previous.then(async () => ({
              want,
              rendering: await (await opened[k]).render(`${stem}.cells.js`, want, SETTLE_MS),
            }));
            outcome.catch(() => undefined); // reported by its test
            outcomes.set(key(c, stem), outcome);
            previous = outcome.catch(() => undefined);
          }
          return previous.then(async () => (await opened[k]).close());
        });
        done = Promise.allSettled(chains);
      }, 600_000);

      afterAll(async () => {
        await done;
        await browser?.close();
        if (pagesDir) fs.rmSync(pagesDir, { recursive: true, force: true });
      }, 300_000);

      it("reads the executed copy of every notebook of notebooks/", () => {
        expect(stems.length).toBeGreaterThan(0);
        expect([...math.keys()]).toEqual(stems);
      });

      it("the outputs carry no LaTeX (text/latex, text/markdown, $…$ in text): the page needs no typesetter", () => {
        const found = stems.flatMap((s) => (math.get(s) ?? []).map((m) => `${s}: ${m}`));
        expect(found).toEqual([]);
      });

      describe.each(CASES.map((c) => [c.name, c] as const))("%s", (_name, c) => {
        it.each(stems)(
          "%s: every figure, check line and error shown; no console error; only local files",
          async (stem) => {
            const outcome = outcomes.get(key(c, stem));
            if (!outcome) throw new Error("not rendered: see beforeAll");
            const { want, rendering } = await outcome;
            expect(want.figures.length + want.checkLines.length).toBeGreaterThan(0);
            expect(renderingProblems(c, want, rendering)).toEqual([]);
          },
          SETTLE_MS * 2,
        );
      });
    },
  );
}
