/**
 * The real course in a real browser: every notebook of notebooks/ (executed copies in
 * build/notebooks/ are reused while they match their source and are newer than the library build;
 * the others are executed by the runner first), exported with the static figures of figures/, and
 * every page opened in headless Chromium offline: no console errors, every figure drawn with its
 * trace count, no raw `$…$`, no request leaving the local files; the same for the library's API
 * reference (extracted by TypeDoc in a child process), whose every link must land on an entry;
 * the same for the notation page (notebooks/NOTATION.md) and the calibration page (the committed
 * figures/calibration.json, or, while none is committed, the page saying so), whose every check
 * is listed and whose cell links land on their cells. Also: figures/ holds a current static copy
 * of every figure (else `npm run figures`). Not a test file: see describeCourseNotes.
 */
import fs from "fs";
import path from "path";
import type { Browser } from "playwright-core";
import { currentStatic, lectureFigures, readManifest } from "../../../kernel/notes/figure-spec";
import { ApiModel, apiPageFile } from "../../../kernel/notes/api-model";
import { CALIBRATION_PAGE } from "../../../kernel/notes/calibration-page";
import {
  CALIBRATION_FILE,
  CalibrationReport,
  readCalibrationReport,
} from "../../../kernel/notes/calibration-report";
import { NOTATION_PAGE } from "../../../kernel/notes/notation-page";
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
let report: CalibrationReport | null = null;
let browser: Browser;

/**
 * Declares the course's notes tests. Called from test/notebooks.test.ts after the notebooks have
 * run, so the executed copies are current and the course is executed once per `npm test`.
 */
export function describeCourseNotes(): void {
  (runBrowserTests ? describe : describe.skip)("the course's notes in headless Chromium", () => {
    beforeAll(async () => {
      [lectures, api] = await Promise.all([executedCourse(), extractApiInChild()]);
      // the committed report may not exist yet: the page then says so, and is checked either way
      report = readCalibrationReport(path.join(root, CALIBRATION_FILE), CALIBRATION_FILE);
      const notation = {
        markdown: fs.readFileSync(path.join(root, "notebooks", "NOTATION.md"), "utf8"),
        file: "notebooks/NOTATION.md",
      };
      const calibration = { report, file: CALIBRATION_FILE };
      writeSite(buildSite(lectures, { figuresDir, api, notation, calibration }).files, siteDir);
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
        const pages = [
          "index.html",
          ...lectures.map((l) => `${l.stem}.html`),
          ...apiPages,
          NOTATION_PAGE,
          CALIBRATION_PAGE,
        ];
        for (const name of pages) {
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

    it("the calibration page lists every check of the committed report, each cell link landing on its cell", async () => {
      const { context, page, log } = await offlinePage(browser);
      try {
        await page.goto(`file://${path.join(siteDir, "index.html")}`);
        await page.click("p.calibration-link a");
        await page.waitForURL(/\/calibration\.html$/);
        const shown = (await page.evaluate(`({
          rows: document.querySelectorAll("table.cal-table tbody tr").length,
          sparks: document.querySelectorAll("svg.cal-spark").length,
          missing: !!document.querySelector("p.cal-missing") &&
            document.querySelector("p.cal-missing").textContent.indexOf("No calibration report is committed") === 0,
          links: Array.from(document.querySelectorAll("td.cal-check a"), (a) => a.getAttribute("href")),
        })`)) as { rows: number; sparks: number; missing: boolean; links: string[] };
        if (report === null) {
          expect(shown).toEqual({ rows: 0, sparks: 0, missing: true, links: [] });
        } else {
          expect({ rows: shown.rows, sparks: shown.sparks, missing: shown.missing }).toEqual({
            rows: report.checks.length,
            sparks: report.checks.filter((c) => c.statistic.length > 0).length,
            missing: false,
          });
          expect(shown.links.length).toBeGreaterThan(0);
          // every cell link lands on its cell (one visit per lecture page)
          const broken: string[] = [];
          const byPage = new Map<string, Set<string>>();
          for (const href of shown.links) {
            const [file, id] = href.split("#");
            if (!byPage.has(file)) byPage.set(file, new Set());
            byPage.get(file)!.add(decodeURIComponent(id));
          }
          for (const [file, ids] of byPage) {
            await page.goto(`file://${path.join(siteDir, decodeURIComponent(file))}`);
            for (const id of ids) {
              if (!(await page.evaluate(`!!document.getElementById(${JSON.stringify(id)})`))) {
                broken.push(`${file}#${id}`);
              }
            }
          }
          expect(broken).toEqual([]);
        }
        expect(log.errors).toEqual([]);
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
