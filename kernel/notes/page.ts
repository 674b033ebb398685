/**
 * A lecture's page: its cells in order (markdown with math; code highlighted in a foldable
 * `<details>`, then its outputs), `//| hide` cells left out, the state of its checks under the
 * title, a table of contents from its `##`/`###` headings, and previous/next links.
 */
import type MarkdownIt from "markdown-it";
import { cellFigures, FigureRef } from "./figure-spec";
import { StaticUrls } from "./figure-html";
import { highlightTypeScript } from "./highlight";
import { escapeHtml } from "./html";
import { pageShell } from "./layout";
import { CheckSummary, Lecture, LectureCell } from "./lecture";
import { Heading, MarkdownEnv, renderMarkdown } from "./markdown";
import { Outline } from "./outline";
import { renderOutputs } from "./outputs";
import { Slugger } from "./slug";

/** A link to another page: its file name and its title (with number). */
export interface PageLink {
  href: string;
  outline: Outline;
}

export interface PageOptions {
  md: MarkdownIt.MarkdownIt;
  siteTitle: string;
  prev: PageLink | null;
  next: PageLink | null;
  /** Static copies of a figure in the site, or null. */
  staticUrls: (fig: FigureRef) => StaticUrls | null;
  /** The source notebook's path, for the footer. */
  sourcePath: string;
  /** The API reference's index page, linked from the header, if the site has one. */
  apiIndex?: string;
  /** The notation page, linked from the header, if the site has one. */
  notationPage?: string;
  /** Wraps a figure's HTML (live figures); default none. */
  wrapFigure?: (fig: FigureRef, html: string) => string;
  /** Scripts loaded after the notes' own (site-relative), e.g. the live figures' runtime. */
  extraScripts?: string[];
  /** Wraps a lab stub cell's code (labs in the page, ./live/labs/html.ts); default none. */
  wrapLab?: (cell: LectureCell, html: string) => string;
}

/** The page's file name in the site. */
export const pageFile = (stem: string) => `${stem}.html`;

/** "✓ 16 checks held · 1 cell raised as expected · 1 cell skipped (reason)". */
export function statusHtml(s: CheckSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [`<span class="mark">✓</span> ${plural(s.checks, "check")} held`];
  if (s.raised) parts.push(`${plural(s.raised, "cell")} raised as expected`);
  for (const k of s.skipped) parts.push(`cell ${k.index} skipped: ${escapeHtml(k.reason)}`);
  return `<p class="lecture-status pass">${parts.join(" · ")}</p>`;
}

/**
 * The course in JupyterLite (`npm run lite` builds build/lite/ beside build/notes/): a lecture's
 * notebook opened in the browser, with its kernel, nothing installed. Relative, so it works
 * wherever build/ is served (`npm run lite:serve` serves build/lite/ alone).
 */
export const liteApp = "../lite/lab/index.html";

/** The "Open in JupyterLab" link of a lecture page. */
export function openInJupyterLabHtml(stem: string): string {
  const href = `${liteApp}?path=${encodeURIComponent(`${stem}.ipynb`)}`;
  return `<p class="open-lite"><a href="${escapeHtml(href)}">Open in JupyterLab</a> (JupyterLite: runs in your browser, nothing to install)</p>`;
}

/** "00 · Brownian motion" as HTML. */
export const numberedTitle = (o: Outline) =>
  `${o.number !== null ? `<span class="num">${escapeHtml(o.number)}</span> · ` : ""}${o.titleHtml}`;

const plainTitle = (o: Outline) => `${o.number !== null ? `${o.number} · ` : ""}${o.title}`;

/** The table of contents of a page's `##` and `###` headings ("" without any). */
export function tocHtml(headings: Heading[]): string {
  const items = headings
    .filter((h) => h.level === 2 || h.level === 3)
    .map((h) => `<li class="toc-l${h.level}"><a href="#${escapeHtml(h.id)}">${h.html}</a></li>`);
  if (items.length === 0) return "";
  return `<nav class="toc" aria-label="Contents"><p class="toc-title">Contents</p><ol>\n${items.join("\n")}\n</ol></nav>`;
}

