/**
 * `JSON.stringify(value)` made safe to embed inside an HTML `<script>`: `<`, `>`, `&`, U+2028 and
 * U+2029 are written as `\uXXXX` escapes. They can only occur inside JSON strings, where the
 * escape denotes the same character, so the result is still JSON and parses to the same value.
 * @see OWASP, "Cross Site Scripting Prevention Cheat Sheet", rule 3.1 (HTML-escape JSON values).
 * @param value - any JSON-able value.
 * @returns the escaped JSON text.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}
