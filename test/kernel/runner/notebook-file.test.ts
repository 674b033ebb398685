import fs from "fs";
import os from "os";
import path from "path";
import {
  NotebookFileError,
  readNotebook,
  toLines,
  validateNotebook,
  writeNotebook,
} from "../../../kernel/runner/notebook-file";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "itolab-nbfile-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, content: unknown) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content));
  return file;
};
const minimal = (cells: unknown[]) => ({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells });

describe("readNotebook", () => {
  it("joins sources and gives cells without ids stable, distinct ids (nbformat 4.5)", () => {
    const file = write(
      "a.ipynb",
      minimal([
        { cell_type: "markdown", metadata: {}, source: ["# T\n", "x"] },
        {
          cell_type: "code",
          metadata: {},
          source: "1",
          outputs: [],
          execution_count: null,
          id: "keep",
        },
        {
          cell_type: "code",
          metadata: {},
          source: "2",
          outputs: [],
          execution_count: null,
          id: "keep",
        },
      ]),
    );
    const nb = readNotebook(file);
    expect(nb.cells[0].source).toBe("# T\nx");
    expect(nb.cells[1].id).toBe("keep");
    expect(nb.cells[2].id).not.toBe("keep"); // a duplicate id is replaced
    expect(readNotebook(file).cells.map((c) => c.id)).toEqual(nb.cells.map((c) => c.id));
    expect(nb.nbformat_minor).toBe(5);
    expect(validateNotebook(nb)).toEqual([]);
  });
  it.each([
    ["bad.ipynb", '{\n "cells": [,]\n}', /bad\.ipynb: not valid JSON \(line 2, column 12\)/],
    [
      "nocells.ipynb",
      { nbformat: 4 },
      /nocells\.ipynb: not a Jupyter notebook \(no "cells" array\)/,
    ],
    ["v3.ipynb", { nbformat: 3, cells: [] }, /v3\.ipynb: nbformat 3 is not supported \(need 4\)/],
    [
      "kind.ipynb",
      minimal([{ cell_type: "python", source: "" }]),
      /kind\.ipynb: cell 1 has unknown cell_type "python"/,
    ],
  ])("rejects %s with a message naming the file", (name, content, message) => {
    const file = write(name, content);
    expect(() => readNotebook(file)).toThrow(NotebookFileError);
    expect(() => readNotebook(file)).toThrow(message);
  });
  it("names a missing file", () => {
    expect(() => readNotebook(path.join(dir, "none.ipynb"))).toThrow(/none\.ipynb: cannot read/);
  });
});

describe("validateNotebook and writeNotebook", () => {
  it("rejects an output that nbformat 4.5 does not allow", () => {
    const nb = readNotebook(
      write(
        "o.ipynb",
        minimal([
          { cell_type: "code", metadata: {}, source: "", outputs: [], execution_count: null },
        ]),
      ),
    );
    nb.cells[0].outputs = [{ output_type: "stream", text: "x" }]; // a stream needs its name
    expect(validateNotebook(nb).length).toBeGreaterThan(0);
  });
  it("writes lines as lists, JSON mime data as objects, keys sorted, no temporary file left", () => {
    const file = write(
      "w.ipynb",
      minimal([
        {
          cell_type: "code",
          metadata: {},
          source: "a\nb",
          outputs: [],
          execution_count: null,
          id: "c1",
        },
      ]),
    );
    const nb = readNotebook(file);
    nb.cells[0].outputs = [
      {
        output_type: "display_data",
        metadata: {},
        data: { "application/json": { b: 1, a: [1, 2] }, "text/plain": "x\ny" },
      },
    ];
    writeNotebook(file, nb);
    const disk = JSON.parse(fs.readFileSync(file, "utf8"));
    expect(disk.cells[0].source).toEqual(["a\n", "b"]);
    expect(disk.cells[0].outputs[0].data).toEqual({
      "application/json": { a: [1, 2], b: 1 },
      "text/plain": ["x\n", "y"],
    });
    expect(Object.keys(disk)).toEqual(["cells", "metadata", "nbformat", "nbformat_minor"]);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
  it("toLines keeps line endings", () => {
    expect(toLines("a\nb\n")).toEqual(["a\n", "b\n"]);
    expect(toLines("")).toEqual([]);
  });
});
