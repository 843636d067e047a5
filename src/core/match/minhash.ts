/**
 * Shingles, MinHash and bottom-k sketches: fixed-size summaries of a text's shingle set.
 * MinHash estimates the Jaccard similarity of two sets; the bottom-k sketch estimates
 * containment, how much of the smaller set the larger holds. Deterministic (fixed seeds),
 * so sketches computed at import time compare with those computed on a page.
 */

/** Signature length: 64 slots give a Jaccard estimate within about ±0.06 (one standard error). */
export const MINHASH_SIZE = 64;

/** FNV-1a over UTF-16 units, then a final mix so nearby strings spread over all 32 bits. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return mix(h);
}

/** Murmur3's finaliser: every input bit affects every output bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Hashes of the word n-grams of `words` (unsigned 32-bit, unique). A text shorter than n
 * words yields one shingle of all its words, so short quotes ("military machine") still
 * have a key; an empty text yields none.
 */
export function shingleHashes(words: readonly string[], n: number): number[] {
  if (words.length === 0) return [];
  const wordHashes = words.map(hashWord);
  const span = Math.min(n, words.length);
  const out = new Set<number>();
  for (let i = 0; i + span <= wordHashes.length; i++) {
    let h = span;
    for (let j = i; j < i + span; j++) h = Math.imul(h ^ wordHashes[j]!, 0x01000193);
    out.add(mix(h));
  }
  return [...out];
}

// One (xor, odd multiplier) pair per slot, from a fixed-seed generator (mulberry32).
const SEEDS = (() => {
  let s = 0x5eed1e55;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const xors = new Int32Array(MINHASH_SIZE);
  const muls = new Int32Array(MINHASH_SIZE);
  for (let i = 0; i < MINHASH_SIZE; i++) [xors[i], muls[i]] = [next(), next() | 1];
  return { xors, muls };
})();

/**
 * MinHash signature of a set of shingle hashes: for each slot, the least value of a cheap
 * permutation (xor, multiply, shift) of the already well-mixed hashes. [] for an empty set.
 */
export function minhash(shingles: readonly number[]): number[] {
  if (shingles.length === 0) return [];
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const x of shingles) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      let v = Math.imul(x ^ SEEDS.xors[i]!, SEEDS.muls[i]!);
      v = (v ^ (v >>> 15)) >>> 0;
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return Array.from(sig);
}

/** Share of equal slots: an estimate of the Jaccard similarity of the two shingle sets (0 when either is empty). */
export function jaccardEstimate(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * Bottom-k sketch size. A shortened copy holding a fifth of a 1,000-shingle original still
 * has about 50 of its shingles under the original's cut: a containment of 0.8 is then read
 * within about ±0.06 (one standard error), far from a text that shares a quote or two. 256
 * 32-bit hashes are 2 KB a summary, a fraction of the article's stored annotations.
 */
export const SKETCH_SIZE = 256;

/** The k least shingle hashes of a text, ascending, and how many distinct shingles it has. */
export interface TextSketch {
  bottom: number[];
  shingles: number;
}

/**
 * Bottom-k sketch of a set of shingle hashes. The hashes are already uniform (see
 * shingleHashes), so the least k are a uniform sample of the set, and two sketches agree
 * on which shingles they sample below any cut both reach.
 */
export function bottomSketch(shingles: readonly number[]): TextSketch {
  const unique = Uint32Array.from(new Set(shingles)).sort();
  return { bottom: Array.from(unique.subarray(0, SKETCH_SIZE)), shingles: unique.length };
}

/**
 * Containment of the smaller text in the larger: the share of the smaller set's shingles the
 * larger holds, with the estimated number shared. MinHash cannot give this (its Jaccard
 * divides by the union, so a copy holding half the original scores at most 0.5): below the
 * lower of the two sketches' cuts, each sketch holds every shingle of its text, so the
 * shingles both hold there are an exact sample of the intersection, and each side's count
 * there a sample of its size. 0 when either text has no shingles.
 */
export function containmentEstimate(a: TextSketch, b: TextSketch): { containment: number; shared: number } {
  const cut = Math.min(cutOf(a), cutOf(b));
  const inA = a.bottom.filter((h) => h <= cut);
  const inB = new Set(b.bottom.filter((h) => h <= cut));
  const smaller = Math.min(inA.length, inB.size);
  if (smaller === 0) return { containment: 0, shared: 0 };
  const both = inA.filter((h) => inB.has(h)).length;
  const containment = Math.min(1, both / smaller);
  return { containment, shared: containment * Math.min(sizeOf(a), sizeOf(b)) };
}

/** The greatest hash a sketch holds every shingle under: all of them when it kept the whole set. */
function cutOf(s: TextSketch): number {
  if (s.bottom.length < SKETCH_SIZE || !(s.shingles > s.bottom.length)) return Number.POSITIVE_INFINITY;
  let max = 0;
  for (const h of s.bottom) if (h > max) max = h;
  return max;
}

/** A sketch's shingle count, or its sample's size when the count is not a usable number. */
function sizeOf(s: TextSketch): number {
  return Number.isFinite(s.shingles) && s.shingles >= s.bottom.length ? s.shingles : s.bottom.length;
}
