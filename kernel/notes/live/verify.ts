/**
 * `npm run live:verify [-- NN …]`: the Chromium tests of the live figures
 * (test/kernel/notes/live.test.ts) and of the labs in the page (live-labs.test.ts) on every
 * lecture that has live figures (or the ones named), then
 * figures/live.json (./report.ts) updated with each lecture's pass, input sha256 and measured
 * redraw times, and a table of the defaults' redraw times against the issue's budget (1 s; 5 s for training in the page).
 * `--no-write` measures without touching the report (the bench uses it). Exit 1 when a lecture
 * failed.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { repoRoot } from "../../runner/paths";
import {
  LIVE_REPORT_ABOUT,
  liveInputsSha256,
  LiveLectureRecord,
  LiveReport,
  liveReportPath,
  selectStems,
} from "./report";
import { liveFigures } from "./figures";

/** The budget of a default redraw (issue 24), in ms: printed beside each measurement. */
export const REDRAW_BUDGET_MS = 1000;
/** Figures with their own budget: training in the page (issue 24: under 5 s). */
export const BUDGETS_MS: Readonly<Record<string, number>> = { "07-train": 5000 };

interface JestJson {
  testResults: { assertionResults: { ancestorTitles: string[]; status: string }[] }[];
}

/** Runs the Chromium test on `stems`; their records, and which passed. */
export function measureLive(
  root: string,
  stems: readonly string[],
  options: { labs?: boolean } = {},
): {
  records: Map<string, LiveLectureRecord>;
  passed: Map<string, boolean>;
  labs: Map<string, { tests: number; passed: number }>;
  seconds: number;
} {
  const dir = path.join(root, "build", "live-report");
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, "jest.json");
  const t0 = Date.now();
  const jest = path.join(root, "node_modules", "jest", "bin", "jest.js");
  spawnSync(
    process.execPath,
    [
      jest,
      "test/kernel/notes/live.test.ts",
      ...(options.labs === false ? [] : ["test/kernel/notes/live-labs.test.ts"]),
      "--runInBand",
      "--json",
      `--outputFile=${json}`,
    ],
    {
      cwd: root,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        LIVE_STEMS: stems.join(","),
        LAB_STEMS: stems.join(","),
        LIVE_REPORT_DIR: dir,
      },
    },
  );
  const seconds = (Date.now() - t0) / 1000;
  const results = fs.existsSync(json)
    ? (JSON.parse(fs.readFileSync(json, "utf8")) as JestJson)
    : null;
  const records = new Map<string, LiveLectureRecord>();
  const passed = new Map<string, boolean>();
  const labs = new Map<string, { tests: number; passed: number }>();
  for (const stem of stems) {
    const file = path.join(dir, `${stem}.json`);
    if (fs.existsSync(file)) records.set(stem, JSON.parse(fs.readFileSync(file, "utf8")));
    const all = (results?.testResults ?? []).flatMap((r) => r.assertionResults);
    const mine = all.filter((a) =>
      a.ancestorTitles.some((t) => t === `live figures of ${stem} in headless Chromium`),
    );
    const labTests = all.filter((a) =>
      a.ancestorTitles.some((t) => t === `labs of ${stem} in headless Chromium`),
    );
    labs.set(stem, {
      tests: labTests.length,
      passed: labTests.filter((a) => a.status === "passed").length,
    });
    // every test of the page ran and passed: 3 per figure; the first view, the Blob URL, http, the visit
    const expected = 3 * liveFigures.filter((s) => s.stem === stem).length + 4;
    const labsHeld =
      options.labs === false ||
      (labTests.length > 0 && labTests.every((a) => a.status === "passed"));
    passed.set(
      stem,
      mine.length === expected && mine.every((a) => a.status === "passed") && labsHeld,
    );
  }
  return { records, passed, labs, seconds };
}

/** One line per figure: the defaults' redraw in a new worker and in the running one. */
export function redrawTable(records: Iterable<LiveLectureRecord>): string[] {
  const lines: string[] = [];
  for (const r of records) {
    for (const [id, f] of Object.entries(r.figures)) {
      const worst = Math.max(f.defaultsNewWorkerMs ?? NaN, f.defaultsRunningMs ?? NaN);
      const budget = BUDGETS_MS[id] ?? REDRAW_BUDGET_MS;
      const verdict = !Number.isFinite(worst) ? "not measured" : worst < budget ? "within" : "OVER";
      lines.push(
        `${id.padEnd(28)} defaults: new worker ${f.defaultsNewWorkerMs} ms, running worker ${f.defaultsRunningMs} ms ` +
          `(${verdict} the ${budget} ms budget); slowest control ${Math.max(0, ...Object.values(f.controls))} ms`,
      );
    }
  }
  return lines;
}

export async function main(argv: string[]): Promise<number> {
  const root = repoRoot();
  const write = !argv.includes("--no-write");
  const wanted = argv.filter((a) => !a.startsWith("-"));
  const all = [...new Set(liveFigures.map((s) => s.stem))].sort();
  const stems = wanted.length ? selectStems(all, wanted) : all;
  if (stems.length === 0) {
    process.stderr.write(
      `live:verify: no lecture with live figures matches ${wanted.join(", ")}\n`,
    );
    return 2;
  }
  const { records, passed, labs, seconds } = measureLive(root, stems);
  process.stdout.write(
    `\nlive figures, redraw times in headless Chromium (file://):\n  ${redrawTable(records.values()).join("\n  ")}\n`,
  );
  if (write) {
    const file = liveReportPath(root);
    const report: LiveReport = fs.existsSync(file)
      ? JSON.parse(fs.readFileSync(file, "utf8"))
      : { about: LIVE_REPORT_ABOUT, lectures: {} };
    report.about = LIVE_REPORT_ABOUT;
    for (const stem of stems) {
      const record = records.get(stem) ?? { stem, figures: {} };
      report.lectures[stem] = {
        ...record,
        sha256: liveInputsSha256(root, stem),
        passed: passed.get(stem) === true,
        labs: labs.get(stem) ?? { tests: 0, passed: 0 },
        seconds: Math.round(seconds / stems.length),
      };
    }
    const sorted = Object.fromEntries(
      Object.entries(report.lectures).sort(([a], [b]) => a.localeCompare(b)),
    );
    fs.writeFileSync(file, `${JSON.stringify({ ...report, lectures: sorted }, null, 1)}\n`);
    process.stdout.write(`live:verify: wrote ${path.relative(root, file)}\n`);
  }
  const failed = stems.filter((s) => passed.get(s) !== true);
  process.stdout.write(
    failed.length
      ? `live:verify: FAILED ${failed.join(", ")}\n`
      : `live:verify: ${stems.length} lectures passed\n`,
  );
  return failed.length ? 1 : 0;
}
