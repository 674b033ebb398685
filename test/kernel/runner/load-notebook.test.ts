import fs from "fs";
import os from "os";
import path from "path";
import { loadNotebook } from "../../../kernel/runner/load-notebook";
import { fixture } from "./support";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "itolab-load-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("loadNotebook", () => {
  it("returns the parsed notebook", () => {
    const loaded = loadNotebook(fixture("passing"), "shown/passing.ipynb");
    expect("nb" in loaded && loaded.nb.cells.map((c) => c.id)[1]).toBe("passin-1");
  });
  it("names a malformed notebook by its display path, with line and column", () => {
    expect(loadNotebook(fixture("malformed"), "notebooks/m.ipynb")).toEqual({
      failure: expect.stringMatching(
        /^notebooks\/m\.ipynb: not valid JSON \(line 5, column 40\): /,
      ),
    });
  });
  it("names a missing file by its display path, keeping the system's reason", () => {
    const file = path.join(dir, "none.ipynb");
    expect(loadNotebook(file, "notebooks/none.ipynb")).toEqual({
      failure: `notebooks/none.ipynb: cannot read: ENOENT: no such file or directory, open '${file}'`,
    });
  });
  it("names a notebook of the wrong format by its display path", () => {
    const file = path.join(dir, "v3.ipynb");
    fs.writeFileSync(file, JSON.stringify({ nbformat: 3, cells: [] }));
    expect(loadNotebook(file, "v3.ipynb")).toEqual({
      failure: "v3.ipynb: nbformat 3 is not supported (need 4)",
    });
  });
});
