/** A short description of a value for error messages: arrays show their type and length only. */
export function describeValue(v: unknown): string {
  if (Array.isArray(v)) return `Array(${v.length})`;
  if (ArrayBuffer.isView(v))
    return `${Object.prototype.toString.call(v).slice(8, -1)}(${(v as Float64Array).length})`;
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "object" && v !== null) return Object.prototype.toString.call(v);
  return String(v);
}

/** True for a Float64Array from any realm (a notebook cell or a jest sandbox may have its own). */
export function isFloat64Array(v: unknown): v is Float64Array {
  // instanceof first: toString.call costs ~0.2 µs, which a per-step fill of a few paths notices
  return v instanceof Float64Array || Object.prototype.toString.call(v) === "[object Float64Array]";
}
