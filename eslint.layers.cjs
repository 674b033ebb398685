// The layers of src/ (STYLE.md, src/ rule 1; ARCHITECTURE.md). A folder may import only from
// folders of earlier layers, and only through their index.ts; plot/ and check/ stand beside the
// numerical stack and import base/ only; labs/ sits on top and may import everything.
// Used by eslint.config.mjs (no-restricted-imports) and by test/project/layers.test.ts.
const LAYERS = [
  ["base"],
  ["fast"],
  ["linalg"],
  ["rng"],
  ["stats"],
  ["brownian"],
  ["sde"],
  ["processes"],
  ["fokker-planck", "mixture", "symbolic"],
  ["score"],
  ["reverse", "diffusion", "denoise", "langevin", "guidance", "bridges", "nn"],
  ["flow"],
  ["objectives", "samplers"],
];
const BESIDE = { plot: ["base"], check: ["base"] };
const TOP = ["labs"];

/** Folders that `folder` may import. */
function allowedImports(folder) {
  if (BESIDE[folder]) return BESIDE[folder];
  if (TOP.includes(folder)) return [...LAYERS.flat(), ...Object.keys(BESIDE)];
  const i = LAYERS.findIndex((layer) => layer.includes(folder));
  if (i < 0) throw new Error(`eslint.layers.mjs: src/${folder} is in no layer; add it to LAYERS`);
  return LAYERS.slice(0, i).flat();
}

/** The no-restricted-imports rule for files of src/<folder>/. */
function layerRule(folder) {
  const all = [...LAYERS.flat(), ...Object.keys(BESIDE), ...TOP];
  const allowed = allowedImports(folder);
  const forbidden = all.filter((f) => f !== folder && !allowed.includes(f));
  const patterns = [
    {
      regex: "^\\.\\./[^/.]+/.+",
      message: "Import another folder through its index.ts (STYLE.md, src/ rule 1).",
    },
    {
      regex: "^\\.\\.(/index)?$",
      message: "Folders never import the package root (it re-exports them: a cycle).",
    },
    {
      regex: "^\\.\\./\\.\\.",
      message: "src/ imports nothing outside src/ but packages.",
    },
  ];
  if (forbidden.length > 0) {
    patterns.push({
      regex: `^\\.\\./(${forbidden.join("|")})$`,
      message: `src/${folder} may import only ${allowed.length ? allowed.join(", ") : "packages"} (ARCHITECTURE.md, layers).`,
    });
  }
  return ["error", { patterns }];
}

module.exports = { LAYERS, BESIDE, TOP, allowedImports, layerRule };
