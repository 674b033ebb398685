/**
 * The real course in a real browser: every notebook of notebooks/ (executed copies in
 * build/notebooks/ are reused while they match their source and are newer than the library build;
 * the others are executed by the runner first), exported with the static figures of figures/, and
 * every page opened in headless Chromium offline: no console errors, every figure drawn with its
 * trace count, no raw `$…$`, no request leaving the local files; the same for the library's API
 * reference (extracted by TypeDoc in a child process), whose every link must land on an entry.
 * Also: figures/ holds a current static copy of every figure (else `npm run figures`). Not a test
 * file: see describeCourseNotes.
 */
import path from "path";
import type { Browser } from "playwright-core";
import { currentStatic, lectureFigures, readManifest } from "../../../kernel/notes/figure-spec";
import { ApiModel, apiPageFile } from "../../../kernel/notes/api-model";
import { Lecture } from "../../../kernel/notes/lecture";
import { buildSite, writeSite } from "../../../kernel/notes/site";
import { launch, MEASURE_FIGURES, offlinePage, RAW_MATH, runBrowserTests } from "./browser-support";
import { extractApiInChild } from "./api-support";
import { executedCourse } from "./course-support";
import { root } from "./support";

const siteDir = path.join(root, "build", "notes-test", "course");
const figuresDir = path.join(root, "figures");
let lectures: Lecture[] = [];
let api: ApiModel;
let browser: Browser;

/**
 * Declares the course's notes tests. Called from test/notebooks.test.ts after the notebooks have
 * run, so the executed copies are current and the course is executed once per `npm test`.
 */
export function describeCourseNotes(): void {
  (runBrowserTests ? describe : describe.skip)("the course's notes in headless Chromium", () => {
    beforeAll(async () => {
      [lectures, api] = await Promise.all([executedCourse(), extractApiInChild()]);
      writeSite(buildSite(lectures, { figuresDir, api }).files, siteDir);
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
        const apiPages = ["api.html", ...api.modules.map((m) => apiPageFile(m.folder))];
        const ids = new Map<string, Set<string>>();
        const links: { from: string; to: string }[] = [];
        for (const name of ["index.html", ...lectures.map((l) => `${l.stem}.html`), ...apiPages]) {
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
          if (apiPages.includes(name)) {
            ids.set(
              name,
              new Set(
                await page.evaluate("Array.from(document.querySelectorAll('[id]'), (e) => e.id)"),
              ),
            );
            for (const href of (await page.evaluate(
              "Array.from(document.querySelectorAll('main a[href*=\"#\"]'), (a) => a.getAttribute('href'))",
            )) as string[]) {
              links.push({ from: name, to: href.startsWith("#") ? `${name}${href}` : href });
            }
          }
        }
        // every link of the API reference lands on an entry
        const broken = links.filter(({ to }) => {
          const [file, id] = to.split("#");
          return !ids.get(file)?.has(decodeURIComponent(id));
        });
        expect(broken).toEqual([]);
        expect(links.length).toBeGreaterThan(100);
        expect(log.requests.filter((u) => !u.startsWith("file://"))).toEqual([]);
      } finally {
        await context.close();
      }
    }, 240_000);
  });

  if (!runBrowserTests) {
    it.skip("the course's notes in headless Chromium: /usr/bin/chromium is missing (apt-get install chromium)", () =>
      undefined);
  }
}
