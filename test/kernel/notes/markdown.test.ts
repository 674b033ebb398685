/** Markdown cells: math rendered by KaTeX ahead of time, untouched by markdown; heading anchors. */
import { NotesError } from "../../../kernel/notes/errors";
import { createMarkdown, MarkdownEnv, renderMarkdown } from "../../../kernel/notes/markdown";
import { Slugger, slugify } from "../../../kernel/notes/slug";

const md = createMarkdown();
const env = (): MarkdownEnv => ({
  where: "nb.ipynb, cell 3 (id c-3)",
  macros: {},
  slugger: new Slugger(),
  headings: [],
});
const render = (src: string, e = env()) => renderMarkdown(md, src, e);
/** The TeX sources KaTeX put in its MathML annotations, in order. */
const annotations = (html: string) =>
  [...html.matchAll(/<annotation encoding="application\/x-tex">(.*?)<\/annotation>/gs)].map(
    (m) => m[1],
  );

describe("math", () => {
  it("renders $…$ inline and $$…$$ in display style, leaving no dollar", () => {
    const html = render("Let $W_t$ be given, and $$\\int_0^t f\\,dW$$ exists.");
    expect(annotations(html)).toEqual(["W_t", "\\int_0^t f\\,dW"]);
    expect(html).toContain('<span class="katex-display">');
    expect(html).not.toContain("$");
  });

  it("keeps underscores and asterisks inside math away from emphasis", () => {
    const html = render("$a_1 * b_2 * c_3$ and $x_*$ _here_");
    expect(annotations(html)).toEqual(["a_1 * b_2 * c_3", "x_*"]);
    expect(html.match(/<em>/g)).toHaveLength(1); // only `_here_`
  });

  it("renders a $$ block on its own lines, interrupting a paragraph", () => {
    const html = render("so\n$$\n\\mathbb E\\,Q_n = T,\n\\qquad x$$\n$Q_n$ next");
    expect(html).toMatch(/<p>so<\/p>\n<div class="math-block">/);
    expect(annotations(html)).toEqual(["\n\\mathbb E\\,Q_n = T,\n\\qquad x", "Q_n"]);
  });

  it("pairs dollars as Jupyter does: spaces allowed inside, \\$ is a dollar, code spans are code", () => {
    const html = render("costs \\$5; `$c$` in code; $d H(X) $ and $ y$.");
    expect(annotations(html)).toEqual(["d H(X) ", " y"]);
    expect(html).toContain("<p>costs $5; <code>$c$</code> in code;");
    expect(annotations(render("only one $ here"))).toEqual([]);
    expect(render("only one $ here")).toContain("only one $ here");
  });

  it("throws a NotesError naming the notebook and cell when KaTeX cannot parse", () => {
    expect(() => render("bad $\\frac{1}$ math")).toThrow(NotesError);
    expect(() => render("bad $\\frac{1}$ math")).toThrow(
      /^nb\.ipynb, cell 3 \(id c-3\): KaTeX cannot render \$\\frac\{1\}\$: KaTeX parse error/,
    );
    expect(() => render("$$\\undefinedmacro$$")).toThrow(
      /cell 3 \(id c-3\).*Undefined control sequence/,
    );
  });

  it("shares \\gdef macros between the cells of one notebook", () => {
    const e = env();
    render("$\\gdef\\E{\\mathbb E}$", e);
    expect(render("$\\E X$", e)).toContain('<mi mathvariant="double-struck">E</mi>');
  });
});

describe("escaping and headings", () => {
  it("escapes raw HTML in markdown instead of passing it through", () => {
    const html = render("x </script><script>alert(1)</script> <b>y</b>");
    expect(html).not.toMatch(/<script|<\/script|<b>/);
    expect(html).toContain("&lt;/script&gt;");
  });

  it("gives headings unique ids, an anchor link, and records them for the contents", () => {
    const e = env();
    const html = render(
      "## 2 · The law: $\\operatorname{Var} W_t = t$\n\n### Notes\n\n### Notes\n",
      e,
    );
    expect(e.headings.map((h) => [h.level, h.id])).toEqual([
      [2, "2-the-law-var-w-t-t"],
      [3, "notes"],
      [3, "notes-2"],
    ]);
    expect(html).toContain('<h2 id="2-the-law-var-w-t-t">');
    expect(html).toContain(
      '<a class="anchor" href="#notes-2" aria-label="Link to this section">#</a></h3>',
    );
    expect(e.headings[0].html).toContain('class="katex"');
  });

  it("slugify keeps letters of any script and drops TeX commands and accents", () => {
    expect(slugify("Øksendal & Itô: \\sigma_t")).toBe("øksendal-ito-t");
    expect(slugify("···")).toBe("section");
  });
});
