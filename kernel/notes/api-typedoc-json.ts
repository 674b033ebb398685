/**
 * The parts of TypeDoc's JSON (`app.serializer.projectToObject`, the JSONOutput schema of TypeDoc
 * 0.28) that the notes read, typed here so that no TypeDoc is needed to compile or test them.
 */
import { ApiKind } from "./api-model";

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

/** TypeDoc's ReflectionKind values that the notes read. */
export const K = {
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

/** The members a declaration shows: a class's or interface's, or an object type's properties. */
export function membersOf(r: TdReflection): TdReflection[] {
  const own = (r.children ?? []).filter((c) => !c.flags?.isExternal);
  if (own.length > 0 || r.kind === K.Class || r.kind === K.Interface) return own;
  const literal = r.type?.type === "reflection" ? r.type.declaration : undefined;
  return literal?.children ?? [];
}

/** The kind of entry a reflection is. */
export function kindOf(r: TdReflection): ApiKind {
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
