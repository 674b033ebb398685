import { planNotebook } from "../../../kernel/runner/plan-notebook";
import type { Cell } from "../../../kernel/runner/notebook-file";
import { code, markdown, notebook } from "./support";

const PATH = "notebooks/x.ipynb";

describe("planNotebook", () => {
  it("plans the code cells in order, with their directives, 0-based index and report label", () => {
    const nb = notebook(
      markdown("m0", "# Title"),
      code("c1", "//| skip: slow\nwhile (true) {}"),
      code("c2", "//| raises: RangeError\nthrow new RangeError('x');"),
      code("c3", "//| hide\n1"),
    );
    const plan = planNotebook(nb, PATH);
    expect("cells" in plan && plan.cells).toEqual([
      {
        index: 1,
        cell: nb.cells[1],
        directives: { skip: "slow" },
        label: `${PATH}, cell 2 (id c1)`,
      },
      {
        index: 2,
        cell: nb.cells[2],
        directives: { raises: "RangeError" },
        label: `${PATH}, cell 3 (id c2)`,
      },
      { index: 3, cell: nb.cells[3], directives: { hide: true }, label: `${PATH}, cell 4 (id c3)` },
    ]);
  });
  it("clears the code cells' outputs and execution counts, and leaves markdown alone", () => {
    const nb = notebook(markdown("m0", "# T"), code("c1", "1"));
    planNotebook(nb, PATH);
    expect(nb.cells[1]).toMatchObject({ outputs: [], execution_count: null, source: "1" });
    expect(nb.cells[0]).toEqual(markdown("m0", "# T"));
  });
  it("fails at the first bad directive, naming the cell, and leaves the notebook untouched", () => {
    const nb = notebook(code("c0", "1"), code("c1", "//| hidden\n2"), code("c2", "//| nope"));
    expect(planNotebook(nb, PATH)).toEqual({
      failure: `${PATH}, cell 2 (id c1): unknown directive "hidden" (known: skip, raises, hide, long, lab)`,
    });
    expect(nb.cells[0]).toEqual(code("c0", "1"));
  });
});

describe("planNotebook with a source transform (the seam for --solutions and seed calibration)", () => {
  it("runs the transformed source: it replaces the cell's source and its directives are read from it", () => {
    const nb = notebook(
      markdown("m0", "# T"),
      code("seed", "const seed = 1;"),
      code("lab", "//| raises: NotImplementedError\nstub();"),
    );
    const calls: [string, number][] = [];
    const transform = (cell: Readonly<Cell>, index: number) => {
      calls.push([cell.id!, index]);
      if (cell.id === "seed") return "const seed = 42;";
      if (cell.id === "lab") return "//| hide\nsolution();";
      return cell.source;
    };
    const plan = planNotebook(nb, PATH, transform);
    expect(calls).toEqual([
      ["seed", 1],
      ["lab", 2],
    ]); // code cells only, with their position among all cells
    expect(nb.cells.map((c) => c.source)).toEqual([
      "# T",
      "const seed = 42;",
      "//| hide\nsolution();",
    ]);
    expect("cells" in plan && plan.cells.map((c) => c.directives)).toEqual([{}, { hide: true }]);
  });
  it("sees every cell's original source: nothing is rewritten until all cells are planned", () => {
    const nb = notebook(code("a", "1"), code("b", "2"));
    const seen: string[] = [];
    planNotebook(nb, PATH, (cell) => {
      seen.push(nb.cells.map((c) => c.source).join(","));
      return cell.source + "0";
    });
    expect(seen).toEqual(["1,2", "1,2"]);
    expect(nb.cells.map((c) => c.source)).toEqual(["10", "20"]);
  });
  it("reports a transform that throws as a failure of that cell, before any kernel starts", () => {
    const nb = notebook(code("c0", "1"), code("lab-3", "stub();"));
    const plan = planNotebook(nb, PATH, (cell) => {
      if (cell.id === "lab-3") throw new Error("no reference solution for stub()");
      return cell.source;
    });
    expect(plan).toEqual({
      failure: `${PATH}, cell 2 (id lab-3): no reference solution for stub()`,
    });
    expect(nb.cells[0].source).toBe("1");
  });
  it("reports a directive that the transformed source gets wrong", () => {
    const nb = notebook(code("c0", "1"));
    expect(planNotebook(nb, PATH, () => "//| skip")).toEqual({
      failure: `${PATH}, cell 1 (id c0): "//| skip" needs a reason: //| skip: <why>`,
    });
  });
});
