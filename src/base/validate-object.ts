import { describeValue } from "./describe-value";

/** Boundary checks for functions, option objects, enumerations and generators. */

/** Throws a TypeError unless `v` is a function. */
export function requireFunction(fn: string, name: string, v: unknown): void {
  if (typeof v !== "function") {
    throw new TypeError(`${fn}: ${name} must be a function, got ${describeValue(v)}`);
  }
}

/** Validates an options object (undefined allowed, read as `{}`) and returns it. */
export function requireOptions<T extends object>(
  fn: string,
  options: T | undefined,
  name = "options",
): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${fn}: ${name} must be an object, got ${describeValue(options)}`);
  }
  return options;
}

/** Throws a TypeError unless `v` is one of `allowed`; returns it. */
export function requireOneOf<T extends string>(
  fn: string,
  name: string,
  v: unknown,
  allowed: readonly T[],
): T {
  if (!allowed.includes(v as T)) {
    const list = allowed.map((a) => JSON.stringify(a)).join(", ");
    throw new TypeError(`${fn}: ${name} must be one of ${list}, got ${describeValue(v)}`);
  }
  return v as T;
}

/**
 * Throws a TypeError unless `v` is an object with a method of each name in `methods` (a structural
 * check: an Sde, a ScoreFunction, a BrownianSource, an Rng); `kind` names the interface.
 */
export function requireInterface(
  fn: string,
  name: string,
  v: unknown,
  kind: string,
  methods: readonly string[],
): void {
  const ok =
    v !== null &&
    typeof v === "object" &&
    methods.every((m) => typeof (v as Record<string, unknown>)[m] === "function");
  if (!ok) {
    throw new TypeError(`${fn}: ${name} must be ${kind}, got ${describeValue(v)}`);
  }
}
