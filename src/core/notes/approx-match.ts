/**
 * Approximate substring search for re-anchoring notes (pure). Sellers' dynamic programme costs
 * O(m·n): a 200-character quote over a 2 MB page is 400 M cells. Myers' bit-parallel algorithm
 * packs 32 pattern rows into one integer, extended to longer patterns in blocks of 32 rows
 * (Hyyrö 2003), and Ukkonen's cut-off only advances the blocks that can still hold a cell with
 * at most `maxErrors` edits, so a search costs about O(n·⌈k/32⌉) word operations.
 */

const W = 32;
/** Cost of an alignment that is not allowed: larger than any real edit count, safe to add to. */
export const INF = 0x3fffffff;

/**
 * Per run of adjacent match ends in `text[from, to)`, the end and edits of the best match of
 * `pattern` with at most `maxErrors` edits.
 */
export function approxEnds(
  text: string,
  pattern: string,
  maxErrors: number,
  from = 0,
  to = text.length,
): { end: number; errors: number }[] {
  const m = pattern.length;
  const k = Math.floor(maxErrors);
  const out: { end: number; errors: number }[] = [];
  // A match with k edits also ends one later with k+1: one result per run is enough. The
  // character table below holds at most 65,535 distinct characters.
  if (m === 0 || m >= 0x10000 || !(k >= 0) || k >= m || to <= from) return out;
  const blocks = Math.ceil(m / W);
  const last = blocks - 1;
  // peq: bit i of block i>>5 set where pattern[i] is the character; one row of blocks per distinct
  // character, row 0 all zeros for the rest. A flat table is read much faster than a Map.
  const slot = new Uint16Array(0x10000);
  let rowsUsed = 1;
  for (let i = 0; i < m; i++) if (slot[pattern.charCodeAt(i)] === 0) slot[pattern.charCodeAt(i)] = rowsUsed++;
  const peq = new Int32Array(rowsUsed * blocks);
  for (let i = 0; i < m; i++) {
    const at = slot[pattern.charCodeAt(i)]! * blocks + (i >> 5);
    peq[at] = peq[at]! | (1 << (i & 31));
  }
  // Vertical deltas of the current column (P: +1, M: -1) and each block's bottom-row value.
  const P = new Int32Array(blocks).fill(-1);
  const M = new Int32Array(blocks);
  const score = new Int32Array(blocks);
  const lastBit = new Int32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    const rows = Math.min(W, m - b * W);
    lastBit[b] = 1 << (rows - 1);
    score[b] = b * W + rows;
  }
  // One column step of block b given the horizontal delta entering its top row; returns the
  // delta leaving its bottom row. The addition may overflow 32 bits: `^` truncates it mod 2^32.
  const step = (b: number, eqBits: number, hIn: number): number => {
    const pv = P[b]!;
    const mv = M[b]!;
    const hNeg = hIn < 0 ? 1 : 0;
    const eq = eqBits | hNeg;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    const hOut = (ph & lastBit[b]! ? 1 : 0) - (mh & lastBit[b]! ? 1 : 0);
    ph = (ph << 1) | (hIn > 0 ? 1 : 0);
    mh = (mh << 1) | hNeg;
    P[b] = mh | ~(xv | ph);
    M[b] = ph & xv;
    return hOut;
  };
  let y = Math.min(last, Math.ceil(k / W)); // last active block: rows 0..k start at most k
  let runEnd = -2;
  let best = { end: 0, errors: 0 };
  for (let j = from; j < to; j++) {
    const row = slot[text.charCodeAt(j)]! * blocks;
    let carry = 0; // the search may start anywhere: the top row is 0 in every column
    for (let b = 0; b <= y; b++) {
      carry = step(b, peq[row + b]!, carry);
      score[b] = score[b]! + carry;
    }
    if (y < last && score[y]! - carry <= k && ((peq[row + y + 1]! & 1) !== 0 || carry < 0)) {
      // The next block's top cell can now reach k: start it from the all-+1 column above.
      y++;
      P[y] = -1;
      M[y] = 0;
      const rows = y === last ? m - y * W : W;
      score[y] = score[y - 1]! + rows - carry + step(y, peq[row + y]!, carry);
    } else {
      // A block whose bottom is >= k + 32 has every cell > k (a column changes by 1 per row).
      while (y > 0 && score[y]! >= k + W) y--;
    }
    if (y === last && score[last]! <= k) {
      const errors = score[last]!;
      if (runEnd === j) {
        if (errors < best.errors) [best.end, best.errors] = [j + 1, errors];
      } else {
        best = { end: j + 1, errors };
        out.push(best);
      }
      runEnd = j + 1;
    }
  }
  return out;
}

/**
 * Edits turning `a` into each prefix of `b` (each suffix when `fromEnd`), indexed by its length;
 * INF beyond `band` of the diagonal.
 */
export function edgeCosts(a: string, b: string, band: number, fromEnd: boolean): Int32Array {
  const n = a.length;
  const L = b.length;
  const d = Math.max(0, Math.floor(band));
  const ca = (i: number) => a.charCodeAt(fromEnd ? n - i : i - 1); // 1-based, from the edge
  const cb = (j: number) => b.charCodeAt(fromEnd ? L - j : j - 1);
  let prev = new Int32Array(L + 2);
  let cur = new Int32Array(L + 2);
  for (let j = 0; j <= L + 1; j++) prev[j] = j <= d && j <= L ? j : INF;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(0, i - d);
    const hi = Math.min(L, i + d);
    if (lo === 0) cur[0] = i;
    else if (lo <= L + 1) cur[lo - 1] = INF;
    for (let j = Math.max(1, lo); j <= hi; j++) {
      const diag = prev[j - 1]! + (ca(i) === cb(j) ? 0 : 1);
      cur[j] = Math.min(diag, prev[j]! + 1, cur[j - 1]! + 1);
    }
    if (hi + 1 <= L + 1) cur[hi + 1] = INF; // the next row reads one cell past this row's band
    [prev, cur] = [cur, prev];
  }
  // Cells outside the last row's band still hold older rows' values.
  const out = prev.subarray(0, L + 1);
  for (let j = 0; j <= L; j++) if (j < n - d || j > n + d) out[j] = INF;
  return out;
}

/**
 * Fewest edits turning `a` into a prefix of `b` (a suffix when `fromEnd`), and that prefix's length
 * (nearest `a.length` on ties).
 */
export function alignToEdge(a: string, b: string, band: number, fromEnd: boolean): { errors: number; length: number } {
  const costs = edgeCosts(a, b, band, fromEnd);
  let errors = INF;
  let length = 0;
  costs.forEach((e, j) => {
    if (e < errors || (e === errors && Math.abs(j - a.length) < Math.abs(length - a.length))) [errors, length] = [e, j];
  });
  return { errors, length };
}
