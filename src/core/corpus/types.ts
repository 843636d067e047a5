import type { Annotation } from '../types';

/** Facts about an outlet that cards and the popup show. No ratings. */
export interface OutletProfile {
  /** Registrable domain, lower case: "cbc.ca", "voanews.com", "rt.com". */
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2 of the country it is based in. */
  country: string;
  kind:
    | 'wire agency'
    | 'public broadcaster'
    | 'state-funded international broadcaster'
    | 'state news agency'
    | 'commercial'
    | 'non-profit'
    | 'intergovernmental';
  /** Owner or funder where documented: "U.S. government (U.S. Agency for Global Media)". */
  ownerOrFunder: string | null;
  /** Other domains the outlet publishes under ("bbc.co.uk" for "bbc.com"). */
  domains?: string[];
}

export type BlockKind = 'headline' | 'subhead' | 'paragraph' | 'credit';

/** A structural block of an article's cleaned text; offsets into `text`. */
export interface Block {
  kind: BlockKind;
  start: number;
  end: number;
}

/** What is known about an article besides its text. */
export interface ArticleMeta {
  /** URL as given (null when unknown). */
  url: string | null;
  /** Canonical URL (see canonical-url.ts), the article's identity when there is one. */
  canonicalUrl: string | null;
  /** Outlet id (its domain): key into the outlet profiles. */
  outlet: string;
  /** YYYY-MM-DD, or null when unknown. */
  published: string | null;
  headline: string | null;
  /** The wire agency whose copy this is ("AP"), or null. */
  wire: string | null;
}

/** A cleaned article with its structure and the engine's annotations: what the corpus stores. */
export interface CorpusArticle extends ArticleMeta {
  /** Stable id: derived from the canonical URL when there is one, else from the content hash. */
  id: string;
  /** Where it came from: bundled at build time, added by the reader, from a followed feed, or from a shared corpus. */
  origin: 'bundled' | 'user' | 'feed' | 'shared';
  /** "headline" for a feed item (headline and summary only) not yet fetched in full; absent means a full article. */
  depth?: 'headline' | 'full';
  /** The feed item's GUID or id, for deduplication across polls; absent (or null) for other articles. */
  guid?: string | null;
  /** Cleaned text: blocks joined by blank lines. */
  text: string;
  blocks: Block[];
  /** Sentence spans of `text`. */
  sentences: { start: number; end: number }[];
  /** Hash of the normalised text (case, spacing and punctuation folded): duplicates share it. */
  contentHash: string;
  annotations: Annotation[];
}

/** The corpus bundled into the extension at build time. */
export interface BundledCorpus {
  /** Changes whenever the bundled articles change; seeding compares it. */
  version: string;
  outlets: OutletProfile[];
  articles: CorpusArticle[];
}
