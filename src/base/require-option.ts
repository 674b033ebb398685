import { describeValue } from "./describe-value";

/**
 * Reads one option with a default: `fallback` when the option is absent (undefined), else its
 * value checked by `check` (which receives `fn` and `path`, and refuses null with its own message).
 * Without `check`, null is refused here (TypeError). `null` is never "use the default", as `??`
 * or `opts.x || d` would read it: a null option is a mistake to report.
 * @param options the options object (already validated as an object, e.g. by requireOptions)
 * @param path the parameter as messages name it (`options.bins`, `spec.dim`, `T`); its last
 *   segment is the key read
 * @param fallback the default, returned unchecked
 * @param check a validator `(fn, name, v) => value`, e.g. requirePositive
 * @returns the checked option, or fallback
 */
export function requireOption<V>(
  fn: string,
  options: object,
  path: string,
  fallback: V,
  check?: (fn: string, name: string, v: unknown) => V,
): V {
  const v = (options as Record<string, unknown>)[path.slice(path.lastIndexOf(".") + 1)];
  if (v === undefined) return fallback;
  if (check !== undefined) return check(fn, path, v);
  if (v === null) {
    throw new TypeError(
      `${fn}: ${path} must be omitted (for the default ${describeValue(fallback)}) or given, got null`,
    );
  }
  return v as V;
}
