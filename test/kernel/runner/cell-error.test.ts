import { offendingLine, parseCellError } from "../../../kernel/runner/cell-error";

// What tslab 1.0.22 prints on stderr, copied from real runs of the fixture notebooks.
const THROWN = [
  "evalmachine.<anonymous>:6",
  "throw new Error(`x is ${exports.x}, expected 3`);",
  "^",
  "",
  "Error: x is 2, expected 3",
  "    at evalmachine.<anonymous>:6:7",
  "    at evalmachine.<anonymous>:8:3",
  "    at Script.runInThisContext (node:vm:137:12)",
].join("\n");
const SOURCE =
  "const half = (v: number) => v / 2;\n\nhalf(x);\nthrow new Error(`x is ${x}, expected 3`);";

describe("parseCellError", () => {
  it("splits a runtime error into name, message and a traceback without tslab's frames", () => {
    const e = parseCellError(THROWN);
    expect(e).toMatchObject({ output_type: "error", ename: "Error", evalue: "x is 2, expected 3" });
    expect(e.traceback).not.toContain("    at Script.runInThisContext (node:vm:137:12)");
    expect(e.traceback).toContain("    at evalmachine.<anonymous>:6:7");
  });
  it("reports compile diagnostics as a CompileError", () => {
    const e = parseCellError("2:7 - Type 'string' is not assignable to type 'number'.\n");
    expect(e.ename).toBe("CompileError");
    expect(e.evalue).toBe("2:7 - Type 'string' is not assignable to type 'number'.");
  });
  it("keeps multi-line messages and errors thrown from library code", () => {
    const e = parseCellError(
      "RangeError: f: n must be positive, got 0\n    at f (/x/dist/src/f.js:3:9)\n    at evalmachine.<anonymous>:4:1",
    );
    expect([e.ename, e.evalue]).toEqual(["RangeError", "f: n must be positive, got 0"]);
  });
});

describe("offendingLine", () => {
  it("finds a top-level throw through tslab's `exports.` rewriting", () => {
    expect(offendingLine(THROWN, SOURCE)).toBe(4);
  });
  it("takes a diagnostic's line number", () => {
    expect(offendingLine("3:1 - Cannot find name 'y'.", "a\nb\nc")).toBe(3);
  });
  it("finds the cell's call into a library function from the stack", () => {
    const text =
      "RangeError: f: bad\n    at f (/x/dist/src/f.js:3:9)\n    at evalmachine.<anonymous>:4:1";
    expect(offendingLine(text, "const a = 1;\nconst b = 2;\n\nf(a, b);")).toBe(4);
  });
  it("returns null when nothing in the source matches", () => {
    expect(offendingLine("Error: x\n    at g (/x/g.js:1:1)", "const a = 1;")).toBeNull();
  });
});
