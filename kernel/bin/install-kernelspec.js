#!/usr/bin/env node
// Writes the project kernelspec `itolab` to kernel/jupyter/kernels/itolab/kernel.json, so that
// Jupyter finds the kernel with JUPYTER_PATH=<repo>/kernel/jupyter (what `npm run lab` and the
// CI's nbconvert run set) and no global `tslab install`. The spec names this machine's node binary
// by absolute path and the project's launcher, so nothing depends on PATH. Run by `npm ci`
// (prepare → build) and again by the runner and `npm run lab` when it is missing or stale.
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const jupyterPath = path.join(root, "kernel", "jupyter");
const specDir = path.join(jupyterPath, "kernels", "itolab");
const KERNEL_NAME = "itolab";

function kernelSpec() {
  return {
    argv: [process.execPath, path.join(root, "kernel", "launch.js"), "{connection_file}"],
    display_name: "TypeScript (itolab)",
    language: "typescript",
    interrupt_mode: "signal",
    env: {},
    metadata: { itolab: { root } },
  };
}

/** Write the kernelspec when absent or different; returns the kernelspec folder. */
function installKernelSpec() {
  const file = path.join(specDir, "kernel.json");
  const text = JSON.stringify(kernelSpec(), null, 2) + "\n";
  if (!fs.existsSync(file) || fs.readFileSync(file, "utf8") !== text) {
    fs.mkdirSync(specDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  }
  return specDir;
}

module.exports = { installKernelSpec, kernelSpec, jupyterPath, specDir, KERNEL_NAME };

if (require.main === module) {
  installKernelSpec();
}
