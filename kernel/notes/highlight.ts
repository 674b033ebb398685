/**
 * Syntax highlighting of TypeScript cells with TypeScript's own scanner (`ts.createScanner`, the
 * lexer of the compiler the kernel runs): keywords, strings, template strings, comments, numbers,
 * regular expressions, and names that are called or look like types. The output is escaped HTML
 * with `<span class="tok-…">`; whitespace and unknown characters pass through as text, so the
 * code reads exactly as written.
 */
import ts from "typescript";
import { escapeHtml } from "./html";

const K = ts.SyntaxKind;

/** The CSS class of a token, or null for plain text. */
function tokenClass(kind: ts.SyntaxKind, text: string, prev: string, next: string): string | null {
  const keyword = kind >= K.FirstKeyword && kind <= K.LastKeyword;
  if (keyword && prev !== ".") return "kw";
  if (keyword || kind === K.Identifier) {
    // a property (`Array.from`) or a name: called, or PascalCase like a type
    if (next === "(") return "fn";
    return /^[A-Z][a-z]/.test(text) && prev !== "." ? "type" : null;
  }
  switch (kind) {
    case K.SingleLineCommentTrivia:
    case K.MultiLineCommentTrivia:
      return "com";
    case K.StringLiteral:
      return "str";
    case K.NoSubstitutionTemplateLiteral:
    case K.TemplateHead:
    case K.TemplateMiddle:
    case K.TemplateTail:
      return "tpl";
    case K.NumericLiteral:
    case K.BigIntLiteral:
      return "num";
    case K.RegularExpressionLiteral:
      return "re";
    default:
      return null;
  }
}

/** Tokens after which `/` starts a regular expression rather than dividing. */
function regexAllowedAfter(kind: ts.SyntaxKind | null): boolean {
  if (kind === null) return true;
  if (kind >= K.FirstKeyword && kind <= K.LastKeyword) {
    return ![K.ThisKeyword, K.SuperKeyword, K.TrueKeyword, K.FalseKeyword, K.NullKeyword].includes(
      kind,
    );
  }
  return ![
    K.Identifier,
    K.NumericLiteral,
    K.BigIntLiteral,
    K.StringLiteral,
    K.NoSubstitutionTemplateLiteral,
    K.TemplateTail,
    K.CloseParenToken,
    K.CloseBracketToken,
    K.CloseBraceToken,
    K.PlusPlusToken,
    K.MinusMinusToken,
  ].includes(kind);
}

/**
 * TypeScript source to highlighted, escaped HTML.
 * @param code the cell's code (directive lines already removed)
 */
export function highlightTypeScript(code: string): string {
  if (typeof code !== "string") {
    throw new TypeError(`highlightTypeScript: code must be a string, got ${typeof code}`);
  }
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    ts.LanguageVariant.Standard,
    code,
  );
  const parts: { kind: ts.SyntaxKind; text: string }[] = [];
  // Braces opened inside `${…}` of template strings: a `}` that closes one resumes the template.
  const braces: boolean[] = [];
  let previous: ts.SyntaxKind | null = null;
  for (let kind = scanner.scan(); kind !== K.EndOfFileToken; kind = scanner.scan()) {
    if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && regexAllowedAfter(previous)) {
      kind = scanner.reScanSlashToken();
    } else if (kind === K.TemplateHead) {
      braces.push(true);
    } else if (kind === K.OpenBraceToken) {
      braces.push(false);
    } else if (kind === K.CloseBraceToken && braces.length > 0) {
      if (braces.pop()) {
        kind = scanner.reScanTemplateToken(false);
        if (kind === K.TemplateMiddle) braces.push(true);
      }
    }
    parts.push({ kind, text: scanner.getTokenText() });
    const trivia =
      kind === K.WhitespaceTrivia ||
      kind === K.NewLineTrivia ||
      kind === K.SingleLineCommentTrivia ||
      kind === K.MultiLineCommentTrivia;
    if (!trivia) previous = kind;
  }
  // the neighbouring non-whitespace token texts, for names that are called or are properties
  const significant = (p: { kind: ts.SyntaxKind }) =>
    p.kind !== K.WhitespaceTrivia && p.kind !== K.NewLineTrivia;
  const next: string[] = new Array(parts.length).fill("");
  for (let i = parts.length - 2; i >= 0; i--) {
    next[i] = significant(parts[i + 1]) ? parts[i + 1].text : next[i + 1];
  }
  let prev = "";
  return parts
    .map((p, i) => {
      const cls = tokenClass(p.kind, p.text, prev, next[i]);
      if (significant(p)) prev = p.text;
      const text = escapeHtml(p.text);
      return cls ? `<span class="tok-${cls}">${text}</span>` : text;
    })
    .join("");
}
