/**
 * The published notes in a real browser. The runner executes a fixture notebook (every feature
 * of a page, and payloads carrying `</script>` and markup) with the real kernel; its static
 * figures are drawn into a build folder; the notes are exported; headless Chromium (Debian's
 * chromium through playwright-core, offline, every non-file request aborted) opens the outline
 * and the page: no console errors, every figure drawn with its trace count, no raw `$…$`, no
 * request leaving the local files, hidden cells absent; then the theme switch, code folding, the
 * print stylesheet, the page without scripts (static images), and the site over http. The API
 * reference of a fixture model (./api-fixture) gets the same checks, and its links must land.
 * The real course and its real API reference get the same page checks in course-notes.ts.
 */
import fs from "fs";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { lectureFigures } from "../../../kernel/notes/figure-spec";
import { Lecture, readLecture } from "../../../kernel/notes/lecture";
import { buildSite, writeSite } from "../../../kernel/notes/site";
import { renderStaticFigures } from "../../../kernel/notes/static-figures";
import { formatResult, runNotebooks } from "../../../kernel/runner/run-many";
import { fixtureApi } from "./api-fixture";
import { fixtureReport, NOTATION } from "./calibration-fixture";
import {
  launch,
  MEASURE_FIGURES,
  offlinePage,
  RAW_MATH,
  runBrowserTests,
  serveDir,
} from "./browser-support";
import { HOSTILE, writeFixture } from "./fixture";
import { root } from "./support";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt } = require("../../../kernel/bin/build-if-stale.js");

const work = path.join(root, "build", "notes-test", "fixture");
const siteDir = path.join(work, "site");
const figuresDir = path.join(work, "figures");
let lecture: Lecture;
let browser: Browser;

const allDrawn = `${MEASURE_FIGURES}.every(function (f) { return f.drawn; })`;

/** Every figure of the open page drawn: one main svg, as many traces as its JSON. */
async function expectFiguresDrawn(page: Page, name: string): Promise<number> {
  await page.waitForFunction(allDrawn, undefined, { timeout: 20_000 }).catch(() => undefined);
  const figures = (await page.evaluate(MEASURE_FIGURES)) as { id: string; expected: number }[];
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
  return figures.length;
}

