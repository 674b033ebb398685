import { validateExecuted } from "../../../kernel/runner/validate-executed";
import { code, notebook } from "./support";

describe("validateExecuted", () => {
  it("accepts a valid executed notebook", () => {
    const nb = notebook(code("a", "1"));
    nb.cells[0].outputs = [{ output_type: "stream", name: "stdout", text: "1\n" }];
    expect(validateExecuted(nb, "notebooks/x.ipynb")).toBeUndefined();
  });
  it("lists every schema error, indented under a line naming the notebook", () => {
    const nb = notebook(code("a", "1"));
    nb.cells[0].outputs = [{ output_type: "stream", text: "x" }]; // a stream needs its name
    const invalid = validateExecuted(nb, "notebooks/x.ipynb");
    const [head, ...errors] = invalid!.failure.split("\n");
    expect(head).toBe("notebooks/x.ipynb: the executed notebook is not valid nbformat 4.5:");
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line).toMatch(/^ {4}\/cells\/0[/ ]/);
  });
});
