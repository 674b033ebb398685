import { normalStream } from "../../src/brownian";
import { createRng, fillNormal } from "../../src/rng";

describe("normalStream", () => {
  it("reads blocks exactly as successive fillNormal(rng, ·) calls draw them (regression)", () => {
    const rng = createRng(17);
    const stream = normalStream(rng.clone());
    for (const size of [3, 64, 1, 200, 7]) {
      // sizes on both sides of fillNormal's 64-value WebAssembly threshold
      const want = fillNormal(rng, new Float64Array(size));
      expect(Array.from(stream.normals(new Float64Array(size)))).toEqual(Array.from(want));
    }
  });
  it("holds no buffer: other draws from the same rng interleave as with direct calls", () => {
    const [a, b] = [createRng(5), createRng(5)];
    const stream = normalStream(a);
    const ours = [stream.normals(new Float64Array(4)), Float64Array.of(a.uniform())];
    const direct = [fillNormal(b, new Float64Array(4)), Float64Array.of(b.uniform())];
    expect(ours.map((v) => Array.from(v))).toEqual(direct.map((v) => Array.from(v)));
  });
  it("rejects bad input, naming the function and the parameter", () => {
    expect(() => normalStream(null as never)).toThrow(
      new TypeError("normalStream: rng must be an Rng, got null"),
    );
    expect(() => normalStream(createRng(1)).normals([0, 0] as never)).toThrow(
      new TypeError("normalStream.normals: out must be a Float64Array, got an array of length 2"),
    );
  });
});
