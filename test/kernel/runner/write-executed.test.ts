import fs from "fs";
import os from "os";
import path from "path";
import { readNotebook, writeNotebook } from "../../../kernel/runner/notebook-file";
import { defaultOutDir, writeExecuted } from "../../../kernel/runner/write-executed";
import { code, notebook, root } from "./support";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "itolab-write-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A source notebook on disk, and its executed version in memory. */
function setUp(name: string) {
  const file = path.join(dir, "src", name);
  writeNotebook(file, notebook(code("a", "1")));
  const source = fs.readFileSync(file, "utf8");
  const executed = notebook(code("a", "1"));
  executed.cells[0].outputs = [{ output_type: "stream", name: "stdout", text: "1\n" }];
  executed.cells[0].execution_count = 1;
  return { file, source, executed, outDir: path.join(dir, "build") };
}

describe("writeExecuted", () => {
  it("writes the executed copy to <outDir>/<name> and leaves the source alone", () => {
    const { file, source, executed, outDir } = setUp("a.ipynb");
    const out = writeExecuted(file, executed, { outDir, passed: true });
    expect(out).toBe(path.join(outDir, "a.ipynb"));
    expect(readNotebook(out).cells[0].execution_count).toBe(1);
    expect(fs.readFileSync(file, "utf8")).toBe(source);
  });
  it("with inplace, replaces the source after a successful run, leaving no temporary file", () => {
    const { file, executed, outDir } = setUp("b.ipynb");
    writeExecuted(file, executed, { outDir, inplace: true, passed: true });
    expect(fs.readFileSync(file, "utf8")).toBe(
      fs.readFileSync(path.join(outDir, "b.ipynb"), "utf8"),
    );
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
  it("with inplace, never touches the source of a failed run (its executed copy is still written)", () => {
    const { file, source, executed, outDir } = setUp("c.ipynb");
    const out = writeExecuted(file, executed, { outDir, inplace: true, passed: false });
    expect(fs.readFileSync(file, "utf8")).toBe(source);
    expect(fs.existsSync(out)).toBe(true);
  });
  it("defaults to build/notebooks in the repository", () => {
    expect(defaultOutDir()).toBe(path.join(root, "build", "notebooks"));
  });
});
