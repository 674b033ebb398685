// dependency-cruiser: the import graph of src/ (and kernel/) has no cycle. Run by
// test/project/architecture.test.ts; layers themselves are ESLint's job (eslint.layers.mjs).
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A module may not depend on itself through any chain of imports.",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "(^|/)(dist|build|node_modules)/" },
  },
};
