/** Reading executed notebooks: directives, check summary, and errors that name file and cell. */
import fs from "fs";
import path from "path";
import { NotesError } from "../../../kernel/notes/errors";
import { assertSameSource, readLecture } from "../../../kernel/notes/lecture";
import { code, lecture, md, stdout, tempDir, TITLE, writeNotebook } from "./support";

const error = (ename: string, evalue: string) => ({
  output_type: "error",
  ename,
  evalue,
  traceback: [`\u001b[31m${ename}\u001b[0m: ${evalue}`],
});

describe("readLecture", () => {
  it("counts evidence lines, expected errors and skipped cells; strips directive lines", () => {
    const l = lecture("07-x", [
      TITLE,
      code("c-1", "//| hide\nconst a = 1;", [
        stdout("✓ a: 1 vs 1 within 0\nnot a check ✓ \n✓ b: ok\n"),
      ]),
      code("c-2", "//| raises: RangeError\nf(-1);", [
        error("RangeError", "f: x must be ≥ 0, got -1"),
      ]),
      code("c-3", "//| skip: needs a GPU\nslow();", [], null),
    ]);
    expect(l.summary).toEqual({
      checks: 2,
      raised: 1,
      skipped: [{ index: 4, id: "c-3", reason: "needs a GPU" }],
    });
    expect(l.stem).toBe("07-x");
    expect(l.cells[1].source).toBe("const a = 1;");
    expect(l.cells[1].directives).toEqual({ hide: true });
    expect(l.cells[1].raw).toBe("//| hide\nconst a = 1;");
  });

  it.each([
    [
      "a cell that was not run",
      [code("c-1", "x;", [], null)],
      /07-x\.ipynb, cell 2 \(id c-1\): was not executed/,
    ],
    [
      "an error no directive expects",
      [code("c-1", "x;", [error("CheckError", "✗ Var(W_1): 2 vs 1")])],
      /07-x\.ipynb, cell 2 \(id c-1\): failed, so the notes are not published: CheckError: ✗ Var\(W_1\): 2 vs 1/,
    ],
    [
      "an expected error that did not come",
      [code("c-1", "//| raises: TypeError\nx;", [])],
      /cell 2 \(id c-1\): should raise TypeError \(\/\/\| raises\) but raised nothing/,
    ],
    [
      "another error than the expected one",
      [code("c-1", "//| raises: TypeError\nx;", [error("RangeError", "r")])],
      /cell 2 \(id c-1\): should raise TypeError .* but raised RangeError/,
    ],
    [
      "an unknown directive",
      [code("c-1", "//| shout\nx;")],
      /cell 2 \(id c-1\): unknown directive "shout"/,
    ],
  ])("rejects %s, naming the file and cell", (_what, cells, message) => {
    expect(() => lecture("07-x", [TITLE, ...cells])).toThrow(NotesError);
    expect(() => lecture("07-x", [TITLE, ...cells])).toThrow(message);
  });

  it("rejects a malformed notebook, naming the file and the JSON position", () => {
    const dir = tempDir("malformed");
    const file = writeNotebook(dir, "bad", '{"cells": [\n  {"cell_type": "code",}\n]}');
    expect(() => readLecture(file, "bad.ipynb")).toThrow(
      /bad\.ipynb: not valid JSON \(line 2, column/,
    );
    const noCells = writeNotebook(dir, "nocells", '{"nbformat": 4}');
    expect(() => readLecture(noCells)).toThrow(/nocells\.ipynb: not a Jupyter notebook/);
  });

  it("assertSameSource accepts the executed copy of its source and rejects a stale one", () => {
    const dir = tempDir("stale");
    const src = path.join(dir, "src");
    fs.mkdirSync(src);
    const cells = [TITLE, md("m-1", "## A"), code("c-1", "const a = 1;")];
    const l = lecture("07-x", cells, dir);
    expect(() => assertSameSource(l, writeNotebook(src, "07-x", cells))).not.toThrow();
    const edited = [TITLE, md("m-1", "## A, edited"), code("c-1", "const a = 1;")];
    expect(() => assertSameSource(l, writeNotebook(src, "07-x", edited))).toThrow(
      /07-x\.ipynb: is out of date with .*07-x\.ipynb \(cell 2 differs\); run `npm run notes`/,
    );
    expect(() => assertSameSource(l, writeNotebook(src, "07-x", cells.slice(0, 2)))).toThrow(
      /\(2 cells, executed copy has 3\)/,
    );
  });
});
