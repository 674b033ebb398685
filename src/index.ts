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
export * from "./score";
export * from "./reverse";
export * from "./plot";
export * from "./check";
