/**
 * The API reference pages, a pure function of the model (./api-model): `api.html` lists the
 * subpaths, one line each, and the names of the package root under the subpath each comes from;
 * `api-<folder>.html` shows a subpath's exports in the order of its index.ts, each with its
 * declaration (highlighted TypeScript, the types in it linking to their entries), its comment
 * (markdown with KaTeX math, through the notes' renderer), its parameters, what it returns, its
 * citations, where it is declared and its members. Pages share the lecture pages' shell, so they
 * pass the same checks: math rendered ahead of time, only local links, no script of their own.
 */
import type MarkdownIt from "markdown-it";
import {
  API_INDEX,
  ApiCode,
  ApiDoc,
  ApiEntry,
  ApiModel,
  ApiModule,
  apiPageFile,
  codeText,
} from "./api-model";
import { highlightTypeScript } from "./highlight";
import { escapeHtml } from "./html";
import { pageShell } from "./layout";
import { MarkdownEnv, renderMarkdown } from "./markdown";
import { Slugger } from "./slug";

export interface ApiPageOptions {
  md: MarkdownIt.MarkdownIt;
  siteTitle: string;
  /** The notation page, linked from the header, if the site has one. */
  notationPage?: string;
}

/** Markdown of one comment: where it comes from (for KaTeX errors) and the page's slugs. */
function envFor(where: string, slugger: Slugger): MarkdownEnv {
  return { where, macros: {}, slugger, headings: [] };
}

/** Code to escaped, highlighted HTML, names linking to their entries. */
export function codeHtml(code: ApiCode): string {
  return code
    .map((p) =>
      typeof p === "string"
        ? highlightTypeScript(p)
        : `<a class="api-ref" href="${escapeHtml(p.href)}">${escapeHtml(p.text)}</a>`,
    )
    .join("");
}

const inline = (md: MarkdownIt.MarkdownIt, text: string, env: MarkdownEnv) =>
  md.renderInline(text, env);

function docHtml(md: MarkdownIt.MarkdownIt, doc: ApiDoc, env: MarkdownEnv): string {
  const parts: string[] = [];
  if (doc.summary)
    parts.push(`<div class="api-doc">\n${renderMarkdown(md, doc.summary, env)}</div>`);
  if (doc.params.length) {
    const rows = doc.params.map(
      (p) => `<dt><code>${escapeHtml(p.name)}</code></dt><dd>${inline(md, p.text, env)}</dd>`,
    );
    parts.push(
      `<p class="api-label">Parameters</p>\n<dl class="api-params">\n${rows.join("\n")}\n</dl>`,
    );
  }
  if (doc.returns !== null) {
    parts.push(
      `<p class="api-returns"><span class="api-label">Returns</span> ${inline(md, doc.returns, env)}</p>`,
    );
  }
  for (const b of doc.blocks) {
    parts.push(
      `<div class="api-block"><p class="api-label">${escapeHtml(b.tag)}</p>\n${renderMarkdown(md, b.text, env)}</div>`,
    );
  }
  if (doc.see.length) {
    const items = doc.see.map((s) => `<li>${inline(md, s, env)}</li>`);
    parts.push(`<p class="api-label">See</p>\n<ul class="api-see">\n${items.join("\n")}\n</ul>`);
  }
  return parts.join("\n");
}

/**
 * One entry (level 2) or member (level 3, 4 …) with its members; a member's source is shown
 * only when it is not in its parent's file.
 */
