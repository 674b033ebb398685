/**
 * A second, independent client: every notebook executed by stock Jupyter (Debian's nbconvert and
 * nbclient, `/usr/bin/python3 -m nbconvert --execute`) through the project kernelspec, found on
 * JUPYTER_PATH exactly as `npm run lab` finds it. nbclient fails a notebook when a cell's
 * execute_reply has status "error", which is how tslab reports a thrown error or failed check.
 * On CI (CI=true) a missing nbconvert fails the test; elsewhere it is skipped with the reason.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt } = require("../../kernel/bin/build-if-stale.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { installKernelSpec, jupyterPath } = require("../../kernel/bin/install-kernelspec.js");

const root = path.resolve(__dirname, "..", "..");
const PYTHON = "/usr/bin/python3";
const outDir = path.join(root, "build", "nbconvert");
const hasNbconvert =
  fs.existsSync(PYTHON) &&
  spawnSync(PYTHON, ["-c", "import nbconvert, nbclient"], { encoding: "utf8" }).status === 0;
const notebooks = fs
  .readdirSync(path.join(root, "notebooks"))
  .filter((f) => f.endsWith(".ipynb"))
  .sort();

function nbconvert(file: string, out: string) {
  return spawnSync(
    PYTHON,
    [
      "-m",
      "nbconvert",
      "--to",
      "notebook",
      "--execute",
      "--ExecutePreprocessor.kernel_name=itolab",
      "--ExecutePreprocessor.timeout=600",
      "--output-dir",
      out,
      file,
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, JUPYTER_PATH: jupyterPath },
      timeout: 300_000,
    },
  );
}

if (!hasNbconvert && process.env.CI !== "true") {
  it.skip("nbconvert is not installed (apt-get install python3-nbconvert python3-nbclient jupyter-notebook)", () =>
    undefined);
} else {
  beforeAll(() => {
    ensureBuilt({ quiet: true });
    installKernelSpec();
  }, 120_000);

  it("nbconvert and nbclient are installed (CI installs them with apt-get)", () => {
    expect(hasNbconvert).toBe(true);
  });

  it("stock Jupyter reports a failing cell as a failure (the fixture's error fails nbconvert)", () => {
    const res = nbconvert(
      path.join(root, "test", "fixtures", "notebooks", "failing-cell.ipynb"),
      path.join(outDir, "fixtures"),
    );
    expect(res.status).not.toBe(0);
    // tslab's execute_reply carries no ename/evalue (the error text went to stderr), so nbclient
    // names the failing cell by its source
    expect(res.stderr).toContain("CellExecutionError");
    expect(res.stderr).toContain("throw new Error(`x is ${x}, expected 3`);");
  }, 300_000);

  describe.each(notebooks)("%s", (name) => {
    it("executes in stock Jupyter through the project kernelspec", () => {
      const res = nbconvert(path.join(root, "notebooks", name), outDir);
      if (res.status !== 0)
        throw new Error(`nbconvert failed on notebooks/${name}:\n${res.stderr.slice(-4000)}`);
      // Every code cell ran and left its outputs. (Execution counts stay null: nbclient 0.7 takes
      // them from execute_input messages, which tslab does not send.)
      const nb = JSON.parse(fs.readFileSync(path.join(outDir, name), "utf8"));
      type Out = { output_type: string; text?: string[]; data?: Record<string, unknown> };
      const outputs: Out[] = nb.cells.flatMap((c: { outputs?: Out[] }) => c.outputs ?? []);
      const source = nb.cells.map((c: { source: string[] }) => c.source.join("")).join("\n");
      const shows = (source.match(/\bshow\(/g) ?? []).length;
      const plots = outputs.filter(
        (o) => typeof o.data?.["application/vnd.plotly.v1+json"] === "object",
      );
      expect(plots.length).toBeGreaterThanOrEqual(shows); // a show() in a loop draws several
      const checks = outputs.filter(
        (o) => o.output_type === "stream" && (o.text ?? []).some((l) => l.startsWith("✓ ")),
      );
      expect(checks.length).toBeGreaterThan(0);
      expect(outputs.filter((o) => o.output_type === "error")).toEqual([]);
    }, 300_000);
  });
}
