import { buildArticle } from './build-article';
import { fnv1a64 } from './content-hash';
import type { ArticleMeta, BundledCorpus, CorpusArticle, OutletProfile } from './types';

/** A seed article: its raw text, what is known about it, and a name for messages (its file). */
export interface Seed {
  raw: string;
  meta: ArticleMeta;
  name?: string;
}

export class BundledCorpusError extends Error {}

/**
 * Build the corpus shipped with the extension from the seed articles. Pure: the caller
 * reads the files. Throws BundledCorpusError naming the article when one yields no text
 * or no annotations, names an unknown outlet, or repeats another's id: a seed that cleans
 * to nothing is a broken seed, and shipping it would fail silently in every install.
 */
export function buildBundledCorpus(seeds: readonly Seed[], outlets: readonly OutletProfile[]): BundledCorpus {
  const known = new Set(outlets.flatMap((o) => [o.id, ...(o.domains ?? [])]));
  const articles: CorpusArticle[] = [];
  const ids = new Map<string, string>();
  seeds.forEach((seed, i) => {
    const name = seed.name ?? seed.meta.url ?? `seed ${i + 1}`;
    const fail = (problem: string) => {
      throw new BundledCorpusError(`bundled corpus: ${name}: ${problem}`);
    };
    if (!known.has(seed.meta.outlet)) fail(`outlet "${seed.meta.outlet}" has no profile in outlets.json`);
    const article = buildArticle(seed.raw, seed.meta, 'bundled');
    if (!article.text) fail('yields no text after cleaning');
    if (article.annotations.length === 0) fail('yields no annotations');
    const clash = ids.get(article.id);
    if (clash) fail(`has the same id (${article.id}) as ${clash}`);
    ids.set(article.id, name);
    articles.push(article);
  });
  // The version covers the outlets too: a corrected profile must reach installed copies.
  return { version: fnv1a64(JSON.stringify({ articles, outlets })), outlets: [...outlets], articles };
}
