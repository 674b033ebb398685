/**
 * `npm run notes` and `npm run figures`. Two stages, run in order:
 * 1. execute: the runner executes the notebooks into build/notebooks/ (skipped with
 *    --export-only); a failing notebook stops here with the runner's report;
 * 2. export: static figures brought up to date in figures/ (Chromium; only changed figures are
 *    drawn), then, for `notes`, the library's API reference extracted from src/ by TypeDoc
 *    (skipped with --no-api) and the site written to build/notes/ by a swap, so a failed export
 *    leaves the last good site in place. The site also carries the notation table
 *    (notebooks/NOTATION.md) and the committed calibration report (figures/calibration.json; a
 *    missing one is a warning, and the page says so).
 */
import fs from "fs";
import os from "os";
import path from "path";
import { collectNotebooks, formatResult, runNotebooks, summaryLine } from "../runner/run-many";
import { ApiModel } from "./api-model";
import { extractApi } from "./api-extract";
import { CALIBRATION_FILE, readCalibrationReport } from "./calibration-report";
import { NotesError } from "./errors";
import { lectureFigures } from "./figure-spec";
import { assertSameSource, Lecture, readLecture } from "./lecture";
import { buildSite, writeSite } from "./site";
import { buildLiveAssets, LiveAssets } from "./live/bundle";
import { buildLabAssets, LabAssets, sizeText } from "./live/labs/bundle";
import { lectureLabCells } from "./live/labs/html";
import { liveFigures } from "./live/figures";
import { renderStaticFigures, StaticReport } from "./static-figures";

export type Mode = "notes" | "figures";

const usage = (mode: Mode) => `usage: npm run ${mode} -- [options] [notebook.ipynb | folder]...

${
  mode === "notes"
    ? "Executes the notebooks (default: notebooks/) and publishes them as a static site in build/notes/:\nan outline page and one page per lecture, with math, interactive figures and the evidence of\nevery check. Static SVG/PNG copies of every figure are brought up to date in figures/."
    : "Executes the notebooks (default: notebooks/) and renders every figure to SVG and PNG in\nfigures/<notebook>/<cell id>-<n>.svg|png (only figures that changed, unless --force)."
}

options:
      --export-only     use the executed notebooks in build/notebooks/ instead of running them
${mode === "notes" ? "      --no-figures      leave figures/ as it is (pages use the static copies that are current)\n      --no-api          leave out the API reference (TypeDoc on src/, a few seconds)\n      --no-live         leave out the live figures (their controls, the library's browser build)\n  -o, --out-dir DIR     where the site goes (default build/notes)\n" : "      --force           draw every figure again\n"}      --figures-dir DIR where static figures go (default figures)
  -j, --jobs N          notebooks run at once (default: the number of cores, ${os.cpus().length})
  -t, --timeout S       seconds a cell may run before it is interrupted (default 600)
  -h, --help            this text`;

interface Options {
  exportOnly: boolean;
  figures: boolean;
  api: boolean;
  live: boolean;
  force: boolean;
  outDir: string;
  figuresDir: string;
  executedDir: string;
  jobs?: number;
  cellTimeout?: number;
  targets: string[];
}

