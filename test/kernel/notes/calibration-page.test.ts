/**
 * The calibration page on a fixture report (./calibration-fixture): every check listed with its
 * cell (linking to its anchor on the lecture page when the page shows the cell), kind, rule,
 * declared rate, failures out of N and verdict; ✗ rows with the reason for failing entries; a
 * histogram of the normalised statistic under φ for checks that record it; the per-notebook and
 * course-wide counts; the page without a report. Also the report reader (malformed reports named
 * by file and field) and the histogram's bins.
 */
import fs from "fs";
import path from "path";
import { binCounts, histogramHtml, summarise } from "../../../kernel/notes/calibration-histogram";
import {
  CALIBRATION_PAGE,
  rateHtml,
  renderCalibrationPage,
} from "../../../kernel/notes/calibration-page";
import {
  countChecks,
  parseCalibrationReport,
  readCalibrationReport,
  splitCheckId,
} from "../../../kernel/notes/calibration-report";
import { createMarkdown } from "../../../kernel/notes/markdown";
import { buildSite, SiteFile } from "../../../kernel/notes/site";
import {
  fixtureReport,
  normalDraws,
  OVERCLAIMS,
  UNDECLARED,
  UNREACHED,
} from "./calibration-fixture";
import { HOSTILE } from "./fixture";
import { code, lecture, md, stdout, tempDir, TITLE } from "./support";

const text = (files: Map<string, SiteFile>, name: string) => {
  const f = files.get(name);
  if (!f || !("content" in f)) throw new Error(`no page ${name}`);
  return f.content;
};

/** The page's text outside code, scripts and rendered math (what RAW_MATH sees in a browser). */
const prose = (html: string) =>
  html
    .replace(/<(pre|code|script|style)\b[^]*?<\/\1>/g, "")
    .replace(/<span class="katex">[^]*?<\/annotation><\/semantics><\/math><\/span>/g, "");

/** The rows of the page's tables: [cell link or "", the row's cells as HTML]. */
function rows(html: string): { cls: string; cells: string[] }[] {
  return [...html.matchAll(/<tr class="(cal-ok|cal-bad)">([^]*?)<\/tr>/g)].map((m) => ({
    cls: m[1],
    cells: [...m[2].matchAll(/<td[^>]*>([^]*?)<\/td>/g)].map((c) => c[1]),
  }));
}

const title = (n: string, t: string) =>
  md("t-00", TITLE.source.replace("07 · Test lecture", `${n} · ${t}`));

/** The lectures the fixture report names: 00-first (c-1 hidden, c-2 shown), 01-second (c-1). */
function lectures() {
  return [
    lecture("00-first", [
      title("00", "First $W_t$"),
      code("c-1", "//| hide\nhidden();", [stdout("✓ hidden check: true\n")]),
      code("c-2", "shown();", [stdout("✓ Var(W_1): 1 vs 1 within 0.1\n")]),
    ]),
    lecture("01-second", [title("01", "Second"), code("c-1", "slope();")]),
  ];
}

const calibration = { report: fixtureReport(), file: "figures/calibration.json" };

