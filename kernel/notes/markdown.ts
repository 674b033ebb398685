/**
 * Markdown cells to HTML: markdown-it (CommonMark, raw HTML escaped rather than passed through,
 * so no cell can break the page) with TeX math rendered by KaTeX (./math) and heading anchors:
 * every heading gets a unique id and a `#` link, and is recorded for the table of contents.
 */
import MarkdownIt from "markdown-it";
import { escapeHtml } from "./html";
import { MathEnv, mathPlugin } from "./math";
import { Slugger } from "./slug";

/** A heading of a page, for its table of contents. */
export interface Heading {
  level: number;
  id: string;
  /** The heading's inline HTML (math rendered). */
  html: string;
  /** Its plain text (math as TeX), for titles and attributes. */
  text: string;
}

/** markdown-it's `env` for one cell: where it is, the page's slugs, headings and TeX macros. */
export interface MarkdownEnv extends MathEnv {
  [key: string | symbol]: unknown;
  slugger: Slugger;
  headings: Heading[];
}

/** Plain text of an inline token's children: text, code and math source. */
function plainText(children: MarkdownIt.Token[] | null): string {
  return (children ?? [])
    .map((t) =>
      ["text", "code_inline", "math_inline", "math_display"].includes(t.type)
        ? t.content
        : t.type === "softbreak"
          ? " "
          : "",
    )
    .join("")
    .trim();
}

/** Core rule: ids on headings, recorded in `env.headings` with their rendered inline HTML. */
function headingAnchors(md: MarkdownIt.MarkdownIt): void {
  md.core.ruler.push("heading_anchors", (state) => {
    const env = state.env as unknown as MarkdownEnv;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== "heading_open") continue;
      const inline = tokens[i + 1];
      const text = plainText(inline.children);
      const id = env.slugger.slug(text);
      tokens[i].attrSet("id", id);
      const html = md.renderer.renderInline(inline.children ?? [], md.options, state.env);
      env.headings.push({ level: Number(tokens[i].tag.slice(1)), id, html, text });
    }
  });
  md.renderer.rules.heading_close = (tokens, i) => {
    const open = tokens[i - 2];
    const id = open?.type === "heading_open" ? open.attrGet("id") : null;
    const anchor = id
      ? `<a class="anchor" href="#${escapeHtml(String(id))}" aria-label="Link to this section">#</a>`
      : "";
    return `${anchor}</${tokens[i].tag}>\n`;
  };
}

/** The course's markdown renderer; one instance serves every page. */
export function createMarkdown(): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(mathPlugin);
  md.use(headingAnchors);
  return md;
}

/**
 * One markdown cell to HTML.
 * @param md from createMarkdown()
 * @param source the cell's markdown
 * @param env where the cell is, and the page's shared slugger, headings and macros
 */
export function renderMarkdown(
  md: MarkdownIt.MarkdownIt,
  source: string,
  env: MarkdownEnv,
): string {
  return md.render(source, env);
}
