import { quoteShingles } from './summarize';
import type { ArticleSummary, MatchReason } from './types';
import { round, uniqueBy } from './util';
import { normaliseQuote, words } from './words';

type Reason = Extract<MatchReason, { kind: 'quotes' }>;

/** Share of a quote's word 3-grams the other article's quotes must hold for it to count as shared. */
const SHARED_QUOTE = 0.5;
/** A quote of fewer than six words weighs less: short phrases recur by chance. */
const FULL_QUOTE_WORDS = 6;
/** Two substantial shared quotes are as strong as quote evidence gets. */
const QUOTES_FOR_FULL = 2;

export interface PageQuotes {
  quotes: { text: string; speaker: string | null; words: number; shingles: number }[];
  /** 3-gram hash -> the page quotes that have it. */
  byShingle: Map<number, number[]>;
}

/**
 * The page's quotes indexed by their 3-grams, once per match (a quote repeated in a subhead
 * counts once). A quote without a word (punctuation alone) has no 3-gram to find, and its
 * share found would be 0/0: it is left out.
 */
export function pageQuotes(page: ArticleSummary): PageQuotes {
  const quotes = uniqueBy(page.quotes, (q) => normaliseQuote(q.text))
    .map((q) => ({ q, shingles: quoteShingles(q.text) }))
    .filter(({ shingles }) => shingles.length > 0);
  const byShingle = new Map<number, number[]>();
  quotes.forEach(({ shingles }, i) => {
    for (const h of shingles) byShingle.set(h, [...(byShingle.get(h) ?? []), i]);
  });
  return {
    quotes: quotes.map(({ q, shingles }) => ({
      text: q.text,
      speaker: q.speaker,
      words: words(q.text).length,
      shingles: shingles.length,
    })),
    byShingle,
  };
}

/**
 * Quotes both articles carry, read from the stored 3-gram hashes alone (no quote is re-read,
 * which keeps a match over hundreds of candidates fast): a page quote is shared when the
 * other's quotes hold at least half of its 3-grams, and weighs that share, less for short quotes.
 */
export function quoteEvidence(page: PageQuotes, other: ArticleSummary): Reason | null {
  if (page.quotes.length === 0 || other.quotes.length === 0) return null;
  const hits = new Array<number>(page.quotes.length).fill(0);
  for (const h of other.quoteShingles) for (const i of page.byShingle.get(h) ?? []) hits[i]!++;
  const shared: Reason['shared'] = [];
  let sum = 0;
  page.quotes.forEach((q, i) => {
    // A stored list holding a hash twice would count it twice: a share is at most all.
    const overlap = Math.min(1, hits[i]! / q.shingles);
    if (overlap < SHARED_QUOTE) return;
    sum += overlap * Math.min(1, q.words / FULL_QUOTE_WORDS);
    shared.push({ text: q.text, speaker: q.speaker, overlap: round(overlap) });
  });
  shared.sort((a, b) => b.overlap - a.overlap);
  const similarity = Math.min(1, sum / QUOTES_FOR_FULL);
  const summary = shared.length
    ? `${shared.length} shared quotes: ${shared
        .slice(0, 3)
        .map((s) => `“${s.text.trim()}”`)
        .join(', ')}`
    : 'Both quote people, but no quote is shared';
  return { kind: 'quotes', similarity: round(similarity), summary, shared };
}
