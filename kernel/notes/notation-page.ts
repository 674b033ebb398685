/**
 * `notation.html`: the course's one notation table (notebooks/NOTATION.md) in the notes' shell,
 * through the notes' markdown renderer (KaTeX math ahead of time, tables, heading anchors), with a
 * table of contents from its `##` headings. Linked from every page's header and the outline.
 */
import type MarkdownIt from "markdown-it";
import { escapeHtml } from "./html";
import { pageShell } from "./layout";
import { MarkdownEnv, renderMarkdown } from "./markdown";
import { tocHtml } from "./page";
import { Slugger } from "./slug";

/** The notation page's file name in the site. */
export const NOTATION_PAGE = "notation.html";

export interface NotationPageOptions {
  md: MarkdownIt.MarkdownIt;
  siteTitle: string;
  /** Where the markdown comes from (`notebooks/NOTATION.md`), for the footer and KaTeX errors. */
  file: string;
  /** The API reference's index page, if the site has one. */
  apiIndex?: string;
}

/**
 * The page's HTML.
 * @param markdown the notation file's text
 * @param opts renderer, site title, where the text comes from
 */
export function renderNotationPage(markdown: string, opts: NotationPageOptions): string {
  const env: MarkdownEnv = { where: opts.file, macros: {}, slugger: new Slugger(), headings: [] };
  const body = renderMarkdown(opts.md, markdown, env);
  const h1 = env.headings.find((h) => h.level === 1);
  return pageShell({
    title: `${h1?.text ?? "Notation"} · ${opts.siteTitle}`,
    bodyClass: "notation",
    siteTitle: opts.siteTitle,
    apiIndex: opts.apiIndex,
    notationPage: NOTATION_PAGE,
    hasCode: false,
    hasFigures: false,
    aside: tocHtml(env.headings),
    main: (h1 ? "" : "<h1>Notation</h1>\n") + body,
    footer: `Generated from <code>${escapeHtml(opts.file)}</code>, the one notation table of the notebooks, the library and these notes.`,
  });
}
