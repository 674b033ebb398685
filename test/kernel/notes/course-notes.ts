/**
 * The real course in a real browser: every notebook of notebooks/ (executed copies in
 * build/notebooks/ are reused while they match their source and are newer than the library build;
 * the others are executed by the runner first), exported with the static figures of figures/, and
 * every page opened in headless Chromium offline: no console errors, every figure drawn with its
 * trace count, no raw `$…$`, no request leaving the local files. Also: figures/ holds a current
 * static copy of every figure (else `npm run figures`). Not a test file: see describeCourseNotes.
 */
import path from "path";
import type { Browser } from "playwright-core";
import { currentStatic, lectureFigures, readManifest } from "../../../kernel/notes/figure-spec";
import { Lecture } from "../../../kernel/notes/lecture";
import { buildSite, writeSite } from "../../../kernel/notes/site";
import { launch, MEASURE_FIGURES, offlinePage, RAW_MATH, runBrowserTests } from "./browser-support";
import { executedCourse } from "./course-support";
import { root } from "./support";

const siteDir = path.join(root, "build", "notes-test", "course");
const figuresDir = path.join(root, "figures");
let lectures: Lecture[] = [];
let browser: Browser;

/**
 * Declares the course's notes tests. Called from test/notebooks.test.ts after the notebooks have
 * run, so the executed copies are current and the course is executed once per `npm test`.
 */
export function describeCourseNotes(): void {
  (runBrowserTests ? describe : describe.skip)("the course's notes in headless Chromium", () => {
    beforeAll(async () => {
      lectures = await executedCourse();
      writeSite(buildSite(lectures, { figuresDir }).files, siteDir);
      browser = await launch();
    }, 300_000);

    afterAll(async () => {
      await browser?.close();
    });

    it("figures/ holds a current static copy of every figure of every notebook (else: npm run figures)", () => {
      const manifest = readManifest(figuresDir);
      const missing = lectures
        .flatMap(lectureFigures)
        .filter((f) => !currentStatic(figuresDir, manifest, f))
        .map((f) => `${f.stem}/${f.name}`);
      expect(missing).toEqual([]);
    });

    it("every page: no console error, every figure drawn with its traces, no raw $…$, only local files", async () => {
      const { context, page, log } = await offlinePage(browser);
      try {
        for (const name of ["index.html", ...lectures.map((l) => `${l.stem}.html`)]) {
          await page.goto(`file://${path.join(siteDir, name)}`);
          await page
            .waitForFunction(
              `${MEASURE_FIGURES}.every(function (f) { return f.drawn; })`,
              undefined,
              { timeout: 20_000 },
            )
            .catch(() => undefined); // measured below, naming the figure
          const figures = (await page.evaluate(MEASURE_FIGURES)) as {
            id: string;
            expected: number;
          }[];
          expect({ name, figures }).toEqual({
            name,
            figures: figures.map((f) => ({
              id: f.id,
              expected: f.expected,
              drawn: true,
              hasSvg: true,
              traces: f.expected,
            })),
          });
          expect({ name, raw: await page.evaluate(RAW_MATH) }).toEqual({ name, raw: [] });
          expect({ name, errors: log.errors }).toEqual({ name, errors: [] });
        }
        expect(log.requests.filter((u) => !u.startsWith("file://"))).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  });

  if (!runBrowserTests) {
    it.skip("the course's notes in headless Chromium: /usr/bin/chromium is missing (apt-get install chromium)", () =>
      undefined);
  }
}
