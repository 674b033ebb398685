/**
 * Step 7 of a run: write the executed notebook to the build folder, and replace the source
 * notebook (atomically: a temporary file, then a rename) only with `inplace` and only when the
 * run passed.
 */
import path from "path";
import { Notebook, writeNotebook } from "./notebook-file";
import { repoRoot } from "./paths";

/** Where executed notebooks go unless told otherwise: `<repo>/build/notebooks`. */
export function defaultOutDir(): string {
  return path.join(repoRoot(), "build", "notebooks");
}

/**
 * @param file the source notebook
 * @param nb the executed notebook
 * @param options `outDir` (the build folder), `inplace` and whether the run `passed`
 * @returns the path of the executed copy, `<outDir>/<file's name>`
 */
export function writeExecuted(
  file: string,
  nb: Notebook,
  { outDir, inplace = false, passed }: { outDir: string; inplace?: boolean; passed: boolean },
): string {
  const outputPath = path.join(outDir, path.basename(file));
  writeNotebook(outputPath, nb);
  if (passed && inplace) writeNotebook(file, nb);
  return outputPath;
}
