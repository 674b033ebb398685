/**
 * The committed report of the live notes (issue 24): `npm run live:verify` runs the Chromium
 * test of every lecture's live figures (test/kernel/notes/live.test.ts with LIVE_STEMS=all) and
 * of the labs in the page, and writes figures/live.json: per lecture, the sha256 of what its
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
  passed: boolean;
  seconds: number;
}

export interface LiveReport {
  about: string;
  lectures: Record<string, LiveReportEntry>;
}

export const LIVE_REPORT_ABOUT =
  "Every lecture's live figures tested in headless Chromium (npm run live:verify): each control " +
  "redraws and re-evaluates the checks, the failing setting shows ✗, cancellation, no console " +
  "error, no request leaving the page; times in ms. test/kernel/notes/live-report.test.ts keeps " +
  "this fresh (sha256 of the notebook, its live figures and the live runtime).";

/** The files shared by every live page: the runtime, the element, the build, notes.js. */
export const LIVE_RUNTIME_FILES: readonly string[] = [
  "kernel/notes/live/spec.ts",
  "kernel/notes/live/html.ts",
  "kernel/notes/live/bundle.ts",
  "kernel/notes/live/browser/runtime.ts",
  "kernel/notes/live/browser/worker.ts",
  "kernel/notes/live/browser/messages.ts",
  "kernel/notes/assets/notes.js",
];

/** The files a lecture's live page is made of, repo-relative and sorted. */
export function liveInputs(root: string, stem: string): string[] {
  const figures = path.join("kernel", "notes", "live", "figures");
  const own = fs
    .readdirSync(path.join(root, figures))
    .filter((f) => f.startsWith(`${stem.slice(0, 2)}-`) && f.endsWith(".ts"))
    .map((f) => path.join(figures, f));
  return [path.join("notebooks", `${stem}.ipynb`), ...own, ...LIVE_RUNTIME_FILES].sort();
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
