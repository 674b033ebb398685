/**
 * An executed copy of a lecture for building its page outside `npm run notes` (the live tests,
 * the README's pictures): `build/notebooks/<stem>.ipynb` when its source matches the notebook,
 * else the notebook run now through the kernel into `outDir`.
 */
import fs from "fs";
import path from "path";
import { assertSameSource, readLecture } from "../lecture";
import { formatResult, runNotebooks } from "../../runner/run-many";

/**
 * @param root the repository
 * @param stem the lecture, e.g. "02-simulating-sdes"
 * @param outDir where a fresh run is written when build/notebooks/ holds no current copy
 * @returns the executed notebook's path; throws with the run's report when it failed
 */
export async function executedLecture(root: string, stem: string, outDir: string): Promise<string> {
  const source = path.join(root, "notebooks", `${stem}.ipynb`);
  const shared = path.join(root, "build", "notebooks", `${stem}.ipynb`);
  if (fs.existsSync(shared)) {
    try {
      assertSameSource(readLecture(shared), source);
      return shared;
    } catch {
      // stale: run it again below
    }
  }
  const [result] = await runNotebooks([source], { outDir });
  if (!result.passed) throw new Error(`${stem} failed:\n${formatResult(result)}`);
  return result.outputPath ?? "";
}