function parseArgs(mode: Mode, argv: string[], root: string): Options | "help" {
  const o: Options = {
    exportOnly: false,
    figures: true,
    api: mode === "notes",
    live: mode === "notes",
    force: false,
    outDir: path.join(root, "build", "notes"),
    figuresDir: path.join(root, "figures"),
    executedDir: path.join(root, "build", "notebooks"),
    targets: [],
  };
  const value = (flag: string, v: string | undefined) => {
    if (v === undefined || v.startsWith("-"))
      throw new NotesError(`${mode}: ${flag} needs a value`);
    return v;
  };
  const positive = (flag: string, v: string | undefined) => {
    const n = Number(value(flag, v));
    if (!Number.isFinite(n) || n <= 0)
      throw new NotesError(`${mode}: ${flag} needs a positive number, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") return "help";
    else if (a === "--export-only") o.exportOnly = true;
    else if (a === "--no-figures" && mode === "notes") o.figures = false;
    else if (a === "--no-api" && mode === "notes") o.api = false;
    else if (a === "--no-live" && mode === "notes") o.live = false;
    else if (a === "--force" && mode === "figures") o.force = true;
    else if ((a === "-o" || a === "--out-dir") && mode === "notes")
      o.outDir = path.resolve(value(a, argv[++i]));
    else if (a === "--figures-dir") o.figuresDir = path.resolve(value(a, argv[++i]));
    else if (a === "-j" || a === "--jobs") o.jobs = Math.floor(positive(a, argv[++i]));
    else if (a === "-t" || a === "--timeout") o.cellTimeout = positive(a, argv[++i]);
    else if (a.startsWith("-"))
      throw new NotesError(`${mode}: unknown option ${a}\n\n${usage(mode)}`);
    else o.targets.push(a);
  }
  return o;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const say = (line: string) => process.stdout.write(line + "\n");

/** The notation table, relative to the repository. */
const NOTATION_FILE = "notebooks/NOTATION.md";

/**
 * @param mode which command
 * @param argv its arguments
 * @param root the repository (default: the working folder)
 * @returns the exit code: 0 done, 1 a notebook or the export failed, 2 bad usage
 */
export async function main(mode: Mode, argv: string[], root = process.cwd()): Promise<number> {
  let parsed: Options | "help";
  try {
    parsed = parseArgs(mode, argv, root);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  if (parsed === "help") {
    say(usage(mode));
    return 0;
  }
  const o: Options = parsed;
  const kept =
    mode === "notes"
      ? `; the site in ${path.relative(root, o.outDir) || "."} was left as it was`
      : "";
  try {
    const wholeCourse = o.targets.length === 0;
    const files = collectNotebooks(wholeCourse ? [path.join(root, "notebooks")] : o.targets);
    if (files.length === 0) throw new NotesError(`${mode}: no notebooks to publish`);
    if (!o.exportOnly) {
      const results = await runNotebooks(
        files,
        { jobs: o.jobs, cellTimeout: o.cellTimeout, outDir: o.executedDir },
        (r) => say(formatResult(r)),
      );
      say(summaryLine(results));
      if (!results.every((r) => r.passed)) {
        process.stderr.write(
          `${mode}: ${results.filter((r) => !r.passed).length} notebook(s) failed${kept}\n`,
        );
        return 1;
      }
    }
    const t0 = Date.now();
    const lectures: Lecture[] = files.map((f) => {
      const executed = path.join(o.executedDir, path.basename(f));
      if (!fs.existsSync(executed)) {
        throw new NotesError(
          `${path.relative(root, path.resolve(f))}: no executed copy in ${path.relative(root, o.executedDir)}/; run \`npm run ${mode}\` without --export-only`,
        );
      }
      const lecture = readLecture(executed, path.relative(root, executed));
      assertSameSource(lecture, path.resolve(f), path.relative(root, path.resolve(f)));
      return lecture;
    });
    const tRead = Date.now() - t0;
    let figures: StaticReport | null = null;
    if (o.figures) {
      try {
        figures = await renderStaticFigures(lectures.flatMap(lectureFigures), o.figuresDir, {
          force: o.force,
          prune: wholeCourse,
        });
        say(
          `static figures: ${figures.rendered} drawn, ${figures.kept} unchanged, ${figures.removed} files removed ` +
            `in ${path.relative(root, o.figuresDir) || "."}/ (${secs(figures.ms)})`,
        );
      } catch (err) {
        if (mode === "figures" || !/no Chromium/.test((err as Error).message)) throw err;
        process.stderr.write(
          `notes: warning: ${(err as Error).message}; static figures not updated\n`,
        );
      }
    }
    if (mode === "figures") return 0;
    let api: ApiModel | null = null;
    const tApi = Date.now();
    if (o.api) {
      if (!fs.existsSync(path.join(root, "src", "index.ts"))) {
        throw new NotesError(
          `${mode}: no src/index.ts in ${root} for the API reference; pass --no-api to publish without it`,
        );
      }
      api = await extractApi(root);
    }
    const apiMs = Date.now() - tApi;
    let live: LiveAssets | null = null;
    // the browser builds, when a lecture published here has a live figure
    if (o.live && liveFigures.some((s) => lectures.some((l) => l.stem === s.stem))) {
      live = await buildLiveAssets({ root });
      const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
      say(
        `notes: browser build of itolab ${live.library.file} (${kib(live.library.bytes)}); ` +
          `live figures ${live.runtime.file} (${kib(live.runtime.bytes)}, its worker ${kib(live.workerBytes)}); ` +
          `esbuild ${secs(live.seconds * 1000)}`,
      );
    }
    let labs: LabAssets | null = null;
    // the labs' browser builds, when a lecture published here has a graded lab
    if (o.live && lectures.some((l) => lectureLabCells(l).length > 0)) {
      labs = await buildLabAssets({ root });
      say(
        `notes: labs in the page ${labs.runtime.file} (${sizeText(labs.runtime.bytes)}, CodeMirror ` +
          `${sizeText(labs.codemirrorBytes)}); their worker ${labs.worker.file} (${sizeText(labs.worker.bytes)}, ` +
          `TypeScript ${sizeText(labs.typescriptBytes)}; loaded when a reader first edits a lab); ` +
          `esbuild ${secs(labs.seconds * 1000)}`,
      );
    }
    const t1 = Date.now();
    const sourcePaths = Object.fromEntries(
      files.map((f) => [path.basename(f, ".ipynb"), path.relative(root, path.resolve(f))]),
    );
    const notationFile = path.join(root, NOTATION_FILE);
    const notation = fs.existsSync(notationFile)
      ? { markdown: fs.readFileSync(notationFile, "utf8"), file: NOTATION_FILE }
      : null;
    if (!notation)
      process.stderr.write(`notes: warning: no ${NOTATION_FILE}, so no notation page\n`);
    const calibration = {
      report: readCalibrationReport(path.join(root, CALIBRATION_FILE), CALIBRATION_FILE),
      file: CALIBRATION_FILE,
    };
    const site = buildSite(lectures, {
      figuresDir: o.figuresDir,
      sourcePaths,
      api,
      notation,
      calibration,
      live: live ? { specs: liveFigures, assets: live } : null,
      labs,
    });
    for (const w of site.warnings) process.stderr.write(`notes: warning: ${w}\n`);
    const bytes = writeSite(site.files, o.outDir);
    const exportMs = tRead + (Date.now() - t1);
    say(
      `notes: ${lectures.length} lecture${lectures.length === 1 ? "" : "s"}, ${site.figures} figures ` +
        `(${site.staticFigures} with static copies${site.liveFigures ? `, ${site.liveFigures} live` : ""})` +
        (api
          ? `, API reference (${api.modules.length} subpaths, ${api.modules.reduce((n, m) => n + m.entries.length, 0)} exports)`
          : "") +
        ` → ${path.relative(root, o.outDir)}/ ` +
        `(${site.files.size} files, ${mb(bytes)}); export ${secs(exportMs)}` +
        (api ? `, TypeDoc ${secs(apiMs)}` : "") +
        (figures ? `, static figures ${secs(figures.ms)}` : ""),
    );
    return 0;
  } catch (err) {
    const e = err as Error;
    const known =
      e instanceof NotesError || e.name === "NotebookFileError" || /^itolab-run:/.test(e.message);
    process.stderr.write(`${known ? e.message : (e.stack ?? e.message)}\n${mode}: failed${kept}\n`);
    return 1;
  }
}
