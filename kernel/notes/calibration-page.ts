/**
 * `calibration.html`: the committed calibration report (./calibration-report) as a page of the
 * notes. It says what calibration is, then gives the course-wide counts and, per notebook, a line
 * of counts and a table of its checks: id (the cell linking to its anchor on the lecture page),
 * kind, rule, declared false-fail rate, failures out of N, verdict (✓, or ✗ with the reason), and
 * for checks that record (estimate − expected)/SE a sparkline of it under the standard normal
 * density (./calibration-histogram). Without a committed report the page says so. No script and
 * no figure library: the page is light and prints.
 */
import type MarkdownIt from "markdown-it";
import { LEVEL } from "../calibrate/aggregate";
import { histogramHtml } from "./calibration-histogram";
import {
  CalibrationCounts,
  CalibrationEntry,
  CalibrationReport,
  checksByNotebook,
  countChecks,
  NotebookChecks,
  splitCheckId,
} from "./calibration-report";
import { escapeHtml } from "./html";
import { pageShell } from "./layout";
import { MarkdownEnv, renderMarkdown } from "./markdown";
import { Outline } from "./outline";
import { numberedTitle, pageFile, tocHtml } from "./page";
import { Slugger } from "./slug";

/** The calibration page's file name in the site. */
export const CALIBRATION_PAGE = "calibration.html";

export interface CalibrationPageOptions {
  md: MarkdownIt.MarkdownIt;
  siteTitle: string;
  /** Where the report is committed (`figures/calibration.json`), for the page's text. */
  file: string;
  apiIndex?: string;
  notationPage?: string;
  /** The stems of the lectures in the site, in order (those missing from the report are named). */
  stems: string[];
  /** A notebook's lecture page and numbered title (HTML), or null when it is not in the site. */
  lecture: (stem: string) => { href: string; titleHtml: string } | null;
  /** The link to a cell's anchor on its lecture page, or null when the page has none. */
  cellHref: (stem: string, cell: string) => string | null;
}

/**
 * The page's links into the site, from the lectures' pages: each lecture's page and numbered
 * title, and a cell's anchor when its page shows the cell (not a `//| hide` cell, not empty).
 * @param pages each lecture's stem, outline and rendered page, in course order
 */
