/**
 * itolab: the numerical library behind the notebooks. Import from "itolab" in a notebook.
 * Folders follow the one-way import order of STYLE.md: rng → stats → brownian → sde → processes → score → reverse;
 * plot/ and check/ depend on no numeric folder.
 */
export * from "./rng";
export * from "./stats";
export * from "./brownian";
export * from "./sde";
export * from "./processes";
export * from "./fokker-planck";
export * from "./score";
export * from "./reverse";
export * from "./diffusion";
export * from "./denoise";
export * from "./plot";
export * from "./check";
export * from "./langevin";
export * from "./guidance";
export * from "./bridges";
export * from "./nn";
export * from "./objectives";
export * from "./samplers";
