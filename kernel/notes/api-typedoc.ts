/**
 * TypeDoc's JSON (`app.serializer.projectToObject`, schema of TypeDoc 0.28, ./api-typedoc-json) →
 * the notes' API model (./api-model). Pure: no TypeDoc at run time, so jest can test it on any JSON.
 *
 * Each subpath module lists its exports in the order of its index.ts; a re-export (TypeDoc's
 * "reference") is resolved to its declaration. Every declaration has one home, the subpath of the
 * folder it is declared in, and every link (a type in a signature, `{@link x}` in a comment) goes
 * to its entry there. Entries are made by ./api-entries, their declarations printed by ./api-types.
 */
import { ApiModel, apiHref } from "./api-model";
import { commentMarkdown, EntryPrinter } from "./api-entries";
import { K, membersOf, kindOf, TdReflection } from "./api-typedoc-json";

/** A module of the project: its entry file (as TypeDoc names sources) and its exports' order. */
export interface TdModuleSpec {
  /** `src/sde/index.ts`; the module is also found by its TypeDoc name (`sde`, or `index`). */
  file: string;
  /** Export names in the order of the file; others follow in TypeDoc's order. */
  order?: string[];
}

export interface ApiFromTypeDocOptions {
  /** The package name, `itolab`. */
  packageName: string;
  /** The package root, src/index.ts. */
  root: TdModuleSpec;
  /** The subpaths in order, each with its folder (`sde`) and, for the API index, a line. */
  subpaths: (TdModuleSpec & { folder: string; summary?: string })[];
}

/**
 * The model of a TypeDoc project whose modules are the package root and its subpaths.
 * @param project TypeDoc's JSON of the project
 * @param opts the package name, the root module, the subpaths in order, export order, summaries
 */
export function apiFromTypeDoc(project: TdReflection, opts: ApiFromTypeDocOptions): ApiModel {
  const byId = new Map<number, TdReflection>();
  const index = (r: TdReflection) => {
    byId.set(r.id, r);
    for (const c of [
      ...(r.children ?? []),
      ...(r.signatures ?? []),
      ...(r.indexSignatures ?? []),
      ...(r.getSignature ? [r.getSignature] : []),
      ...(r.setSignature ? [r.setSignature] : []),
    ]) {
      index(c);
    }
  };
  index(project);
  const resolve = (r: TdReflection): TdReflection =>
    r.kind === K.Reference && typeof r.target === "number" ? (byId.get(r.target) ?? r) : r;
  const modules = project.children ?? [];
  const moduleOf = (spec: TdModuleSpec, name: string): TdReflection => {
    const m =
      modules.find((c) => c.sources?.[0]?.fileName === spec.file) ??
      modules.find((c) => c.name === name);
    if (!m) {
      throw new Error(
        `api: TypeDoc made no module of ${spec.file} (modules: ${modules.map((c) => c.name).join(", ")})`,
      );
    }
    return m;
  };
  const rootModule = moduleOf(opts.root, "index");
  const subpaths = opts.subpaths.map((s) => ({ ...s, module: moduleOf(s, s.folder) }));
  const exportsOf = (m: TdReflection, spec: TdModuleSpec): TdReflection[] => {
    const order = spec.order ?? [];
    const rank = (r: TdReflection) => {
      const i = order.indexOf(r.name);
      return i < 0 ? order.length : i;
    };
    return (m.children ?? [])
      .map((c, i) => ({ c, i }))
      .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
      .map((x) => x.c);
  };

  // every declaration's home: its folder's page and its anchor there
  const homes = new Map<number, { folder: string; id: string }>();
  const settle = (r: TdReflection, folder: string, id: string) => {
    if (homes.has(r.id)) return;
    homes.set(r.id, { folder, id });
    for (const s of [...(r.signatures ?? []), ...(r.getSignature ? [r.getSignature] : [])]) {
      homes.set(s.id, { folder, id });
    }
    for (const c of membersOf(r)) settle(c, folder, `${id}.${c.name}`);
  };
  const declaredIn = (r: TdReflection, file: string) =>
    !r.sources?.length || r.sources[0].fileName.startsWith(file.replace(/[^/]*$/, ""));
  for (const own of [true, false]) {
    for (const s of subpaths) {
      for (const e of exportsOf(s.module, s)) {
        const d = resolve(e);
        if (declaredIn(d, s.file) === own) settle(d, s.folder, e.name);
      }
    }
  }
  const hrefOf = (target: unknown): string | null => {
    const home = typeof target === "number" ? homes.get(target) : undefined;
    return home ? apiHref(home.folder, home.id) : null;
  };
  const printer = new EntryPrinter(hrefOf, resolve);

  return {
    packageName: opts.packageName,
    root: exportsOf(rootModule, opts.root).map((e) => {
      const d = resolve(e);
      const home = homes.get(d.id);
      return {
        name: e.name,
        kind: kindOf(d),
        href: home ? apiHref(home.folder, home.id) : null,
        module: home ? `${opts.packageName}/${home.folder}` : null,
      };
    }),
    modules: subpaths.map((s) => {
      const own = s.module.comment;
      return {
        name: `${opts.packageName}/${s.folder}`,
        folder: s.folder,
        summary: own ? firstParagraph(commentMarkdown(own.summary, hrefOf)) : (s.summary ?? ""),
        entries: exportsOf(s.module, s).map((e) => printer.entry(resolve(e), e.name, e.name)),
      };
    }),
  };
}

const firstParagraph = (md: string) => md.split(/\n\s*\n/)[0].trim();
