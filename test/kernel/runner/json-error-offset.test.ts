import { jsonErrorOffset } from "../../../kernel/runner/json-error-offset";

describe("jsonErrorOffset", () => {
  it.each([
    ['{"a": [,]}', 7],
    ['{"a": 1,}', 8],
    ['{"a" 1}', 5],
    ['{"a": tru}', 9],
    ['["x\\q"]', 4],
    ["[1] 2", 4],
    ['{"a": 01}', 7],
    ["", 0],
    ['{"a": "open', 11],
  ])("%j fails at offset %d", (text, offset) => {
    expect(() => JSON.parse(text)).toThrow(); // the oracle: these are invalid JSON
    expect(jsonErrorOffset(text)).toBe(offset);
  });
  it("scans valid JSON to its end", () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"], "b": {}}';
    expect(() => JSON.parse(text)).not.toThrow();
    expect(jsonErrorOffset(text)).toBe(text.length);
  });
});