(runBrowserTests ? describe : describe.skip)("the notes in headless Chromium", () => {
  beforeAll(async () => {
    ensureBuilt({ quiet: true });
    fs.rmSync(work, { recursive: true, force: true });
    const source = writeFixture(path.join(work, "source"));
    const [result] = await runNotebooks([source], { outDir: path.join(work, "executed") });
    if (!result.passed) throw new Error(`the fixture notebook failed:\n${formatResult(result)}`);
    lecture = readLecture(result.outputPath ?? "", "98-fixture.ipynb");
    await renderStaticFigures(lectureFigures(lecture), figuresDir);
    const calibration = {
      report: fixtureReport({ stem: "98-fixture", shown: "fx-06", hidden: "fx-04" }),
      file: "figures/calibration.json",
    };
    const notation = { markdown: NOTATION, file: "notebooks/NOTATION.md" };
    writeSite(
      buildSite([lecture], { figuresDir, api: fixtureApi(), notation, calibration }).files,
      siteDir,
    );
    browser = await launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("the outline and the page: no console error, figures drawn, no raw $…$, only local files", async () => {
    const { context, page, log } = await offlinePage(browser);
    try {
      await page.goto(`file://${path.join(siteDir, "index.html")}`);
      expect(await page.evaluate(RAW_MATH)).toEqual([]);
      expect(
        await page.evaluate("document.querySelectorAll('.lecture-entry .katex').length"),
      ).toBeGreaterThan(1);
      await page.click(".lecture-entry h2 a");
      await page.waitForURL(/98-fixture\.html$/);
      // three figures shown (two in one cell), the hidden cell's left out
      expect(await expectFiguresDrawn(page, "98-fixture.html")).toBe(2);
      expect(await page.evaluate(RAW_MATH)).toEqual([]);
      expect(await page.evaluate("window.__pwned")).toBeUndefined();
      const text = (await page.evaluate("document.body.innerText")) as string;
      expect(text).not.toContain("hidden output");
      expect(text).toContain(HOSTILE); // shown as text, wherever it appeared
      expect(await page.evaluate("document.querySelectorAll('li.check.pass').length")).toBe(1);
      expect(
        await page.evaluate("document.querySelector('.expected-error .label').textContent"),
      ).toBe("Raises RangeError, as expected");
      expect(await page.evaluate("document.querySelectorAll('.toc a').length")).toBe(3);
      expect(log.errors).toEqual([]);
      expect(log.requests.filter((u) => !u.startsWith("file://"))).toEqual([]);
      expect(log.requests.filter((u) => /plotly/.test(u))).toEqual([
        `file://${siteDir}/assets/plotly.min.js`,
      ]);

      // theme switch: figures redrawn on a transparent paper; code folds and unfolds
      await page.click('[data-action="theme"]');
      await page.waitForFunction(
        `Array.from(document.querySelectorAll(".plot-target")).every(function (t) { return t._fullLayout.paper_bgcolor === "rgba(0,0,0,0)"; })`,
        undefined,
        { timeout: 5000 },
      );
      expect(await page.evaluate("document.documentElement.getAttribute('data-theme')")).toBe(
        "dark",
      );
      const openDetails =
        "Array.from(document.querySelectorAll('details.source')).filter(function (d) { return d.open; }).length";
      expect(await page.evaluate(openDetails)).toBeGreaterThan(0);
      await page.click('[data-action="fold-code"]');
      expect(await page.evaluate(openDetails)).toBe(0);

      // print: no navigation, code without its fold bar, figures as their static copies, light
      await page.emulateMedia({ media: "print" });
      const style = await page.evaluate(`(function () {
        var d = function (s) { var e = document.querySelector(s); return e ? getComputedStyle(e).display : "absent"; };
        return {
          toc: d(".toc"), header: d(".site-header"), pager: d(".pager-bottom"), summary: d("details.source > summary"),
          targets: Array.from(document.querySelectorAll(".plot-target")).map(function (t) { return getComputedStyle(t).display; }),
          statics: Array.from(document.querySelectorAll("img.plot-static")).map(function (i) {
            return getComputedStyle(i).display + ":" + (i.complete && i.naturalWidth > 0); }),
          background: getComputedStyle(document.body).backgroundColor,
        };
      })()`);
      expect(style).toEqual({
        toc: "none",
        header: "none",
        pager: "none",
        summary: "none",
        targets: ["none", "none"],
        statics: ["block:true", "block:true"],
        background: "rgb(255, 255, 255)",
      });
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(log.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("the API reference: reached from the outline and the lectures, math rendered, links land", async () => {
    const { context, page, log } = await offlinePage(browser);
    try {
      await page.goto(`file://${path.join(siteDir, "98-fixture.html")}`);
      expect(await page.getAttribute("a.site-api", "href")).toBe("api.html");
      await page.goto(`file://${path.join(siteDir, "index.html")}`);
      await page.click("p.api-link a");
      await page.waitForURL(/\/api\.html$/);
      expect(await page.evaluate(RAW_MATH)).toEqual([]);
      expect(await page.evaluate("document.querySelectorAll('.api-line .katex').length")).toBe(1);
      await page.click('ul.api-modules a[href="api-sde.html"]');
      await page.waitForURL(/api-sde\.html$/);
      expect(await page.evaluate(RAW_MATH)).toEqual([]);
      expect(
        await page.evaluate("document.querySelectorAll('main .katex').length"),
      ).toBeGreaterThan(6);
      expect(await page.evaluate("window.__pwned")).toBeUndefined();
      expect(await page.evaluate("document.body.innerText")).toContain(HOSTILE);
      // every link within the page lands on an element
      expect(
        await page.evaluate(`Array.from(document.querySelectorAll('a[href^="#"], a[href^="api-sde.html#"]'))
          .map(function (a) { return a.getAttribute("href").split("#")[1]; })
          .filter(function (id) { return !document.getElementById(id); })`),
      ).toEqual([]);
      // a type in a signature on the next page links back to its entry
      await page.click("a.next");
      await page.waitForURL(/api-stats\.html$/);
      await page.click("pre.api-sig a.api-ref");
      await page.waitForURL(/api-sde\.html#Sde$/);
      expect(await page.evaluate("document.getElementById('Sde').tagName")).toBe("SECTION");
      expect(log.errors).toEqual([]);
      expect(log.requests.filter((u) => !u.startsWith("file://"))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it("the notation and calibration pages: linked, math rendered, histograms drawn, cells reached", async () => {
    const { context, page, log } = await offlinePage(browser);
    try {
      await page.goto(`file://${path.join(siteDir, "98-fixture.html")}`);
      await page.click("a.site-notation");
      await page.waitForURL(/\/notation\.html$/);
      expect(await page.evaluate(RAW_MATH)).toEqual([]);
      expect(await page.evaluate("document.querySelectorAll('main table').length")).toBe(2);
      expect(await page.evaluate("document.querySelectorAll('td .katex').length")).toBe(4);

      await page.goto(`file://${path.join(siteDir, "index.html")}`);
      await page.click("p.calibration-link a");
      await page.waitForURL(/\/calibration\.html$/);
      expect(await page.evaluate(RAW_MATH)).toEqual([]);
      expect(
        await page.evaluate("document.querySelectorAll('main .katex').length"),
      ).toBeGreaterThan(10);
      expect(await page.evaluate("window.__pwned")).toBeUndefined();
      const table = await page.evaluate(`({
        rows: document.querySelectorAll("table.cal-table tbody tr").length,
        bad: document.querySelectorAll("tr.cal-bad").length,
        sparks: Array.from(document.querySelectorAll("svg.cal-spark")).map(function (s) {
          var r = s.getBoundingClientRect();
          return [s.querySelectorAll("rect.cal-bar").length > 5, r.width, r.height];
        }),
      })`);
      expect(table).toEqual({
        rows: 7,
        bad: 3,
        sparks: [
          [true, 120, 30],
          [true, 120, 30],
        ],
      });
      // a check's cell leads to that cell on the lecture page
      await page.click('a[href="98-fixture.html#cell-fx-06"] >> nth=0');
      await page.waitForURL(/98-fixture\.html#cell-fx-06$/);
      expect(await page.evaluate("!!document.getElementById('cell-fx-06')")).toBe(true);
      await page.goto(`file://${path.join(siteDir, "calibration.html")}`);
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(log.errors).toEqual([]);
      expect(log.requests.filter((u) => !u.startsWith("file://"))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it("without scripts, every figure shows its static image", async () => {
    const { context, page } = await offlinePage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(`file://${path.join(siteDir, "98-fixture.html")}`);
      const shown =
        await page.evaluate(`Array.from(document.querySelectorAll("figure.plot")).map(function (f) {
        var i = f.querySelector("img.plot-static");
        return !!i && getComputedStyle(i).display !== "none" && i.complete && i.naturalWidth > 0 &&
          getComputedStyle(f.querySelector(".plot-target")).display === "none";
      })`);
      expect(shown).toEqual([true, true]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it("over http from a plain static server: figures drawn, every request to that server", async () => {
    const { origin, allow, close } = await serveDir(siteDir);
    const { context, page, log } = await offlinePage(browser, { allow });
    try {
      await page.goto(`${origin}/98-fixture.html`);
      expect(await expectFiguresDrawn(page, "98-fixture.html over http")).toBe(2);
      expect(await page.evaluate(RAW_MATH)).toEqual([]);
      expect(log.errors).toEqual([]);
      expect(log.requests.filter((u) => !u.startsWith(origin))).toEqual([]);
    } finally {
      await context.close();
      close();
    }
  }, 30_000);
});

if (!runBrowserTests) {
  it.skip("the notes in headless Chromium: /usr/bin/chromium is missing (apt-get install chromium)", () =>
    undefined);
}
