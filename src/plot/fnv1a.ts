/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units, as 8 hex digits: short, stable ids for a
 * figure's elements (the same figure gets the same ids in every session). @internal
 * @see Fowler, Noll & Vo, "FNV hash" (IETF draft-eastlake-fnv), FNV-1a, 32-bit parameters.
 */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}
