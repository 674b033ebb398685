/**
 * The in-browser kernel's cell compiler (lite/kernel/compile.ts), run here under Node: each
 * compiled cell is evaluated as a script in one vm context, as the worker evaluates it in its
 * global scope, so names must outlive their cell, imports must read the kernel's modules, a
 * top-level await must work, and errors must name the cell's own line.
 */
import vm from "vm";
import {
  CompileError,
  compileCell,
  type Compiled,
  REQUIRE,
  traceback,
} from "../../lite/kernel/compile";

/** A kernel stand-in: one context, cells numbered from 1, the modules a cell may import. */
function session(modules: Record<string, unknown> = {}) {
  const context = vm.createContext({
    [REQUIRE]: (name: string) => {
      if (!(name in modules)) throw new Error(`Cannot find module '${name}'`);
      return modules[name];
    },
    Promise,
  });
  const compiled = new Map<string, Compiled>();
  const sources: string[] = [];
  let count = 0;
  return {
    async run(code: string): Promise<unknown> {
      count += 1;
      const name = `cell[${count}]`;
      sources[count] = code;
      const c = compileCell(code, name);
      compiled.set(name, c);
      const value = vm.runInContext(c.js, context, { filename: `${name}.js` });
      return c.async ? await value : value;
    },
    compiled,
    sources,
    context,
  };
}

describe("compileCell: a cell as a script whose names outlive it", () => {
  test("named, renamed, namespace, default and side-effect imports read the kernel's modules; type imports vanish", async () => {
    const loaded: string[] = [];
    const m = { a: 1, b: 2, default: 3 };
    const s = session({ m, side: {} });
    const ctx = s.context as Record<string, unknown>;
    ctx[REQUIRE] = (name: string) => (loaded.push(name), name === "m" ? m : {});
    await s.run(
      [
        'import { a, b as c } from "m";',
        'import * as ns from "m";',
        'import d from "m";',
        'import type { T } from "types-only";',
        'import "side";',
        "const sum: number = a + c + d;",
      ].join("\n"),
    );
    expect(ctx.sum).toBe(6);
    expect(ctx.ns).toBe(m);
    expect(loaded).not.toContain("types-only");
    expect(loaded).toContain("side");
  });

  test("let, const and class declarations persist and may be declared again", async () => {
    const s = session();
    await s.run("const x = 1;\nlet y: number = 2;\nclass P { constructor(readonly v: number) {} }");
    expect(await s.run("const x = 10;\nx + y + new P(3).v")).toBe(15);
  });

  test("a final expression statement is the cell's value; an assignment is not", () => {
    expect(compileCell("1 + 1", "c").hasResult).toBe(true);
    expect(compileCell("let z = 0;\nz = 1", "c").hasResult).toBe(false);
    expect(compileCell("const w = 1;", "c").hasResult).toBe(false);
  });

  test("top-level await: declarations (destructured too) and functions stay global, the value is returned", async () => {
    const s = session();
    await s.run(
      [
        "const v = await Promise.resolve(5);",
        "const { p, q: [r] } = await Promise.resolve({ p: 1, q: [2] });",
        "function f(): number {",
        "  return v + p + r;",
        "}",
      ].join("\n"),
    );
    expect(await s.run("f()")).toBe(8);
    expect(await s.run("// a comment\nawait Promise.resolve(f() * 2)")).toBe(16);
  });

  test("a syntax error is a TSError naming the cell, line and column, with a caret", () => {
    const run = () => compileCell("const a = 1;\nconst = 2;", "cell[4]");
    expect(run).toThrow(CompileError);
    expect(run).toThrow(/cell\[4\], line 2:7 - error TS\d+: .*\n {2}const = 2;\n {8}\^/);
  });
});

describe("traceback: a runtime error names the cell's own line", () => {
  test.each([
    ["a plain cell", ""],
    ["a cell with a top-level await", "await Promise.resolve(0);\n"],
  ])("%s: types erased above the throw do not shift the line", async (_name, prefix) => {
    const s = session();
    const code = [
      "interface Shape {",
      "  side: number;",
      "}",
      prefix + "function area(s: Shape): number {",
      '  if (s.side < 0) throw new RangeError("negative side");',
      "  return s.side ** 2;",
      "}",
      "area({ side: -1 });",
    ].join("\n");
    const throwLine = code.split("\n").findIndex((l) => l.includes("throw")) + 1;
    let error: unknown;
    try {
      await s.run(code);
    } catch (e) {
      error = e;
    }
    expect((error as Error).name).toBe("RangeError"); // from the vm context: another realm's class
    const lines = traceback(error, "RangeError", "negative side", s.compiled, s.sources);
    expect(lines[0]).toContain("RangeError");
    expect(lines.join("\n")).toContain(`(cell[1], line ${throwLine})`);
    expect(lines[lines.length - 1]).toBe(
      `    > cell[1], line ${throwLine}: if (s.side < 0) throw new RangeError("negative side");`,
    );
  });
});
