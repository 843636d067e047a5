import { annotate } from '../annotate';
import { sentences } from '../text/sentences';
import { canonicalUrl } from './canonical-url';
import { cleanArticle } from './clean';
import { articleId, contentHash } from './content-hash';
import type { ArticleMeta, CorpusArticle } from './types';

/**
 * Turn raw article text into a corpus article: cleaned, split into blocks and sentences,
 * annotated as of its publication date, hashed and given a stable id. Pure.
 * The canonical URL is derived from `meta.url` when the caller has none; the headline
 * found in the text fills in a missing `meta.headline`.
 */
export function buildArticle(raw: string, meta: ArticleMeta, origin: CorpusArticle['origin']): CorpusArticle {
  const clean = cleanArticle(raw);
  const canonical = meta.canonicalUrl ?? (meta.url ? canonicalUrl(meta.url) : null);
  const hash = contentHash(clean.text);
  return {
    ...meta,
    canonicalUrl: canonical,
    headline: meta.headline ?? clean.headline,
    // The URL is the identity when there is one, so an edited article keeps its id.
    id: articleId(canonical, hash),
    origin,
    text: clean.text,
    blocks: clean.blocks,
    sentences: sentences(clean.text),
    contentHash: hash,
    annotations: annotate(clean.text, meta.published ? { published: meta.published } : {}),
  };
}

export { articleId };
