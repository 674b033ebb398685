import { planNotebook } from "../../../kernel/runner/plan-notebook";
import { runCells } from "../../../kernel/runner/run-cells";
import type { CellExecution, CellOutcome, CellPlan } from "../../../kernel/runner/run-types";
import { code, markdown, notebook } from "./support";

const PATH = "notebooks/x.ipynb";
const planOf = (...cells: Parameters<typeof notebook>): CellPlan[] => {
  const plan = planNotebook(notebook(...cells), PATH);
  if ("failure" in plan) throw new Error(plan.failure);
  return plan.cells;
};

/** A fake kernel: answers each cell by the outcome its source names, and records what ran. */
function fakeKernel(outcomes: Record<string, CellOutcome> = {}) {
  const ran: { source: string; at: number }[] = [];
  let count = 0;
  const execute = async (source: string): Promise<CellExecution> => {
    ran.push({ source, at: Date.now() });
    const outcome = outcomes[source] ?? { kind: "ok" };
    const text = `ran ${source}\n`;
    return {
      outcome,
      outputs: [{ output_type: "stream", name: "stdout", text }],
      executionCount: ++count,
      ms: 1,
    };
  };
  return { ran, execute };
}
const boom: CellOutcome = { kind: "error", text: "Error: boom" };

describe("runCells", () => {
  it("runs every code cell in order and stores its outputs and execution count", async () => {
    const cells = planOf(markdown("m", "# T"), code("a", "1"), code("b", "2"));
    const { ran, execute } = fakeKernel();
    const run = await runCells(cells, execute, 0);
    expect(ran.map((r) => r.source)).toEqual(["1", "2"]);
    expect(run).toEqual({
      cells: [
        { index: 2, id: "a", status: "passed", ms: 1 },
        { index: 3, id: "b", status: "passed", ms: 1 },
      ],
    });
    expect(cells.map((c) => [c.cell.execution_count, c.cell.outputs])).toEqual([
      [1, [{ output_type: "stream", name: "stdout", text: "ran 1\n" }]],
      [2, [{ output_type: "stream", name: "stdout", text: "ran 2\n" }]],
    ]);
  });
  it("does not run a `//| skip` cell, which keeps no outputs and no count", async () => {
    const cells = planOf(code("a", "//| skip: slow\n1"), code("b", "2"));
    const { ran, execute } = fakeKernel();
    const run = await runCells(cells, execute, 0);
    expect(ran.map((r) => r.source)).toEqual(["2"]);
    expect(run.cells[0]).toEqual({ index: 1, id: "a", status: "skipped", detail: "slow" });
    expect([cells[0].cell.outputs, cells[0].cell.execution_count]).toEqual([[], null]);
  });
  it("stops at the first failure: later cells are not run, and its report is the notebook's", async () => {
    const cells = planOf(
      code("a", "1"),
      code("b", "2"),
      code("c", "//| skip: x\n3"),
      code("d", "4"),
    );
    const { ran, execute } = fakeKernel({ "2": boom });
    const run = await runCells(cells, execute, 0);
    expect(ran.map((r) => r.source)).toEqual(["1", "2"]);
    expect(run.cells.map((c) => c.status)).toEqual(["passed", "failed", "not-run", "not-run"]);
    expect(run.failure).toBe(`${PATH}, cell 2 (id b): Error: boom`);
  });
  it("waits afterErrorMs before the request that follows an error (expected or not), only then", async () => {
    const AFTER_ERROR_MS = 80;
    const cells = planOf(
      code("a", "//| raises: Error\n1"),
      code("s", "//| skip: x\n9"),
      code("b", "2"),
      code("c", "3"),
    );
    const { ran, execute } = fakeKernel({ "//| raises: Error\n1": boom });
    const run = await runCells(cells, execute, AFTER_ERROR_MS);
    expect(run.cells.map((c) => c.status)).toEqual(["raised", "skipped", "passed", "passed"]);
    // timers may fire up to 1 ms early; the skipped cell in between does not reset the wait
    expect(ran[1].at - ran[0].at).toBeGreaterThanOrEqual(AFTER_ERROR_MS - 1);
    expect(ran[2].at - ran[1].at).toBeLessThan(AFTER_ERROR_MS);
  });
  it("executes the source a transform produced (the --solutions / calibration seam)", async () => {
    const nb = notebook(code("seed", "const seed = 1;"), code("lab", "stub();"));
    const plan = planNotebook(nb, PATH, (cell) =>
      cell.id === "seed" ? "const seed = 42;" : "solution();",
    );
    if ("failure" in plan) throw new Error(plan.failure);
    const { ran, execute } = fakeKernel();
    await runCells(plan.cells, execute, 0);
    expect(ran.map((r) => r.source)).toEqual(["const seed = 42;", "solution();"]);
  });
});
