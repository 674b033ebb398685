import { describeValue } from "../base";

/**
 * The parts of a mathjs expression tree this module reads (structural: no mathjs import, so the
 * library does not load mathjs; pass the nodes of `math.parse` or `math.derivative`).
 */
export interface SymbolicNode {
  readonly type: string;
  readonly op?: string;
  readonly fn?: unknown;
  readonly args?: readonly SymbolicNode[];
  readonly value?: unknown;
  readonly name?: string;
  readonly content?: SymbolicNode;
  toString(): string;
}

/** An expression as numerator / denominator, both expanded polynomials with integer coefficients. */
export interface RationalForm {
  /** expanded numerator, e.g. "2*m*x - x^2" ("0" when the expression vanishes identically) */
  readonly numerator: string;
  /** expanded denominator */
  readonly denominator: string;
  /** number of monomials in the numerator */
  readonly terms: number;
  /** whether the numerator is the zero polynomial: the expression is identically 0 */
  readonly isZero: boolean;
}

type Mono = Map<string, number>; // atom → exponent
type Poly = Map<string, { c: bigint; m: Mono }>; // key of the monomial → coefficient
interface Ratio {
  num: Poly;
  den: Poly;
}

const key = (m: Mono): string =>
  [...m.entries()]
    .sort()
    .map(([a, e]) => `${a}^${e}`)
    .join("\u0001");
const constant = (c: bigint): Poly => (c === 0n ? new Map() : new Map([["", { c, m: new Map() }]]));
const atom = (name: string): Poly => {
  const m: Mono = new Map([[name, 1]]);
  return new Map([[key(m), { c: 1n, m }]]);
};

function add(a: Poly, b: Poly, sign: bigint): Poly {
  const out: Poly = new Map(a);
  for (const [k, { c, m }] of b) {
    const v = (out.get(k)?.c ?? 0n) + sign * c;
    if (v === 0n) out.delete(k);
    else out.set(k, { c: v, m });
  }
  return out;
}

/**
 * Most products of two monomials one call may form (about a second of work): expanding e.g.
 * (x1 + … + x10)^64 would need ~1e11 terms, so it is refused instead of hanging; each product
 * costs ~10-30 µs (a Map and a sorted key).
 */
const MAX_PRODUCTS = 5e4;
/** Products formed so far by the current call (reset by rationalNormalForm; calls are synchronous). */
let products = 0;

function mul(a: Poly, b: Poly): Poly {
  products += a.size * b.size;
  if (products > MAX_PRODUCTS) {
    throw new RangeError(
      `rationalNormalForm: node expands to more than ${MAX_PRODUCTS} monomial products (a product of ${a.size} by ${b.size} terms); the expansion would not finish in reasonable time`,
    );
  }
  const out: Poly = new Map(); // accumulated in place: one pass over the a·b products
  for (const x of a.values()) {
    for (const y of b.values()) {
      const m: Mono = new Map(x.m);
      for (const [at, e] of y.m) m.set(at, (m.get(at) ?? 0) + e);
      const k = key(m);
      const v = (out.get(k)?.c ?? 0n) + x.c * y.c;
      if (v === 0n) out.delete(k);
      else out.set(k, { c: v, m });
    }
  }
  return out;
}

const same = (a: Poly, b: Poly): boolean =>
  a.size === b.size && [...a].every(([k, { c }]) => b.get(k)?.c === c);

function ratAdd(a: Ratio, b: Ratio, sign: bigint): Ratio {
  if (same(a.den, b.den)) return { num: add(a.num, b.num, sign), den: a.den };
  return { num: add(mul(a.num, b.den), mul(b.num, a.den), sign), den: mul(a.den, b.den) };
}

const ratMul = (a: Ratio, b: Ratio): Ratio => ({ num: mul(a.num, b.num), den: mul(a.den, b.den) });

function ratInv(a: Ratio, at: string): Ratio {
  if (a.num.size === 0) throw new RangeError(`rationalNormalForm: division by zero in ${at}`);
  return { num: a.den, den: a.num };
}

/** An exact rational p/q for a finite double (q a power of two). */
function fromNumber(v: number, at: string): Ratio {
  if (!Number.isFinite(v))
    throw new RangeError(`rationalNormalForm: constant ${v} in ${at} is not finite`);
  let x = v;
  let q = 1n;
  while (!Number.isInteger(x)) {
    x *= 2;
    q *= 2n;
  }
  return { num: constant(BigInt(x)), den: constant(q) };
}

/** Whether a ratio involves any symbol or atom (else it is a rational constant). */
const hasAtoms = (r: Ratio): boolean =>
  [...r.num.values(), ...r.den.values()].some(({ m }) => m.size > 0);

/** The value of a constant ratio (NaN if too large for a double). */
function ratioValue(r: Ratio): number {
  const p = r.num.size === 0 ? 0n : [...r.num.values()][0].c;
  const q = [...r.den.values()][0].c;
  return p % q === 0n ? Number(p / q) : Number(p) / Number(q);
}

