import type { FigureNumbers } from './figure-values';
import type { TextSketch } from './minhash';

/** A figure as matching keeps it: the annotation's numbers, without offsets. */
export interface SummaryFigure extends FigureNumbers {
  unit: string;
  attribution: string | null;
  text: string;
}

export interface SummaryQuote {
  text: string;
  speakerId: string | null;
  speaker: string | null;
}

/** What matching needs of an article, precomputed once and stored next to it. */
export interface ArticleSummary {
  id: string;
  outlet: string;
  published: string | null;
  headline: string | null;
  url: string | null;
  /** actor id -> number of mentions (role descriptions, via 'role', excluded; null ids excluded). */
  actors: Record<string, number>;
  /** actor id -> canonical label, for reasons shown to users. */
  labels: Record<string, string>;
  quotes: SummaryQuote[];
  figures: SummaryFigure[];
  /**
   * MinHash signature (64 x 32-bit ints) of the article's word 5-gram shingles: their Jaccard
   * similarity, what text overlap falls back to for summaries stored without `textSketch`.
   */
  minhash: number[];
  /**
   * Bottom-k sketch of the same shingles, and their count: how much of the shorter text the
   * longer holds (syndicated copy). Optional: summaries stored before it have none.
   */
  textSketch?: TextSketch;
  /** Word 3-gram hashes of each quote, for the quotes index (Dexie multi-entry). */
  quoteShingles: number[];
}

/** One run of a word diff: text both have, or only the second (added) or only the first (removed). */
export interface WordDiff {
  op: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * 'related event': related, but neither shown to be the same event nor placed before or
 * after it (published within days of the page, or undated).
 */
export type StoryLabel =
  | 'syndicated'
  | 'same event'
  | 'related event'
  | 'related earlier event'
  | 'related later event'
  | 'unrelated';

/** Why two articles were matched: each kind of evidence with its share of the score. Shown to users. */
export type MatchReason =
  | {
      kind: 'actors';
      similarity: number;
      summary: string;
      shared: { id: string; label: string; rarity: number; contribution: number }[];
    }
  /** `overlap`: the share of the page quote's word 3-grams found in the other article's quotes. */
  | {
      kind: 'quotes';
      similarity: number;
      summary: string;
      shared: { text: string; speaker: string | null; overlap: number }[];
    }
  | {
      kind: 'figures';
      similarity: number;
      summary: string;
      compared: { counts: string; page: string; other: string; agree: boolean }[];
    }
  | { kind: 'text'; similarity: number; summary: string }
  | { kind: 'date'; days: number | null; factor: number; summary: string };

/** A candidate article ranked as a version of the page's story. */
export interface StoryMatch {
  articleId: string;
  outlet: string;
  published: string | null;
  headline: string | null;
  url: string | null;
  /** 0..1, for ranking: `similarity` times the date factor, lowered when only names are shared. */
  score: number;
  /** 0..1, what the label is read from: how much the two articles share, regardless of dates. */
  similarity: number;
  /** Candidate's date minus the page's, in days (negative: the candidate is earlier); null when either is unknown. */
  days: number | null;
  label: StoryLabel;
  reasons: MatchReason[];
}

/** A figure of the same kind from another article, as figuresLike compares it. */
export interface FigureCandidate extends SummaryFigure {
  articleId: string;
  outlet: string;
  published: string | null;
  sentence: string;
}

/** The figure figuresLike compares the others with (`text` names vague quantities, `unit` separates currencies). */
export type FigureQuery = FigureNumbers & {
  published: string | null;
  /** The page gives other, disagreeing tolls of this kind for this place: it names no single incident. */
  severalIncidents?: boolean;
};

export type FigureVerdict = 'agree' | 'differ' | 'differ-dates-explain';

export interface FigureLikeItem extends FigureCandidate {
  /** Whether this figure is compatible with the queried one. */
  agrees: boolean;
  /** This figure's date minus the queried figure's, in days; null when either is unknown. */
  days: number | null;
}

/** A figure of the same kind that measures something else (another incident or place): shown, not judged. */
export type FigureAlongside = FigureCandidate & { days: number | null };

/** Other outlets' figures of the same kind about the same subject, oldest first, with a verdict. */
export interface FiguresLike {
  /** The figures that measure the same thing (see same-measure.ts), each judged. */
  items: FigureLikeItem[];
  /** The others of the same kind, oldest first, without a verdict. */
  alongside: FigureAlongside[];
  /** Null when no other article gives a figure that measures the same thing. */
  verdict: FigureVerdict | null;
  /** One sentence for people: what differs and whether the dates may explain it. */
  explanation: string;
}

export type QuoteRelation = 'exact' | 'near' | 'partial';

export interface QuoteCandidate {
  articleId: string;
  outlet: string;
  published: string | null;
  quote: SummaryQuote;
}

/** The same quote in another article. */
export interface QuoteMatch extends QuoteCandidate {
  kind: QuoteRelation;
  /** 0..1: how much of the wording the two share (see quote-compare.ts). */
  score: number;
  /** Word diff from the given text to this article's quote. */
  diff: WordDiff[];
}

/** An article that carries something: where to find it. */
export interface Carrier {
  articleId: string;
  outlet: string;
}

export interface ActorGap {
  id: string;
  label: string;
  carriedBy: Carrier[];
}

export interface FigureGap {
  figure: SummaryFigure;
  carriedBy: Carrier[];
}

export interface QuoteGap {
  quote: SummaryQuote;
  carriedBy: Carrier[];
}

export interface Gaps {
  actors: ActorGap[];
  figures: FigureGap[];
  quotes: QuoteGap[];
}

/** What the other versions carry that the page leaves out (`missing`), and what only the page carries (`extra`). */
export interface CoverageGaps {
  missing: Gaps;
  extra: Gaps;
  /** Each version against the page alone: what it carries that the page doesn't, and the reverse. */
  versions: VersionGaps[];
}

export interface VersionGaps extends Carrier {
  published: string | null;
  headline: string | null;
  missing: Gaps;
  extra: Gaps;
}
