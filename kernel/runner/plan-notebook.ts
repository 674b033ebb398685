/**
 * Step 2 of a run, before any kernel starts: apply the source transform (if any) to every code
 * cell, parse every code cell's directives (a typo fails fast, naming its cell), and only then
 * clear the code cells' outputs and execution counts.
 */
import { DirectiveError, parseDirectives } from "./directives";
import { Notebook } from "./notebook-file";
import { cellLabel } from "./report-text";
import { CellPlan, SourceTransform, StepFailure } from "./run-types";

/**
 * Plan a run of `nb`'s code cells. On success the notebook's code cells hold the source that will
 * run, no outputs and a null execution count; on failure the notebook is left untouched.
 * @param nb the notebook as loaded
 * @param displayPath how reports name the notebook
 * @param transformSource rewrites each code cell's source before its directives are read
 * @returns one CellPlan per code cell, in notebook order, or the first failure
 */
export function planNotebook(
  nb: Notebook,
  displayPath: string,
  transformSource?: SourceTransform,
): { cells: CellPlan[] } | StepFailure {
  const cells: CellPlan[] = [];
  const sources: string[] = [];
  for (const [index, cell] of nb.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const label = cellLabel(displayPath, cell, index);
    let source: string;
    try {
      source = transformSource ? transformSource(cell, index) : cell.source;
    } catch (err) {
      return { failure: `${label}: ${err instanceof Error ? err.message : String(err)}` };
    }
    try {
      cells.push({ index, cell, directives: parseDirectives(source).directives, label });
    } catch (err) {
      if (err instanceof DirectiveError) return { failure: `${label}: ${err.message}` };
      throw err;
    }
    sources.push(source);
  }
  cells.forEach(({ cell }, i) => {
    cell.source = sources[i];
    cell.outputs = [];
    cell.execution_count = null;
  });
  return { cells };
}
