import { describeValue } from "./describe-value";

/**
 * Throws a TypeError unless `v` is true or false (a flag: 0, 1, "yes" and null are refused,
 * never read as truthy or falsy); returns it.
 */
export function requireBoolean(fn: string, name: string, v: unknown): boolean {
  if (typeof v !== "boolean") {
    throw new TypeError(`${fn}: ${name} must be a boolean, got ${describeValue(v)}`);
  }
  return v;
}
