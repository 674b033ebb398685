/**
 * A markdown-it plugin for TeX math, rendered ahead of time by KaTeX: `$…$` (inline), `$$…$$`
 * inside a paragraph (display), and a `$$` block on lines of its own (which may interrupt a
 * paragraph). The math tokenizer runs before markdown's emphasis and escapes, so `_` and `*` in
 * math reach KaTeX untouched. Delimiters pair as in Jupyter (what authors see while writing): a `$`
 * opens, the next unescaped `$` closes, spaces inside are allowed (`$d H(X) $`), and `\$` is a
 * literal dollar. KaTeX errors are thrown (`throwOnError`) as a NotesError naming the notebook and
 * cell, never left as raw TeX.
 * @see JupyterLab, `packages/rendermime/src/latex.ts` (`removeMath`): how Jupyter pairs dollars.
 */
import katex from "katex";
import type MarkdownIt from "markdown-it";
import { NotesError } from "./errors";

/** What the math renderer needs from markdown-it's `env`. */
export interface MathEnv {
  /** Where the markdown comes from, for error messages: `file, cell 3 (id …)`. */
  where: string;
  /** TeX macros shared by the cells of one notebook (`\gdef` in one cell serves the next). */
  macros: Record<string, string>;
}

const DOLLAR = 0x24;

/** Is the character at `pos` escaped by an odd number of backslashes? */
function escaped(src: string, pos: number): boolean {
  let n = 0;
  while (pos - n - 1 >= 0 && src.charCodeAt(pos - n - 1) === 0x5c) n++;
  return n % 2 === 1;
}

/** Where the closing delimiter of math opened just before `start` is, or -1. */
function findClose(src: string, start: number, display: boolean): number {
  for (let end = start; ; end++) {
    end = src.indexOf(display ? "$$" : "$", end);
    if (end < 0) return -1;
    if (escaped(src, end)) continue;
    // in inline math, a `$` next to another `$` belongs to a `$$`
    if (!display && (src.charCodeAt(end - 1) === DOLLAR || src.charCodeAt(end + 1) === DOLLAR)) {
      continue;
    }
    return end;
  }
}

/** Inline rule: `$…$` and `$$…$$` inside running text. */
function mathInline(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const { src, pos } = state;
  if (src.charCodeAt(pos) !== DOLLAR) return false;
  const display = src.charCodeAt(pos + 1) === DOLLAR;
  const start = pos + (display ? 2 : 1);
  if (start >= state.posMax) return false;
  const end = findClose(src, start, display);
  if (end < 0 || end === start || end >= state.posMax) return false;
  if (!silent) {
    const token = state.push(display ? "math_display" : "math_inline", "math", 0);
    token.content = src.slice(start, end);
    token.markup = display ? "$$" : "$";
  }
  state.pos = end + (display ? 2 : 1);
  return true;
}

/** Block rule: `$$ … $$` starting a line, on one line or several (no blank line inside). */
function mathBlock(
  state: MarkdownIt.StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const lineText = (n: number) =>
    state.src.slice(state.bMarks[n] + state.tShift[n], state.eMarks[n]);
  const first = lineText(startLine);
  if (!first.startsWith("$$")) return false;
  const rest = first.slice(2);
  const parts: string[] = [];
  let last = startLine;
  const close = rest.indexOf("$$");
  if (close >= 0) {
    if (rest.slice(close + 2).trim() !== "") return false; // `$$x$$ and text`: inline math
    parts.push(rest.slice(0, close));
  } else {
    parts.push(rest);
    for (last = startLine + 1; ; last++) {
      if (last >= endLine) return false;
      const text = lineText(last).trimEnd();
      if (text === "") return false;
      const at = text.indexOf("$$");
      if (at >= 0) {
        if (at !== text.length - 2) return false;
        parts.push(text.slice(0, at));
        break;
      }
      parts.push(text);
    }
  }
  if (silent) return true;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = parts.join("\n");
  token.markup = "$$";
  token.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

/**
 * TeX to HTML with KaTeX (HTML and MathML), throwing a NotesError naming the cell.
 * @param tex the TeX source without delimiters
 * @param displayMode display (`$$`) or inline (`$`) style
 * @param env where the math is, and the notebook's macros
 */
export function renderTex(tex: string, displayMode: boolean, env: MathEnv): string {
  try {
    return katex.renderToString(tex, {
      displayMode,
      throwOnError: true,
      strict: "ignore",
      output: "htmlAndMathml",
      macros: env.macros,
      globalGroup: true,
    });
  } catch (err) {
    const delim = displayMode ? "$$" : "$";
    throw new NotesError(
      `${env.where}: KaTeX cannot render ${delim}${tex}${delim}: ${(err as Error).message}`,
    );
  }
}

/** Installs the math rules and their renderers on a markdown-it instance. */
export function mathPlugin(md: MarkdownIt.MarkdownIt): void {
  md.inline.ruler.before("escape", "math", mathInline);
  md.block.ruler.before("fence", "math_block", mathBlock, {
    alt: ["paragraph", "reference", "blockquote", "list"],
  });
  const env = (e: unknown): MathEnv => {
    const m = e as Partial<MathEnv> | undefined;
    if (!m || typeof m.where !== "string" || typeof m.macros !== "object" || m.macros === null) {
      throw new TypeError("mathPlugin: render with an env of { where, macros }");
    }
    return m as MathEnv;
  };
  md.renderer.rules.math_inline = (tokens, i, _o, e) => renderTex(tokens[i].content, false, env(e));
  md.renderer.rules.math_display = (tokens, i, _o, e) => renderTex(tokens[i].content, true, env(e));
  md.renderer.rules.math_block = (tokens, i, _o, e) =>
    `<div class="math-block">${renderTex(tokens[i].content, true, env(e))}</div>\n`;
}
