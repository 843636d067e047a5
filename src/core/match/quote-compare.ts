import type { QuoteRelation } from './types';
import { isContentWord, normaliseQuote, stem, words } from './words';

/** A quote prepared once for many comparisons. */
export interface PreparedQuote {
  norm: string;
  words: string[];
  /** Word -> occurrences, content words and all: bounds any alignment before it is computed. */
  bag: Map<string, number>;
  /** Stemmed content word -> occurrences: what two translations of one statement share. */
  content: Map<string, number>;
  contentCount: number;
}

export function prepareQuote(text: string): PreparedQuote {
  const w = words(text);
  const content = w.filter(isContentWord).map(stem);
  return {
    norm: normaliseQuote(text),
    words: w,
    bag: countWords(w),
    content: countWords(content),
    contentCount: content.length,
  };
}

/** Share of words in order (of the longer quote) above which a reworded quote is 'near'. */
const NEAR_ORDERED = 0.6;
/** Share of content words, in any order, above which a translated quote is 'near'. */
const NEAR_CONTENT = 0.7;
/** Translations need this many content words on each side, or two short phrases would match on luck. */
const NEAR_CONTENT_MIN = 4;
/** Share of the shorter quote that must sit as one run inside the longer for a 'partial'. */
const PARTIAL_RUN = 0.8;
/** Quotes past this many words are compared on their first words only: keeps the cost bounded. */
const MAX_WORDS = 200;

/**
 * How two quotes relate, or null when they are not the same quote:
 * - exact: identical after normalising case, quote marks, edge punctuation and spaces (score 1);
 * - partial: the shorter (2 words or more, one of them a content word) sits inside the longer
 *   as one run, or nearly (a changed word at its edge); score = shorter / longer;
 * - near: more than 60% of the longer one's words recur in the same order (reworded), or 70%
 *   of content words in any order (translated); score = the larger of the two shares.
 * Containment is tested before rewording, so a truncation is called 'partial' even when it
 * keeps most of the words ("a huge share of responsibility").
 */
export function compareQuotes(a: PreparedQuote, b: PreparedQuote): { kind: QuoteRelation; score: number } | null {
  if (a.norm === b.norm) return a.norm ? { kind: 'exact', score: 1 } : null;
  const wa = a.words.slice(0, MAX_WORDS);
  const wb = b.words.slice(0, MAX_WORDS);
  if (wa.length === 0 || wb.length === 0) return null;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const content = (2 * overlap(a.content, b.content)) / (a.contentCount + b.contentCount || 1);
  const translated = Math.min(a.contentCount, b.contentCount) >= NEAR_CONTENT_MIN && content >= NEAR_CONTENT;
  // Words shared in any order bound both the subsequence and the run: most pairs of quotes
  // from one story share too few to be the same quote, and are ruled out in linear time.
  const shared = overlap(a.bag, b.bag);
  if (!translated && shared < PARTIAL_RUN * short.length && shared <= NEAR_ORDERED * long.length) return null;
  const { lcs, run, runHasContent } = alignment(short, long);
  if (run === short.length && short.length < long.length && short.length >= 2 && runHasContent) {
    return { kind: 'partial', score: short.length / long.length };
  }
  const ordered = lcs / long.length;
  if (ordered > NEAR_ORDERED || translated) return { kind: 'near', score: Math.max(ordered, translated ? content : 0) };
  if (short.length >= 2 && runHasContent && run / short.length >= PARTIAL_RUN)
    return { kind: 'partial', score: run / long.length };
  return null;
}

/** Longest common subsequence and longest common run of words, by dynamic programming over two rows. */
function alignment(a: string[], b: string[]): { lcs: number; run: number; runHasContent: boolean } {
  let prevSeq = new Uint16Array(b.length + 1);
  let prevRun = new Uint16Array(b.length + 1);
  let seq = new Uint16Array(b.length + 1);
  let runs = new Uint16Array(b.length + 1);
  let best = 0;
  let bestEnd = 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        seq[j] = prevSeq[j - 1]! + 1;
        runs[j] = prevRun[j - 1]! + 1;
        if (runs[j]! > best) [best, bestEnd] = [runs[j]!, i];
      } else {
        seq[j] = Math.max(prevSeq[j]!, seq[j - 1]!);
        runs[j] = 0;
      }
    }
    [prevSeq, seq] = [seq, prevSeq];
    [prevRun, runs] = [runs, prevRun];
  }
  const runHasContent = a.slice(bestEnd - best, bestEnd).some(isContentWord);
  return { lcs: prevSeq[b.length]!, run: best, runHasContent };
}

function countWords(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Size of the intersection of two multisets of words. */
function overlap(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [w, n] of small) shared += Math.min(n, large.get(w) ?? 0);
  return shared;
}
