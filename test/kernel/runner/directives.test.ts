import { DirectiveError, parseDirectives } from "../../../kernel/runner/directives";

describe("parseDirectives", () => {
  it("reads the known directives from the first lines only", () => {
    expect(parseDirectives("//| skip: slow on CI\n//| hide\nconst x = 1;\n//| raises: X")).toEqual({
      directives: { skip: "slow on CI", hide: true },
      lines: 2,
    });
    expect(parseDirectives("//| raises: RangeError\nthrow new RangeError()")).toEqual({
      directives: { raises: "RangeError" },
      lines: 1,
    });
    expect(parseDirectives("const x = 1; //| hide")).toEqual({ directives: {}, lines: 0 });
    expect(parseDirectives("  //|  hide  \nx")).toEqual({ directives: { hide: true }, lines: 1 });
    expect(parseDirectives("//| long: one figure, one trace per line\nshow(f)")).toEqual({
      directives: { long: "one figure, one trace per line" },
      lines: 1,
    });
    expect(parseDirectives("//| lab: 00-quadratic-variation\nfunction f() {}")).toEqual({
      directives: { lab: "00-quadratic-variation" },
      lines: 1,
    });
  });
  it.each([
    ["//| hidden", 'unknown directive "hidden" (known: skip, raises, hide, long, lab)'],
    ["//| long", '"//| long" needs a reason: //| long: <why one cell>'],
    ["//| long:  ", '"//| long" needs a reason: //| long: <why one cell>'],
    ["//| skip", '"//| skip" needs a reason: //| skip: <why>'],
    [
      "//| raises: not a name",
      '"//| raises" needs an error name such as RangeError, got "not a name"',
    ],
    ["//| raises:", '"//| raises" needs an error name such as RangeError, got ""'],
    ["//| hide: yes", '"//| hide" takes no value, got "yes"'],
    ["//| hide\n//| hide", 'directive "hide" given twice'],
    ["//| skip: x\n//| raises: Error", '"//| skip" and "//| raises" cannot be combined'],
    ["//| !!", 'malformed directive "//| !!"'],
    ["//| lab", '"//| lab" needs a lab id NN-name such as 00-quadratic-variation, got ""'],
    [
      "//| lab: Quadratic",
      '"//| lab" needs a lab id NN-name such as 00-quadratic-variation, got "Quadratic"',
    ],
  ])("rejects %j", (source, message) => {
    expect(() => parseDirectives(source)).toThrow(DirectiveError);
    expect(() => parseDirectives(source)).toThrow(message);
  });
});
