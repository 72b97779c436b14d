/**
 * FNV-1a, 32 bits (Fowler, Noll and Vo): a small, fast hash of a string's
 * UTF-16 code units. Not for security: it ties a schedule to its code, and
 * tells one failure from another.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
