/**
 * Pages and the site: hidden cells left out, contents and anchors, previous/next links, the
 * outline, static figures used only while current, and a failed write leaving the old site.
 */
import fs from "fs";
import path from "path";
import { lectureFigures, writeManifest } from "../../../kernel/notes/figure-spec";
import { Lecture } from "../../../kernel/notes/lecture";
import { buildSite, SiteFile, writeSite } from "../../../kernel/notes/site";
import { code, lecture, md, payload, plot, stdout, tempDir, TITLE } from "./support";

const text = (files: Map<string, SiteFile>, name: string) => {
  const f = files.get(name);
  if (!f || !("content" in f)) throw new Error(`no page ${name}`);
  return f.content;
};

function course(): Lecture[] {
  const title = (n: string, t: string) =>
    md("t-00", TITLE.source.replace("07 · Test lecture", `${n} · ${t}`));
  return [
    lecture("00-first", [
      title("00", "First $W_t$"),
      md("m-1", "## 1 · Paths\n\ntext $x$\n\n### Detail"),
      code("c-1", "//| hide\nconst secret = 42;", [
        stdout("hidden output\n✓ hidden: 1 vs 1\n"),
        plot(payload("hidden")),
      ]),
      code("c-2", "const shown = 1;", [
        stdout("✓ shown: 1 vs 1 within 0\n"),
        plot(payload("one", 2)),
      ]),
      md("m-2", "## 2 · Paths\n\nmore"),
    ]),
    lecture("01-second", [title("01", "Second"), code("c-1", "//| skip: slow\nrun();", [], null)]),
    lecture("02-third", [title("02", "Third")]),
  ];
}

