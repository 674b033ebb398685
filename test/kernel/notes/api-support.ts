/**
 * The API reference of a package folder, extracted by TypeDoc in a plain Node child process (not
 * a test file): jest's sandbox cannot load TypeDoc, an ES module, so tests run the compiled
 * extractor, `node dist/kernel/notes/api-extract.js <root>`, and read the model it prints.
 */
import { execFile } from "child_process";
import path from "path";
import { ApiModel } from "../../../kernel/notes/api-model";
import { root } from "./support";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt } = require("../../../kernel/bin/build-if-stale.js");

/** The model of the package at `dir` (default: this repository). */
export function extractApiInChild(dir = root): Promise<ApiModel> {
  ensureBuilt({ quiet: true });
  const script = path.join(root, "dist", "kernel", "notes", "api-extract.js");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [script, dir],
      { cwd: dir, maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${script} ${dir} failed: ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout) as ApiModel);
      },
    );
  });
}
