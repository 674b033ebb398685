/**
 * Labs in the lecture pages (issue 24). Node side: the pure helpers the page's lab worker runs
 * (kernel/notes/live/labs/compile.ts) with the real compiler and graders, and the lab element's
 * HTML. Browser side: a lecture page is built with the labs' browser assets and opened from
 * file:// in headless Chromium (Debian's, offline, every request but file:, blob: and data:
 * aborted); for every lab of the page: the stub checked is "not attempted", an endless loop is
 * stopped with a message, each recorded mutant (labs/mutants/NN.ts) fails with its mistake's
 * hint, the reference solution (labs/solutions/NN.ts) typed into the editor passes, a reload
 * restores the code and verdict from localStorage, and reset brings the stub back; no console
 * error, no request leaving the page. The page without scripts shows the stub.
 *
 * LAB_STEMS (comma-separated lecture numbers or stems, or "all") chooses the lectures; default 00.
 * Verdict times are printed, not asserted.
 */
import fs from "fs";
import path from "path";
import ts from "typescript";
import type { Browser, Page } from "playwright-core";
import * as labsModule from "../../../src/labs";
import { evaluateLab, findLab, Lab, LabFunction } from "../../../src/labs";
import { buildLabAssets, itolabEntries, LabAssets } from "../../../kernel/notes/live/labs/bundle";
import {
  compileLab,
  labModuleSource,
  labRequire,
  lectureImports,
  loadLab,
  parseSaved,
  stoppedVerdict,
  storageKey,
  verdictOfReport,
} from "../../../kernel/notes/live/labs/compile";
import { labCellHtml, labPage, lectureLabCells } from "../../../kernel/notes/live/labs/html";
import { Lecture, readLecture } from "../../../kernel/notes/lecture";
import { executedLecture } from "../../../kernel/notes/live/executed";
import { selectStems } from "../../../kernel/notes/live/report";
import { buildSite, writeSite } from "../../../kernel/notes/site";
import { solutionFunctions } from "../../../kernel/runner/lab-solutions";
import { labStubs } from "../../../kernel/labs/stubs";
import { launch, offlinePage, PageLog, runBrowserTests } from "./browser-support";
import { code, lecture as fixtureLecture, md, root, stdout, TITLE } from "./support";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureBuilt } = require("../../../kernel/bin/build-if-stale.js");

const work = path.join(root, "build", "notes-test", "labs");
const ALL_STEMS = fs
  .readdirSync(path.join(root, "notebooks"))
  .filter(
    (f) =>
      /^\d\d-.*\.ipynb$/.test(f) &&
      fs.existsSync(path.join(root, "labs", "solutions", `${f.slice(0, 2)}.ts`)),
  )
  .map((f) => f.replace(/\.ipynb$/, ""))
  .sort();
const STEMS = selectStems(ALL_STEMS, process.env.LAB_STEMS ?? "00");

