/**
 * Story matching and cross-referencing, pure: the background reads candidate summaries from
 * the database and calls these; nothing here touches storage or the DOM.
 */
export { summarize, quoteShingles } from './summarize';
export { summaryFigure } from './summary-figure';
export { storyMatch, type CorpusStats } from './story-match';
export { syndicationDiff } from './word-diff';
export { diffExcerpts } from './diff-excerpts';
export { alignParagraphs, type AlignedRow } from './align-paragraphs';
export { figuresLike } from './figures-like';
export { quotesLike } from './quotes-like';
export { coverageGaps } from './coverage-gaps';
export { shingleHashes, minhash, jaccardEstimate, MINHASH_SIZE } from './minhash';
export type * from './types';
