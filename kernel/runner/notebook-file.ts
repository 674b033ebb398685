/**
 * Notebook files: read with errors that name the file (malformed JSON with its line and column,
 * wrong nbformat), normalise to nbformat 4.5 (cell ids; sources as strings in memory), validate
 * the executed notebook against the nbformat 4.5 JSON schema, and write atomically in nbformat's
 * own on-disk style (1-space indent, sorted keys, multi-line strings as lists of lines).
 */
import Ajv from "ajv-draft-04";
import { createHash } from "crypto";
import fs from "fs";
import path from "path";
import { jsonErrorOffset } from "./json-error-offset";
import { repoRoot } from "./paths";

export type MultilineString = string | string[];
export type Output = Record<string, unknown> & { output_type: string };

export interface Cell {
  id?: string;
  cell_type: "code" | "markdown" | "raw";
  source: string;
  metadata: Record<string, unknown>;
  outputs?: Output[];
  execution_count?: number | null;
  attachments?: unknown;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: Cell[];
}

export class NotebookFileError extends Error {
  override name = "NotebookFileError";
}

const join = (s: unknown): string =>
  Array.isArray(s) ? s.join("") : typeof s === "string" ? s : "";

/** Lines with their endings, as nbformat stores multi-line strings. */
export function toLines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** JSON line and column of a character offset, for parse-error messages. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset).split("\n");
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/**
 * Read a notebook; throws NotebookFileError naming the file for unreadable, malformed or
 * non-nbformat-4 input.
 * @param file path of the .ipynb file
 */
export function readNotebook(file: string): Notebook {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new NotebookFileError(`${file}: cannot read: ${(err as Error).message}`);
  }
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message.split("\n")[0];
    throw new NotebookFileError(
      `${file}: not valid JSON (${lineCol(text, jsonErrorOffset(text))}): ${msg}`,
    );
  }
  if (typeof raw !== "object" || raw === null || !Array.isArray(raw.cells)) {
    throw new NotebookFileError(`${file}: not a Jupyter notebook (no "cells" array)`);
  }
  if (raw.nbformat !== 4) {
    throw new NotebookFileError(
      `${file}: nbformat ${String(raw.nbformat)} is not supported (need 4)`,
    );
  }
  const cells = (raw.cells as Record<string, unknown>[]).map((c, i): Cell => {
    if (!["code", "markdown", "raw"].includes(c.cell_type as string)) {
      throw new NotebookFileError(
        `${file}: cell ${i + 1} has unknown cell_type ${JSON.stringify(c.cell_type)}`,
      );
    }
    return {
      ...(c as unknown as Cell),
      source: join(c.source),
      metadata: (c.metadata as Record<string, unknown>) ?? {},
    };
  });
  // nbformat 4.5 requires cell ids; give missing ones a stable id derived from file and position.
  const seen = new Set<string>();
  cells.forEach((c, i) => {
    if (typeof c.id !== "string" || c.id === "" || seen.has(c.id)) {
      c.id = createHash("sha1")
        .update(`${path.basename(file)}:${i}`)
        .digest("hex")
        .slice(0, 8);
    }
    seen.add(c.id);
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: (raw.metadata as Record<string, unknown>) ?? {},
    cells,
  };
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") {
    return Object.fromEntries(
      Object.keys(v as object)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** The on-disk JSON form: multi-line strings as lists of lines, except inside JSON mime data. */
export function toDisk(nb: Notebook): unknown {
  const mime = (data: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(data).map(([k, v]) => [
        k,
        typeof v === "string" && !/json$/.test(k) ? toLines(v) : v,
      ]),
    );
  return {
    ...nb,
    cells: nb.cells.map((c) => {
      const out: Record<string, unknown> = { ...c, source: toLines(c.source) };
      if (c.outputs) {
        out.outputs = c.outputs.map((o) => {
          const d: Record<string, unknown> = { ...o };
          if (typeof d.text === "string") d.text = toLines(d.text);
          if (d.data) d.data = mime(d.data as Record<string, unknown>);
          return d;
        });
      }
      return out;
    }),
  };
}

let validator: ReturnType<Ajv["compile"]> | null = null;

/** Validate against the nbformat 4.5 schema; returns error strings (empty when valid). */
export function validateNotebook(nb: Notebook): string[] {
  if (!validator) {
    const schema = JSON.parse(
      fs.readFileSync(
        path.join(repoRoot(), "kernel", "schema", "nbformat.v4.5.schema.json"),
        "utf8",
      ),
    );
    validator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  if (validator(toDisk(nb))) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

/** Write atomically: a temporary file in the same folder, then rename over the target. */
export function writeNotebook(file: string, nb: Notebook): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const text = JSON.stringify(sortKeys(toDisk(nb)), null, 1) + "\n";
  const fd = fs.openSync(tmp, "w");
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}