/** The recorded mutants of a lecture as code for the editor: `const fn = <the wrong function>;`. */
function mutantSources(nn: string): { lab: string; mistake: string; code: string }[] {
  const file = path.join(root, "labs", "mutants", `${nn}.ts`);
  const sf = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2020, true);
  const out: { lab: string; mistake: string; code: string }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "mutant" &&
      node.arguments.length === 3
    ) {
      const [labArg, mistake, fn] = node.arguments;
      const lab = (labsModule as unknown as Record<string, Lab<LabFunction>>)[labArg.getText(sf)];
      if (!lab || !ts.isStringLiteral(mistake)) throw new Error(`${file}: unreadable mutant`);
      out.push({
        lab: lab.id,
        mistake: mistake.text,
        code: `const ${lab.fn} = ${fn.getText(sf)};\n`,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

describe("labs in the page: the worker's helpers, in Node", () => {
  const lab = findLab("00-quadratic-variation");
  const imports = 'import { Todo, grade } from "itolab/labs";\nimport { linspace } from "itolab";';
  const stub =
    "function pathQuadraticVariation(w: Float64Array): number {\n" +
    '  throw new Todo("the sum of the squared increments");\n}';
  const solution = solutionFunctions(path.join(root, "labs", "solutions", "00.ts")).get(
    "pathQuadraticVariation",
  )!;
  const require = labRequire({ "itolab/labs": labsModule, itolab: { linspace: () => 0 } });
  const run = (code: string) => {
    const c = compileLab(ts, imports, code, lab.fn);
    if (!c.ok) return c.verdict;
    const l = loadLab(c.js, lab.fn, require);
    return l.ok ? verdictOfReport(evaluateLab(lab, l.fn as LabFunction)) : l.verdict;
  };

  it("compiles a stub as npm run labs does: imports, code, the function exported", () => {
    const src = labModuleSource(imports, stub, lab.fn);
    expect(src.startsWith(imports + "\n" + stub)).toBe(true);
    expect(src).toContain('module.exports = typeof pathQuadraticVariation === "function"');
    const c = compileLab(ts, imports, stub, lab.fn);
    expect(c.ok).toBe(true);
    if (c.ok) expect(c.js).toMatch(/require\("itolab\/labs"\)/);
  });

  it("grades the stub as not attempted, the solution as passed, a mutant with its hint", () => {
    expect(run(stub).state).toBe("not attempted");
    const passed = run(solution);
    expect(passed.state).toBe("passed");
    expect(passed.head).toMatch(/^✓ lab 00-quadratic-variation \(pathQuadraticVariation\)/);
    const m = mutantSources("00").find((x) => x.mistake === "total-variation")!;
    const failed = run(m.code);
    expect(failed.state).toBe("failed");
    expect(failed.hint).toBe(lab.mistakes.find((k) => k.name === "total-variation")!.hint);
    expect(failed.details.some((d) => d.startsWith("smallest failing case: "))).toBe(true);
    expect(failed.details.some((d) => d.startsWith("expected "))).toBe(true);
  });

  it("reports syntax errors with the editor's line numbers, and a missing function", () => {
    const bad = run("function pathQuadraticVariation(w: Float64Array): number {\n  return (;\n}");
    expect(bad.state).toBe("error");
    expect(bad.head).toMatch(/does not compile/);
    expect(bad.details[0]).toMatch(/^line 2, column \d+: /);
    const renamed = run("function qv(w: Float64Array): number { return 0; }");
    expect(renamed).toMatchObject({
      state: "error",
      head: "✗ your code declares no function pathQuadraticVariation",
    });
    const throws = run('throw new Error("boom");\nfunction pathQuadraticVariation() { return 0; }');
    expect(throws.head).toMatch(/threw while it loaded/);
    expect(throws.details).toEqual(["Error: boom"]);
  });

  it("requires only itolab: another package is refused by name", () => {
    expect(() => labRequire({})("mathjs")).toThrow(
      /mathjs is not available to the labs in the page/,
    );
    const c = compileLab(
      ts,
      'import { evaluate } from "mathjs";',
      "function f() { return evaluate('1'); }",
      "f",
    );
    expect(c.ok).toBe(true);
    if (c.ok) expect(loadLab(c.js, "f", labRequire({})).ok).toBe(false);
    // an import the code does not use is dropped by the compiler, as in npm run labs
    const unused = compileLab(
      ts,
      'import * as math from "mathjs";',
      "function f() { return 1; }",
      "f",
    );
    if (unused.ok) expect(loadLab(unused.js, "f", labRequire({})).ok).toBe(true);
  });

  it("keeps code and verdicts under one key per lecture and lab, and reads back only its own", () => {
    expect(storageKey("00-brownian-motion", "00-brownian-path")).toBe(
      "itolab-lab:00-brownian-motion:00-brownian-path",
    );
    const v = stoppedVerdict("brownianPath", 1500);
    expect(v.head).toBe("✗ stopped: brownianPath was still running after 1.5 s (an endless loop?)");
    const saved = { code: "x", verdict: v, at: "2026-01-01T00:00:00Z" };
    expect(parseSaved(JSON.stringify(saved))).toEqual(saved);
    expect(parseSaved(JSON.stringify({ code: "x", verdict: { state: "odd" } }))).toEqual({
      code: "x",
      verdict: null,
      at: "",
    });
    expect(parseSaved("not json")).toBeNull();
    expect(parseSaved(JSON.stringify({ verdict: v }))).toBeNull();
    expect(parseSaved(null)).toBeNull();
  });

  it("finds the notebook's imports and every subpath of itolab for the worker's require", () => {
    expect(lectureImports(ts, ['import { a } from "x";\nconst b = 1;', 'import "y";'])).toBe(
      'import { a } from "x";\nimport "y";',
    );
    const entries = itolabEntries(root);
    expect(entries.get("itolab")).toBe(path.join(root, "src", "index.ts"));
    expect(entries.get("itolab/labs")).toBe(path.join(root, "src", "labs", "index.ts"));
    for (const file of entries.values()) expect(fs.existsSync(file)).toBe(true);
  });

  it("renders a stub cell as the notes print it, inside the lab element", () => {
    const lecture = fixtureLecture("00-fixture", [
      TITLE,
      code("c1", 'import { Todo, grade, quadraticVariationLab } from "itolab/labs";'),
      md("m1", "### Exercise 1 (lab) · The quadratic variation"),
      code("c2", `//| lab: 00-quadratic-variation\n${stub}`),
      code("c3", `//| hide\n//| lab: 00-brownian-path\nfunction brownianPath() {}`),
      code("c4", "grade(quadraticVariationLab, pathQuadraticVariation);", [
        stdout("○ lab 00-quadratic-variation (pathQuadraticVariation): not attempted\n"),
      ]),
    ]);
    const cells = lectureLabCells(lecture);
    expect(cells.map((c) => c.directives.lab)).toEqual(["00-quadratic-variation"]);
    expect(cells[0].source).toBe(stub);
    const page = labPage(lecture);
    expect(page.imports).toMatch(/from "itolab\/labs"/);
    const html = labCellHtml(cells[0], "<details>CODE</details>", page);
    expect(html).toMatch(
      /^<div class="lab" data-state="stub" data-lab="00-quadratic-variation" data-fn="pathQuadraticVariation"/,
    );
    expect(html).toContain("<details>CODE</details>");
    expect(html).toMatch(/<div class="lab-controls" hidden>/);
    expect(html).toMatch(/data-imports="[^"]*&quot;itolab\/labs&quot;/);
  });
});

let assets: Promise<LabAssets> | null = null;

interface LabView {
  state: string;
  run: number;
  ms: number;
  verdict: string;
  hint: string;
  status: string;
  code: string;
}

const view = (id: string) => `(function () {
  var el = document.querySelector('.lab[data-lab="${id}"]');
  var hint = el.querySelector(".lab-hint");
  return {
    state: el.getAttribute("data-state"),
    run: Number(el.getAttribute("data-run") || 0),
    ms: Number(el.getAttribute("data-ms") || NaN),
    verdict: el.querySelector(".lab-verdict").hidden ? "" : el.querySelector(".lab-verdict").textContent,
    hint: hint ? hint.textContent : "",
    status: el.querySelector(".lab-status").textContent,
    code: window.itolabLabs.get("${id}").code(),
  };
})()`;

/** Types `code` into the lab's editor as a reader pastes it: select all, insert the text. */
async function typeCode(page: Page, id: string, code: string): Promise<void> {
  await page.click(`.lab[data-lab="${id}"] .cm-content`);
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(code);
  const now = (await page.evaluate(view(id))) as LabView;
  expect(now.code).toBe(code);
}

/** Presses Check and waits for the verdict. */
async function check(page: Page, id: string): Promise<LabView & { wallMs: number }> {
  const before = (await page.evaluate(view(id))) as LabView;
  const t0 = Date.now();
  await page.click(`.lab[data-lab="${id}"] .lab-check`);
  await page.waitForFunction(
    ({ id, run }) => {
      const el = document.querySelector(`.lab[data-lab="${id}"]`) as HTMLElement;
      return Number(el.getAttribute("data-run") || 0) > run;
    },
    { id, run: before.run },
    { timeout: 60_000 },
  );
  const after = (await page.evaluate(view(id))) as LabView;
  return { ...after, wallMs: Date.now() - t0 };
}

for (const STEM of STEMS) {
  const nn = STEM.slice(0, 2);
  (runBrowserTests ? describe : describe.skip)(`labs of ${STEM} in headless Chromium`, () => {
    let browser: Browser;
    let page: Page;
    let log: PageLog;
    let lecture: Lecture;
    let url: string;
    const timings: string[] = [];
    const solutions = solutionFunctions(path.join(root, "labs", "solutions", `${nn}.ts`));
    const mutants = mutantSources(nn);

    beforeAll(async () => {
      ensureBuilt({ quiet: true });
      const executed = await executedLecture(root, STEM, path.join(work, "executed"));
      lecture = readLecture(executed, `build/notebooks/${STEM}.ipynb`);
      assets ??= buildLabAssets();
      const a = await assets;
      const site = buildSite([lecture], { figuresDir: path.join(root, "figures"), labs: a });
      writeSite(site.files, path.join(work, STEM));
      url = `file://${path.join(work, STEM, `${STEM}.html`)}`;
      browser = await launch();
      ({ page, log } = await offlinePage(browser));
      await page.goto(url);
      await page.waitForFunction(`document.querySelectorAll(".lab.lab-ready").length > 0`);
    }, 240_000);

    /** The stub as the page shows it (the lecture's cell without its directive lines). */
    const stubSource = (id: string) =>
      lectureLabCells(lecture).find((c) => c.directives.lab === id)?.source;

    afterAll(async () => {
      if (timings.length)
        process.stdout.write(`lab verdicts (file://):\n  ${timings.join("\n  ")}\n`);
      await browser?.close();
    });

    it("the page without scripts shows each stub as the notebook's code, no buttons", async () => {
      const { context, page: p } = await offlinePage(browser, { javaScriptEnabled: false });
      await p.goto(url);
      const labs = lectureLabCells(lecture);
      for (const cell of labs) {
        const sel = `.lab[data-lab="${cell.directives.lab}"]`;
        expect(await p.isVisible(`${sel} pre.code`)).toBe(true);
        expect(await p.textContent(`${sel} pre.code`)).toContain("throw new Todo(");
        expect(await p.isVisible(`${sel} .lab-controls`)).toBe(false);
        expect(await p.isVisible(`${sel} .lab-note`)).toBe(false);
      }
      await context.close();
    });

    it("every lab stub of the page is an editor holding the stub, with Check and reset", async () => {
      const ids = (await page.evaluate(`window.itolabLabs.ids()`)) as string[];
      expect(ids).toEqual(lectureLabCells(lecture).map((c) => c.directives.lab));
      for (const cell of lectureLabCells(lecture)) {
        const v = (await page.evaluate(view(cell.directives.lab!))) as LabView;
        expect(v.code).toBe(cell.source);
        expect(v.state).toBe("stub");
        expect(await page.isVisible(`.lab[data-lab="${cell.directives.lab}"] .cm-editor`)).toBe(
          true,
        );
        expect(await page.isVisible(`.lab[data-lab="${cell.directives.lab}"] .lab-check`)).toBe(
          true,
        );
      }
      // nothing of the compiler is loaded before the reader edits or checks
      expect(log.requests.filter((u) => /lab-worker-/.test(u))).toEqual([]);
    });

    for (const stub of labStubs(path.join(root, "notebooks", `${STEM}.ipynb`)).stubs) {
      const id = stub.lab;
      const lab = findLab(id);
      describe(id, () => {
        it("the stub, checked, is not attempted", async () => {
          const v = await check(page, id);
          timings.push(
            `${id} stub (compiler loaded, first worker): ${v.ms} ms (wall ${v.wallMs} ms)`,
          );
          expect(v.state).toBe("not attempted");
          expect(v.verdict).toMatch(new RegExp(`^○ lab ${id} \\(${lab.fn}\\): not attempted`));
          expect(log.errors).toEqual([]);
        }, 90_000);

        it("an endless loop is stopped, with a message", async () => {
          await page.evaluate(
            (id) =>
              document
                .querySelector(`.lab[data-lab="${id}"]`)
                ?.setAttribute("data-timeout-ms", "1500"),
            id,
          );
          const loop = `function ${lab.fn}(...args: unknown[]): never {\n  while (true) {}\n}\n`;
          await typeCode(page, id, loop);
          const v = await check(page, id);
          timings.push(`${id} endless loop: stopped after ${v.ms} ms`);
          expect(v.state).toBe("stopped");
          expect(v.verdict).toContain(`✗ stopped: ${lab.fn} was still running after 1.5 s`);
          expect(v.verdict).toMatch(/endless loop/);
          expect(v.status).toMatch(/^stopped, in your browser/);
          // the run was stopped at the time allowed, not left to run on
          expect(v.ms).toBeGreaterThanOrEqual(1500);
          expect(log.errors).toEqual([]);
        }, 90_000);

        const own = mutants.filter((m) => m.lab === id);
        it(`each recorded mutant (${own.length}) fails with its mistake's hint`, async () => {
          expect(own.length).toBeGreaterThanOrEqual(2);
          for (const m of own) {
            await typeCode(page, id, m.code);
            const v = await check(page, id);
            timings.push(`${id} mutant ${m.mistake}: ${v.ms} ms`);
            const hint = lab.mistakes.find((k) => k.name === m.mistake)!.hint;
            expect({ mistake: m.mistake, state: v.state }).toEqual({
              mistake: m.mistake,
              state: "failed",
            });
            expect(v.verdict).toMatch(
              new RegExp(`^✗ lab ${id} \\(${lab.fn}\\): wrong on \\d+ of \\d+ cases`),
            );
            expect(v.verdict).toMatch(/smallest failing case: /);
            expect(v.verdict).toMatch(/expected /);
            expect(v.verdict).toMatch(/received /);
            expect(v.hint).toBe(`Hint: ${hint}`);
          }
          expect(log.errors).toEqual([]);
        }, 120_000);

        it("the reference solution, typed in, passes; a reload restores it; reset brings the stub back", async () => {
          const solution = solutions.get(lab.fn);
          expect(solution).toBeDefined();
          await typeCode(page, id, solution!);
          const v = await check(page, id);
          timings.push(`${id} reference solution: ${v.ms} ms`);
          expect(v.state).toBe("passed");
          expect(v.verdict).toMatch(
            new RegExp(`^✓ lab ${id} \\(${lab.fn}\\): right on all \\d+ cases`),
          );
          const key = storageKey(STEM, id);
          const stored = JSON.parse(
            (await page.evaluate((k) => localStorage.getItem(k), key)) as string,
          );
          expect(stored).toMatchObject({ code: solution, verdict: { state: "passed" } });

          await page.reload();
          await page.waitForFunction(`document.querySelectorAll(".lab.lab-ready").length > 0`);
          const restored = (await page.evaluate(view(id))) as LabView;
          expect(restored.code).toBe(solution);
          expect(restored.state).toBe("passed");
          expect(restored.verdict).toBe(v.verdict);
          expect(restored.status).toMatch(/restored/);

          await page.click(`.lab[data-lab="${id}"] .lab-reset`);
          const reset = (await page.evaluate(view(id))) as LabView;
          expect(reset.code).toBe(stubSource(id));
          expect(reset.state).toBe("stub");
          expect(reset.verdict).toBe("");
          expect(await page.evaluate((k) => localStorage.getItem(k), key)).toBeNull();
          expect(log.errors).toEqual([]);
        }, 120_000);
      });
    }

    describe("the whole visit", () => {
      it("no request left the page, no console error; the compiler came as its own asset", () => {
        const outside = log.requests.filter((u) => !/^(file|blob|data):/.test(u));
        expect(outside).toEqual([]);
        expect(log.errors).toEqual([]);
        expect(
          log.requests.filter((u) => /\/assets\/lab-worker-[A-F0-9]+\.js$/.test(u)).length,
        ).toBeGreaterThan(0);
      });
    });
  });
}
