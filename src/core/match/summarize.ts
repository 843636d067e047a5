import type { CorpusArticle } from '../corpus/types';
import { bottomSketch, minhash, shingleHashes, type TextSketch } from './minhash';
import { summaryFigure } from './summary-figure';
import type { ArticleSummary } from './types';
import { words } from './words';

/**
 * Word 5-grams: long enough that two independently written stories rarely share one, short enough
 * to survive light edits.
 */
const TEXT_SHINGLE = 5;
/** Word 3-grams: quotes are short, and a 3-gram still survives a changed word. */
const QUOTE_SHINGLE = 3;

/** Word 3-gram hashes of one quote, the keys of the quotes index. */
export function quoteShingles(text: string): number[] {
  return shingleHashes(words(text), QUOTE_SHINGLE);
}

/** A whole text's word 5-grams, as a MinHash signature and a bottom-k sketch (one pass over the words). */
function textSketches(text: string): { minhash: number[]; textSketch: TextSketch } {
  const shingles = shingleHashes(words(text), TEXT_SHINGLE);
  return { minhash: minhash(shingles), textSketch: bottomSketch(shingles) };
}

/** What matching needs of an article, computed once when it enters the corpus. */
export function summarize(
  article: Pick<CorpusArticle, 'id' | 'outlet' | 'published' | 'headline' | 'url' | 'text' | 'annotations'>,
): ArticleSummary {
  const actors: Record<string, number> = {};
  const labels: Record<string, string> = {};
  const summary: ArticleSummary = {
    id: article.id,
    outlet: article.outlet,
    published: article.published,
    headline: article.headline,
    url: article.url,
    actors,
    labels,
    quotes: [],
    figures: [],
    ...textSketches(article.text),
    quoteShingles: [],
  };
  const shingles = new Set<number>();
  for (const a of article.annotations) {
    if (a.kind === 'actor') {
      // A role description ("the foreign minister") repeats a named actor; counting it would
      // weigh wordy styles more, and ambiguous mentions have no id to compare.
      if (a.actorId === null || a.via === 'role') continue;
      actors[a.actorId] = (actors[a.actorId] ?? 0) + 1;
      labels[a.actorId] ??= a.label;
    } else if (a.kind === 'quote') {
      summary.quotes.push({ text: a.text, speakerId: a.speakerId, speaker: a.speaker });
      for (const h of quoteShingles(a.text)) shingles.add(h);
    } else {
      summary.figures.push(summaryFigure(a));
    }
  }
  summary.quoteShingles = [...shingles];
  return summary;
}