export function calibrationLinks(
  pages: { stem: string; outline: Outline; html: string }[],
): Pick<CalibrationPageOptions, "stems" | "lecture" | "cellHref"> {
  const byStem = new Map(pages.map((p) => [p.stem, p]));
  const href = (stem: string) => encodeURIComponent(pageFile(stem));
  return {
    stems: pages.map((p) => p.stem),
    lecture: (stem) => {
      const p = byStem.get(stem);
      return p ? { href: href(stem), titleHtml: numberedTitle(p.outline) } : null;
    },
    cellHref: (stem, cell) =>
      byStem.get(stem)?.html.includes(`id="cell-${escapeHtml(cell)}"`)
        ? `${href(stem)}#cell-${encodeURIComponent(cell)}`
        : null,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A probability as HTML: 0, 0.05, 0.0027, 6.3×10⁻⁵. */
export function rateHtml(p: number): string {
  if (p === 0) return "0";
  if (p >= 1e-3) return String(Number(p.toPrecision(2)));
  const [m, e] = p.toExponential(1).split("e");
  return `${m.replace(/\.0$/, "")}×10<sup>${e.replace("-", "−")}</sup>`;
}

/** An expected count: 12.3, 0.27, 0.0063. */
const expectedText = (x: number) =>
  x === 0 ? "0" : x >= 1 ? x.toFixed(1) : String(Number(x.toPrecision(2)));

/** The level as TeX: `10^{-3}`. */
const levelTex = (level: number) => {
  const e = Math.log10(level);
  return Number.isInteger(e) ? `10^{${e}}` : String(level);
};

function intro(md: MarkdownIt.MarkdownIt, env: MarkdownEnv, seeds: string, level: number): string {
  return renderMarkdown(
    md,
    "Most checks of the lectures compare a Monte Carlo estimate with an exact value, so whether " +
      "they pass depends on the random numbers. Each such check declares the probability $p$ that " +
      "it fails when the code is right: $2\\,P(Z > z)$ for an estimate within $z$ standard errors, " +
      "$\\alpha$ for a test at level $\\alpha$, a bound derived beside the check otherwise; a " +
      "deterministic check declares $p = 0$.\n\n" +
      `Calibration re-runs every notebook under ${seeds} other than the one it ships with and ` +
      "counts each check's failures $k$. A check **fails calibration** when it fails more often " +
      `than it declares, $P(\\mathrm{Bin}(N, p) \\ge k) < ${levelTex(level)}$; when it declares ` +
      "$p = 0$ but its value changes with the seed (undeclared randomness); or when it is not " +
      "reached under every seed, or its declared rate changes with the seed. Over the course, the " +
      "failures observed should be close to the " +
      "$\\sum p\\,N$ expected.\n\n" +
      "For a check that claims a central limit theorem, the last column shows the histogram of " +
      "$(\\hat\\theta - \\theta)/\\mathrm{SE}$ over the seeds under the standard normal density " +
      "$\\varphi$: a histogram wider than $\\varphi$ means the SE is too small, a shifted one a bias.",
    env,
  );
}

/** "7 checks (4 stochastic)<run>: 10 failures observed, 1.1 expected (Σ declared·N); 3 checks fail
 * calibration" (or "every check calibrated"). */
function countsText(c: CalibrationCounts, run: string): string {
  return (
    `${plural(c.checks, "check")} (${c.stochastic} stochastic)${run}: ` +
    `${plural(c.failures, "failure")} observed, ${expectedText(c.expected)} expected (Σ declared·N); ` +
    (c.miscalibrated === 0
      ? "every check calibrated"
      : `${plural(c.miscalibrated, "check")} ${c.miscalibrated === 1 ? "fails" : "fail"} calibration`)
  );
}

function rowHtml(c: CalibrationEntry, opts: CalibrationPageOptions): string {
  const { stem, cell, label } = splitCheckId(c.id);
  const href = opts.cellHref(stem, cell);
  const cellHtml = `<code>${escapeHtml(cell)}</code>`;
  const ok = c.verdict === "ok";
  const expected =
    c.declared > 0
      ? ` <span class="cal-expected">exp. ${expectedText(c.declared * c.seeds)}</span>`
      : "";
  return (
    `<tr class="${ok ? "cal-ok" : "cal-bad"}">` +
    `<td class="cal-check">${href ? `<a href="${escapeHtml(href)}">${cellHtml}</a>` : cellHtml} ${escapeHtml(label)}</td>` +
    `<td><code>${escapeHtml(c.kind)}</code></td>` +
    `<td class="cal-rule">${c.spec === null ? '<span class="cal-muted">changes with the seed</span>' : escapeHtml(c.spec)}</td>` +
    `<td class="cal-num">${rateHtml(c.declared)}</td>` +
    `<td class="cal-num">${c.failures} / ${c.seeds}${expected}</td>` +
    `<td class="cal-verdict">${ok ? '<span class="mark">✓</span>' : `<span class="mark">✗</span> ${escapeHtml(c.verdict)}`}</td>` +
    `<td class="cal-stat">${c.statistic.length ? histogramHtml(c.statistic) : ""}</td></tr>`
  );
}

const HEAD =
  "<thead><tr><th>Check (cell, label)</th><th>Kind</th><th>Rule</th><th>Declared</th>" +
  "<th>Failures / N</th><th>Verdict</th><th>(estimate − expected)/SE</th></tr></thead>";

function notebookHtml(nb: NotebookChecks, opts: CalibrationPageOptions, slugger: Slugger) {
  const id = slugger.slug(nb.stem);
  const lecture = opts.lecture(nb.stem);
  const title = lecture
    ? `<a href="${escapeHtml(lecture.href)}">${lecture.titleHtml}</a>`
    : `<code>${escapeHtml(nb.stem)}</code>`;
  const counts = countChecks(nb.checks);
  const crashes = nb.run?.crashes ?? [];
  const bad = counts.miscalibrated > 0 || crashes.length > 0;
  const run = nb.run ? ` × ${plural(nb.run.seeds, "seed")} in ${nb.run.seconds} s` : "";
  const crashed = crashes.length ? `; ${plural(crashes.length, "run")} crashed` : "";
  const crashList = crashes.length
    ? `<ul class="cal-crashes">\n${crashes.map((c) => `<li>seed ${c.seed}, cell <code>${escapeHtml(c.cell)}</code>: ${escapeHtml(c.message)}</li>`).join("\n")}\n</ul>\n`
    : "";
  const rows = nb.checks.map((c) => rowHtml(c, opts));
  const html =
    `<section class="cal-notebook">\n<h2 id="${escapeHtml(id)}">${title}<a class="anchor" href="#${escapeHtml(id)}" aria-label="Link to this section">#</a></h2>\n` +
    `<p class="cal-line ${bad ? "fail" : "pass"}"><span class="mark">${bad ? "✗" : "✓"}</span> ${countsText(counts, run)}${crashed}.</p>\n` +
    crashList +
    (rows.length
      ? `<div class="cal-table-wrap"><table class="cal-table">${HEAD}<tbody>\n${rows.join("\n")}\n</tbody></table></div>`
      : "") +
    "\n</section>";
  return {
    html,
    heading: { level: 2, id, html: title.replace(/<\/?a\b[^>]*>/g, ""), text: nb.stem },
  };
}

/**
 * The page's HTML.
 * @param report the committed report, or null when none is committed
 * @param opts renderer, titles, links to the lecture pages and their cells
 */
export function renderCalibrationPage(
  report: CalibrationReport | null,
  opts: CalibrationPageOptions,
): string {
  const slugger = new Slugger();
  const env: MarkdownEnv = { where: CALIBRATION_PAGE, macros: {}, slugger, headings: [] };
  const file = `<code>${escapeHtml(opts.file)}</code>`;
  const parts = [
    "<h1>Calibration of the checks</h1>",
    intro(
      opts.md,
      env,
      report ? `$N = ${report.seeds}$ seeds` : "$N$ seeds",
      report?.level ?? LEVEL,
    ),
  ];
  const sections: ReturnType<typeof notebookHtml>[] = [];
  if (!report) {
    parts.push(
      `<p class="cal-missing">No calibration report is committed: ${file} is missing, so this page has no checks to show. ` +
        "<code>npm run calibrate -- --commit</code> writes it.</p>",
    );
  } else {
    const groups = checksByNotebook(report);
    const all = countChecks(report.checks);
    const crashes = report.notebooks.reduce((n, nb) => n + nb.crashes.length, 0);
    const bad = all.miscalibrated > 0 || crashes > 0;
    const missing = opts.stems.filter((s) => !groups.some((g) => g.stem === s));
    parts.push(
      `<p class="course-status cal-summary ${bad ? "fail" : "pass"}"><span class="mark">${bad ? "✗" : "✓"}</span> ` +
        countsText(
          all,
          ` in ${plural(report.notebooks.length, "notebook")} × ${plural(report.seeds, "seed")}`,
        ) +
        `${crashes ? `; ${plural(crashes, "run")} crashed` : ""}.</p>`,
    );
    if (missing.length) {
      parts.push(
        `<p class="cal-missing">Not in the report: ${missing.map((s) => `<code>${escapeHtml(s)}</code>`).join(", ")}.</p>`,
      );
    }
    sections.push(...groups.map((g) => notebookHtml(g, opts, slugger)));
  }
  return pageShell({
    title: `Calibration · ${opts.siteTitle}`,
    bodyClass: "calibration",
    siteTitle: opts.siteTitle,
    apiIndex: opts.apiIndex,
    notationPage: opts.notationPage,
    hasCode: false,
    hasFigures: false,
    aside: tocHtml(sections.map((s) => s.heading)),
    main: [...parts, ...sections.map((s) => s.html)].join("\n"),
    footer: report
      ? `Generated from ${file}, written by <code>npm run calibrate -- --commit</code> (${plural(report.seeds, "seed")} per notebook).`
      : `No ${file} was committed when these notes were built.`,
  });
}
