/**
 * Errors of the notes exporter. Every message names where the problem is: the notebook file, and
 * the cell (1-based, markdown cells counted, as Jupyter shows them) with its id when it is a cell.
 */

export class NotesError extends Error {
  override name = "NotesError";
}

/** Where a cell is: `build/notebooks/NAME.ipynb, cell 5 (id bm-04)`. */
export function cellWhere(file: string, index: number, id: string | undefined): string {
  return `${file}, cell ${index}${id ? ` (id ${id})` : ""}`;
}

/** A NotesError `<where>: <message>`, keeping the original error as its cause. */
export function notesError(where: string, message: string, cause?: unknown): NotesError {
  const err = new NotesError(`${where}: ${message}`);
  if (cause !== undefined) (err as { cause?: unknown }).cause = cause;
  return err;
}
