import { compareQuotes, prepareQuote } from './quote-compare';
import type { QuoteCandidate, QuoteMatch, QuoteRelation } from './types';
import { syndicationDiff } from './word-diff';

const RANK: Record<QuoteRelation, number> = { exact: 0, near: 1, partial: 2 };

/**
 * The same quote in other articles: exact, near (reworded or translated) or partial (one a
 * fragment of the other), best first (by kind, then score, then oldest first: the earliest
 * outlet is likelier the source). Candidates that are not the same quote are dropped.
 */
export function quotesLike(text: string, candidates: readonly QuoteCandidate[]): QuoteMatch[] {
  const given = prepareQuote(text);
  const out: QuoteMatch[] = [];
  for (const c of candidates) {
    const relation = compareQuotes(given, prepareQuote(c.quote.text));
    if (!relation) continue;
    out.push({ ...c, kind: relation.kind, score: round(relation.score), diff: syndicationDiff(text, c.quote.text) });
  }
  return out.sort(
    (a, b) =>
      RANK[a.kind] - RANK[b.kind] || b.score - a.score || (a.published ?? '~').localeCompare(b.published ?? '~'),
  );
}

const round = (x: number) => Math.round(x * 1000) / 1000;
