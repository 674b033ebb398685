/**
 * `npm run notes -- --export-only` end to end on a temporary course (no kernel, no Chromium, no
 * API reference: TypeDoc runs only in plain Node, see api-extract.test.ts): the site appears; a
 * failed notebook, a stale executed copy or bad usage fails with a message naming the file and
 * cell, and leaves the last good site in place.
 */
import fs from "fs";
import path from "path";
import { main } from "../../../kernel/notes/cli";
import { code, md, notebook, stdout, tempDir, TITLE } from "./support";

/** A course folder: notebooks/ (sources) and build/notebooks/ (executed copies). */
function course(executedCells: ReturnType<typeof code>[]) {
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
