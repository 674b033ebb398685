// ESLint flat config: typescript-eslint's recommended rules for every TypeScript file, plus the
// house rules: src/ draws no randomness of its own (STYLE.md, src/ rule 2), and each folder of
// src/ imports only earlier layers, through their index.ts (eslint.layers.cjs).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import fs from "fs";
import path from "path";
import { fileURLToPath } from "url";
import layers from "./eslint.layers.cjs";

export default tseslint.config(
  { ignores: ["dist/**", "build/**", "node_modules/**", "figures/**", "kernel/jupyter/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "Math",
          property: "random",
          message: "Pass an explicit seeded rng (src/rng) instead.",
        },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "ExportDefaultDeclaration",
          message: "Named exports only (STYLE.md, src/ rule 8).",
        },
      ],
    },
  },
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  ...fs
    .readdirSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "src"), {
      withFileTypes: true,
    })
    .filter((d) => d.isDirectory())
    .map((d) => ({
      files: [`src/${d.name}/**/*.ts`],
      rules: { "no-restricted-imports": layers.layerRule(d.name) },
    })),
);
