/**
 * The API reference as the notes see it: plain data, one module per subpath of the package. It is
 * made from TypeDoc's JSON by ./api-typedoc (TypeDoc itself runs in plain Node, ./api-extract)
 * and rendered by ./api-page, so tests can feed the renderer a hand-written model.
 *
 * Pages: `api.html` (the subpaths, one line each, and the names of the package root) and one
 * `api-<folder>.html` per subpath, at the site's root like the lecture pages. Every entry's anchor
 * is its name (`integrate`), a member's is `Parent.member` (`Sde.drift`).
 */

/** The API index page. */
export const API_INDEX = "api.html";

/** The page of the subpath `<package>/<folder>`. */
export const apiPageFile = (folder: string) => `api-${folder}.html`;

/** A link to an entry: `api-sde.html#integrate`. */
export const apiHref = (folder: string, id: string) => `${apiPageFile(folder)}#${id}`;

/** Code: plain text, and names linking to their entry in the reference. */
export type ApiCode = (string | { text: string; href: string })[];

/** A doc comment. Every text is markdown with KaTeX math (`$…$`, `$$…$$`). */
export interface ApiDoc {
  /** The comment's text before its tags ("" when undocumented). */
  summary: string;
  /** `@param` lines, in the order of the parameters. */
  params: { name: string; text: string }[];
  /** `@returns`, or null. */
  returns: string | null;
  /** `@see` citations. */
  see: string[];
  /** Other block tags in order (`@example`, `@remarks`, `@throws`, `@deprecated`, …). */
  blocks: { tag: string; text: string }[];
}

export type ApiKind =
  | "function"
  | "class"
  | "interface"
  | "type"
  | "const"
  | "let"
  | "namespace"
  | "enum"
  | "constructor"
  | "property"
  | "method"
  | "accessor"
  | "call"
  | "index"
  | "enum member";

/** An exported name, or a member of one (a class's or interface's property, method, …). */
export interface ApiEntry {
  name: string;
  kind: ApiKind;
  /** Its anchor on the page: the name, `Parent.member` for a member. */
  id: string;
  /**
   * The declaration printed as TypeScript: one per signature of a function or method; the head
   * of a class or interface (`interface Sde`); `type X = …`; `const x: T`; `name?: T`.
   */
  code: ApiCode[];
  doc: ApiDoc;
  /** A class's, interface's or namespace's members, an object type's properties. */
  members: ApiEntry[];
  /** Where it is declared, `src/sde/integrate.ts:32`, or null. */
  source: string | null;
}

/** One subpath: `itolab/sde` is the folder `src/sde`, its exports those of `src/sde/index.ts`. */
export interface ApiModule {
  /** The import specifier, `itolab/sde`. */
  name: string;
  /** The folder, `sde`: the page is `api-sde.html`. */
  folder: string;
  /** One line (markdown) for the API index, or "". */
  summary: string;
  /** Its exports, in the order of its index.ts. */
  entries: ApiEntry[];
}

/** A name exported by the package root, linking to its entry in a subpath's page. */
export interface ApiRootName {
  name: string;
  kind: ApiKind;
  /** `api-sde.html#integrate`, or null when no subpath exports it. */
  href: string | null;
  /** The subpath it comes from (`itolab/sde`), or null. */
  module: string | null;
}

export interface ApiModel {
  /** The package name, `itolab`. */
  packageName: string;
  /** What `import { … } from "itolab"` gives, in the order of src/index.ts. */
  root: ApiRootName[];
  /** The subpaths in the order of package.json's "exports". */
  modules: ApiModule[];
}

/** The plain text of code. */
export const codeText = (code: ApiCode): string =>
  code.map((p) => (typeof p === "string" ? p : p.text)).join("");

/** A doc with nothing in it. */
export const emptyDoc = (): ApiDoc => ({
  summary: "",
  params: [],
  returns: null,
  see: [],
  blocks: [],
});