function pagerHtml(prev: PageLink | null, next: PageLink | null, cls: string): string {
  const link = (l: PageLink | null, rel: string, arrow: string) =>
    l
      ? `<a rel="${rel}" class="${rel}" href="${escapeHtml(l.href)}">${rel === "prev" ? arrow + " " : ""}${numberedTitle(l.outline)}${rel === "next" ? " " + arrow : ""}</a>`
      : `<span class="${rel} none"></span>`;
  return `<nav class="${cls}" aria-label="Previous and next lecture">${link(prev, "prev", "←")}<a class="up" href="index.html">Outline</a>${link(next, "next", "→")}</nav>`;
}

function renderCode(cell: LectureCell, opts: PageOptions, env: MarkdownEnv): string {
  const notes: string[] = [];
  if (cell.directives.skip !== undefined) {
    notes.push(`<p class="cell-note skipped">Not run: ${escapeHtml(cell.directives.skip)}</p>`);
  }
  if (cell.directives.raises !== undefined) {
    notes.push(
      `<p class="cell-note raises">Expected to raise <code>${escapeHtml(cell.directives.raises)}</code></p>`,
    );
  }
  const source = cell.source.trim()
    ? `<details class="source" open><summary>Code <span class="cell-no">cell ${cell.index}</span></summary>` +
      `<pre class="code"><code class="language-typescript">${highlightTypeScript(cell.source)}</code></pre></details>`
    : "";
  const code =
    source && cell.directives.lab !== undefined && opts.wrapLab
      ? opts.wrapLab(cell, source)
      : source;
  const outputs = renderOutputs(cell, {
    md: opts.md,
    env,
    figures: cellFigures(env.stem as string, cell),
    staticUrls: opts.staticUrls,
    wrapFigure: opts.wrapFigure,
  });
  if (!code && !outputs && notes.length === 0) return "";
  return (
    `<div class="cell code-cell" id="cell-${escapeHtml(cell.id)}">\n${code}\n${notes.join("\n")}` +
    (outputs ? `\n<div class="outputs">\n${outputs}\n</div>` : "") +
    `\n</div>`
  );
}

/**
 * The page's HTML.
 * @param lecture the executed notebook
 * @param outline its title, subtitle and verify list
 * @param opts renderer, neighbours, static figures
 */
export function renderLecturePage(lecture: Lecture, outline: Outline, opts: PageOptions): string {
  const env: MarkdownEnv = {
    where: lecture.file,
    macros: {},
    slugger: new Slugger(),
    headings: [],
    stem: lecture.stem,
  };
  const parts: string[] = [];
  lecture.cells.forEach((cell, i) => {
    if (cell.type === "raw") return;
    if (cell.type === "markdown") {
      env.where = cell.where;
      parts.push(
        `<div class="cell md-cell" id="cell-${escapeHtml(cell.id)}">\n${renderMarkdown(opts.md, cell.source, env)}</div>`,
      );
    } else if (!cell.directives.hide) {
      parts.push(renderCode(cell, opts, env));
    }
    if (i === 0) parts.push(statusHtml(lecture.summary), openInJupyterLabHtml(lecture.stem));
  });
  const shown = lecture.cells.filter((c) => c.type === "code" && !c.directives.hide);
  const hasFigures = shown.some((c) => cellFigures(lecture.stem, c).length > 0);
  return pageShell({
    title: `${plainTitle(outline)} · ${opts.siteTitle}`,
    bodyClass: "lecture",
    siteTitle: opts.siteTitle,
    apiIndex: opts.apiIndex,
    notationPage: opts.notationPage,
    headerNav: pagerHtml(opts.prev, opts.next, "pager pager-top"),
    hasCode: shown.length > 0,
    hasFigures,
    extraScripts: opts.extraScripts,
    aside: tocHtml(env.headings),
    main:
      parts.filter(Boolean).join("\n") +
      "\n" +
      pagerHtml(opts.prev, opts.next, "pager pager-bottom"),
    footer: `Generated from <code>${escapeHtml(opts.sourcePath)}</code>, executed by the itolab runner; every check on this page held when it ran.`,
  });
}
