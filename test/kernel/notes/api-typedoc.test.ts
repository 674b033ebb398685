/**
 * TypeDoc's JSON → the API model, on a hand-written project in TypeDoc 0.28's schema: modules
 * found by their entry file, exports in index.ts order, re-exports resolved to one home (the
 * folder that declares them), declarations printed as TypeScript (parentheses, optional and rest
 * parameters, function and object types, long lines broken), comments as markdown with `{@link}`
 * turned into links, and class members without the ones inherited from the standard library.
 */
import { ApiModel, codeText } from "../../../kernel/notes/api-model";
import { apiFromTypeDoc } from "../../../kernel/notes/api-typedoc";
import { TdReflection, TdType } from "../../../kernel/notes/api-typedoc-json";

const text = (t: string) => ({ kind: "text", text: t });
const num: TdType = { type: "intrinsic", name: "number" };
const src = (fileName: string, line = 1) => [{ fileName, line }];
const param = (id: number, name: string, type: TdType, extra: Partial<TdReflection> = {}) => ({
  id,
  name,
  variant: "param",
  kind: 32768,
  flags: {},
  type,
  ...extra,
});
const sdeRef: TdType = { type: "reference", target: 20, name: "Sde", package: "itolab" };

const integrate: TdReflection = {
  id: 10,
  name: "integrate",
  kind: 64,
  sources: src("src/sde/integrate.ts", 5),
  signatures: [
    {
      id: 11,
      name: "integrate",
      kind: 4096,
      comment: {
        summary: [
          text("$X_{k+1} = \\Phi(X_k)$ on the grid of a "),
          { kind: "inline-tag", tag: "@link", text: "Sde", target: 20 },
          text(" ("),
          { kind: "code", text: "`x0`" },
          text(" is copied)."),
        ],
        blockTags: [
          { tag: "@returns", content: [text("the state $X_K$")] },
          { tag: "@see", content: [text("Kloeden & Platen (1992), §9.1")] },
          { tag: "@throws", content: [text("RangeError when a state stops being finite")] },
        ],
      },
      parameters: [
        param(12, "sde", sdeRef, { comment: { summary: [text("the SDE $dX = f\\,dt$")] } }),
        param(13, "xs", {
          type: "array",
          elementType: { type: "union", types: [num, { type: "intrinsic", name: "string" }] },
        }),
        param(14, "f", {
          type: "reflection",
          declaration: {
            id: 15,
            name: "__type",
            kind: 65536,
            signatures: [
              {
                id: 16,
                name: "__type",
                kind: 4096,
                parameters: [param(17, "t", num)],
                type: { type: "intrinsic", name: "void" },
              },
            ],
          },
        }),
        param(
          18,
          "x0",
          {
            type: "reference",
            name: "Float64Array",
            package: "typescript",
            target: { packageName: "typescript", qualifiedName: "Float64Array" },
            typeArguments: [{ type: "reference", name: "ArrayBufferLike", package: "typescript" }],
          },
          { defaultValue: "..." },
        ),
        param(19, "rest", { type: "array", elementType: num }, { flags: { isRest: true } }),
      ],
      type: {
        type: "reflection",
        declaration: {
          id: 60,
          name: "__type",
          kind: 65536,
          children: [
            { id: 61, name: "x", kind: 1024, type: num },
            { id: 62, name: "n", kind: 1024, flags: { isOptional: true }, type: num },
          ],
        },
      },
    },
  ],
};

const sde: TdReflection = {
  id: 20,
  name: "Sde",
  kind: 256,
  sources: src("src/sde/sde.ts", 3),
  comment: { summary: [text("$dX_t = f\\,dt + g\\,dW_t$")] },
  children: [
    {
      id: 21,
      name: "dim",
      kind: 1024,
      flags: { isReadonly: true },
      comment: { summary: [text("d, state dimension")] },
      type: num,
    },
    {
      id: 22,
      name: "drift",
      kind: 2048,
      signatures: [
        {
          id: 23,
          name: "drift",
          kind: 4096,
          comment: { summary: [text("$f(t, x)$")] },
          parameters: [
            param(24, "t", num),
            param(25, "x", num, { comment: { summary: [text("(n, d)")] } }),
          ],
          type: { type: "intrinsic", name: "void" },
        },
      ],
    },
  ],
};

