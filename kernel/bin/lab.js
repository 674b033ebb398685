#!/usr/bin/env node
// `npm run lab`: open the notebooks in JupyterLab with the project kernel on Jupyter's search path
// (JUPYTER_PATH=<repo>/kernel/jupyter, no global `tslab install`). Falls back to the classic
// notebook when only that is installed; prints how to install Jupyter when neither is.
//
//   npm run lab                      # JupyterLab (or the classic notebook) on notebooks/
//   npm run lab -- --print-command   # print what would run, and exit (used by the tests)
//   npm run lab -- <extra args>      # passed on to Jupyter (e.g. --port 8890 --no-browser)
const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");
const { ensureBuilt } = require("./build-if-stale.js");
const { installKernelSpec, jupyterPath } = require("./install-kernelspec.js");

const root = path.resolve(__dirname, "..", "..");

/** The first executable called `name` on PATH, or null. */
function onPath(name, envPath) {
  for (const dir of (envPath || "").split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Which Jupyter front end to start: JupyterLab first, then the classic notebook.
 * @returns {{ name: string, command: string, args: string[] } | null}
 */
function findFrontEnd(envPath) {
  const lab = onPath("jupyter-lab", envPath);
  if (lab) return { name: "JupyterLab", command: lab, args: [] };
  const classic = onPath("jupyter-notebook", envPath);
  if (classic) return { name: "the classic Jupyter Notebook", command: classic, args: [] };
  return null;
}

const INSTALL_HINT = `npm run lab: no Jupyter found on PATH (looked for jupyter-lab, then jupyter-notebook).
Install one of them, then run \`npm run lab\` again:
  - JupyterLab:            pipx install jupyterlab   (or: pip install --user jupyterlab)
  - the classic notebook:  sudo apt-get install jupyter-notebook   (Debian/Ubuntu)
The notebooks also run without Jupyter: \`npm run notebooks\` executes them all headlessly.
`;

function main(argv) {
  const printOnly = argv.includes("--print-command");
  const extra = argv.filter((a) => a !== "--print-command");
  const env = { ...process.env };
  const front = findFrontEnd(env.PATH);
  if (!front) {
    process.stderr.write(INSTALL_HINT);
    return 1;
  }
  ensureBuilt();
  installKernelSpec();
  env.JUPYTER_PATH = [jupyterPath, env.JUPYTER_PATH].filter(Boolean).join(path.delimiter);
  const args = [...front.args, `--notebook-dir=${path.join(root, "notebooks")}`, ...extra];
  const line = `JUPYTER_PATH=${env.JUPYTER_PATH} ${front.command} ${args.join(" ")}`;
  if (printOnly) {
    process.stdout.write(`${front.name}: ${line}\n`);
    return 0;
  }
  process.stdout.write(
    `Starting ${front.name} with the itolab kernel (TypeScript (itolab)):\n  ${line}\n`,
  );
  const child = spawn(front.command, args, { env, stdio: "inherit" });
  child.on("error", (err) => {
    process.stderr.write(`npm run lab: could not start ${front.command}: ${err.message}\n`);
    process.exit(1);
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  return null;
}

module.exports = { findFrontEnd, INSTALL_HINT };

if (require.main === module) {
  const code = main(process.argv.slice(2));
  if (code !== null) process.exit(code);
}
