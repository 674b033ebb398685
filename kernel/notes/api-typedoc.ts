/**
 * TypeDoc's JSON (`app.serializer.projectToObject`, schema of TypeDoc 0.28) → the notes' API
 * model (./api-model). Pure: no TypeDoc at run time, so jest can test it on any JSON.
 *
 * Each subpath module lists its exports in the order of its index.ts; a re-export (TypeDoc's
 * "reference") is resolved to its declaration. Every declaration has one home, the subpath of the
 * folder it is declared in, and every link (a type in a signature, `{@link x}` in a comment) goes
 * to its entry there. Signatures are printed as TypeScript declarations (a `.d.ts` reads the same:
 * a parameter with a default is `p?: T`), one parameter per line when the line would be long.
 * Comments stay markdown; TypeDoc has already moved `@param` text to the parameters.
 */
import { ApiCode, ApiDoc, ApiEntry, ApiKind, ApiModel, apiHref, codeText } from "./api-model";

/** A part of a comment: text (markdown), a code span, or an inline tag such as `{@link x}`. */
export interface TdPart {
  kind: string;
  text: string;
  tag?: string;
  target?: unknown;
}

export interface TdComment {
  summary: TdPart[];
  blockTags?: { tag: string; name?: string; content: TdPart[] }[];
  modifierTags?: string[];
}

/** A type (TypeDoc's SomeType): which fields are set depends on `type`. */
export interface TdType {
  type: string;
  name?: string;
  value?: unknown;
  target?: unknown;
  package?: string;
  typeArguments?: TdType[];
  refersToTypeParameter?: boolean;
  elementType?: TdType;
  types?: TdType[];
  elements?: TdType[];
  element?: TdType;
  isOptional?: boolean;
  operator?: string;
  objectType?: TdType;
  indexType?: TdType;
  checkType?: TdType;
  extendsType?: TdType;
  trueType?: TdType;
  falseType?: TdType;
  queryType?: TdType;
  asserts?: boolean;
  targetType?: TdType | null;
  declaration?: TdReflection;
  parameter?: string;
  parameterType?: TdType;
  templateType?: TdType;
  nameType?: TdType;
  readonlyModifier?: "+" | "-";
  optionalModifier?: "+" | "-";
  head?: string;
  tail?: [TdType, string][];
  qualifiedName?: string;
}

/** A reflection: the project, a module, a declaration, a signature, a parameter, … */
export interface TdReflection {
  id: number;
  name: string;
  variant?: string;
  kind: number;
  flags?: Record<string, boolean | undefined>;
  comment?: TdComment;
  children?: TdReflection[];
  signatures?: TdReflection[];
  indexSignatures?: TdReflection[];
  getSignature?: TdReflection;
  setSignature?: TdReflection;
  parameters?: TdReflection[];
  typeParameters?: TdReflection[];
  type?: TdType;
  default?: TdType;
  /** A reference's declaration. */
  target?: number;
  sources?: { fileName: string; line: number }[];
  extendedTypes?: TdType[];
  implementedTypes?: TdType[];
  defaultValue?: string;
}

/** TypeDoc's ReflectionKind values that the model reads. */
const K = {
  Module: 2,
  Namespace: 4,
  Enum: 8,
  EnumMember: 16,
  Variable: 32,
  Function: 64,
  Class: 128,
  Interface: 256,
  Constructor: 512,
  Property: 1024,
  Method: 2048,
  CallSignature: 4096,
  IndexSignature: 8192,
  ConstructorSignature: 16384,
  Accessor: 262144,
  TypeAlias: 2097152,
  Reference: 4194304,
} as const;

/** A module of the project: its entry file (as TypeDoc names sources) and its exports' order. */
export interface TdModuleSpec {
  /** `src/sde/index.ts`; the module is also found by its TypeDoc name (`sde`, or `index`). */
  file: string;
  /** Export names in the order of the file; others follow in TypeDoc's order. */
  order?: string[];
}

export interface ApiFromTypeDocOptions {
  /** The package name, `itolab`. */
  packageName: string;
  /** The package root, src/index.ts. */
  root: TdModuleSpec;
  /** The subpaths in order, each with its folder (`sde`) and, for the API index, a line. */
  subpaths: (TdModuleSpec & { folder: string; summary?: string })[];
}

