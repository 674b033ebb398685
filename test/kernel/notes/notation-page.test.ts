/**
 * The notation page: notebooks/NOTATION.md (a fixture in its form, and the real file) through the
 * notes' markdown: math rendered by KaTeX (tables included), tables, heading anchors and the
 * table of contents, a KaTeX error naming the file. In the site: the page linked from every page's
 * header beside the API reference, and from the outline; absent without the option.
 */
import fs from "fs";
import path from "path";
import { createMarkdown } from "../../../kernel/notes/markdown";
import { NOTATION_PAGE, renderNotationPage } from "../../../kernel/notes/notation-page";
import { buildSite, SiteFile } from "../../../kernel/notes/site";
import { fixtureApi } from "./api-fixture";
import { fixtureReport, NOTATION } from "./calibration-fixture";
import { code, lecture, root, TITLE } from "./support";

const text = (files: Map<string, SiteFile>, name: string) => {
  const f = files.get(name);
  if (!f || !("content" in f)) throw new Error(`no page ${name}`);
  return f.content;
};

/** The page's text outside code, scripts and rendered math (what RAW_MATH sees in a browser). */
const prose = (html: string) =>
  html
    .replace(/<(pre|code|script|style)\b[^]*?<\/\1>/g, "")
    .replace(/<span class="katex">[^]*?<\/annotation><\/semantics><\/math><\/span>/g, "");

/** The TeX sources KaTeX put in its MathML annotations, in order. */
const annotations = (html: string) =>
  [...html.matchAll(/<annotation encoding="application\/x-tex">(.*?)<\/annotation>/gs)].map(
    (m) => m[1],
  );

const opts = {
  md: createMarkdown(),
  siteTitle: "itolab · lecture notes",
  file: "notebooks/NOTATION.md",
};

describe("renderNotationPage", () => {
  const page = renderNotationPage(NOTATION, opts);

  it("renders the math of the text, the headings and the table cells with KaTeX", () => {
    expect(annotations(page)).toEqual([
      "t = 1, \\dots, N", // in the contents, before the page's text
      "\\alpha_t",
      "dX_t = f(t, X_t)\\,dt + g(t, X_t)\\,dW_t",
      "X_t = \\alpha_t X_0 + \\sigma_t\\,\\varepsilon",
      "t = 1, \\dots, N", // in the heading
      "q(x_{t-1} \\mid x_t, x_0)",
      "\\tilde\\beta_t = \\frac{1 - \\bar\\alpha_{t-1}}{1 - \\bar\\alpha_t}\\beta_t",
    ]);
    expect(prose(page).match(/\$[^$\n]+\$/g) ?? []).toEqual([]);
  });

  it("renders the tables, with code in code spans", () => {
    expect(page.match(/<table>/g)).toHaveLength(2);
    expect(page).toContain("<th>idea</th>\n<th>maths</th>\n<th>code</th>");
    expect(page).toMatch(/<td>marginal<\/td>\n<td><span class="katex">/);
    expect(page).toContain("<td><code>scale(t)</code>, <code>std(t)</code></td>");
  });

  it("has the page's title, anchored headings, contents and a footer naming the file", () => {
    expect(page).toContain("<title>Notation · itolab · lecture notes</title>");
    expect(page).toContain('<h1 id="notation">Notation<a class="anchor" href="#notation"');
    const toc = /<nav class="toc"[^]*?<\/nav>/.exec(page)?.[0] ?? "";
    expect([...toc.matchAll(/href="#([^"]+)"/g)].map((m) => m[1])).toEqual([
      "processes",
      "ddpm-steps-t-1-n",
    ]);
    expect(page).toContain('<body class="notation">');
    expect(page).toContain("Generated from <code>notebooks/NOTATION.md</code>");
    expect(page).toContain('<a class="site-notation" href="notation.html">Notation</a>');
  });

  it("names the file when KaTeX cannot render its math", () => {
    expect(() => renderNotationPage("| a |\n| - |\n| $\\frac{1}$ |", opts)).toThrow(
      /^notebooks\/NOTATION\.md: KaTeX cannot render \$\\frac\{1\}\$/,
    );
  });

  it("renders the course's notebooks/NOTATION.md with every formula through KaTeX", () => {
    const real = fs.readFileSync(path.join(root, "notebooks", "NOTATION.md"), "utf8");
    const html = renderNotationPage(real, opts);
    expect(prose(html).match(/\$[^$\n]+\$/g) ?? []).toEqual([]);
    expect(html.match(/<table>/g)?.length).toBeGreaterThan(2);
    expect(annotations(html).length).toBeGreaterThan(30);
  });
});

describe("the notation page in the site", () => {
  const lectures = [lecture("00-first", [TITLE, code("c-1", "x;")])];
  const site = buildSite(lectures, {
    figuresDir: null,
    api: fixtureApi(),
    notation: { markdown: NOTATION, file: "notebooks/NOTATION.md" },
    calibration: { report: fixtureReport(), file: "figures/calibration.json" },
  });

  it("is linked from every page's header, right after the API reference", () => {
    const pages = [...site.files.keys()].filter((k) => k.endsWith(".html"));
    expect(pages.sort()).toEqual([
      "00-first.html",
      "api-sde.html",
      "api-stats.html",
      "api.html",
      "calibration.html",
      "index.html",
      NOTATION_PAGE,
    ]);
    for (const name of pages) {
      expect({ name, header: /<header[^]*?<\/header>/.exec(text(site.files, name))?.[0] }).toEqual({
        name,
        header: expect.stringContaining(
          '<a class="site-api" href="api.html">API reference</a>\n<a class="site-notation" href="notation.html">Notation</a>',
        ),
      });
    }
  });

  it("is linked from the outline, beside the calibration report", () => {
    const index = text(site.files, "index.html");
    expect(index).toContain('see the <a href="notation.html">notation table</a>');
    expect(index).toContain('<a href="calibration.html">calibration report</a>');
  });

  it("is left out, with its links, when the site has no notation", () => {
    const plain = buildSite(lectures, { figuresDir: null });
    expect(plain.files.has(NOTATION_PAGE)).toBe(false);
    expect(plain.files.has("calibration.html")).toBe(false);
    for (const name of ["index.html", "00-first.html"]) {
      expect(text(plain.files, name)).not.toMatch(/notation\.html|calibration\.html/);
    }
  });
});
