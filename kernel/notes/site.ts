/**
 * Executed notebooks → the static site, in two steps: `buildSite` is pure (lectures in, a map of
 * site-relative paths to contents or files to copy out; every error surfaces here, before the
 * disk is touched), and `writeSite` writes the map into a temporary sibling of the site folder
 * and swaps it in, so a failed export leaves the last good site in place.
 *
 * Layout: `index.html`, `<notebook>.html`, with an API model `api.html` and `api-<folder>.html`
 * (./api-page), with the notation table `notation.html` (./notation-page), with the calibration
 * report `calibration.html` (./calibration-page), `assets/` (notes.css, notes.js, plotly.min.js,
 * KaTeX's CSS and woff2 fonts) and `figures/<notebook>/<cell id>-<n>.svg|png`.
 */
import fs from "fs";
import path from "path";
import { repoRoot } from "../runner/paths";
import { API_INDEX, ApiModel } from "./api-model";
import { renderApiPages } from "./api-page";
import { CALIBRATION_PAGE, calibrationLinks, renderCalibrationPage } from "./calibration-page";
import { CalibrationReport } from "./calibration-report";
import { currentStatic, lectureFigures, readManifest } from "./figure-spec";
import { renderIndexPage } from "./index-page";
import { Lecture } from "./lecture";
import { createMarkdown } from "./markdown";
import { NOTATION_PAGE, renderNotationPage } from "./notation-page";
import { lectureOutline, Outline } from "./outline";
import { pageFile, renderLecturePage } from "./page";
import { LiveAssets, liveSiteFiles } from "./live/bundle";
import { lectureLiveFigures, liveFigureHtml } from "./live/html";
import { LiveFigureSpec } from "./live/spec";
import { LabAssets, labSiteFiles } from "./live/labs/bundle";
import { labCellHtml, labPage, lectureLabCells } from "./live/labs/html";
import type { SiteFile } from "./site-file";

/** A file of the site: its text, or a file to copy. */
export type { SiteFile } from "./site-file";

export interface SiteOptions {
  /** Folder of static figures (`figures/`), or null to publish without static copies. */
  figuresDir: string | null;
  title?: string;
  description?: string;
  /** Source notebook path per lecture stem, for page footers (default `notebooks/<stem>.ipynb`). */
  sourcePaths?: Record<string, string>;
  /** The library's API reference (./api-extract), published beside the lectures; or none. */
  api?: ApiModel | null;
  /** The notation table (notebooks/NOTATION.md): its markdown and its path; or no notation page. */
  notation?: { markdown: string; file: string } | null;
  /**
   * The committed calibration report and its path (report null: none is committed, the page says
   * so and a warning is returned); or no calibration page.
   */
  calibration?: { report: CalibrationReport | null; file: string } | null;
  /**
   * Live figures (issue 24): their specs (./live/figures) and the browser builds that run them
   * (./live/bundle); or none, and every figure is the notebook's static output.
   */
  live?: { specs: readonly LiveFigureSpec[]; assets: LiveAssets } | null;
  /**
   * Labs in the page (issue 24): the browser builds (./live/labs/bundle) that make each lab's
   * stub editable and graded in the page; or none, and stubs show as code.
   */
  labs?: LabAssets | null;
}

export interface BuiltSite {
  files: Map<string, SiteFile>;
  figures: number;
  staticFigures: number;
  /** live figures placed in pages */
  liveFigures: number;
  warnings: string[];
}

const DEFAULT_TITLE = "itolab · lecture notes";
const DEFAULT_DESCRIPTION =
  "The mathematics of diffusion models through stochastic differential equations: each lecture derives, simulates, plots and checks.";

/** KaTeX's CSS and woff2 fonts (every browser that runs the site reads woff2). */
function katexAssets(files: Map<string, SiteFile>): void {
  const dist = path.dirname(require.resolve("katex/dist/katex.min.css"));
  const css = fs
    .readFileSync(path.join(dist, "katex.min.css"), "utf8")
    .replace(/,url\(fonts\/[^)]+\.woff\) format\("woff"\)/g, "")
    .replace(/,url\(fonts\/[^)]+\.ttf\) format\("truetype"\)/g, "");
  files.set("assets/katex/katex.min.css", { content: css });
  for (const font of fs.readdirSync(path.join(dist, "fonts"))) {
    if (font.endsWith(".woff2")) {
      files.set(`assets/katex/fonts/${font}`, { copyFrom: path.join(dist, "fonts", font) });
    }
  }
}

/**
 * The site's files from executed lectures, in course order.
 * @param lectures from readLecture, in order
 * @param opts figures folder, titles
 */
