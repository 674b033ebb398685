/** Step 6 of a run: the executed notebook must be valid nbformat 4.5 before it is written. */
import { Notebook, validateNotebook } from "./notebook-file";
import { indent } from "./report-text";
import { StepFailure } from "./run-types";

/**
 * Check the executed notebook against the nbformat 4.5 schema.
 * @param displayPath how reports name the notebook
 * @returns undefined when valid, else a failure listing every schema error, one per line
 */
export function validateExecuted(nb: Notebook, displayPath: string): StepFailure | undefined {
  const errors = validateNotebook(nb);
  if (errors.length === 0) return undefined;
  return {
    failure: `${displayPath}: the executed notebook is not valid nbformat 4.5:\n${indent(errors.join("\n"))}`,
  };
}
