/**
 * The API reference pages on a hand-written model: math rendered by KaTeX everywhere (summary,
 * parameters, returns, citations, the API index's lines), signatures escaped with their types
 * linking to their entries, parameters listed, members and anchors, the table of contents, the
 * links between pages, and a KaTeX error naming the entry. In the site: the pages beside the
 * lectures, and every lecture page and the outline linking to the API index.
 */
import { renderApiPages } from "../../../kernel/notes/api-page";
import { createMarkdown } from "../../../kernel/notes/markdown";
import { buildSite, SiteFile } from "../../../kernel/notes/site";
import { fixtureApi } from "./api-fixture";
import { HOSTILE } from "./fixture";
import { lecture, TITLE } from "./support";

const opts = { md: createMarkdown(), siteTitle: "itolab · lecture notes" };

/** The page's text outside code, scripts and rendered math (what RAW_MATH sees in a browser). */
const prose = (html: string) =>
  html
    .replace(/<(pre|code|script|style)\b[^]*?<\/\1>/g, "")
    .replace(/<span class="katex">[^]*?<\/annotation><\/semantics><\/math><\/span>/g, "");

/** An entry's section: from its opening tag to the next entry's. */
const section = (html: string, id: string) =>
  /<section[^>]*>[^]*?(?=<section class="api-entry"|<nav class="pager pager-bottom")/.exec(
    html.slice(html.indexOf(`id="${id}"`) - 40),
  )?.[0] ?? "";

