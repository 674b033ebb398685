/** Step 1 of a run: read and parse the notebook, reporting a bad file by its display path. */
import { Notebook, NotebookFileError, readNotebook } from "./notebook-file";
import { StepFailure } from "./run-types";

/**
 * Read a notebook. An unreadable, malformed or non-nbformat-4 file is a failure whose message
 * names `displayPath` instead of `file`; any other error is thrown.
 * @param file path of the .ipynb file
 * @param displayPath how reports name it, e.g. `notebooks/00-brownian-motion.ipynb`
 */
export function loadNotebook(file: string, displayPath: string): { nb: Notebook } | StepFailure {
  try {
    return { nb: readNotebook(file) };
  } catch (err) {
    if (err instanceof NotebookFileError) {
      return { failure: err.message.replace(file, displayPath) };
    }
    throw err;
  }
}