function entryHtml(
  md: MarkdownIt.MarkdownIt,
  module: ApiModule,
  e: ApiEntry,
  level: number,
  slugger: Slugger,
  parentFile: string | null = null,
): string {
  const where = `${module.name} · ${e.id}${e.source ? ` (${e.source})` : ""}`;
  const env = envFor(where, slugger);
  const h = `h${Math.min(level, 6)}`;
  const id = escapeHtml(e.id);
  const sigs = e.code
    .filter((c) => codeText(c).trim())
    .map((c) => `<pre class="code api-sig"><code>${codeHtml(c)}</code></pre>`);
  const file = e.source ? e.source.replace(/:\d+$/, "") : null;
  const members = e.members.map((m) => entryHtml(md, module, m, level + 1, slugger, file));
  return [
    `<section class="${level === 2 ? "api-entry" : "api-member"}" id="${id}">`,
    `<${h}><code>${escapeHtml(e.name)}</code> <span class="api-kind">${escapeHtml(e.kind)}</span>` +
      `<a class="anchor" href="#${id}" aria-label="Link to this entry">#</a></${h}>`,
    ...sigs,
    docHtml(md, e.doc, env),
    e.source && file !== parentFile
      ? `<p class="api-source">Declared in <code>${escapeHtml(e.source)}</code></p>`
      : "",
    members.length ? `<div class="api-members">\n${members.join("\n")}\n</div>` : "",
    `</section>`,
  ]
    .filter(Boolean)
    .join("\n");
}

function tocHtml(items: { href: string; html: string }[]): string {
  if (items.length === 0) return "";
  const li = items.map(
    (i) => `<li class="toc-l2"><a href="${escapeHtml(i.href)}">${i.html}</a></li>`,
  );
  return `<nav class="toc" aria-label="Contents"><p class="toc-title">Contents</p><ol>\n${li.join("\n")}\n</ol></nav>`;
}

const moduleLink = (m: ApiModule) =>
  `<a href="${escapeHtml(apiPageFile(m.folder))}"><code>${escapeHtml(m.name)}</code></a>`;

function pagerHtml(prev: ApiModule | undefined, next: ApiModule | undefined, cls: string): string {
  const link = (m: ApiModule | undefined, rel: "prev" | "next") =>
    m
      ? `<a rel="${rel}" class="${rel}" href="${escapeHtml(apiPageFile(m.folder))}">${rel === "prev" ? "← " : ""}<code>${escapeHtml(m.name)}</code>${rel === "next" ? " →" : ""}</a>`
      : `<span class="${rel} none"></span>`;
  return `<nav class="${cls}" aria-label="Previous and next subpath">${link(prev, "prev")}<a class="up" href="${API_INDEX}">All subpaths</a>${link(next, "next")}</nav>`;
}

/**
 * The page of one subpath.
 * @param model the reference (for the neighbouring subpaths)
 * @param index which of model.modules
 * @param opts markdown renderer, site title
 */
export function renderApiModulePage(model: ApiModel, index: number, opts: ApiPageOptions): string {
  const m = model.modules[index];
  const slugger = new Slugger();
  // headings inside comments get slugs other than the entries' anchors
  const reserve = (e: ApiEntry): void => {
    slugger.slug(e.id);
    e.members.forEach(reserve);
  };
  m.entries.forEach(reserve);
  const env = envFor(m.name, slugger);
  const entries = m.entries.map((e) => entryHtml(opts.md, m, e, 2, slugger));
  const prev = model.modules[index - 1];
  const next = model.modules[index + 1];
  const count = `${m.entries.length} export${m.entries.length === 1 ? "" : "s"}`;
  return pageShell({
    title: `${m.name} · API · ${opts.siteTitle}`,
    bodyClass: "api",
    siteTitle: opts.siteTitle,
    apiIndex: API_INDEX,
    notationPage: opts.notationPage,
    headerNav: pagerHtml(prev, next, "pager pager-top"),
    hasCode: false,
    hasFigures: false,
    aside: tocHtml(
      m.entries.map((e) => ({ href: `#${e.id}`, html: `<code>${escapeHtml(e.name)}</code>` })),
    ),
    main:
      `<h1><code>${escapeHtml(m.name)}</code></h1>\n` +
      (m.summary ? `<p class="api-summary">${inline(opts.md, m.summary, env)}</p>\n` : "") +
      `<p class="api-import"><code>import { … } from ${escapeHtml(JSON.stringify(m.name))}</code> · ${count}</p>\n` +
      entries.join("\n") +
      "\n" +
      pagerHtml(prev, next, "pager pager-bottom"),
    footer: `Generated by TypeDoc from the doc comments of <code>src/${escapeHtml(m.folder)}/</code>; entries marked <code>@internal</code> are left out.`,
  });
}

