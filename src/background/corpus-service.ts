import { buildArticle } from '../core/corpus/build-article';
import { canonicalUrl, outletOf } from '../core/corpus/canonical-url';
import { fnv1a64 } from '../core/corpus/content-hash';
import { parseImport } from '../core/corpus/import-format';
import type { CorpusArticle } from '../core/corpus/types';
import { summarize, syndicationDiff, type ArticleSummary } from '../core/match';
import type { Dictionary } from '../core/actors/dictionary';
import { defaultDictionary } from '../core/actors/load';
import type {
  CorpusStatus,
  FigureQuery,
  ImportReport,
  PageInput,
  PageRef,
  ReplyValues,
  Result,
  Settings,
} from '../messages';
import { addArticle, articleCount, deleteArticle, importArticles, userArticleCount } from './corpus-store';
import type { CorpusDb } from './db';
import { articleText, exportArticles, listArticles } from './library';
import { coverageGapsIn, figuresLikeIn, mentionsOf, quotesLikeIn, storyMatchIn } from './queries';

/** The corpus as the message handler sees it: one method per request, every one async. */
export interface CorpusApi {
  status(): Promise<CorpusStatus>;
  mentionsOf(actorId: string, excludeArticleId?: string): Promise<ReplyValues['mentions-of']>;
  figuresLike(figure: FigureQuery, excludeArticleId?: string): Promise<ReplyValues['figures-like']>;
  quotesLike(text: string, excludeArticleId?: string): Promise<ReplyValues['quotes-like']>;
  storyMatch(page: PageRef): Promise<Result<ReplyValues['story-match']>>;
  coverageGaps(page: PageRef): Promise<Result<ReplyValues['coverage-gaps']>>;
  syndicationDiff(articleId: string, otherArticleId: string): Promise<Result<ReplyValues['syndication-diff']>>;
  addPage(page: PageInput): Promise<Result<{ id: string }>>;
  importArticles(data: string, format?: 'json' | 'jsonl'): Promise<Result<ImportReport>>;
  deleteArticle(articleId: string): Promise<Result<{ id: string }>>;
  articleText(articleId: string): Promise<Result<ReplyValues['article-text']>>;
  listArticles(query?: string, offset?: number, limit?: number): Promise<ReplyValues['list-articles']>;
  exportArticles(origin?: 'user' | 'all'): Promise<ReplyValues['export-articles']>;
  settings(): Promise<Settings>;
  updateSettings(changes: Partial<Settings>): Promise<Settings>;
}

const DEFAULT_SETTINGS: Settings = { rememberArticles: false, disabledSites: [] };

/** How many page summaries to keep in memory (they are recomputed if the background restarts). */
const RECENT_PAGES = 16;

/** A page the user reads, as a corpus article (cleaned, annotated, identified by its canonical URL). */
export function articleFromPage(page: PageInput): CorpusArticle {
  const url = page.url ?? null;
  const meta = {
    url,
    canonicalUrl: url ? canonicalUrl(url, { canonical: page.canonical ?? null, ogUrl: page.ogUrl ?? null }) : null,
    outlet: url ? outletOf(url) : 'unknown',
    published: page.published ?? null,
    headline: page.headline ?? null,
    wire: null,
  };
  return buildArticle(page.text, meta, 'user');
}

/**
 * The corpus service over the database. Every call waits for `ready` (the bundled corpus
 * seeded), because a background that was stopped and woken by a message starts cold.
 */
export function corpusService(
  db: CorpusDb,
  ready: Promise<unknown>,
  dictionary: () => Dictionary = defaultDictionary,
): CorpusApi {
  const after = <T>(f: () => Promise<T>) => ready.then(f);
  // A card and the popup ask several questions about the same page in a row: annotate it once.
  const recent = new Map<string, ArticleSummary>();
  const summaryOf = async (page: PageRef): Promise<Result<ArticleSummary>> => {
    if ('articleId' in page) {
      const s = await db.summaries.get(page.articleId);
      return s ? { ok: true, value: s } : { ok: false, error: `no article ${page.articleId} in the corpus` };
    }
    const key = `${page.url ?? ''}|${page.published ?? ''}|${fnv1a64(page.text)}`;
    let summary = recent.get(key);
    if (!summary) {
      summary = summarize(articleFromPage(page));
      if (recent.size >= RECENT_PAGES) recent.delete(recent.keys().next().value!);
      recent.set(key, summary);
    }
    return { ok: true, value: summary };
  };
  const withPage = <T>(page: PageRef, f: (s: ArticleSummary) => Promise<T>) =>
    after(async (): Promise<Result<T>> => {
      const s = await summaryOf(page);
      return s.ok ? { ok: true, value: await f(s.value) } : s;
    });

  return {
    status: () =>
      after(async () => {
        const [articles, user, version] = await Promise.all([
          articleCount(db),
          userArticleCount(db),
          db.settings.get('corpusVersion'),
        ]);
        return { articles, bundled: articles - user, user, version: (version?.value as string | undefined) ?? null };
      }),
    mentionsOf: (actorId, exclude) => after(() => mentionsOf(db, actorId, exclude)),
    figuresLike: (figure, exclude) => after(() => figuresLikeIn(db, figure, exclude)),
    quotesLike: (text, exclude) => after(() => quotesLikeIn(db, text, exclude)),
    storyMatch: (page) => withPage(page, (s) => storyMatchIn(db, s)),
    coverageGaps: (page) => withPage(page, (s) => coverageGapsIn(db, s)),
    syndicationDiff: (a, b) =>
      after(async () => {
        const [x, y] = await db.articles.bulkGet([a, b]);
        if (!x || !y) return { ok: false, error: `no article ${x ? b : a} in the corpus` };
        return { ok: true, value: syndicationDiff(x.text, y.text) };
      }),
    addPage: (page) => after(() => addArticle(db, articleFromPage(page))),
    importArticles: (data, format) =>
      after(async () => {
        const parsed = parseImport(data, format);
        if (!parsed.ok) return parsed;
        const articles = parsed.value.map((r) =>
          articleFromPage({
            text: r.text,
            ...(r.url && { url: r.url }),
            ...(r.canonicalUrl && { canonical: r.canonicalUrl }),
            ...(r.headline && { headline: r.headline }),
            ...(r.published && { published: r.published }),
          }),
        );
        const outlets = parsed.value.map((r, i) =>
          r.outlet
            ? { ...articles[i]!, outlet: r.outlet.toLowerCase(), wire: r.wire ?? null }
            : { ...articles[i]!, wire: r.wire ?? null },
        );
        return importArticles(db, outlets);
      }),
    deleteArticle: (id) => after(() => deleteArticle(db, id)),
    articleText: (id) =>
      after(async () => {
        const article = await articleText(db, id);
        return article ? { ok: true, value: article } : { ok: false, error: `no article ${id} in the corpus` };
      }),
    listArticles: (query, offset, limit) => after(() => listArticles(db, dictionary(), query, offset, limit)),
    exportArticles: (origin) => after(() => exportArticles(db, origin)),
    settings: () => readSettings(db),
    updateSettings: async (changes) => {
      const next = { ...(await readSettings(db)), ...changes };
      await db.settings.put({ key: 'user', value: next });
      return next;
    },
  };
}

async function readSettings(db: CorpusDb): Promise<Settings> {
  const row = await db.settings.get('user');
  return { ...DEFAULT_SETTINGS, ...(row?.value as Partial<Settings> | undefined) };
}
