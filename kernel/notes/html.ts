/**
 * Escaping for every payload that ends up in a page: text and attributes (HTML-escaped) and JSON
 * inside `<script type="application/json">` (script-safe: `<`, `>`, `&`, U+2028, U+2029 written as
 * `\uXXXX`, so no `</script>` or `<!--` can end the element; the text is still JSON and parses to
 * the same value).
 * @see OWASP, "Cross Site Scripting Prevention Cheat Sheet", rules 1, 2 and 3.1.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text or an attribute value, HTML-escaped (`&<>"'`). */
export function escapeHtml(text: string): string {
  if (typeof text !== "string") {
    throw new TypeError(`escapeHtml: text must be a string, got ${typeof text}`);
  }
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** `JSON.stringify(value)` safe to place inside a `<script>` element. */
export function scriptJson(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError(`scriptJson: value is not JSON-able`);
  return json.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Terminal colour codes (tracebacks of tslab errors carry them) removed. */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
}
