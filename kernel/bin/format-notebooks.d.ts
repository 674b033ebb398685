// Types of format-notebooks.js, for the tests that import it.

/** The notebooks rewritten to the notebook style of STYLE.md, by number ("00", "01", …). */
export const STYLED_NOTEBOOKS: string[];

/** The path of notebook number `n` ("03" → notebooks/03-fokker-planck.ipynb); throws unless one. */
export function notebookPath(n: string): string;

/** A cell's source as one string (nbformat allows a string or a list of lines). */
export function sourceText(source: string | string[]): string;

/** Format the code cells of one notebook's file text; the cells that changed, counted from 1. */
export function formatNotebookText(
  raw: string,
  name: string,
): Promise<{ text: string; unformatted: { id: string; index: number }[] }>;
