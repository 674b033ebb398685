/**
 * A short description of a value for error messages: numbers as written (`NaN`, `-0.5`), strings
 * quoted (cut at 40 characters), `an array of length 3`, `a Float64Array of length 0`,
 * `a function`, `an object`; `null`, `undefined` and booleans as written.
 * @param v any value
 * @see stdlib-js's error messages, which quote the value received
 */
export function describeValue(v: unknown): string {
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "function") return "a function";
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (ArrayBuffer.isView(v)) {
    const n = (v as unknown as ArrayLike<unknown>).length;
    const type = Object.prototype.toString.call(v).slice(8, -1);
    return n === undefined ? `a ${type}` : `a ${type} of length ${n}`;
  }
  if (typeof v === "object" && v !== null) return "an object";
  if (typeof v === "bigint") return `${v}n`;
  return String(v);
}

/** True for a Float64Array from any realm (a notebook cell or a jest sandbox may have its own). */
export function isFloat64Array(v: unknown): v is Float64Array {
  // instanceof first: toString.call costs ~0.2 µs, which a per-step fill of a few paths notices
  return v instanceof Float64Array || Object.prototype.toString.call(v) === "[object Float64Array]";
}
