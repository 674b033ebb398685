/** Text pieces of failure reports: how a cell is named, and indented blocks (logs, errors). */
import { Cell } from "./notebook-file";

/** `notebooks/NAME.ipynb, cell 5 (id bm-04)`: the 1-based position counts every cell. */
export function cellLabel(displayPath: string, cell: Cell, index: number): string {
  return `${displayPath}, cell ${index + 1} (id ${cell.id})`;
}

/** Every line of `text` prefixed (an empty text gives one line of just the prefix). */
export function indent(text: string, prefix = "    "): string {
  return text
    .split("\n")
    .map((l) => prefix + l)
    .join("\n");
}
