/**
 * The committed report of the live notes (issue 24): `npm run live:verify` runs the Chromium
 * test of every lecture's live figures (test/kernel/notes/live.test.ts with LIVE_STEMS=all) and
 * of its labs in the page (live-labs.test.ts with LAB_STEMS=all: each stub not attempted, each
 * recorded mutant failing with its hint, the solution passing, an endless loop stopped), and writes figures/live.json: per lecture, the sha256 of what its
 * live page is made of (the notebook, its live figures' files, the live runtime), whether every
 * test passed, and each figure's measured redraw times (defaults in a new worker and in the
 * running one, each control's non-default setting) and the ✗ line of its failing setting.
 * test/kernel/notes/live-report.test.ts (in `npm test`) fails when an entry is missing, stale or
 * failed; `npm test` itself runs the Chromium test on LIVE_REPRESENTATIVE only. The library's
 * own code (src/) is not in the key: its unit tests and the representative pages cover it.
 */
import crypto from "crypto";
import fs from "fs";
import path from "path";

/**
 * The lectures of `all` named in `wanted` (lecture numbers "07" or stems), or all of them when
 * `wanted` holds "all"; `wanted` may be a comma-separated string (an environment variable).
 */
export function selectStems(all: readonly string[], wanted: string | readonly string[]): string[] {
  const names = (typeof wanted === "string" ? wanted.split(",") : wanted)
    .map((w) => w.trim())
    .filter(Boolean);
  if (names.includes("all")) return [...all];
  return all.filter((s) => names.some((w) => s === w || s.startsWith(`${w}-`)));
}

/** The lectures whose live pages `npm test` opens in Chromium (the others: `npm run live:verify`). */
export const LIVE_REPRESENTATIVE: readonly string[] = ["02-simulating-sdes", "07-score-matching"];

/** One figure's measurements in the Chromium test, in milliseconds from change to redraw. */
export interface LiveFigureRecord {
  /** "<control> = <value>" → ms, one per control */
  controls: Record<string, number>;
  failing: { params: Readonly<Record<string, string>>; ms: number; line: string } | null;
  defaultsNewWorkerMs: number | null;
  defaultsRunningMs: number | null;
  /** progress reports seen while the controls were changed */
  progressReports: number;
}

/** What the Chromium test of one lecture page measured (written when LIVE_REPORT_DIR is set). */
export interface LiveLectureRecord {
  stem: string;
  figures: Record<string, LiveFigureRecord>;
}

export interface LiveReportEntry extends LiveLectureRecord {
  sha256: string;
  /** every test of the page's live figures and of its labs passed */
  passed: boolean;
  seconds: number;
  /** the labs in the page (test/kernel/notes/live-labs.test.ts): tests run and passed */
  labs: { tests: number; passed: number };
}

export interface LiveReport {
  about: string;
  lectures: Record<string, LiveReportEntry>;
}

export const LIVE_REPORT_ABOUT =
  "Every lecture's live figures and labs tested in headless Chromium (npm run live:verify): each control " +
  "redraws and re-evaluates the checks, the failing setting shows ✗, cancellation, no console " +
  "error, no request leaving the page; times in ms. test/kernel/notes/live-report.test.ts keeps " +
  "this fresh (sha256 of the notebook, its live figures, its labs and the runtimes). The labs: " +
  "every stub not attempted, every recorded mutant failing with its hint, the solution passing.";

/** The files shared by every live page: the runtime, the element, the build, notes.js. */
export const LIVE_RUNTIME_FILES: readonly string[] = [
  "kernel/notes/live/spec.ts",
  "kernel/notes/live/html.ts",
  "kernel/notes/live/progress.ts",
  "kernel/notes/live/bundle.ts",
  "kernel/notes/live/browser/runtime.ts",
  "kernel/notes/live/browser/worker.ts",
  "kernel/notes/live/browser/messages.ts",
  "kernel/notes/assets/notes.js",
  "kernel/notes/live/labs/bundle.ts",
  "kernel/notes/live/labs/compile.ts",
  "kernel/notes/live/labs/html.ts",
  "kernel/notes/live/browser/labs/runtime.ts",
  "kernel/notes/live/browser/labs/worker.ts",
  "kernel/notes/live/browser/labs/messages.ts",
  "src/labs/grade.ts",
  "src/labs/compare.ts",
];

/** The files a lecture's live page is made of, repo-relative and sorted. */
export function liveInputs(root: string, stem: string): string[] {
  const figures = path.join("kernel", "notes", "live", "figures");
  const own = fs
    .readdirSync(path.join(root, figures))
    .filter((f) => f.startsWith(`${stem.slice(0, 2)}-`) && f.endsWith(".ts"))
    .map((f) => path.join(figures, f));
  const nn = stem.slice(0, 2);
  const labs = [
    path.join("labs", "solutions", `${nn}.ts`),
    path.join("labs", "mutants", `${nn}.ts`),
    path.join("src", "labs", `lecture-${nn}.ts`),
  ].filter((f) => fs.existsSync(path.join(root, f)));
  return [path.join("notebooks", `${stem}.ipynb`), ...own, ...labs, ...LIVE_RUNTIME_FILES].sort();
}

/** sha256 over the names and contents of `liveInputs`. */
export function liveInputsSha256(root: string, stem: string): string {
  const hash = crypto.createHash("sha256");
  for (const file of liveInputs(root, stem)) {
    hash.update(`${file}\n`);
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest("hex");
}

export function liveReportPath(root: string): string {
  return path.join(root, "figures", "live.json");
}
