/**
 * figures/live.json is the committed report of `npm run live:verify` (every lecture's live
 * figures tested in headless Chromium; `npm test` opens only the representative pages,
 * kernel/notes/live/report.ts). It must be fresh and passing: an entry per lecture with live
 * figures, its sha256 over the notebook, the lecture's live-figure files and the live runtime as
 * they are now, every figure measured (its defaults redrawn in a new and in the running worker,
 * each control changed) and its failing setting shown ✗ with a reason. After changing a live
 * figure, its notebook or the runtime, run `npm run live:verify -- NN` and commit the report.
 */
import fs from "fs";
import { liveFigures } from "../../../kernel/notes/live/figures";
import {
  LIVE_REPRESENTATIVE,
  liveInputs,
  liveInputsSha256,
  LiveReport,
  liveReportPath,
  selectStems,
} from "../../../kernel/notes/live/report";
import { root } from "./support";

const report = JSON.parse(fs.readFileSync(liveReportPath(root), "utf8")) as LiveReport;
const stems = [...new Set(liveFigures.map((s) => s.stem))].sort();

describe.each(stems)("the live figures of %s", (stem) => {
  const hint = `run npm run live:verify -- ${stem.slice(0, 2)} and commit figures/live.json`;

  it("have a fresh, passing entry in figures/live.json", () => {
    const entry = report.lectures[stem];
    expect({ entry: entry !== undefined, hint }).toEqual({ entry: true, hint });
    expect({ sha256: entry.sha256, hint }).toEqual({ sha256: liveInputsSha256(root, stem), hint });
    expect({ passed: entry.passed, hint }).toEqual({ passed: true, hint });
    // the labs in the page: each lab's stub, mutants, solution, endless loop, all held
    expect(entry.labs.tests).toBeGreaterThanOrEqual(3 * 4);
    expect(entry.labs.passed).toBe(entry.labs.tests);
  });

  it.each(liveFigures.filter((s) => s.stem === stem).map((s) => [s.id, s] as const))(
    "%s: every control measured, the defaults redrawn, the failing setting shown ✗",
    (_id, spec) => {
      const f = report.lectures[stem]?.figures[spec.id];
      expect({ measured: f !== undefined, hint }).toEqual({ measured: true, hint });
      expect(Object.keys(f.controls).map((k) => k.split(" = ")[0])).toEqual(
        spec.controls.map((c) => c.name),
      );
      expect(f.defaultsNewWorkerMs).toBeGreaterThan(0);
      expect(f.defaultsRunningMs).toBeGreaterThan(0);
      expect(f.failing?.params).toEqual(spec.failing);
      expect(f.failing?.line).toMatch(/^✗ .*\(.+\)$/);
    },
  );
});

describe("every lecture is live", () => {
  it("each notebook has at least two live figures (issue 24)", () => {
    const lectures = fs
      .readdirSync(`${root}/notebooks`)
      .filter((f) => /^\d\d-.*\.ipynb$/.test(f))
      .map((f) => f.replace(/\.ipynb$/, ""));
    const count = Object.fromEntries(
      lectures.map((stem) => [stem, liveFigures.filter((s) => s.stem === stem).length]),
    );
    expect(Object.entries(count).filter(([, n]) => n < 2)).toEqual([]);
    expect(lectures.length).toBeGreaterThanOrEqual(14);
  });

  it("ids are unique and name their lecture", () => {
    const ids = liveFigures.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of liveFigures) expect(s.id.slice(0, 3)).toBe(s.stem.slice(0, 3));
  });
});

describe("selectStems", () => {
  const all = ["00-brownian-motion", "02-simulating-sdes", "07-score-matching"];
  it("takes lecture numbers or stems, as a list or a comma-separated string, or all", () => {
    expect(selectStems(all, "02, 07")).toEqual(["02-simulating-sdes", "07-score-matching"]);
    expect(selectStems(all, ["07-score-matching"])).toEqual(["07-score-matching"]);
    expect(selectStems(all, "all")).toEqual(all);
    expect(selectStems(all, "0")).toEqual([]); // a prefix of a number is not a lecture
  });
});

describe("the report's key", () => {
  it("covers the notebook, the lecture's own live figures and the runtime", () => {
    const files = liveInputs(root, "02-simulating-sdes");
    expect(files).toContain("notebooks/02-simulating-sdes.ipynb");
    expect(files).toContain("kernel/notes/live/figures/02-strong-order.ts");
    expect(files).toContain("kernel/notes/live/browser/runtime.ts");
    expect(files.filter((f) => f.includes("/figures/05-"))).toEqual([]);
  });

  it("npm test opens the representative pages; they have live figures", () => {
    for (const stem of LIVE_REPRESENTATIVE) expect(stems).toContain(stem);
  });
});