const kind: TdReflection = {
  id: 30,
  name: "Kind",
  kind: 2097152,
  sources: src("src/sde/sde.ts", 1),
  type: {
    type: "union",
    types: ["close", "withinSE", "below", "above", "slope", "pValue", "allClose", "throws"].map(
      (value) => ({ type: "literal", value }),
    ),
  },
};

const welford: TdReflection = {
  id: 50,
  name: "Welford",
  kind: 128,
  sources: src("src/stats/welford.ts"),
  children: [
    {
      id: 51,
      name: "constructor",
      kind: 512,
      signatures: [
        {
          id: 52,
          name: "Welford",
          kind: 16384,
          type: { type: "reference", target: 50, name: "Welford" },
        },
      ],
    },
    {
      id: 53,
      name: "captureStackTrace",
      kind: 2048,
      flags: { isStatic: true, isExternal: true, isInherited: true },
      signatures: [
        {
          id: 54,
          name: "captureStackTrace",
          kind: 4096,
          type: { type: "intrinsic", name: "void" },
        },
      ],
    },
    {
      id: 55,
      name: "count",
      kind: 262144,
      getSignature: {
        id: 56,
        name: "count",
        kind: 524288,
        comment: { summary: [text("values pushed so far")] },
        type: num,
      },
    },
    {
      id: 57,
      name: "of",
      kind: 2048,
      flags: { isStatic: true },
      signatures: [
        {
          id: 58,
          name: "of",
          kind: 4096,
          parameters: [
            param(59, "xs", {
              type: "typeOperator",
              operator: "readonly",
              target: { type: "array", elementType: num },
            }),
          ],
          type: { type: "reference", target: 50, name: "Welford" },
        },
      ],
    },
  ],
};

const project: TdReflection = {
  id: 0,
  name: "itolab",
  kind: 1,
  children: [
    {
      id: 1,
      name: "whatever-typedoc-calls-it",
      kind: 2,
      sources: src("src/index.ts"),
      children: [
        { id: 2, name: "integrate", kind: 4194304, target: 10 },
        { id: 3, name: "Welford", kind: 4194304, target: 50 },
      ],
    },
    {
      id: 4,
      name: "sde",
      kind: 2,
      sources: src("src/sde/index.ts"),
      children: [integrate, kind, sde],
    },
    {
      id: 5,
      name: "stats",
      kind: 2,
      sources: src("src/stats/index.ts"),
      comment: { summary: [text("Moments and tests.\n\nMore text.")] },
      children: [
        welford,
        { id: 6, name: "Sde", kind: 4194304, target: 20 }, // re-exported: its home stays sde
        {
          id: 40,
          name: "tolerance",
          kind: 32,
          flags: { isConst: true },
          sources: src("src/stats/t.ts"),
          type: { type: "literal", value: 0.5 },
        },
      ],
    },
  ],
};

