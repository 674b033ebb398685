/**
 * Heading anchors: GitHub-style slugs (lower case, letters and digits joined by `-`), unique within
 * a page (`-2`, `-3`, … on repeats). Math in a heading contributes its letters, not its commands.
 */

/** The slug of a heading's plain text; `section` when nothing is left. */
export function slugify(text: string): string {
  const slug = text
    .replace(/\\[A-Za-z]+/g, " ") // TeX commands such as \operatorname
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "section" : slug;
}

/** Hands out unique slugs for one page. */
export class Slugger {
  private readonly used = new Set<string>();

  /** A slug for `text` not yet used on this page: `base`, then `base-2`, `base-3`, … */
  slug(text: string): string {
    const base = slugify(text);
    let slug = base;
    for (let n = 2; this.used.has(slug); n++) slug = `${base}-${n}`;
    this.used.add(slug);
    return slug;
  }
}
