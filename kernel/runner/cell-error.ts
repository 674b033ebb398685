/**
 * Turns what tslab prints on stderr for a failed cell into an nbformat error output and finds the
 * offending line of the cell's source. tslab sends no `error` message: compile diagnostics arrive
 * as `L:C - message` lines (L is a line of the cell), runtime errors as Node's printout of the
 * thrown value (`Name: message` and a stack whose cell frames are `evalmachine.<anonymous>:L:C`
 * in the compiled JavaScript, for which tslab keeps no source map).
 */

export interface ErrorOutput extends Record<string, unknown> {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}

const DIAGNOSTIC = /^(\d+):(\d+) - (.*)$/;
const CELL_FRAME = /evalmachine\.<anonymous>:(\d+)(?::\d+)?/;
const INTERNAL_FRAME = /^\s+at .*(node:vm|node:internal|[\\/]tslab[\\/]dist[\\/])/;

/** Parse tslab's stderr text for a failed cell. */
export function parseCellError(text: string): ErrorOutput {
  const lines = text.replace(/\n+$/, "").split("\n");
  if (lines.length > 0 && lines.every((l) => DIAGNOSTIC.test(l) || /^\s/.test(l))) {
    return {
      output_type: "error",
      ename: "CompileError",
      evalue: lines.join("\n"),
      traceback: lines,
    };
  }
  // Node prints `file:line\n<code>\n<caret>\n\n` before the error when the throw site is known.
  let start = 0;
  if (/^\S.*:\d+$/.test(lines[0] ?? "") && /^\s*\^+\s*$/.test(lines[2] ?? "")) start = 4;
  const head = lines.slice(start);
  const firstFrame = head.findIndex((l) => /^\s+at /.test(l));
  const message = (firstFrame < 0 ? head : head.slice(0, firstFrame)).join("\n");
  const m = /^([A-Za-z_$][\w$]*): ([\s\S]*)$/.exec(message);
  return {
    output_type: "error",
    ename: m ? m[1] : "Error",
    evalue: m ? m[2] : message,
    traceback: lines.filter((l) => !INTERNAL_FRAME.test(l)),
  };
}

/**
 * The 1-based line of `source` where the error arose, or null when it cannot be told.
 * Compile errors name the line. For runtime errors: the code line Node prints above the error
 * when the throw is in the cell, else the function the cell called (the stack frame just before
 * the first cell frame), matched against the source; among several matches, the last one at or
 * before the compiled line (compiled code is never shorter than the source above a statement).
 */
export function offendingLine(text: string, source: string): number | null {
  const src = source.split("\n");
  const lines = text.split("\n");
  const diag = DIAGNOSTIC.exec(lines[0] ?? "");
  if (diag) return clamp(Number(diag[1]), src.length);
  const frameAt = lines.findIndex((l) => /^\s+at /.test(l) && CELL_FRAME.test(l));
  const compiledLine = frameAt >= 0 ? Number(CELL_FRAME.exec(lines[frameAt])![1]) : Infinity;
  let needle: string | null = null;
  if (CELL_FRAME.test(lines[0] ?? "") && /^\s*\^+\s*$/.test(lines[2] ?? "")) {
    // tslab compiles top-level names to `exports.name`; undo that to compare with the source.
    needle = lines[1].trim().replace(/\bexports\./g, "");
    const exact = src.findIndex((l) => l.trim() === needle);
    if (exact >= 0) return exact + 1;
    needle = needle.replace(/^(exports\.|const |let |var )/, "").slice(0, 40);
  } else if (frameAt > 0 && /^\s+at /.test(lines[frameAt - 1])) {
    const fn = /^\s+at (?:new )?(?:[\w$]+\.)*([\w$]+) \(/.exec(lines[frameAt - 1]);
    if (fn) needle = `${fn[1]}(`;
  } else if (frameAt >= 0) {
    needle = "throw ";
  }
  if (!needle) return null;
  const hits = src.map((l, i) => (l.includes(needle!) ? i + 1 : 0)).filter((i) => i > 0);
  if (hits.length === 0) return null;
  const before = hits.filter((i) => i <= compiledLine);
  return before.length > 0 ? before[before.length - 1] : hits[0];
}

function clamp(line: number, n: number): number | null {
  return line >= 1 && line <= n ? line : null;
}
