/**
 * Declarations of TypeDoc's JSON as entries of the API model: an export (or a namespace's member)
 * with its declaration printed as TypeScript (./api-types), its doc comment as markdown, and its
 * members (a class's or interface's own properties, methods, accessors, constructors; an object
 * type's properties). `{@link x}` in a comment becomes a link to x's entry.
 */
import { ApiCode, ApiDoc, ApiEntry, codeText } from "./api-model";
import { K, kindOf, membersOf, TdComment, TdPart, TdReflection } from "./api-typedoc-json";
import { merge, TypePrinter, WIDTH } from "./api-types";

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

/** Titles of the block tags shown besides `@param`, `@returns` and `@see`. */
const TAG_TITLES: Record<string, string> = {
  "@example": "Example",
  "@remarks": "Remarks",
  "@throws": "Throws",
  "@deprecated": "Deprecated",
  "@defaultValue": "Default",
  "@default": "Default",
};

/** Turns declarations and their comments into entries. */
export class EntryPrinter {
  private readonly types: TypePrinter;

  /**
   * @param hrefOf the link to a reflection's entry, or null
   * @param resolve a re-export's declaration
   */
  constructor(
    private readonly hrefOf: (target: unknown) => string | null,
    private readonly resolve: (r: TdReflection) => TdReflection,
  ) {
    this.types = new TypePrinter(hrefOf);
  }

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
          code: sigs.map((s) => this.types.callable(["function ", name], s)),
          doc: this.doc(documented?.comment ?? r.comment, documented),
          members: [],
        };
      case K.Class:
      case K.Interface: {
        const head: ApiCode = [`${r.kind === K.Class ? "class" : "interface"} ${name}`];
        head.push(...this.types.typeParams(r.typeParameters));
        if (r.extendedTypes?.length) head.push(" extends ", ...this.types.list(r.extendedTypes));
        if (r.implementedTypes?.length)
          head.push(" implements ", ...this.types.list(r.implementedTypes));
        return { ...base, code: [merge(head)], doc: this.doc(r.comment), members: members(r) };
      }
      case K.TypeAlias: {
        const head: ApiCode = [`type ${name}`, ...this.types.typeParams(r.typeParameters), " = "];
        const type = r.type ?? { type: "unknown", name: "unknown" };
        let code = merge([...head, ...this.types.type(type)]);
        if (codeText(code).length > WIDTH && type.type === "reflection") {
          code = merge([...head, ...this.types.objectType(type.declaration, "top", true)]);
        } else if (codeText(code).length > WIDTH && type.type === "union") {
          code = merge([
            ...head.slice(0, -1),
            " =",
            ...(type.types ?? []).flatMap((t) => ["\n  | ", ...this.types.type(t, "union")]),
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
        let code = merge([head, ...this.types.type(r.type)]);
        if (codeText(code).length > WIDTH && r.type?.type === "reflection") {
          code = merge([head, ...this.types.objectType(r.type.declaration, "top", true)]);
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
          code: sigs.map((s) => this.types.callable([`new ${owner}`], s, false)),
          doc: this.doc(documented?.comment ?? m.comment, documented),
        };
      case K.Method:
        return {
          ...base,
          code: sigs.map((s) => this.types.callable([`${mods}${m.name}${opt}`], s)),
          doc: this.doc(documented?.comment ?? m.comment, documented),
        };
      case K.CallSignature:
      case K.ConstructorSignature:
        return {
          ...base,
          name: "(call)",
          code: [this.types.callable([m.kind === K.ConstructorSignature ? "new " : ""], m)],
          doc: this.doc(m.comment, m),
        };
      case K.IndexSignature: {
        const [p] = m.parameters ?? [];
        const key = p ? [`${p.name}: `, ...this.types.type(p.type)] : [];
        return {
          ...base,
          name: "[index]",
          code: [merge([mods, "[", ...key, "]: ", ...this.types.type(m.type)])],
          doc: this.doc(m.comment),
        };
      }
      case K.Accessor: {
        const code: ApiCode[] = [];
        if (m.getSignature)
          code.push(merge([`get ${m.name}(): `, ...this.types.type(m.getSignature.type)]));
        const set = m.setSignature?.parameters?.[0];
        if (set)
          code.push(merge([`set ${m.name}(${set.name}: `, ...this.types.type(set.type), ")"]));
        const comment = m.getSignature?.comment ?? m.setSignature?.comment ?? m.comment;
        return { ...base, code, doc: this.doc(comment) };
      }
      case K.EnumMember:
        return {
          ...base,
          code: [merge([`${m.name} = `, ...this.types.type(m.type)])],
          doc: this.doc(m.comment),
        };
      default: {
        // a property; a function-typed one may carry its doc on the signature
        const fn = m.type?.type === "reflection" ? m.type.declaration?.signatures?.[0] : undefined;
        return {
          ...base,
          code: [merge([`${mods}${m.name}${opt}: `, ...this.types.type(m.type)])],
          doc: this.doc(m.comment ?? fn?.comment, fn),
        };
      }
    }
  }
}
