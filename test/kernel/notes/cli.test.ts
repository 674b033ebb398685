/**
 * `npm run notes -- --export-only` end to end on a temporary course (no kernel, no Chromium, no
 * API reference: TypeDoc runs only in plain Node, see api-extract.test.ts): the site appears,
 * with the notation page from notebooks/NOTATION.md and the calibration page from
 * figures/calibration.json (either missing: a warning, and the build goes on); a failed notebook,
 * a stale executed copy, a malformed calibration report or bad usage fails with a message naming
 * the file (and cell), and leaves the last good site in place.
 */
import fs from "fs";
import path from "path";
import { main } from "../../../kernel/notes/cli";
import { NOTATION } from "./calibration-fixture";
import { code, md, notebook, stdout, tempDir, TITLE } from "./support";

/** A calibration report of the course's one check. */
const REPORT = {
  seeds: 10,
  level: 1e-3,
  notebooks: [{ stem: "07-x", seed: 1, seeds: 10, seconds: 1, crashes: [] }],
  checks: [
    {
      id: "07-x/c-1/one",
      kind: "close",
      spec: "abs = 0, rel = 0",
      declared: 0,
      failures: 0,
      seeds: 10,
      statistic: [],
      tail: 1,
      verdict: "ok",
    },
  ],
};

/**
 * A course folder: notebooks/ (sources, NOTATION.md), build/notebooks/ (executed copies) and
 * figures/calibration.json (unless `extras` is false).
 */
function course(executedCells: ReturnType<typeof code>[], extras = true) {
  const root = tempDir("cli");
  const cells = [TITLE, md("m-1", "## Section"), ...executedCells];
  const source = notebook(cells.map((c) => ({ ...c, outputs: [], count: null })));
  fs.mkdirSync(path.join(root, "notebooks"));
  fs.mkdirSync(path.join(root, "build", "notebooks"), { recursive: true });
  fs.writeFileSync(path.join(root, "notebooks", "07-x.ipynb"), JSON.stringify(source));
  fs.writeFileSync(
    path.join(root, "build", "notebooks", "07-x.ipynb"),
    JSON.stringify(notebook(cells)),
  );
  if (extras) {
    fs.writeFileSync(path.join(root, "notebooks", "NOTATION.md"), NOTATION);
    fs.mkdirSync(path.join(root, "figures"));
    fs.writeFileSync(path.join(root, "figures", "calibration.json"), JSON.stringify(REPORT));
  }
  return root;
}

/** Run main() capturing stdout and stderr. */
async function run(root: string, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const o = jest
    .spyOn(process.stdout, "write")
    .mockImplementation((s) => (out.push(String(s)), true));
  const e = jest
    .spyOn(process.stderr, "write")
    .mockImplementation((s) => (err.push(String(s)), true));
  try {
    const code = await main("notes", argv, root);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const args = ["--export-only", "--no-figures", "--no-api"];

describe("npm run notes --export-only", () => {
  it("publishes the executed notebooks, then keeps that site when a later export fails", async () => {
    const root = course([code("c-1", "check();", [stdout("✓ one: 1 vs 1 within 0\n")])]);
    const ok = await run(root, args);
    expect(ok).toMatchObject({ code: 0, stderr: "" });
    expect(ok.stdout).toMatch(
      /^notes: 1 lecture, 0 figures \(0 with static copies\) → build\/notes\/ \(\d+ files, [\d.]+ MB\); export [\d.]+ s\n$/,
    );
    const page = path.join(root, "build", "notes", "07-x.html");
    const good = fs.readFileSync(page, "utf8");
    expect(good).toContain("1 check held");
    const site = path.join(root, "build", "notes");
    expect(fs.readFileSync(path.join(site, "notation.html"), "utf8")).toContain(
      '<span class="katex">',
    );
    expect(fs.readFileSync(path.join(site, "calibration.html"), "utf8")).toContain(
      '<a href="07-x.html#cell-c-1"><code>c-1</code></a> one</td>',
    );

    // the executed copy now holds a failure: the export stops, naming file and cell
    const failed = notebook([
      TITLE,
      md("m-1", "## Section"),
      code("c-1", "check();", [
        { output_type: "error", ename: "CheckError", evalue: "✗ one: 2 vs 1", traceback: [] },
      ]),
    ]);
    fs.writeFileSync(path.join(root, "build", "notebooks", "07-x.ipynb"), JSON.stringify(failed));
    const bad = await run(root, args);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      "build/notebooks/07-x.ipynb, cell 3 (id c-1): failed, so the notes are not published: CheckError: ✗ one: 2 vs 1\n" +
        "notes: failed; the site in build/notes was left as it was\n",
    );
    expect(fs.readFileSync(page, "utf8")).toBe(good);
    expect(fs.readdirSync(path.join(root, "build"))).toEqual(["notebooks", "notes"]);
  });

  it("without NOTATION.md or a calibration report: warns, and the calibration page says so", async () => {
    const root = course([code("c-1", "check();", [stdout("✓ one: 1 vs 1 within 0\n")])], false);
    const res = await run(root, args);
    expect(res).toMatchObject({ code: 0 });
    expect(res.stderr).toBe(
      "notes: warning: no notebooks/NOTATION.md, so no notation page\n" +
        "notes: warning: no calibration report in figures/calibration.json: calibration.html says so\n",
    );
    const site = path.join(root, "build", "notes");
    expect(fs.existsSync(path.join(site, "notation.html"))).toBe(false);
    expect(fs.readFileSync(path.join(site, "calibration.html"), "utf8")).toContain(
      "No calibration report is committed",
    );
  });

  it("refuses a malformed calibration report, naming the file and the field", async () => {
    const root = course([code("c-1", "x;")]);
    const file = path.join(root, "figures", "calibration.json");
    fs.writeFileSync(file, JSON.stringify({ ...REPORT, checks: [{ id: "07-x/c-1/one" }] }));
    const res = await run(root, args);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      "figures/calibration.json: checks[0].kind must be string, got undefined\n" +
        "notes: failed; the site in build/notes was left as it was\n",
    );
  });

  it("refuses an executed copy that does not match its source", async () => {
    const root = course([code("c-1", "x;")]);
    const src = path.join(root, "notebooks", "07-x.ipynb");
    fs.writeFileSync(src, fs.readFileSync(src, "utf8").replace("## Section", "## Edited"));
    const res = await run(root, args);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(
      "build/notebooks/07-x.ipynb: is out of date with notebooks/07-x.ipynb (cell 2 differs); run `npm run notes`",
    );
    expect(fs.existsSync(path.join(root, "build", "notes"))).toBe(false);
  });

  it("needs the package's src/ for the API reference, unless --no-api", async () => {
    const root = course([code("c-1", "x;")]);
    const res = await run(root, ["--export-only", "--no-figures"]);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(
      `notes: no src/index.ts in ${root} for the API reference; pass --no-api to publish without it\n` +
        "notes: failed; the site in build/notes was left as it was\n",
    );
    expect(fs.existsSync(path.join(root, "build", "notes"))).toBe(false);
  });

  it("rejects bad usage with exit code 2, naming the option", async () => {
    const root = course([code("c-1", "x;")]);
    expect(await run(root, ["--bogus"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^notes: unknown option --bogus/),
    });
    expect(await run(root, ["--jobs", "0"])).toMatchObject({
      code: 2,
      stderr: "notes: --jobs needs a positive number, got 0\n",
    });
    expect((await run(root, ["--help"])).stdout).toMatch(/^usage: npm run notes -- \[options\]/);
  });
});
