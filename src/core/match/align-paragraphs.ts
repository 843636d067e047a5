import { words } from './words';

/** One row of a side-by-side reading: a paragraph of each version, or of one only. */
export interface AlignedRow {
  left: number | null;
  right: number | null;
  /** 0..1: how much of their wording the two paragraphs share (0 when one side is empty). */
  similarity: number;
}

/** Below this, two paragraphs are not the same paragraph rewritten: each stands alone. */
const MIN_SIMILARITY = 0.2;
/** Words this short ("the", "of", "in") say nothing about which paragraph is which. */
const MIN_WORD = 4;

/** Content words of a paragraph, as a set. */
function contentWords(text: string): Set<string> {
  return new Set(words(text).filter((w) => w.length >= MIN_WORD));
}

/** Dice coefficient of two word sets: shared words over their mean size. */
export function paragraphSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * Align two versions' paragraphs in reading order for side-by-side reading: the in-order
 * pairing with the greatest total similarity (dynamic programming, like a sequence
 * alignment), pairing only paragraphs that share at least a fifth of their content words.
 * Unpaired paragraphs get a row of their own, placed where they fall in their version.
 */
export function alignParagraphs(left: readonly string[], right: readonly string[]): AlignedRow[] {
  const a = left.map(contentWords);
  const b = right.map(contentWords);
  const n = a.length;
  const m = b.length;
  const sim = a.map((x) => b.map((y) => paragraphSimilarity(x, y)));
  // best[i][j]: the greatest total similarity aligning left[i..] with right[j..].
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const pair = sim[i]![j]! >= MIN_SIMILARITY ? sim[i]![j]! + best[i + 1]![j + 1]! : -1;
      best[i]![j] = Math.max(pair, best[i + 1]![j]!, best[i]![j + 1]!);
    }
  }
  const rows: AlignedRow[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && sim[i]![j]! >= MIN_SIMILARITY && best[i]![j] === sim[i]![j]! + best[i + 1]![j + 1]!) {
      rows.push({ left: i, right: j, similarity: sim[i]![j]! });
      i++;
      j++;
    } else if (j >= m || (i < n && best[i]![j] === best[i + 1]![j])) {
      rows.push({ left: i++, right: null, similarity: 0 });
    } else {
      rows.push({ left: null, right: j++, similarity: 0 });
    }
  }
  return rows;
}