/**
 * The API index: each subpath with its line, and the names the package root exports.
 * @param model the reference
 * @param opts markdown renderer, site title
 */
export function renderApiIndexPage(model: ApiModel, opts: ApiPageOptions): string {
  const env = envFor(`${API_INDEX}`, new Slugger());
  const pkg = escapeHtml(model.packageName);
  const modules = model.modules.map(
    (m) =>
      `<li>${moduleLink(m)}${m.summary ? ` <span class="api-line">${inline(opts.md, m.summary, env)}</span>` : ""}` +
      ` <span class="api-count">(${m.entries.length})</span></li>`,
  );
  // the root's names, under the subpath each comes from, in the order they first appear
  const groups = new Map<string, string[]>();
  for (const r of model.root) {
    const key = r.module ?? "";
    const name = `<code>${escapeHtml(r.name)}</code>`;
    groups.set(key, [
      ...(groups.get(key) ?? []),
      r.href ? `<a href="${escapeHtml(r.href)}">${name}</a>` : name,
    ]);
  }
  const rows = [...groups].map(([key, names]) => {
    const m = model.modules.find((x) => x.name === key);
    return `<dt>${m ? moduleLink(m) : "elsewhere"}</dt><dd>${names.join(", ")}</dd>`;
  });
  return pageShell({
    title: `API reference · ${opts.siteTitle}`,
    bodyClass: "api api-index",
    siteTitle: opts.siteTitle,
    apiIndex: API_INDEX,
    notationPage: opts.notationPage,
    hasCode: false,
    hasFigures: false,
    aside: tocHtml([
      { href: "#subpaths", html: "Subpaths" },
      { href: "#root", html: `The package root <code>${pkg}</code>` },
    ]),
    main:
      `<h1>API reference</h1>\n` +
      `<p class="site-description">The library <code>${pkg}</code> behind the lectures, from its doc comments: ` +
      `one page per subpath (<code>import { … } from "${pkg}/sde"</code>), each export with its declaration, ` +
      `its formula, its parameters with their shapes, and the paper it follows.</p>\n` +
      `<h2 id="subpaths">Subpaths<a class="anchor" href="#subpaths" aria-label="Link to this section">#</a></h2>\n` +
      `<ul class="api-modules">\n${modules.join("\n")}\n</ul>\n` +
      `<h2 id="root">The package root <code>${pkg}</code><a class="anchor" href="#root" aria-label="Link to this section">#</a></h2>\n` +
      `<p><code>import { … } from "${pkg}"</code> gives the ${model.root.length} names the lectures use most; each is documented in its subpath.</p>\n` +
      `<dl class="api-root">\n${rows.join("\n")}\n</dl>`,
    footer: "Generated by TypeDoc from the doc comments of <code>src/</code>.",
  });
}

/**
 * Every API page of the site: `api.html` and `api-<folder>.html` per subpath.
 * @param model the reference
 * @param opts markdown renderer, site title
 */
export function renderApiPages(model: ApiModel, opts: ApiPageOptions): Map<string, string> {
  const pages = new Map<string, string>([[API_INDEX, renderApiIndexPage(model, opts)]]);
  model.modules.forEach((m, i) => {
    const file = apiPageFile(m.folder);
    if (pages.has(file)) throw new Error(`api: two subpaths with the page ${file}`);
    pages.set(file, renderApiModulePage(model, i, opts));
  });
  return pages;
}
