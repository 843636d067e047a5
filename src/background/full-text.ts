/**
 * A headline entry made whole: the background fetches the article page (no cookies, under
 * the outlet's host permission), reads it with Readability on an inert document (the
 * service worker has no DOM; linkedom gives one), and builds the full article under the
 * same id. A page it cannot read, or one that shows only a teaser (a paywall), leaves the
 * entry as it was, and the answer says why.
 */
import { buildArticle } from '../core/corpus/build-article';
import type { CorpusArticle } from '../core/corpus/types';
import type { Result } from '../messages';
import { extractArticle } from '../shared/article-text';
import { politeFetch } from './feeds/fetch';

export interface FullTextDeps {
  /** Fetch a page politely (no credentials, a timeout, a size limit): its HTML and final URL. */
  fetchPage(url: string): Promise<Result<{ body: string; url: string }>>;
  /** An inert document from HTML (linkedom in the background). */
  parseHtml(html: string): Document;
}

/** Fewer words than this, or not much more than the feed's summary, is a teaser, not the article. */
const MIN_WORDS = 120;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** The entry's full article, or why it stays a headline entry. */
export async function fullTextArticle(entry: CorpusArticle, deps: FullTextDeps): Promise<Result<CorpusArticle>> {
  if (entry.depth !== 'headline') return { ok: false, error: 'this article is already whole in the corpus' };
  if (!entry.url) return { ok: false, error: 'the feed gave no link to the article' };
  const page = await deps.fetchPage(entry.url);
  if (!page.ok) return { ok: false, error: `could not fetch ${entry.url}: ${page.error}` };
  let text: string;
  let published: string | null;
  try {
    const doc = deps.parseHtml(page.value.body);
    const article = extractArticle(doc, deps.parseHtml);
    text = article.text;
    published = article.published;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `could not read the article at ${entry.url} (${reason}); it stays a headline entry` };
  }
  const summaryWords = words(entry.text);
  if (words(text) < Math.max(MIN_WORDS, summaryWords * 2))
    return {
      ok: false,
      error: `only a teaser of ${words(text)} words is readable at ${entry.url} (a paywall or a sign-in page, most likely); it stays a headline entry`,
    };
  const headline = entry.headline;
  const whole = buildArticle(
    headline && !text.startsWith(headline) ? `${headline}\n\n${text}` : text,
    {
      url: entry.url,
      canonicalUrl: entry.canonicalUrl,
      outlet: entry.outlet,
      published: entry.published ?? published,
      headline,
      wire: entry.wire,
    },
    'user',
  );
  // The same entry, now whole: its id, origin and feed identity stay.
  return {
    ok: true,
    value: { ...whole, id: entry.id, origin: entry.origin, depth: 'full', guid: entry.guid ?? null },
  };
}

/** The corpus side of a full-text fetch: read the entry, make it whole, store it in its place. */
export interface FullTextStore {
  get(articleId: string): Promise<CorpusArticle | undefined>;
  upgrade(article: CorpusArticle): Promise<Result<{ id: string }>>;
}

/** Fetch a headline entry in full and store it whole under its id; the entry is unchanged when it cannot be. */
export async function fetchFullText(
  articleId: string,
  store: FullTextStore,
  deps: FullTextDeps,
): Promise<Result<{ id: string }>> {
  const entry = await store.get(articleId);
  if (!entry) return { ok: false, error: `no article ${articleId} in the corpus` };
  const whole = await fullTextArticle(entry, deps);
  return whole.ok ? store.upgrade(whole.value) : whole;
}

/** An article page fetched the polite way (no cookies, a timeout, 10 MB at most), decoded by its charset. */
export function politePage(fetchFn: typeof fetch, now: () => number): FullTextDeps['fetchPage'] {
  return async (url) => {
    const outcome = await politeFetch(
      url,
      { etag: null, lastModified: null },
      { fetch: fetchFn, now, maxBytes: PAGE_BYTES, accept: 'text/html,application/xhtml+xml' },
    );
    if (outcome.status === 'unchanged') return { ok: false, error: 'the server answered "not modified"' };
    if (outcome.status === 'failed') return { ok: false, error: outcome.error };
    const charset = /charset=([\w-]+)/i.exec(outcome.contentType ?? '')?.[1] ?? 'utf-8';
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset);
    } catch {
      decoder = new TextDecoder('utf-8');
    }
    return { ok: true, value: { body: decoder.decode(outcome.body), url: outcome.url } };
  };
}

const PAGE_BYTES = 10 * 1024 * 1024;

/** How many of the page's best matches the automatic fetch looks at. */
const AUTO_TOP = 3;

export interface AutoFullTextDeps {
  /** The reader's opt-in and daily limit. */
  settings(): Promise<{ autoFullText: boolean; dailyFullTextLimit: number }>;
  /** The page's other versions, best first. */
  versions(): Promise<{ articleId: string; label: string; depth: 'headline' | 'full' }[]>;
  fetchFullText(articleId: string): Promise<Result<{ id: string }>>;
  /** Today's count of automatic fetches, kept where a restarted worker finds it. */
  fetchedToday(): Promise<number>;
  countFetch(): Promise<void>;
}

/**
 * With the reader's opt-in, fetch in full the headline entries among the best matches of the
 * page being read, within the daily limit. Answers the ids it made whole.
 */
export async function autoFetchFullText(deps: AutoFullTextDeps): Promise<string[]> {
  const { autoFullText, dailyFullTextLimit } = await deps.settings();
  if (!autoFullText) return [];
  const wanted = (await deps.versions())
    .filter((v) => v.label !== 'unrelated')
    .slice(0, AUTO_TOP)
    .filter((v) => v.depth === 'headline');
  const made: string[] = [];
  for (const v of wanted) {
    if ((await deps.fetchedToday()) >= dailyFullTextLimit) break;
    await deps.countFetch();
    if ((await deps.fetchFullText(v.articleId)).ok) made.push(v.articleId);
  }
  return made;
}