describe("buildSite", () => {
  const site = buildSite(course(), { figuresDir: null });
  const first = text(site.files, "00-first.html");

  it("writes an outline, one page per notebook, and the shared assets", () => {
    expect(
      [...site.files.keys()].filter((k) => !k.startsWith("assets/katex/fonts/")).sort(),
    ).toEqual([
      "00-first.html",
      "01-second.html",
      "02-third.html",
      "assets/katex/katex.min.css",
      "assets/notes.css",
      "assets/notes.js",
      "assets/plotly.min.js",
      "index.html",
    ]);
    expect(
      [...site.files.keys()].filter((k) => k.startsWith("assets/katex/fonts/")).length,
    ).toBeGreaterThan(10);
    expect(text(site.files, "assets/katex/katex.min.css")).not.toMatch(/\.woff\)|\.ttf\)/);
  });

  it("leaves //| hide cells out, with their outputs and figures", () => {
    expect(first).not.toMatch(/secret|hidden output|hidden: 1|"text":"hidden"/);
    expect(first).toContain("const</span> shown");
    expect(site.figures).toBe(1);
    expect(first.match(/<figure class="plot/g)).toHaveLength(1);
  });

  it("builds the contents from ## and ### headings, each with an anchor", () => {
    const toc = /<nav class="toc"[^]*?<\/nav>/.exec(first)?.[0] ?? "";
    const links = [...toc.matchAll(/<li class="toc-l(\d)"><a href="#([^"]+)">/g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(links).toEqual(["2:1-paths", "3:detail", "2:2-paths"]);
    for (const id of ["1-paths", "detail", "2-paths"]) {
      expect(first).toContain(`id="${id}"`);
      expect(first).toContain(`<a class="anchor" href="#${id}"`);
    }
  });

  it("links each page to the previous and next lecture and to the outline", () => {
    const second = text(site.files, "01-second.html");
    expect(second).toMatch(
      /<a rel="prev" class="prev" href="00-first\.html">← <span class="num">00<\/span> · First <span class="katex">/,
    );
    expect(second).toMatch(
      /<a rel="next" class="next" href="02-third\.html"><span class="num">02<\/span> · Third →<\/a>/,
    );
    expect(first).toContain('<span class="prev none"></span>');
    expect(text(site.files, "02-third.html")).toContain('<span class="next none"></span>');
    expect(second).toContain('<a class="up" href="index.html">Outline</a>');
  });

  it("loads plotly.js from the shared local copy only on pages with figures", () => {
    expect(first).toContain('<script defer src="assets/plotly.min.js"></script>');
    expect(text(site.files, "02-third.html")).not.toContain("plotly");
    expect(first).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("shows the state of the checks, skipped cells included", () => {
    expect(first).toContain(
      '<p class="lecture-status pass"><span class="mark">✓</span> 2 checks held</p>',
    );
    expect(text(site.files, "01-second.html")).toContain("0 checks held · cell 2 skipped: slow");
  });

  it("links every lecture page to its notebook in the course's JupyterLite app", () => {
    for (const stem of ["00-first", "01-second", "02-third"]) {
      const link = `<a href="../lite/lab/index.html?path=${stem}.ipynb">Open in JupyterLab</a>`;
      expect(text(site.files, `${stem}.html`)).toContain(link);
    }
    expect(text(site.files, "index.html")).not.toContain("Open in JupyterLab");
  });

  it("writes the outline: number, title, subtitle, what we verify, status per lecture", () => {
    const index = text(site.files, "index.html");
    expect(index.match(/<li class="lecture-entry"/g)).toHaveLength(3);
    expect(index).toContain(
      '<h2><a href="00-first.html"><span class="num">00</span> · First <span class="katex">',
    );
    expect(index).toMatch(/<p class="subtitle">A one-line subtitle with <span class="katex">/);
    expect(index).toMatch(
      /<p class="verify-title">What we verify<\/p>\n<ol>\n<li>that <span class="katex">/,
    );
    expect(index).toContain("3 lectures, 2 checks");
  });

  it("requires the title cell, naming the notebook and cell", () => {
    const untitled = lecture("05-x", [md("m-0", "no title here")]);
    expect(() => buildSite([untitled], { figuresDir: null })).toThrow(
      '05-x.ipynb, cell 1 (id m-0): the first cell must be markdown starting with "# NN · Title" (STYLE.md)',
    );
  });
});

describe("static figures in the site", () => {
  it("uses a static copy only while the manifest says it shows the current figure", () => {
    const lectures = course();
    const figuresDir = tempDir("figures");
    const [fig] = lectureFigures(lectures[0]).filter((f) => f.cell.id === "c-2");
    fs.mkdirSync(path.join(figuresDir, "00-first"));
    for (const ext of ["svg", "png"])
      fs.writeFileSync(path.join(figuresDir, "00-first", `c-2-1.${ext}`), ext);
    writeManifest(figuresDir, { "00-first/c-2-1": { sha256: fig.hash } });
    const current = buildSite(lectures, { figuresDir });
    expect(current.staticFigures).toBe(1);
    expect(current.files.get("figures/00-first/c-2-1.png")).toEqual({
      copyFrom: path.join(figuresDir, "00-first", "c-2-1.png"),
    });
    expect(text(current.files, "00-first.html")).toContain(
      '<img class="plot-static" src="figures/00-first/c-2-1.svg"',
    );

    writeManifest(figuresDir, { "00-first/c-2-1": { sha256: "0".repeat(64) } });
    const stale = buildSite(lectures, { figuresDir });
    expect(stale.staticFigures).toBe(0);
    expect(stale.warnings.join("\n")).toContain("1 of 1 figures have no current static copy");
    expect(text(stale.files, "00-first.html")).toContain('<noscript><p class="plot-missing">');
  });
});

describe("writeSite", () => {
  it("replaces the site as a whole, and leaves the last good site when writing fails", () => {
    const out = path.join(tempDir("site"), "notes");
    writeSite(
      new Map([
        ["index.html", { content: "v1" }],
        ["old.html", { content: "gone next time" }],
      ]),
      out,
    );
    const bytes = writeSite(new Map([["index.html", { content: "v2!" }]]), out);
    expect(bytes).toBe(3);
    expect(fs.readdirSync(out)).toEqual(["index.html"]);
    const broken = new Map<string, SiteFile>([
      ["index.html", { content: "v3" }],
      ["assets/x.js", { copyFrom: path.join(out, "does-not-exist.js") }],
    ]);
    expect(() => writeSite(broken, out)).toThrow(/ENOENT/);
    expect(fs.readFileSync(path.join(out, "index.html"), "utf8")).toBe("v2!");
    expect(fs.readdirSync(path.dirname(out))).toEqual(["notes"]); // no temporary folder left
  });
});
