/** The course's executed notebooks for the notes tests (not a test file). */
import fs from "fs";
import os from "os";
import path from "path";
import { assertSameSource, Lecture, readLecture } from "../../../kernel/notes/lecture";
import { collectNotebooks, formatResult, runNotebooks } from "../../../kernel/runner/run-many";
import { root } from "./support";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt } = require("../../../kernel/bin/build-if-stale.js");

export const executedDir = path.join(root, "build", "notebooks");

/** The executed copy of `source`, when it matches the source and is newer than the library. */
function current(source: string): Lecture | null {
  const executed = path.join(executedDir, path.basename(source));
  const stamp = path.join(root, "dist", ".build-stamp");
  if (!fs.existsSync(executed) || !fs.existsSync(stamp)) return null;
  if (fs.statSync(executed).mtimeMs < fs.statSync(stamp).mtimeMs) return null;
  try {
    const lecture = readLecture(executed, path.basename(source));
    assertSameSource(lecture, source);
    return lecture;
  } catch {
    return null;
  }
}

/**
 * Every notebook of notebooks/ as an executed lecture: copies in build/notebooks/ (what
 * `npm run notebooks` and test/notebooks.test.ts write) are reused while current; the others are
 * executed by the runner first. Throws the runner's report when a notebook fails.
 * @param count only the first `count` notebooks (default all)
 */
export async function executedCourse(count = Infinity): Promise<Lecture[]> {
  ensureBuilt({ quiet: true });
  const sources = collectNotebooks([path.join(root, "notebooks")]).slice(0, count);
  const stale = sources.filter((s) => current(s) === null);
  const results = await runNotebooks(stale, { outDir: executedDir, jobs: os.cpus().length });
  const failed = results.filter((r) => !r.passed);
  if (failed.length) throw new Error(`notebooks failed:\n${failed.map(formatResult).join("\n")}`);
  return sources.map((s) =>
    readLecture(path.join(executedDir, path.basename(s)), path.basename(s)),
  );
}