describe("apiFromTypeDoc", () => {
  let model: ApiModel;
  beforeAll(() => {
    model = apiFromTypeDoc(project, {
      packageName: "itolab",
      root: { file: "src/index.ts", order: ["Welford", "integrate"] },
      subpaths: [
        {
          folder: "sde",
          file: "src/sde/index.ts",
          order: ["Sde", "integrate", "Kind"],
          summary: "the `Sde`",
        },
        {
          folder: "stats",
          file: "src/stats/index.ts",
          summary: "not used: the module has a comment",
        },
      ],
    });
  });
  const entry = (folder: string, name: string) => {
    const e = model.modules.find((m) => m.folder === folder)?.entries.find((x) => x.name === name);
    if (!e) throw new Error(`no ${folder}/${name}`);
    return e;
  };

  it("finds the modules by their entry file, keeps index.ts order, resolves re-exports", () => {
    expect(model.modules.map((m) => [m.name, m.summary, m.entries.map((e) => e.name)])).toEqual([
      ["itolab/sde", "the `Sde`", ["Sde", "integrate", "Kind"]],
      ["itolab/stats", "Moments and tests.", ["Welford", "Sde", "tolerance"]],
    ]);
    expect(model.root).toEqual([
      { name: "Welford", kind: "class", href: "api-stats.html#Welford", module: "itolab/stats" },
      { name: "integrate", kind: "function", href: "api-sde.html#integrate", module: "itolab/sde" },
    ]);
    // the re-export is documented on both pages; links go to its home, where it is declared
    expect(entry("stats", "Sde").members.map((m) => m.id)).toEqual(["Sde.dim", "Sde.drift"]);
  });

  it("prints a function as TypeScript, one parameter per line when long, types linked", () => {
    const fn = entry("sde", "integrate");
    expect(fn.code.map(codeText)).toEqual([
      "function integrate(\n" +
        "  sde: Sde,\n" +
        "  xs: (number | string)[],\n" +
        "  f: (t: number) => void,\n" +
        "  x0?: Float64Array,\n" +
        "  ...rest: number[],\n" +
        "): { x: number; n?: number }",
    ]);
    expect(fn.code[0]).toContainEqual({ text: "Sde", href: "api-sde.html#Sde" });
    expect(fn.source).toBe("src/sde/integrate.ts:5");
  });

  it("turns the comment into markdown: summary with links, parameters, returns, see, other tags", () => {
    expect(entry("sde", "integrate").doc).toEqual({
      summary:
        "$X_{k+1} = \\Phi(X_k)$ on the grid of a [`Sde`](api-sde.html#Sde) (`x0` is copied).",
      params: [{ name: "sde", text: "the SDE $dX = f\\,dt$" }],
      returns: "the state $X_K$",
      see: ["Kloeden & Platen (1992), §9.1"],
      blocks: [{ tag: "Throws", text: "RangeError when a state stops being finite" }],
    });
  });

  it("shows an interface's members with their docs, anchored Parent.member", () => {
    const iface = entry("sde", "Sde");
    expect(iface.code.map(codeText)).toEqual(["interface Sde"]);
    expect(
      iface.members.map((m) => [m.id, m.kind, m.code.map(codeText), m.doc.summary, m.doc.params]),
    ).toEqual([
      ["Sde.dim", "property", ["readonly dim: number"], "d, state dimension", []],
      [
        "Sde.drift",
        "method",
        ["drift(t: number, x: number): void"],
        "$f(t, x)$",
        [{ name: "x", text: "(n, d)" }],
      ],
    ]);
  });

  it("breaks a long union alias into one member per line", () => {
    expect(codeText(entry("sde", "Kind").code[0])).toBe(
      'type Kind =\n  | "close"\n  | "withinSE"\n  | "below"\n  | "above"\n  | "slope"\n  | "pValue"\n  | "allClose"\n  | "throws"',
    );
  });

  it("shows a class's own members (constructor, accessor, static method), not the inherited ones", () => {
    const cls = entry("stats", "Welford");
    expect(cls.members.map((m) => [m.kind, m.code.map(codeText), m.doc.summary])).toEqual([
      ["constructor", ["new Welford()"], ""],
      ["accessor", ["get count(): number"], "values pushed so far"],
      ["method", ["static of(xs: readonly number[]): Welford"], ""],
    ]);
    expect(codeText(entry("stats", "tolerance").code[0])).toBe("const tolerance: 0.5");
  });

  it("names the missing module when TypeDoc made none of an entry file", () => {
    expect(() =>
      apiFromTypeDoc(project, {
        packageName: "itolab",
        root: { file: "src/index.ts" },
        subpaths: [{ folder: "nn", file: "src/nn/index.ts" }],
      }),
    ).toThrow(
      "api: TypeDoc made no module of src/nn/index.ts (modules: whatever-typedoc-calls-it, sde, stats)",
    );
  });
});