describe("renderApiPages", () => {
  const pages = renderApiPages(fixtureApi(), opts);
  const sde = pages.get("api-sde.html") ?? "";
  const index = pages.get("api.html") ?? "";

  it("writes the API index and one page per subpath", () => {
    expect([...pages.keys()]).toEqual(["api.html", "api-sde.html", "api-stats.html"]);
  });

  it("renders the math of every text with KaTeX, leaving no $…$ in the prose", () => {
    const fn = section(sde, "integrate");
    expect(fn).toMatch(/<div class="api-doc">\n<p><span class="katex">/); // summary, inline
    expect(fn).toContain('<span class="katex-display">'); // $$…$$
    expect(fn).toMatch(/<dd>drift <span class="katex">[^]*<\/dd>/); // a parameter
    expect(fn).toMatch(/<span class="api-label">Returns<\/span> the state <span class="katex">/);
    expect(fn).toMatch(/<li>Higham \(2001\), eq\. <span class="katex">/); // a citation
    expect(index).toMatch(/solvers for <span class="katex">/); // a subpath's line
    for (const [name, html] of pages) {
      expect({ name, raw: prose(html).match(/\$[^$\n]+\$/g) ?? [] }).toEqual({ name, raw: [] });
    }
  });

  it("prints signatures escaped and highlighted, their types linking to their entries", () => {
    const sig = /<pre class="code api-sig"><code>([^]*?)<\/code><\/pre>/.exec(
      section(sde, "integrate"),
    )?.[1];
    expect(sig).toContain('<span class="tok-kw">function</span>');
    expect(sig).toContain("&lt;");
    expect(sig).toContain('<span class="tok-str">&quot;&lt;/script&gt;&quot;</span>');
    expect(sig).toContain('<a class="api-ref" href="api-sde.html#Sde">Sde</a>');
    expect(sig).not.toMatch(/<\/?script/);
    // the page's text is the declaration, character for character
    const text = (sig ?? "")
      .replace(/<[^>]+>/g, "")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
    expect(text).toBe(
      "function integrate<T extends Record<string, number>>(\n  sde: Sde,\n  tag?: \"</script>\" | 'x' & T,\n): Float64Array",
    );
  });

  it("lists the parameters with their text, the citations, other tags and the source", () => {
    const fn = section(sde, "integrate");
    expect([...fn.matchAll(/<dt><code>([^<]+)<\/code><\/dt>/g)].map((m) => m[1])).toEqual([
      "sde",
      "tag",
    ]);
    expect(fn).toContain(
      `<dd><code>${HOSTILE.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}</code></dd>`,
    );
    expect(fn).toContain("<li>Kloeden &amp; Platen (1992), §10.2, eq. (10.2.2)</li>");
    expect(fn).toMatch(
      /<p class="api-label">Example<\/p>\n<pre><code class="language-ts">integrate/,
    );
    expect(fn).toContain(
      '<p class="api-source">Declared in <code>src/sde/integrate.ts:32</code></p>',
    );
    expect(sde).not.toMatch(/<script>window|<img src=x/); // the hostile text stays text
  });

  it("shows members under their entry, with anchors Parent.member", () => {
    const iface = section(sde, "Sde");
    expect(iface).toMatch(
      /<section class="api-member" id="Sde\.drift">\n<h3><code>drift<\/code> <span class="api-kind">method<\/span><a class="anchor" href="#Sde\.drift"/,
    );
    expect(iface).toContain('<section class="api-member" id="Sde.dim">');
    // a member's source only when it is not in its parent's file
    expect(iface).toContain("Declared in <code>src/sde/sde.ts:13</code>");
    expect(iface).not.toContain("src/sde/sde.ts:20");
    // a heading inside a comment gets its own slug, not an entry's anchor
    expect(iface).toMatch(/<h2 id="moments">Moments/);
    expect(sde.match(/id="Sde"/g)).toHaveLength(1);
  });

  it("lists the entries in the contents, and links to the neighbouring subpaths", () => {
    const toc = /<nav class="toc"[^]*?<\/nav>/.exec(sde)?.[0] ?? "";
    expect([...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual(["Sde", "integrate"]);
    expect(sde).toContain('<span class="prev none"></span><a class="up" href="api.html">');
    expect(sde).toContain(
      '<a rel="next" class="next" href="api-stats.html"><code>itolab/stats</code> →</a>',
    );
    expect(sde).toContain('<a class="site-api" href="api.html">API reference</a>');
  });

  it("lists the subpaths on the API index, and the root's names under their subpath", () => {
    expect(index).toMatch(
      /<li><a href="api-sde\.html"><code>itolab\/sde<\/code><\/a> <span class="api-line">the <code>Sde<\/code> interface/,
    );
    expect(index).toContain(
      '<li><a href="api-stats.html"><code>itolab/stats</code></a> <span class="api-count">(1)</span></li>',
    );
    expect(index).toContain(
      '<dt><a href="api-sde.html"><code>itolab/sde</code></a></dt><dd><a href="api-sde.html#integrate"><code>integrate</code></a>, <a href="api-sde.html#Sde"><code>Sde</code></a></dd>',
    );
  });

  it("every link between the pages lands on an anchor", () => {
    for (const [name, html] of pages) {
      for (const [, file, id] of html.matchAll(/href="(api[\w-]*\.html)#([^"]+)"/g)) {
        const target = file === name ? html : pages.get(file);
        expect({
          from: name,
          to: `${file}#${id}`,
          found: !!target?.includes(`id="${id}"`),
        }).toEqual({ from: name, to: `${file}#${id}`, found: true });
      }
    }
  });

  it("names the entry and its source when KaTeX cannot render its math", () => {
    const model = fixtureApi();
    model.modules[1].entries[0].doc.see = ["eq. $\\frac{1}{$"];
    expect(() => renderApiPages(model, opts)).toThrow(
      "itolab/stats · moments (src/stats/moments.ts:5): KaTeX cannot render $\\frac{1}{$",
    );
  });
});

describe("the API reference in the site", () => {
  const text = (files: Map<string, SiteFile>, name: string) => {
    const f = files.get(name);
    if (!f || !("content" in f)) throw new Error(`no page ${name}`);
    return f.content;
  };
  const lectures = [lecture("00-first", [TITLE]), lecture("01-second", [TITLE])];

  it("publishes the pages beside the lectures, linked from every lecture and the outline", () => {
    const site = buildSite(lectures, { figuresDir: null, api: fixtureApi() });
    expect([...site.files.keys()].filter((k) => k.startsWith("api"))).toEqual([
      "api.html",
      "api-sde.html",
      "api-stats.html",
    ]);
    for (const page of ["index.html", "00-first.html", "01-second.html"]) {
      expect(text(site.files, page)).toContain(
        '<a class="site-api" href="api.html">API reference</a>',
      );
    }
    expect(text(site.files, "index.html")).toContain(
      'documented in the <a href="api.html">API reference</a>',
    );
  });

  it("leaves the link out of a site without a reference", () => {
    const site = buildSite(lectures, { figuresDir: null });
    expect([...site.files.keys()].filter((k) => k.startsWith("api"))).toEqual([]);
    expect(text(site.files, "00-first.html")).not.toContain("api.html");
    expect(text(site.files, "index.html")).not.toContain("api.html");
  });
});
