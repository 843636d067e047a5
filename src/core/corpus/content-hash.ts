/**
 * Content hashes: one article syndicated by several outlets, or saved twice with different
 * spacing, hashes the same, so the corpus can spot duplicates without comparing texts.
 */

const encoder = new TextEncoder();

/** Lower case, letters and digits only, single spaces: what survives re-typesetting. */
export function normaliseForHash(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** FNV-1a, 64-bit, of a string's UTF-8 bytes, as 16 hex digits. */
export function fnv1a64(text: string): string {
  const hash = fnv1a64Hasher();
  hash.update(encoder.encode(text));
  return hash.digest();
}

/** FNV-1a, 64-bit, of bytes given in pieces (a body as it arrives): the same as fnv1a64 of them whole. */
export function fnv1a64Hasher(): { update(bytes: Uint8Array): void; digest(): string } {
  // Two 32-bit halves instead of BigInt: plain numbers keep a 2 MB article fast.
  // The prime is 2^40 + 0x1b3, so h * prime = h * 0x1b3 + (lo << 40), and lo << 40
  // only touches the high half (as lo << 8).
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  return {
    update(bytes) {
      let h = hi;
      let l = lo;
      for (const byte of bytes) {
        l = (l ^ byte) >>> 0;
        const low = l * 0x1b3;
        const carry = Math.floor(low / 0x1_0000_0000);
        h = (h * 0x1b3 + l * 0x100 + carry) >>> 0;
        l = low >>> 0;
      }
      hi = h;
      lo = l;
    },
    digest: () => hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0'),
  };
}

/** Hash of the normalised text: equal for copies that differ only in case, spacing or punctuation. */
export function contentHash(text: string): string {
  return fnv1a64(normaliseForHash(text));
}

/** "a-" and 12 hex digits of the canonical URL's hash, else of the content hash: an article's id. */
export function articleId(canonical: string | null, hash: string): string {
  return `a-${fnv1a64(canonical ?? `content:${hash}`).slice(0, 12)}`;
}