export function buildSite(lectures: Lecture[], opts: SiteOptions): BuiltSite {
  const md = createMarkdown();
  const outlines: Outline[] = lectures.map((l) => lectureOutline(md, l));
  const warnings = outlines.flatMap((o) => o.warnings);
  const files = new Map<string, SiteFile>();
  const title = opts.title ?? DEFAULT_TITLE;
  const manifest = opts.figuresDir ? readManifest(opts.figuresDir) : {};
  let figures = 0;
  let staticFigures = 0;
  let liveFigures = 0;
  const stems = new Set<string>();
  const apiIndex = opts.api ? API_INDEX : undefined;
  const notationPage = opts.notation ? NOTATION_PAGE : undefined;
  const pages = new Map<string, string>(); // stem → its page's HTML
  lectures.forEach((lecture, i) => {
    if (stems.has(lecture.stem)) throw new Error(`notes: two notebooks named ${lecture.stem}`);
    stems.add(lecture.stem);
    const link = (j: number) =>
      j >= 0 && j < lectures.length
        ? { href: encodeURIComponent(pageFile(lectures[j].stem)), outline: outlines[j] }
        : null;
    const shown = new Set(
      lecture.cells.filter((c) => c.type === "code" && !c.directives.hide).map((c) => c.id),
    );
    const staticOf = new Map<string, { svg: string; png: string }>();
    const shownFigures = lectureFigures(lecture).filter((f) => shown.has(f.cell.id));
    const live = opts.live
      ? lectureLiveFigures(lecture, opts.live.specs, shownFigures)
      : new Map<string, never>();
    liveFigures += live.size;
    for (const f of lectureFigures(lecture)) {
      if (!shown.has(f.cell.id)) continue;
      figures += 1;
      if (!opts.figuresDir || !currentStatic(opts.figuresDir, manifest, f)) continue;
      staticFigures += 1;
      const rel = `figures/${f.stem}/${f.name}`;
      const url = `figures/${encodeURIComponent(f.stem)}/${encodeURIComponent(f.name)}`;
      for (const ext of ["svg", "png"]) {
        files.set(`${rel}.${ext}`, {
          copyFrom: path.join(opts.figuresDir, f.stem, `${f.name}.${ext}`),
        });
      }
      staticOf.set(`${f.stem}/${f.name}`, { svg: `${url}.svg`, png: `${url}.png` });
    }
    const labs = opts.labs && lectureLabCells(lecture).length > 0 ? labPage(lecture) : null;
    const html = renderLecturePage(lecture, outlines[i], {
      md,
      siteTitle: title,
      prev: link(i - 1),
      next: link(i + 1),
      staticUrls: (f) => staticOf.get(`${f.stem}/${f.name}`) ?? null,
      sourcePath: opts.sourcePaths?.[lecture.stem] ?? `notebooks/${lecture.stem}.ipynb`,
      apiIndex,
      notationPage,
      wrapFigure: (f, figure) => {
        const l = live.get(f.name);
        return l ? liveFigureHtml(l.spec, figure, l.checks) : figure;
      },
      extraScripts: [
        ...(live.size > 0 && opts.live ? [opts.live.assets.runtime.file] : []),
        ...(labs && opts.labs ? [opts.labs.runtime.file] : []),
      ],
      wrapLab: labs ? (cell, code) => labCellHtml(cell, code, labs) : undefined,
    });
    files.set(pageFile(lecture.stem), { content: html });
    pages.set(lecture.stem, html);
  });
  if (figures > staticFigures) {
    warnings.push(
      `${figures - staticFigures} of ${figures} figures have no current static copy in ${opts.figuresDir ?? "figures/"}: ` +
        "their pages show them only where scripts run (run `npm run figures`)",
    );
  }
  const entries = lectures.map((lecture, i) => ({ lecture, outline: outlines[i] }));
  files.set("index.html", {
    content: renderIndexPage(entries, {
      title,
      description: opts.description ?? DEFAULT_DESCRIPTION,
      apiIndex,
      notationPage,
      calibrationPage: opts.calibration ? CALIBRATION_PAGE : undefined,
    }),
  });
  const addPage = (file: string, html: string, what: string) => {
    if (files.has(file)) throw new Error(`notes: the ${what} ${file} would replace a lecture`);
    files.set(file, { content: html });
  };
  if (opts.api) {
    for (const [file, html] of renderApiPages(opts.api, { md, siteTitle: title, notationPage })) {
      addPage(file, html, "API page");
    }
  }
  if (opts.notation) {
    const { markdown, file } = opts.notation;
    const html = renderNotationPage(markdown, { md, siteTitle: title, file, apiIndex });
    addPage(NOTATION_PAGE, html, "notation page");
  }
  if (opts.calibration) {
    const { report, file } = opts.calibration;
    if (!report) warnings.push(`no calibration report in ${file}: ${CALIBRATION_PAGE} says so`);
    const html = renderCalibrationPage(report, {
      md,
      siteTitle: title,
      file,
      apiIndex,
      notationPage,
      ...calibrationLinks(
        lectures.map((l, i) => ({
          stem: l.stem,
          outline: outlines[i],
          html: pages.get(l.stem) ?? "",
        })),
      ),
    });
    addPage(CALIBRATION_PAGE, html, "calibration page");
  }
  const assets = path.join(repoRoot(), "kernel", "notes", "assets");
  for (const name of fs.readdirSync(assets)) {
    files.set(`assets/${name}`, { copyFrom: path.join(assets, name) });
  }
  files.set("assets/plotly.min.js", { copyFrom: require.resolve("plotly.js-dist-min") });
  if (opts.live) for (const [file, f] of liveSiteFiles(opts.live.assets)) files.set(file, f);
  if (opts.labs) for (const [file, f] of labSiteFiles(opts.labs)) files.set(file, f);
  katexAssets(files);
  return { files, figures, staticFigures, liveFigures, warnings };
}

/**
 * Write the site: into `<outDir>.tmp-<pid>`, then swap it for `outDir` (the old site is moved
 * aside and removed). On any error the temporary folder is removed and `outDir` is untouched.
 * @returns the site's total size in bytes
 */
export function writeSite(files: Map<string, SiteFile>, outDir: string): number {
  const tmp = `${outDir}.tmp-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  let bytes = 0;
  try {
    for (const [rel, file] of files) {
      const target = path.join(tmp, ...rel.split("/"));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if ("content" in file) fs.writeFileSync(target, file.content);
      else fs.copyFileSync(file.copyFrom, target);
      bytes += fs.statSync(target).size;
    }
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  const hadSite = fs.existsSync(outDir);
  if (hadSite) fs.renameSync(outDir, old);
  try {
    fs.renameSync(tmp, outDir);
  } catch (err) {
    if (hadSite) fs.renameSync(old, outDir);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  fs.rmSync(old, { recursive: true, force: true });
  return bytes;
}