describe("the calibration page in the site", () => {
  const site = buildSite(lectures(), { figuresDir: null, calibration });
  const page = text(site.files, CALIBRATION_PAGE);

  it("says what calibration is, its math rendered, with the report's N and level", () => {
    expect(page).toContain("<h1>Calibration of the checks</h1>");
    expect(page).toMatch(/declares the probability <span class="katex">/);
    expect(page).toContain("<strong>fails calibration</strong>");
    expect(page).toContain('<annotation encoding="application/x-tex">N = 100</annotation>');
    expect(page).toContain(
      '<annotation encoding="application/x-tex">P(\\mathrm{Bin}(N, p) \\ge k) &lt; 10^{-3}</annotation>',
    );
    expect(prose(page).match(/\$[^$\n]+\$/g) ?? []).toEqual([]);
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//); // only local files
    expect(page.match(/<script\b/g)).toHaveLength(2); // the theme boot and notes.js, as everywhere
  });

  it("lists every check with its cell, kind, rule, declared rate, failures / N and verdict", () => {
    const all = rows(page);
    expect(all).toHaveLength(fixtureReport().checks.length);
    const strip = (h: string) =>
      h
        .replace(/<[^>]+>/g, "")
        .replace(
          /&(lt|gt|quot|amp);/g,
          (_, e) => ({ lt: "<", gt: ">", quot: '"', amp: "&" })[e as "lt"],
        );
    expect(all.map((r) => r.cells.slice(0, 6).map(strip))).toEqual([
      ["c-2 Var(W_1)", "withinSE", "z = 4", "6.3×10−5", "0 / 100 exp. 0.0063", "✓"],
      ["c-2 W_1 ~ N(0, 1) (KS)", "pValue", "α = 0.001", "0.001", "0 / 100 exp. 0.1", "✓"],
      ["c-1 hidden check", "true", "true", "0", "0 / 100", "✓"],
      ["c-2 overclaims", "withinSE", "z = 4", "6.3×10−5", "9 / 100 exp. 0.0063", `✗ ${OVERCLAIMS}`],
      [`c-2 1 + 1 = 2 ${HOSTILE}`, "close", "abs = 0, rel = 0", "0", "0 / 100", `✗ ${UNDECLARED}`],
      [
        "c-1 slope of E|X_h − X|/h",
        "slope",
        "changes with the seed",
        "0.01",
        "1 / 99 exp. 0.99",
        `✗ ${UNREACHED}`,
      ],
      ["c-9 x", "true", "true", "0", "0 / 100", "✓"],
    ]);
    expect(all.map((r) => r.cls)).toEqual([
      "cal-ok",
      "cal-ok",
      "cal-ok",
      "cal-bad",
      "cal-bad",
      "cal-bad",
      "cal-ok",
    ]);
    expect(page).not.toContain("<script>window.__pwned");
  });

  it("links a cell to its anchor on the lecture page only when the page shows it", () => {
    const links = rows(page).map((r) => /<a href="([^"]+)">/.exec(r.cells[0])?.[1] ?? null);
    expect(links).toEqual([
      "00-first.html#cell-c-2",
      "00-first.html#cell-c-2",
      null, // c-1 is a //| hide cell
      "00-first.html#cell-c-2",
      "00-first.html#cell-c-2",
      "01-second.html#cell-c-1",
      null, // 07-gone is not in the site
    ]);
    expect(text(site.files, "00-first.html")).toContain('id="cell-c-2"');
    expect(text(site.files, "01-second.html")).toContain('id="cell-c-1"');
  });

  it("draws a histogram under φ for each check with statistics, and none for the others", () => {
    const stats = rows(page).map((r) => r.cells[6]);
    expect(stats.map((s) => s.includes('<svg class="cal-spark"'))).toEqual([
      true,
      false,
      false,
      true,
      false,
      false,
      false,
    ]);
    expect(stats[0]).toContain('<polyline class="cal-normal"');
    expect(stats[0]).toMatch(/<title>Histogram of \(estimate − expected\)\/SE over 100 seeds/);
    expect(stats[3]).toContain("9 beyond ±4");
  });

  it("sums each notebook and the course: checks, stochastic, failures observed vs expected", () => {
    expect(page).toContain(
      '<p class="course-status cal-summary fail"><span class="mark">✗</span> 7 checks (4 stochastic) in 2 notebooks × 100 seeds: ' +
        "10 failures observed, 1.1 expected (Σ declared·N); 3 checks fail calibration; 1 run crashed.</p>",
    );
    const lines = [...page.matchAll(/<p class="cal-line (pass|fail)">([^]*?)<\/p>/g)].map(
      (m) => `${m[1]}: ${m[2].replace(/<[^>]+>/g, "")}`,
    );
    expect(lines).toEqual([
      "fail: ✗ 5 checks (3 stochastic) × 100 seeds in 12.5 s: 9 failures observed, 0.11 expected (Σ declared·N); 2 checks fail calibration.",
      "fail: ✗ 1 check (1 stochastic) × 100 seeds in 3 s: 1 failure observed, 0.99 expected (Σ declared·N); 1 check fails calibration; 1 run crashed.",
      "pass: ✓ 1 check (0 stochastic): 0 failures observed, 0 expected (Σ declared·N); every check calibrated.",
    ]);
    expect(page).toContain(
      "<li>seed 7921, cell <code>c-1</code>: RangeError: boom &lt;/script&gt;",
    );
  });

  it("heads each notebook with its lecture's title, linked, and lists them in the contents", () => {
    expect(page).toMatch(
      /<h2 id="00-first"><a href="00-first\.html"><span class="num">00<\/span> · First <span class="katex">/,
    );
    expect(page).toContain('<h2 id="07-gone"><code>07-gone</code>');
    const toc = /<nav class="toc"[^]*?<\/nav>/.exec(page)?.[0] ?? "";
    expect([...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual([
      "00-first",
      "01-second",
      "07-gone",
    ]);
    expect(site.warnings).toEqual([]);
  });

  it("is linked from the outline", () => {
    expect(text(site.files, "index.html")).toContain(
      'the <a href="calibration.html">calibration report</a>',
    );
  });
});

describe("the calibration page without a report", () => {
  const site = buildSite(lectures(), {
    figuresDir: null,
    calibration: { report: null, file: "figures/calibration.json" },
  });
  const page = text(site.files, CALIBRATION_PAGE);

  it("says no report is committed, still explains calibration, and warns", () => {
    expect(page).toContain(
      '<p class="cal-missing">No calibration report is committed: <code>figures/calibration.json</code> is missing',
    );
    expect(page).toContain("<strong>fails calibration</strong>");
    expect(page).not.toContain("<table");
    expect(site.warnings).toEqual([
      "no calibration report in figures/calibration.json: calibration.html says so",
    ]);
    expect(text(site.files, "index.html")).toContain('href="calibration.html"');
  });

  it("names the lectures a report leaves out", () => {
    const report = {
      ...fixtureReport(),
      notebooks: [],
      checks: fixtureReport().checks.slice(0, 1),
    };
    const html = renderCalibrationPage(report, {
      md: createMarkdown(),
      siteTitle: "t",
      file: "f.json",
      stems: ["00-first", "01-second"],
      lecture: () => null,
      cellHref: () => null,
    });
    expect(html).toContain("Not in the report: <code>01-second</code>.");
  });
});

describe("readCalibrationReport", () => {
  it("reads a report, and gives null when none is committed", () => {
    const dir = tempDir("calibration");
    const file = path.join(dir, "calibration.json");
    expect(readCalibrationReport(file)).toBeNull();
    fs.writeFileSync(file, JSON.stringify(fixtureReport(), null, 1));
    expect(readCalibrationReport(file)).toEqual(fixtureReport());
  });

  it("refuses a malformed report, naming the file and the field", () => {
    const bad = (patch: (r: Record<string, unknown>) => void) => {
      const r = fixtureReport() as unknown as Record<string, unknown>;
      patch(r);
      return () => parseCalibrationReport(JSON.stringify(r), "figures/calibration.json");
    };
    expect(() => parseCalibrationReport("{", "figures/calibration.json")).toThrow(
      /^figures\/calibration\.json: not JSON: /,
    );
    expect(bad((r) => delete r.checks)).toThrow(
      "figures/calibration.json.checks must be array, got undefined",
    );
    expect(bad((r) => ((r.checks as { declared: unknown }[])[2].declared = "0"))).toThrow(
      'figures/calibration.json: checks[2].declared must be number, got "0"',
    );
    expect(bad((r) => ((r.checks as { id: string }[])[0].id = "nb/label"))).toThrow(
      'figures/calibration.json: checks[0].id must be notebook/cell/label, got "nb/label"',
    );
    expect(
      bad((r) => ((r.notebooks as { crashes: unknown[] }[])[1].crashes = [{ seed: 1 }])),
    ).toThrow("figures/calibration.json: notebooks[1].crashes[0].cell must be string");
  });

  it("splits ids and counts checks", () => {
    expect(splitCheckId("nb/c-1/a/b #2")).toEqual({ stem: "nb", cell: "c-1", label: "a/b #2" });
    const c = countChecks(fixtureReport().checks);
    expect(c).toMatchObject({ checks: 7, stochastic: 4, failures: 10, miscalibrated: 3 });
    // Σ declared·N = 2 · 6.3e-5 · 100 + 0.001 · 100 + 0.01 · 99
    expect(c.expected).toBeCloseTo(1.1026, 12);
  });
});

describe("the histogram sparkline", () => {
  it("bins on [−4, 4] by 0.5, values beyond in the end bins, and states mean and sd", () => {
    const counts = binCounts([-9, -4, -3.99, 0, 0.49, 0.5, 3.99, 4, 12]);
    expect(counts).toHaveLength(16);
    expect(counts[0]).toBe(3);
    expect(counts[8]).toBe(2);
    expect(counts[9]).toBe(1);
    expect(counts[15]).toBe(3);
    expect(summarise([1, 2, 3, 10])).toEqual({ n: 4, mean: 4, sd: Math.sqrt(50 / 3), beyond: 1 });
    expect(summarise([1]).sd).toBeNaN();
  });

  it("draws the histogram as a density: its bars cover the area under the normal curve", () => {
    const html = histogramHtml(normalDraws(400, 3));
    const base = 29; // the baseline's y in px
    const bars = [...html.matchAll(/<rect class="cal-bar" [^>]*height="([^"]+)"/g)];
    expect(bars.length).toBeGreaterThan(8);
    // both at one scale: Σ height · bin width (7.5 px for 0.5) = ∫ φ over [−4, 4] ≈ 1 in px²
    const barArea = bars.reduce((s, b) => s + Number(b[1]), 0) * 7.5;
    const curve = /points="([^"]+)"/
      .exec(html)![1]
      .split(" ")
      .map((p) => p.split(",").map(Number));
    let curveArea = 0; // trapezoids
    for (let i = 1; i < curve.length; i++) {
      const [x0, y0] = curve[i - 1];
      const [x1, y1] = curve[i];
      curveArea += ((base - y0 + (base - y1)) / 2) * (x1 - x0);
    }
    // rounding to 0.01 px per bar and the trapezoid rule leave well under 1 %
    expect(barArea / curveArea).toBeCloseTo(1, 2);
    expect(html).toMatch(/mean −?0\.\d\d · sd (0\.9|1\.0)\d/);
  });

  it("formats rates", () => {
    expect([0, 0.05, 0.001, 0.0026998, 6.3e-5, 1e-6].map(rateHtml)).toEqual([
      "0",
      "0.05",
      "0.001",
      "0.0027",
      "6.3×10<sup>−5</sup>",
      "1×10<sup>−6</sup>",
    ]);
  });
});
