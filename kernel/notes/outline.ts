/**
 * A lecture's entry in the course outline, from its title cell (STYLE.md): the `# NN · Title`
 * heading, the italic one-line subtitle, and the list after "**What we will verify**". The title
 * is required (an error names the notebook and cell); a missing subtitle or list is reported as a
 * warning and left out of the outline.
 */
import type MarkdownIt from "markdown-it";
import { notesError } from "./errors";
import { Lecture } from "./lecture";
import { MarkdownEnv } from "./markdown";
import { Slugger } from "./slug";

export interface Outline {
  /** `00` of `# 00 · Brownian motion`, or null without a number. */
  number: string | null;
  /** Plain-text title (math as TeX without dollars), for `<title>`. */
  title: string;
  /** Title as inline HTML, math rendered. */
  titleHtml: string;
  subtitleHtml: string | null;
  /** The "What we will verify" list as HTML. */
  verifyHtml: string | null;
  warnings: string[];
}

const isEmphasisOnly = (children: MarkdownIt.Token[]) =>
  children.length >= 3 &&
  children[0].type === "em_open" &&
  children[children.length - 1].type === "em_close" &&
  children.filter((t) => t.type === "em_open").length === 1;

/**
 * @param md the course's markdown renderer
 * @param lecture the executed notebook
 */
export function lectureOutline(md: MarkdownIt.MarkdownIt, lecture: Lecture): Outline {
  const cell = lecture.cells[0];
  const where = cell ? cell.where : lecture.file;
  const env: MarkdownEnv = { where, macros: {}, slugger: new Slugger(), headings: [] };
  const tokens = cell && cell.type === "markdown" ? md.parse(cell.source, env) : [];
  const h1 = tokens.findIndex((t) => t.type === "heading_open" && t.tag === "h1");
  if (h1 < 0) {
    throw notesError(
      where,
      'the first cell must be markdown starting with "# NN · Title" (STYLE.md)',
    );
  }
  const inline = (t: MarkdownIt.Token) =>
    md.renderer.renderInline(t.children ?? [], md.options, env);
  const heading = tokens[h1 + 1];
  const plain = heading.content.trim().replace(/\$+([^$]*)\$+/g, "$1"); // TeX without dollars
  const m = /^(\d+)\s*·\s*(.+)$/.exec(plain);
  const titleHtml = inline(heading).replace(/^\s*\d+\s*·\s*/, "");
  const warnings: string[] = [];

  let subtitleHtml: string | null = null;
  let verifyHtml: string | null = null;
  for (let i = h1 + 3; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== "inline" || tokens[i - 1].type !== "paragraph_open") continue;
    const children = t.children ?? [];
    if (subtitleHtml === null && isEmphasisOnly(children)) {
      subtitleHtml = md.renderer.renderInline(children.slice(1, -1), md.options, env);
    }
    if (verifyHtml === null && /^\*\*What we will verify\b/i.test(t.content)) {
      const open = tokens.findIndex(
        (u, j) => j > i && (u.type === "bullet_list_open" || u.type === "ordered_list_open"),
      );
      const close = tokens.findIndex(
        (u, j) =>
          j > open &&
          u.type === tokens[open]?.type.replace("_open", "_close") &&
          u.level === tokens[open].level,
      );
      if (open > 0 && close > open) {
        verifyHtml = md.renderer.render(tokens.slice(open, close + 1), md.options, env);
      }
    }
  }
  if (subtitleHtml === null) warnings.push(`${where}: no italic one-line subtitle under the title`);
  if (verifyHtml === null) warnings.push(`${where}: no "**What we will verify**" list`);
  return {
    number: m ? m[1] : null,
    title: m ? m[2] : plain,
    titleHtml,
    subtitleHtml,
    verifyHtml,
    warnings,
  };
}