/** Lines longer than this are broken, one parameter (or union member) per line. */
const WIDTH = 88;

const TYPED_ARRAYS =
  /^(Float64Array|Float32Array|Int8Array|Int16Array|Int32Array|Uint8Array|Uint8ClampedArray|Uint16Array|Uint32Array)$/;

/**
 * The model of a TypeDoc project whose modules are the package root and its subpaths.
 * @param project TypeDoc's JSON of the project
 * @param opts the package name, the root module, the subpaths in order, export order, summaries
 */
export function apiFromTypeDoc(project: TdReflection, opts: ApiFromTypeDocOptions): ApiModel {
  const byId = new Map<number, TdReflection>();
  const index = (r: TdReflection) => {
    byId.set(r.id, r);
    for (const c of [
      ...(r.children ?? []),
      ...(r.signatures ?? []),
      ...(r.indexSignatures ?? []),
      ...(r.getSignature ? [r.getSignature] : []),
      ...(r.setSignature ? [r.setSignature] : []),
    ]) {
      index(c);
    }
  };
  index(project);
  const resolve = (r: TdReflection): TdReflection =>
    r.kind === K.Reference && typeof r.target === "number" ? (byId.get(r.target) ?? r) : r;
  const modules = project.children ?? [];
  const moduleOf = (spec: TdModuleSpec, name: string): TdReflection => {
    const m =
      modules.find((c) => c.sources?.[0]?.fileName === spec.file) ??
      modules.find((c) => c.name === name);
    if (!m) {
      throw new Error(
        `api: TypeDoc made no module of ${spec.file} (modules: ${modules.map((c) => c.name).join(", ")})`,
      );
    }
    return m;
  };
  const rootModule = moduleOf(opts.root, "index");
  const subpaths = opts.subpaths.map((s) => ({ ...s, module: moduleOf(s, s.folder) }));
  const exportsOf = (m: TdReflection, spec: TdModuleSpec): TdReflection[] => {
    const order = spec.order ?? [];
    const rank = (r: TdReflection) => {
      const i = order.indexOf(r.name);
      return i < 0 ? order.length : i;
    };
    return (m.children ?? [])
      .map((c, i) => ({ c, i }))
      .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
      .map((x) => x.c);
  };

  // every declaration's home: its folder's page and its anchor there
  const homes = new Map<number, { folder: string; id: string }>();
  const settle = (r: TdReflection, folder: string, id: string) => {
    if (homes.has(r.id)) return;
    homes.set(r.id, { folder, id });
    for (const s of [...(r.signatures ?? []), ...(r.getSignature ? [r.getSignature] : [])]) {
      homes.set(s.id, { folder, id });
    }
    for (const c of membersOf(r)) settle(c, folder, `${id}.${c.name}`);
  };
  const declaredIn = (r: TdReflection, file: string) =>
    !r.sources?.length || r.sources[0].fileName.startsWith(file.replace(/[^/]*$/, ""));
  for (const own of [true, false]) {
    for (const s of subpaths) {
      for (const e of exportsOf(s.module, s)) {
        const d = resolve(e);
        if (declaredIn(d, s.file) === own) settle(d, s.folder, e.name);
      }
    }
  }
  const hrefOf = (target: unknown): string | null => {
    const home = typeof target === "number" ? homes.get(target) : undefined;
    return home ? apiHref(home.folder, home.id) : null;
  };
  const printer = new Printer(hrefOf, resolve);

  return {
    packageName: opts.packageName,
    root: exportsOf(rootModule, opts.root).map((e) => {
      const d = resolve(e);
      const home = homes.get(d.id);
      return {
        name: e.name,
        kind: kindOf(d),
        href: home ? apiHref(home.folder, home.id) : null,
        module: home ? `${opts.packageName}/${home.folder}` : null,
      };
    }),
    modules: subpaths.map((s) => {
      const own = s.module.comment;
      return {
        name: `${opts.packageName}/${s.folder}`,
        folder: s.folder,
        summary: own ? firstParagraph(commentMarkdown(own.summary, hrefOf)) : (s.summary ?? ""),
        entries: exportsOf(s.module, s).map((e) => printer.entry(resolve(e), e.name, e.name)),
      };
    }),
  };
}

const firstParagraph = (md: string) => md.split(/\n\s*\n/)[0].trim();

