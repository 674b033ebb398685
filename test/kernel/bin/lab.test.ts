import { spawnSync } from "child_process";
import path from "path";

const root = path.resolve(__dirname, "..", "..", "..");
const LAB = path.join(root, "kernel", "bin", "lab.js");
const run = (args: string[], env: NodeJS.ProcessEnv) =>
  spawnSync(process.execPath, [LAB, ...args], { cwd: root, env, encoding: "utf8" });

describe("npm run lab", () => {
  it("without Jupyter on PATH, prints how to install it and exits 1 (no stack trace)", () => {
    const res = run([], { PATH: path.join(root, "no-such-dir") });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("npm run lab: no Jupyter found on PATH");
    expect(res.stderr).toContain("apt-get install jupyter-notebook");
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
  it("puts the project kernelspec on JUPYTER_PATH and opens notebooks/", () => {
    const res = run(["--print-command"], process.env);
    // Debian CI has the classic notebook; a developer machine may have JupyterLab
    if (res.status === 1) {
      expect(res.stderr).toContain("no Jupyter found");
      return;
    }
    expect(res.status).toBe(0);
    expect(res.stdout).toContain(`JUPYTER_PATH=${path.join(root, "kernel", "jupyter")}`);
    expect(res.stdout).toContain(`--notebook-dir=${path.join(root, "notebooks")}`);
    expect(res.stdout).toMatch(/^(JupyterLab|the classic Jupyter Notebook): /);
  });
});
