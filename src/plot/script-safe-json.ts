import { describeValue } from "../base";

/**
 * `JSON.stringify(value)` made safe to embed inside an HTML `<script>`: `<`, `>`, `&`, U+2028 and
 * U+2029 are written as `\uXXXX` escapes. They can only occur inside JSON strings, where the
 * escape denotes the same character, so the result is still JSON and parses to the same value.
 * @see OWASP, "Cross Site Scripting Prevention Cheat Sheet", rule 3.1 (HTML-escape JSON values).
 * @param value - a JSON-able value: not undefined, a function or a symbol, and holding no bigint
 *   and no cycle (a TypeError names what is not).
 * @returns the escaped JSON text.
 */
export function scriptSafeJson(value: unknown): string {
  const fn = "scriptSafeJson";
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    // a bigint or a cycle: JSON.stringify's own TypeError, named by the function called
    throw new TypeError(`${fn}: value must be JSON-able, ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (json === undefined) {
    throw new TypeError(`${fn}: value must be JSON-able, got ${describeValue(value)}`);
  }
  return escape(json);
}

/** {@link scriptSafeJson} of a value known to be JSON-able (e.g. from toJsonValue). @internal */
export function safeJson(value: unknown): string {
  return escape(JSON.stringify(value));
}

function escape(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}
