import fc from "fast-check";
import { base64, utf8 } from "../../src/plot/base64";

describe("base64", () => {
  test("RFC 4648 test vectors (section 10)", () => {
    const vectors: [string, string][] = [
      ["", ""],
      ["f", "Zg=="],
      ["fo", "Zm8="],
      ["foo", "Zm9v"],
      ["foob", "Zm9vYg=="],
      ["fooba", "Zm9vYmE="],
      ["foobar", "Zm9vYmFy"],
    ];
    for (const [text, encoded] of vectors) expect(base64(utf8(text))).toBe(encoded);
  });

  test("agrees with Node's Buffer on any bytes (an independent encoder)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20000 }), (bytes) => {
        expect(base64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
      }),
      { numRuns: 200 },
    );
  });

  test("utf8 encodes non-ASCII text as Node does", () => {
    const text = "σ² ± 2 SE, ξ₁, ∫W dW, 10⁻³";
    expect(Buffer.from(utf8(text)).toString("utf8")).toBe(text);
    expect(Array.from(utf8(text))).toEqual(Array.from(Buffer.from(text, "utf8")));
  });
});
