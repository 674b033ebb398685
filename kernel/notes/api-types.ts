/**
 * Types and signatures of TypeDoc's JSON printed as TypeScript declarations (a `.d.ts` reads the
 * same: a parameter with a default is `p?: T`), with parentheses where precedence needs them, one
 * parameter per line when a line would be long, and every name that has an entry in the
 * reference linking to it.
 */
import { ApiCode, codeText } from "./api-model";
import { K, TdReflection, TdType } from "./api-typedoc-json";

/** Lines longer than this are broken, one parameter (or union member) per line. */
export const WIDTH = 88;

const TYPED_ARRAYS =
  /^(Float64Array|Float32Array|Int8Array|Int16Array|Int32Array|Uint8Array|Uint8ClampedArray|Uint16Array|Uint32Array)$/;

export class TypePrinter {
  /** @param hrefOf the link to a reflection's entry, or null */
  constructor(private readonly hrefOf: (target: unknown) => string | null) {}

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

export function joinCode(parts: ApiCode[], sep: string): ApiCode {
  return parts.flatMap((p, i) => (i === 0 ? p : [sep, ...p]));
}

/** Adjacent strings merged, empty ones dropped. */
export function merge(code: ApiCode): ApiCode {
  const out: ApiCode = [];
  for (const p of code) {
    if (p === "") continue;
    const last = out[out.length - 1];
    if (typeof p === "string" && typeof last === "string") out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}
