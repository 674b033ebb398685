/**
 * Cell directives: comment lines at the very top of a code cell in the `//| key: value` style of
 * nbdev and Quarto. Known keys:
 * - `//| skip: <reason>`   the cell is not executed; the run reports it as skipped with the reason;
 * - `//| raises: <Name>`   the cell must throw an error named Name; the run then continues;
 * - `//| hide`             the cell runs but is left out of the lecture notes;
 * - `//| long: <reason>`   the cell may exceed the notebook style's 15 lines (STYLE.md,
 *                          "Notebooks"; test/project/notebook-style.test.ts): why it is one cell.
 *                          It changes nothing in the run, and the notes leave it out like the rest.
 * - `//| lab: <NN-name>`   the cell is a graded lab's stub (itolab/labs): `itolab-run --solutions`
 *                          replaces the function it declares by the reference solution of that
 *                          name in labs/solutions/NN.ts, and requires the lab's grader to pass.
 * An unknown key, a repeated key or a malformed value is an error, never ignored.
 */

export interface Directives {
  skip?: string;
  raises?: string;
  hide?: boolean;
  long?: string;
  lab?: string;
}

export class DirectiveError extends Error {
  override name = "DirectiveError";
}

const LINE = /^\/\/\|(.*)$/;
const KEY_VALUE = /^\s*([A-Za-z][\w-]*)\s*(?::\s*(.*?))?\s*$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const LAB_ID = /^\d\d-[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Parse the directive lines at the top of a cell's source.
 * @param source the cell's source text
 * @returns the directives, and the number of leading lines they occupy
 */
export function parseDirectives(source: string): { directives: Directives; lines: number } {
  const directives: Directives = {};
  const lines = source.split("\n");
  let n = 0;
  for (; n < lines.length; n++) {
    const m = LINE.exec(lines[n].trim());
    if (!m) break;
    const kv = KEY_VALUE.exec(m[1]);
    if (!kv) throw new DirectiveError(`malformed directive "${lines[n].trim()}"`);
    const [, key, value] = kv;
    if (key in directives) throw new DirectiveError(`directive "${key}" given twice`);
    switch (key) {
      case "skip":
        if (!value) throw new DirectiveError(`"//| skip" needs a reason: //| skip: <why>`);
        directives.skip = value;
        break;
      case "raises":
        if (!value || !IDENTIFIER.test(value)) {
          throw new DirectiveError(
            `"//| raises" needs an error name such as RangeError, got "${value ?? ""}"`,
          );
        }
        directives.raises = value;
        break;
      case "hide":
        if (value !== undefined && value !== "") {
          throw new DirectiveError(`"//| hide" takes no value, got "${value}"`);
        }
        directives.hide = true;
        break;
      case "long":
        if (!value) throw new DirectiveError(`"//| long" needs a reason: //| long: <why one cell>`);
        directives.long = value;
        break;
      case "lab":
        if (!value || !LAB_ID.test(value)) {
          throw new DirectiveError(
            `"//| lab" needs a lab id NN-name such as 00-quadratic-variation, got "${value ?? ""}"`,
          );
        }
        directives.lab = value;
        break;
      default:
        throw new DirectiveError(
          `unknown directive "${key}" (known: skip, raises, hide, long, lab)`,
        );
    }
  }
  if (directives.skip !== undefined && directives.raises !== undefined) {
    throw new DirectiveError(`"//| skip" and "//| raises" cannot be combined`);
  }
  return { directives, lines: n };
}
