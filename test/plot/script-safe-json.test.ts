import fc from "fast-check";
import { scriptSafeJson } from "../../src/plot";

describe("scriptSafeJson", () => {
  test("escapes <, >, &, U+2028 and U+2029 as \\u escapes", () => {
    const text = scriptSafeJson({ t: "</script><!-- & \u2028\u2029" });
    expect(text).toBe('{"t":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029"}');
  });

  test("property: the text contains none of the five characters and parses to the same value", () => {
    // Strings biased towards the dangerous characters so that every run exercises them.
    const risky = fc.string({
      unit: fc.constantFrom("<", ">", "&", "\u2028", "\u2029", "/", "s", "\\", '"', "é"),
    });
    const json = fc.jsonValue({ maxDepth: 3 });
    fc.assert(
      fc.property(fc.oneof(risky, json, fc.dictionary(risky, risky)), (value) => {
        const text = scriptSafeJson(value);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });
});