/** Throws a TypeError unless `v` is a node (an object with a string `type`); returns it. */
function requireNode(v: unknown, path: string): SymbolicNode {
  if (v === null || typeof v !== "object" || typeof (v as SymbolicNode).type !== "string") {
    throw new TypeError(
      `rationalNormalForm: ${path} must be a mathjs node, got ${describeValue(v)}`,
    );
  }
  return v as SymbolicNode;
}

/** The argument nodes of an operator or function node, `count` of them when given. */
function argsOf(node: SymbolicNode, path: string, count?: number): SymbolicNode[] {
  const args: unknown = node.args;
  if (!Array.isArray(args) || args.length === 0 || (count !== undefined && args.length !== count)) {
    const want = count === undefined ? "a non-empty array" : `an array of ${count}`;
    throw new TypeError(
      `rationalNormalForm: ${path}.args must be ${want} of nodes for ${String(node.fn)}, got ${describeValue(args)}`,
    );
  }
  return args.map((a, i) => requireNode(a, `${path}.args[${i}]`));
}

const ARITY: Record<string, number | undefined> = {
  unaryMinus: 1,
  unaryPlus: 1,
  subtract: 2,
  divide: 2,
  pow: 2,
};

function walk(node: SymbolicNode, path: string): Ratio {
  const one = constant(1n);
  switch (node.type) {
    case "ConstantNode":
      if (typeof node.value !== "number") break;
      return fromNumber(node.value, node.toString());
    case "SymbolNode":
      return { num: atom(String(node.name)), den: one };
    case "ParenthesisNode":
      return walk(requireNode(node.content, `${path}.content`), `${path}.content`);
    case "OperatorNode": {
      const fn = String(node.fn);
      const nodes = argsOf(node, path, fn in ARITY ? ARITY[fn] : undefined);
      const args = nodes.map((a, i) => walk(a, `${path}.args[${i}]`));
      if (fn === "unaryMinus") return { num: add(new Map(), args[0].num, -1n), den: args[0].den };
      if (fn === "unaryPlus") return args[0];
      if (fn === "add") return args.reduce((s, a) => ratAdd(s, a, 1n));
      if (fn === "subtract") return ratAdd(args[0], args[1], -1n);
      if (fn === "multiply") return args.reduce(ratMul);
      if (fn === "divide") return ratMul(args[0], ratInv(args[1], node.toString()));
      if (fn === "pow") {
        // an integer exponent given by any constant expression (2, -1, 1/2 · 4, …)
        const e = args[1];
        const k = e.num.size <= 1 && e.den.size === 1 && !hasAtoms(e) ? ratioValue(e) : NaN;
        if (Number.isInteger(k) && Math.abs(k) <= 64) {
          let r: Ratio = { num: one, den: one };
          for (let i = 0; i < Math.abs(k); i++) r = ratMul(r, args[0]);
          return k < 0 ? ratInv(r, node.toString()) : r;
        }
      }
      break;
    }
  }
  // anything else is an opaque atom: a function of normalised arguments (so that mathjs's
  // exp(x ^ 2 * -1 / 2) and exp(-x^2/2) are the same atom), or the text of x^y
  if (node.type === "FunctionNode" && node.args) {
    const name = String((node.fn as { name?: unknown })?.name ?? node.fn);
    const inner = argsOf(node, path).map((a, i) => {
      const r = walk(a, `${path}.args[${i}]`);
      return `(${format(r.num)})/(${format(r.den)})`;
    });
    return { num: atom(`${name}(${inner.join(", ")})`), den: one };
  }
  return { num: atom(node.toString()), den: one };
}

function format(p: Poly): string {
  if (p.size === 0) return "0";
  return [...p.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { c, m }]) => {
      const factors = [...m.entries()].sort().map(([a, e]) => (e === 1 ? a : `${a}^${e}`));
      if (factors.length === 0) return String(c);
      const body = factors.join("*");
      return c === 1n ? body : c === -1n ? `-${body}` : `${c}*${body}`;
    })
    .join(" + ")
    .replace(/\+ -/g, "- ");
}

/**
 * $e = P/Q$ with P, Q expanded polynomials (integer coefficients) in the expression's symbols and
 * opaque atoms (`exp(…)`, `log(…)`, … keyed by their text). Exact: rational arithmetic in BigInt,
 * no cancellation of common factors, so $e \equiv 0$ exactly when P is the zero polynomial. The
 * zero test mathjs's `simplify` and `rationalize` cannot do for several variables.
 * @param node - a mathjs node (`math.parse(…)`, `math.derivative(…)`), numbers as doubles;
 *   operators with their arguments (a TypeError names a malformed node by its path). An
 *   expansion that would form more than 5·10⁴ monomial products (about a second) is a RangeError.
 * @returns numerator, denominator, number of terms, and isZero.
 * @see J. H. Davenport, Y. Siret & E. Tournier (1988), Computer Algebra, §2.1 (canonical forms of
 *   rational functions).
 */
export function rationalNormalForm(node: SymbolicNode): RationalForm {
  requireNode(node, "node");
  products = 0;
  const { num, den } = walk(node, "node");
  return Object.freeze({
    numerator: format(num),
    denominator: format(den),
    terms: num.size,
    isZero: num.size === 0,
  });
}
