#!/usr/bin/env node
// Prettier over the code cells of the course's notebooks: each code cell's source is formatted as
// TypeScript with the project's .prettierrc.json, and nothing else in the file changes (markdown,
// metadata, outputs, the JSON layout: indent 1, non-ASCII kept, trailing newline; a source stored
// as a string stays a string, as a list of lines stays a list). Run by `npm run format`; with
// --check by `npm run lint`, which then fails on an unformatted cell. See --help.
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..", "..");
const notebookDir = path.join(root, "notebooks");

/**
 * The notebooks rewritten to the notebook style of STYLE.md ("Notebooks"), by number: the only
 * ones this script formats and checks by default, and the ones test/project/notebook-style.test.ts
 * holds to the style. Add a notebook's number here in the commit that rewrites it.
 */
const STYLED_NOTEBOOKS = [
  "00",
  "01",
  "02",
  "03",
  "04",
  "05",
  "06",
  "07",
  "08",
  "09",
  "10",
  "11",
  "12",
  "13",
];

const HELP = `usage: node kernel/bin/format-notebooks.js [--check] [--json] [NOTEBOOK...]

Formats the code cells of the notebooks with Prettier (TypeScript parser, .prettierrc.json).
NOTEBOOK is a path or a notebook number (e.g. 03); the default is the styled notebooks
(${STYLED_NOTEBOOKS.join(", ")}, listed in STYLED_NOTEBOOKS in this script).

  --check   change nothing; list the cells that are not formatted and exit 1 if there are any
  --json    print the result as JSON ({ notebooks, unformatted, errors })
  -h, --help  this text

Exit codes: 0 done (or all formatted), 1 unformatted cells found, 2 a notebook or a cell could
not be read or parsed.`;

/** The path of notebook number `n` ("03" → notebooks/03-fokker-planck.ipynb); throws unless one. */
function notebookPath(n) {
  const found = fs
    .readdirSync(notebookDir)
    .filter((f) => f.startsWith(`${n}-`) && f.endsWith(".ipynb"));
  if (found.length !== 1) {
    throw new Error(`notebook ${n}: expected one notebooks/${n}-*.ipynb, found ${found.length}`);
  }
  return path.join(notebookDir, found[0]);
}

/** A cell's source as one string (nbformat allows a string or a list of lines). */
function sourceText(source) {
  return Array.isArray(source) ? source.join("") : source;
}

/** `text` stored the way `original` was: a string, or a list of lines each ending in "\n". */
function sourceLike(original, text) {
  if (!Array.isArray(original)) return text;
  return text === "" ? [] : text.split(/(?<=\n)/);
}

/** The notebook JSON layout of the course's files: indent 1, non-ASCII kept, trailing newline. */
function serialize(notebook) {
  return JSON.stringify(notebook, null, 1) + "\n";
}

let prettierOptions;
/** Prettier and the project's options for a TypeScript cell, loaded once. */
async function prettierFor() {
  const prettier = require("prettier");
  if (!prettierOptions) {
    const config = await prettier.resolveConfig(path.join(notebookDir, "cell.ts"));
    if (!config) throw new Error("format-notebooks: no Prettier configuration found");
    prettierOptions = { ...config, parser: "typescript" };
  }
  return { prettier, options: prettierOptions };
}

/** One code cell's source, formatted; Prettier's final newline is dropped, as in nbformat. */
async function formatSource(text) {
  if (text.trim() === "") return text;
  const { prettier, options } = await prettierFor();
  return (await prettier.format(text, options)).replace(/\n$/, "");
}

/**
 * Format the code cells of one notebook's file text.
 * @param {string} raw the file's text
 * @param {string} name the notebook's name, for messages
 * @returns {Promise<{ text: string, unformatted: { id: string, index: number }[] }>} the new text
 *   (equal to raw when every cell was formatted) and the cells that changed (index counts every
 *   cell from 1, as Jupyter shows them)
 */
async function formatNotebookText(raw, name) {
  const notebook = JSON.parse(raw);
  if (serialize(notebook) !== raw) {
    throw new Error(
      `${name}: not in the layout this formatter writes (JSON with indent 1, non-ASCII ` +
        `characters kept, a trailing newline); refusing to rewrite it`,
    );
  }
  const unformatted = [];
  for (const [i, cell] of notebook.cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const id = cell.id ?? String(i + 1);
    const text = sourceText(cell.source);
    let formatted;
    try {
      formatted = await formatSource(text);
    } catch (err) {
      throw new Error(
        `${name}, cell ${i + 1} (id ${id}): Prettier cannot parse it: ${err.message}`,
        { cause: err },
      );
    }
    if (formatted !== text) {
      unformatted.push({ id, index: i + 1 });
      cell.source = sourceLike(cell.source, formatted);
    }
  }
  return { text: unformatted.length ? serialize(notebook) : raw, unformatted };
}

/** Replace a file by writing a sibling and renaming it over the original. */
function writeAtomically(file, text) {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

/** The command line; returns the exit code. */
async function main(argv) {
  const flags = new Set(argv.filter((a) => a.startsWith("-")));
  for (const f of flags) {
    if (!["--check", "--json", "-h", "--help"].includes(f)) {
      process.stderr.write(`format-notebooks: unknown option ${f}\n${HELP}\n`);
      return 2;
    }
  }
  if (flags.has("-h") || flags.has("--help")) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const check = flags.has("--check");
  const json = flags.has("--json");
  const named = argv.filter((a) => !a.startsWith("-"));
  const report = { notebooks: [], unformatted: [], errors: [] };
  const targets = [];
  for (const a of named.length ? named : STYLED_NOTEBOOKS) {
    try {
      targets.push(/^\d+$/.test(a) ? notebookPath(a) : path.resolve(a));
    } catch (err) {
      report.errors.push(err.message);
    }
  }
  for (const file of targets) {
    const name = path.relative(root, file);
    report.notebooks.push(name);
    try {
      const raw = fs.readFileSync(file, "utf8");
      const { text, unformatted } = await formatNotebookText(raw, name);
      for (const cell of unformatted) report.unformatted.push({ notebook: name, ...cell });
      if (!check && text !== raw) {
        writeAtomically(file, text);
        if (!json)
          process.stdout.write(
            `formatted ${unformatted.length} code cell${unformatted.length === 1 ? "" : "s"} of ${name}\n`,
          );
      }
    } catch (err) {
      report.errors.push(err.message);
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    for (const e of report.errors) process.stderr.write(`format-notebooks: ${e}\n`);
    if (check) {
      for (const c of report.unformatted) {
        process.stdout.write(`${c.notebook}, cell ${c.index} (id ${c.id}): not formatted\n`);
      }
      if (report.unformatted.length) {
        process.stdout.write(
          `${report.unformatted.length} code cells not formatted: run npm run format\n`,
        );
      }
    }
  }
  if (report.errors.length) return 2;
  return check && report.unformatted.length ? 1 : 0;
}

module.exports = { STYLED_NOTEBOOKS, notebookPath, sourceText, formatNotebookText };

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`format-notebooks: ${err && err.stack ? err.stack : err}\n`);
      process.exit(2);
    },
  );
}
