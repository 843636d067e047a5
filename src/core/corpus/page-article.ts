import { annotate } from '../annotate';
import { annotateInParts } from '../annotate-in-parts';
import { sentences } from '../text/sentences';
import { canonicalUrl, outletOf } from './canonical-url';
import { blocksOf } from './clean';
import { articleId, contentHash } from './content-hash';
import type { CorpusArticle } from './types';

/** A page as it was read: its article text and what the page says about itself. */
export interface PageFacts {
  text: string;
  url?: string;
  canonical?: string;
  ogUrl?: string;
  headline?: string;
  /** YYYY-MM-DD. */
  published?: string;
}

/**
 * A page read in the browser, as one corpus article: its text kept exactly as read (so the
 * highlights, the reader's notes and the stored article share offsets), its structure,
 * its annotations as of its publication date, and its identity. The id is the canonical
 * URL's when there is one, else the text's, as for every article (content-hash.ts). Pure.
 */
export function pageArticle(page: PageFacts, origin: 'bundled' | 'user' = 'user'): CorpusArticle {
  const url = page.url ?? null;
  const canonical = url ? canonicalUrl(url, { canonical: page.canonical ?? null, ogUrl: page.ogUrl ?? null }) : null;
  const hash = contentHash(page.text);
  const blocks = blocksOf(page.text);
  const headline = blocks.find((b) => b.kind === 'headline');
  const published = page.published ?? null;
  return {
    url,
    canonicalUrl: canonical,
    outlet: url ? outletOf(url) : 'unknown',
    published,
    headline: page.headline ?? (headline ? page.text.slice(headline.start, headline.end) : null),
    wire: null,
    id: articleId(canonical, hash),
    origin,
    text: page.text,
    blocks,
    sentences: sentences(page.text),
    contentHash: hash,
    // Long pages are read in parts, each at most a megabyte: the engine's working set grows with its input.
    annotations: annotateInParts(page.text, (part) => annotate(part, published ? { published } : {})),
  };
}
