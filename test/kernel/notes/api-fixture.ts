/**
 * A hand-written API model for the renderer's tests (not a test file): two subpaths with math in
 * every kind of text, a signature full of `<`, `>` and quotes, parameters, returns, citations,
 * members, links across pages, and payloads that try to break out of their elements.
 */
import { ApiDoc, ApiEntry, ApiModel, emptyDoc } from "../../../kernel/notes/api-model";
import { HOSTILE } from "./fixture";

const doc = (d: Partial<ApiDoc>): ApiDoc => ({ ...emptyDoc(), ...d });

const integrate: ApiEntry = {
  name: "integrate",
  kind: "function",
  id: "integrate",
  code: [
    [
      "function integrate<T extends Record<string, number>>(\n  sde: ",
      { text: "Sde", href: "api-sde.html#Sde" },
      ",\n  tag?: \"</script>\" | 'x' & T,\n): ",
      "Float64Array",
    ],
  ],
  doc: doc({
    summary:
      "$X_{k+1} = X_k + f(t_k, X_k)\\,h_k + g\\,\\Delta W_k$ for $k = 0..K-1$, with\n$$\\mathbb E\\,|X_K - X(T)| = O(h^{1/2})$$\n" +
      `and a [link](api-sde.html#Sde) and ${HOSTILE}.`,
    params: [
      { name: "sde", text: "drift $f$ and diffusion $g$ of shape (n, d)" },
      { name: "tag", text: `\`${HOSTILE}\`` },
    ],
    returns: "the state $X_{t_K}$, (n, d) row-major",
    see: ["Kloeden & Platen (1992), §10.2, eq. (10.2.2)", "Higham (2001), eq. $(3.1)$"],
    blocks: [{ tag: "Example", text: "```ts\nintegrate(sde, eulerMaruyama);\n```" }],
  }),
  members: [],
  source: "src/sde/integrate.ts:32",
};

const sde: ApiEntry = {
  name: "Sde",
  kind: "interface",
  id: "Sde",
  code: [["interface Sde"]],
  doc: doc({ summary: "$dX_t = f(t, X_t)\\,dt + g(t, X_t)\\,dW_t$\n\n## Moments\n\nof $X_t$." }),
  members: [
    {
      name: "drift",
      kind: "method",
      id: "Sde.drift",
      code: [["drift(t: number, x: Float64Array, out: Float64Array): void"]],
      doc: doc({ summary: "$f(t, x)$ for n states.", params: [{ name: "x", text: "(n, d)" }] }),
      members: [],
      source: "src/sde/sde.ts:20",
    },
    {
      name: "dim",
      kind: "property",
      id: "Sde.dim",
      code: [["readonly dim: number"]],
      doc: doc({ summary: "$d$, the state dimension" }),
      members: [],
      source: null,
    },
  ],
  source: "src/sde/sde.ts:13",
};

/** The fixture model: `itolab/sde` (with the entries above) and `itolab/stats`. */
export function fixtureApi(): ApiModel {
  return {
    packageName: "itolab",
    root: [
      { name: "integrate", kind: "function", href: "api-sde.html#integrate", module: "itolab/sde" },
      { name: "moments", kind: "function", href: "api-stats.html#moments", module: "itolab/stats" },
      { name: "Sde", kind: "interface", href: "api-sde.html#Sde", module: "itolab/sde" },
    ],
    modules: [
      {
        name: "itolab/sde",
        folder: "sde",
        summary: "the `Sde` interface and solvers for $dX = f\\,dt + g\\,dW$",
        entries: [sde, integrate],
      },
      {
        name: "itolab/stats",
        folder: "stats",
        summary: "",
        entries: [
          {
            name: "moments",
            kind: "function",
            id: "moments",
            code: [
              [
                "function moments(xs: ArrayLike<number>): ",
                { text: "Sde", href: "api-sde.html#Sde" },
              ],
            ],
            doc: doc({ summary: "Mean $\\bar x$ and variance $s^2$." }),
            members: [],
            source: "src/stats/moments.ts:5",
          },
        ],
      },
    ],
  };
}