/** The members a declaration shows: a class's or interface's, or an object type's properties. */
function membersOf(r: TdReflection): TdReflection[] {
  const own = (r.children ?? []).filter((c) => !c.flags?.isExternal);
  if (own.length > 0 || r.kind === K.Class || r.kind === K.Interface) return own;
  const literal = r.type?.type === "reflection" ? r.type.declaration : undefined;
  return literal?.children ?? [];
}

function kindOf(r: TdReflection): ApiKind {
  switch (r.kind) {
    case K.Function:
      return "function";
    case K.Class:
      return "class";
    case K.Interface:
      return "interface";
    case K.TypeAlias:
      return "type";
    case K.Variable:
      return r.flags?.isConst ? "const" : "let";
    case K.Namespace:
      return "namespace";
    case K.Enum:
      return "enum";
    case K.Constructor:
      return "constructor";
    case K.Method:
      return "method";
    case K.Accessor:
      return "accessor";
    case K.EnumMember:
      return "enum member";
    case K.CallSignature:
    case K.ConstructorSignature:
      return "call";
    case K.IndexSignature:
      return "index";
    default:
      return "property";
  }
}

/** A comment's parts as markdown; `{@link x}` becomes a link to x's entry (a code span if none). */
export function commentMarkdown(
  parts: TdPart[],
  hrefOf: (target: unknown) => string | null,
): string {
  return parts
    .map((p) => {
      if (p.kind !== "inline-tag" || !/^@link/.test(p.tag ?? "")) return p.text;
      const text = p.text.trim();
      const label = /^[\w$.#]+$/.test(text) ? `\`${text}\`` : text;
      if (typeof p.target === "string" && /^https?:\/\//.test(p.target)) {
        return `[${label}](${p.target})`;
      }
      const href = hrefOf(p.target);
      return href ? `[${label}](${href})` : label;
    })
    .join("")
    .trim();
}

const TAG_TITLES: Record<string, string> = {
  "@example": "Example",
  "@remarks": "Remarks",
  "@throws": "Throws",
  "@deprecated": "Deprecated",
  "@defaultValue": "Default",
  "@default": "Default",
};

/** Prints types and declarations as TypeScript, with links; turns comments into ApiDocs. */
class Printer {
  constructor(
    private readonly hrefOf: (target: unknown) => string | null,
    private readonly resolve: (r: TdReflection) => TdReflection,
  ) {}

  doc(comment: TdComment | undefined, signature?: TdReflection): ApiDoc {
    const md = (parts: TdPart[]) => commentMarkdown(parts, this.hrefOf);
    const doc: ApiDoc = {
      summary: comment ? md(comment.summary) : "",
      params: [],
      returns: null,
      see: [],
      blocks: [],
    };
    for (const p of signature?.typeParameters ?? []) {
      if (p.comment) doc.params.push({ name: `<${p.name}>`, text: md(p.comment.summary) });
    }
    for (const p of signature?.parameters ?? []) {
      if (p.comment) doc.params.push({ name: p.name, text: md(p.comment.summary) });
    }
    for (const tag of comment?.blockTags ?? []) {
      const text = md(tag.content);
      if (tag.tag === "@returns" || tag.tag === "@return") doc.returns = text;
      else if (tag.tag === "@see") doc.see.push(text);
      else if (tag.tag === "@param") doc.params.push({ name: tag.name ?? "", text });
      else doc.blocks.push({ tag: TAG_TITLES[tag.tag] ?? tag.tag.replace(/^@/, ""), text });
    }
    return doc;
  }

  /** An export (or a namespace's member) and its members. */
  entry(r: TdReflection, name: string, id: string): ApiEntry {
    const sigs = r.signatures ?? [];
    const documented = sigs.find((s) => s.comment) ?? sigs[0];
    const base = {
      name,
      kind: kindOf(r),
      id,
      source: r.sources?.length ? `${r.sources[0].fileName}:${r.sources[0].line}` : null,
    };
    const members = (parent: TdReflection) => [
      ...membersOf(parent).map((m) =>
        r.kind === K.Namespace
          ? this.entry(this.resolve(m), m.name, `${id}.${m.name}`)
          : this.member(m, `${id}.${m.name}`, name),
      ),
      ...(parent.kind === K.Interface
        ? (parent.signatures ?? []).map((s, i) =>
            this.member(s, `${id}.call${i ? i + 1 : ""}`, name),
          )
        : []),
      ...(parent.indexSignatures ?? []).map((s) => this.member(s, `${id}.index`, name)),
    ];
    switch (r.kind) {
      case K.Function:
        return {
          ...base,
          code: sigs.map((s) => this.callable(["function ", name], s)),
          doc: this.doc(documented?.comment ?? r.comment, documented),
          members: [],
        };
      case K.Class:
      case K.Interface: {
        const head: ApiCode = [`${r.kind === K.Class ? "class" : "interface"} ${name}`];
        head.push(...this.typeParams(r.typeParameters));
        if (r.extendedTypes?.length) head.push(" extends ", ...this.list(r.extendedTypes));
        if (r.implementedTypes?.length) head.push(" implements ", ...this.list(r.implementedTypes));
        return { ...base, code: [merge(head)], doc: this.doc(r.comment), members: members(r) };
      }
      case K.TypeAlias: {
        const head: ApiCode = [`type ${name}`, ...this.typeParams(r.typeParameters), " = "];
        const type = r.type ?? { type: "unknown", name: "unknown" };
        let code = merge([...head, ...this.type(type)]);
        if (codeText(code).length > WIDTH && type.type === "reflection") {
          code = merge([...head, ...this.objectType(type.declaration, "top", true)]);
        } else if (codeText(code).length > WIDTH && type.type === "union") {
          code = merge([
            ...head.slice(0, -1),
            " =",
            ...(type.types ?? []).flatMap((t) => ["\n  | ", ...this.type(t, "union")]),
          ]);
        }
        return { ...base, code: [code], doc: this.doc(r.comment), members: members(r) };
      }
      case K.Namespace:
      case K.Enum:
        return {
          ...base,
          code: [[`${r.kind === K.Enum ? "enum" : "namespace"} ${name}`]],
          doc: this.doc(r.comment),
          members: members(r),
        };
      default: {
        const keyword = r.kind === K.Variable ? `${kindOf(r)} ` : "";
        const head = `${keyword}${name}: `;
        let code = merge([head, ...this.type(r.type)]);
        if (codeText(code).length > WIDTH && r.type?.type === "reflection") {
          code = merge([head, ...this.objectType(r.type.declaration, "top", true)]);
        }
        return {
          ...base,
          code: [code],
          doc: this.doc(r.comment),
          members: members(r),
        };
      }
    }
  }

  /** A member of a class, interface or object type. */
  member(m: TdReflection, id: string, owner: string): ApiEntry {
    const mods = `${m.flags?.isStatic ? "static " : ""}${m.flags?.isReadonly ? "readonly " : ""}`;
    const opt = m.flags?.isOptional ? "?" : "";
    const sigs = m.signatures ?? [];
    const documented = sigs.find((s) => s.comment) ?? sigs[0];
    const base = {
      name: m.name,
      kind: kindOf(m),
      id,
      source: m.sources?.length ? `${m.sources[0].fileName}:${m.sources[0].line}` : null,
      members: [],
    };
    switch (m.kind) {
      case K.Constructor:
        return {
          ...base,
          code: sigs.map((s) => this.callable([`new ${owner}`], s, false)),
          doc: this.doc(documented?.comment ?? m.comment, documented),
        };
      case K.Method:
        return {
          ...base,
          code: sigs.map((s) => this.callable([`${mods}${m.name}${opt}`], s)),
          doc: this.doc(documented?.comment ?? m.comment, documented),
        };
      case K.CallSignature:
      case K.ConstructorSignature:
        return {
          ...base,
          name: "(call)",
          code: [this.callable([m.kind === K.ConstructorSignature ? "new " : ""], m)],
          doc: this.doc(m.comment, m),
        };
      case K.IndexSignature: {
        const [p] = m.parameters ?? [];
        const key = p ? [`${p.name}: `, ...this.type(p.type)] : [];
        return {
          ...base,
          name: "[index]",
          code: [merge([mods, "[", ...key, "]: ", ...this.type(m.type)])],
          doc: this.doc(m.comment),
        };
      }
      case K.Accessor: {
        const code: ApiCode[] = [];
        if (m.getSignature)
          code.push(merge([`get ${m.name}(): `, ...this.type(m.getSignature.type)]));
        const set = m.setSignature?.parameters?.[0];
        if (set) code.push(merge([`set ${m.name}(${set.name}: `, ...this.type(set.type), ")"]));
        const comment = m.getSignature?.comment ?? m.setSignature?.comment ?? m.comment;
        return { ...base, code, doc: this.doc(comment) };
      }
      case K.EnumMember:
        return {
          ...base,
          code: [merge([`${m.name} = `, ...this.type(m.type)])],
          doc: this.doc(m.comment),
        };
      default: {
        // a property; a function-typed one may carry its doc on the signature
        const fn = m.type?.type === "reflection" ? m.type.declaration?.signatures?.[0] : undefined;
        return {
          ...base,
          code: [merge([`${mods}${m.name}${opt}: `, ...this.type(m.type)])],
          doc: this.doc(m.comment ?? fn?.comment, fn),
        };
      }
    }
  }

  /** `head<T>(a: A, b?: B): R`, one parameter per line when longer than WIDTH. */
  callable(head: ApiCode, s: TdReflection, withReturn = true): ApiCode {
    const params = (s.parameters ?? []).map((p) => this.param(p));
    const ret: ApiCode = withReturn ? [": ", ...this.type(s.type)] : [];
    const tps = this.typeParams(s.typeParameters);
    const oneLine = merge([...head, ...tps, "(", ...joinCode(params, ", "), ")", ...ret]);
    if (codeText(oneLine).length <= WIDTH || params.length === 0) return oneLine;
    return merge([
      ...head,
      ...tps,
      "(\n",
      ...params.flatMap((p) => ["  ", ...p, ",\n"]),
      ")",
      ...ret,
    ]);
  }

  param(p: TdReflection): ApiCode {
    const optional = p.flags?.isOptional || p.defaultValue !== undefined ? "?" : "";
    return [`${p.flags?.isRest ? "..." : ""}${p.name}${optional}: `, ...this.type(p.type)];
  }

  typeParams(tps: TdReflection[] | undefined): ApiCode {
    if (!tps?.length) return [];
    const one = (t: TdReflection): ApiCode => [
      t.flags?.isConst ? "const " : "",
      t.name,
      ...(t.type ? [" extends ", ...this.type(t.type)] : []),
      ...(t.default ? [" = ", ...this.type(t.default)] : []),
    ];
    return ["<", ...joinCode(tps.map(one), ", "), ">"];
  }

  list(types: TdType[]): ApiCode {
    return joinCode(
      types.map((t) => this.type(t)),
      ", ",
    );
  }

  /** A type as TypeScript; `ctx` says where it sits, for parentheses. */
  type(t: TdType | undefined, ctx: "top" | "union" | "array" = "top"): ApiCode {
    if (!t) return ["unknown"];
    const paren = (code: ApiCode, when: boolean): ApiCode => (when ? ["(", ...code, ")"] : code);
    switch (t.type) {
      case "intrinsic":
      case "unknown":
        return [t.name ?? "unknown"];
      case "literal":
        return [literal(t.value)];
      case "reference": {
        let args = t.typeArguments ?? [];
        const name = t.name ?? "?";
        if (
          TYPED_ARRAYS.test(name) &&
          args.length === 1 &&
          args[0].type === "reference" &&
          args[0].name === "ArrayBufferLike"
        ) {
          args = []; // Float64Array<ArrayBufferLike> is what Float64Array means
        }
        const href = t.refersToTypeParameter ? null : this.hrefOf(t.target);
        const ref: ApiCode = [href ? { text: name, href } : name];
        return args.length ? [...ref, "<", ...this.list(args), ">"] : ref;
      }
      case "array":
        return [...this.type(t.elementType, "array"), "[]"];
      case "union":
      case "intersection": {
        const parts = (t.types ?? []).map((u) => this.type(u, "union"));
        return paren(joinCode(parts, t.type === "union" ? " | " : " & "), ctx !== "top");
      }
      case "tuple":
        return ["[", ...this.list(t.elements ?? []), "]"];
      case "namedTupleMember":
        return [`${t.name}${t.isOptional ? "?" : ""}: `, ...this.type(t.element)];
      case "optional":
        return [...this.type(t.elementType, "array"), "?"];
      case "rest":
        return ["...", ...this.type(t.elementType, "array")];
      case "typeOperator":
        return paren(
          [`${t.operator} `, ...this.type(t.target as TdType, "array")],
          ctx === "array",
        );
      case "indexedAccess":
        return [...this.type(t.objectType, "array"), "[", ...this.type(t.indexType), "]"];
      case "conditional":
        return paren(
          [
            ...this.type(t.checkType, "union"),
            " extends ",
            ...this.type(t.extendsType, "union"),
            " ? ",
            ...this.type(t.trueType),
            " : ",
            ...this.type(t.falseType),
          ],
          ctx !== "top",
        );
      case "query":
        return ["typeof ", ...this.type(t.queryType, "array")];
      case "predicate":
        return [
          `${t.asserts ? "asserts " : ""}${t.name}`,
          ...(t.targetType ? [" is ", ...this.type(t.targetType)] : []),
        ];
      case "inferred":
        return [`infer ${t.name}`];
      case "templateLiteral":
        return [
          "`",
          t.head ?? "",
          ...(t.tail ?? []).flatMap(([u, text]) => ["${", ...this.type(u), "}", text]),
          "`",
        ];
      case "mapped": {
        const ro = t.readonlyModifier ? `${t.readonlyModifier === "-" ? "-" : ""}readonly ` : "";
        const opt = t.optionalModifier ? `${t.optionalModifier === "-" ? "-" : ""}?` : "";
        return [
          `{ ${ro}[${t.parameter} in `,
          ...this.type(t.parameterType),
          ...(t.nameType ? [" as ", ...this.type(t.nameType)] : []),
          `]${opt}: `,
          ...this.type(t.templateType),
          " }",
        ];
      }
      case "reflection":
        return this.objectType(t.declaration, ctx);
      default:
        return [t.name ?? t.type];
    }
  }

  /** An object type literal or a function type; an object on several lines if `lines`. */
  objectType(d: TdReflection | undefined, ctx: "top" | "union" | "array", lines = false): ApiCode {
    if (!d) return ["{}"];
    const sigs = d.signatures ?? [];
    const children = d.children ?? [];
    if (sigs.length === 1 && children.length === 0 && !d.indexSignatures?.length) {
      const s = sigs[0];
      const fn: ApiCode = [
        s.kind === K.ConstructorSignature ? "new " : "",
        ...this.typeParams(s.typeParameters),
        "(",
        ...joinCode(
          (s.parameters ?? []).map((p) => this.param(p)),
          ", ",
        ),
        ") => ",
        ...this.type(s.type),
      ];
      return ctx === "top" ? fn : ["(", ...fn, ")"];
    }
    const members: ApiCode[] = [
      ...sigs.map((s) => this.callable([s.kind === K.ConstructorSignature ? "new " : ""], s)),
      ...(d.indexSignatures ?? []).map((s) => {
        const [p] = s.parameters ?? [];
        return [`[${p?.name ?? "key"}: `, ...this.type(p?.type), "]: ", ...this.type(s.type)];
      }),
      ...children.map((c) => {
        const ro = c.flags?.isReadonly ? "readonly " : "";
        const opt = c.flags?.isOptional ? "?" : "";
        if (c.kind === K.Method) {
          return this.callable([`${c.name}${opt}`], (c.signatures ?? [])[0] ?? c);
        }
        return [`${ro}${c.name}${opt}: `, ...this.type(c.type)];
      }),
    ];
    if (members.length === 0) return ["{}"];
    if (lines) return ["{\n", ...members.flatMap((m) => ["  ", ...m, ";\n"]), "}"];
    return ["{ ", ...joinCode(members, "; "), " }"];
  }
}

function literal(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object" && value !== null && "value" in value) {
    const big = value as { negative?: boolean; value: string };
    return `${big.negative ? "-" : ""}${big.value}n`;
  }
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function joinCode(parts: ApiCode[], sep: string): ApiCode {
  return parts.flatMap((p, i) => (i === 0 ? p : [sep, ...p]));
}

/** Adjacent strings merged, empty ones dropped. */
function merge(code: ApiCode): ApiCode {
  const out: ApiCode = [];
  for (const p of code) {
    if (p === "") continue;
    const last = out[out.length - 1];
    if (typeof p === "string" && typeof last === "string") out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}
