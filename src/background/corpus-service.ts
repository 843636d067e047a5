import { buildArticle } from '../core/corpus/build-article';
import { canonicalUrl, outletOf } from '../core/corpus/canonical-url';
import { type ImportRecord, parseImport } from '../core/corpus/import-format';
import type { CorpusArticle } from '../core/corpus/types';
import { syndicationDiff, type ArticleSummary } from '../core/match';
import type { Dictionary } from '../core/actors/dictionary';
import { defaultDictionary } from '../core/actors/load';
import type {
  CorpusStatus,
  FigureQuery,
  ImportJob,
  ImportReport,
  PageInput,
  ReplyValues,
  Result,
  Settings,
} from '../messages';
import { articleCount, originCount } from './corpus-counts';
import { deleteArticle } from './corpus-store';
import type { CorpusDb } from './db';
import { cancelImport, importInBatches, importProgress } from './import-job';
import { articleText, exportPage, listArticles } from './library';
import { coverageGapsIn, figuresLikeIn, mentionsOf, quotesLikeIn, storyMatchIn } from './queries';
import { readingOf } from './readings';

/** The corpus as the message handler sees it: one method per request, every one async. */
export interface CorpusApi {
  status(): Promise<CorpusStatus>;
  mentionsOf(actorId: string, excludeArticleId?: string): Promise<ReplyValues['mentions-of']>;
  figuresLike(figure: FigureQuery, excludeArticleId?: string): Promise<ReplyValues['figures-like']>;
  quotesLike(text: string, excludeArticleId?: string): Promise<ReplyValues['quotes-like']>;
  /** The stored versions of a page's story (its summary: a stored article's or a kept reading's). */
  storyMatchOf(page: ArticleSummary): Promise<ReplyValues['story-match']>;
  coverageGapsOf(page: ArticleSummary): Promise<ReplyValues['coverage-gaps']>;
  syndicationDiff(articleId: string, otherArticleId: string): Promise<Result<ReplyValues['syndication-diff']>>;
  /** Import a file's articles in batches (see import-job.ts), answering when all are stored or it stops. */
  importArticles(data: string, format?: 'json' | 'jsonl', firstLine?: number): Promise<Result<ImportReport>>;
  /** The running import's progress, or null. */
  importProgress(): Promise<ImportJob | null>;
  /** Stop the running import after its current batch; false when none runs. */
  cancelImport(): Promise<boolean>;
  deleteArticle(articleId: string): Promise<Result<{ id: string }>>;
  articleText(articleId: string): Promise<Result<ReplyValues['article-text']>>;
  listArticles(query?: string, offset?: number, limit?: number): Promise<ReplyValues['list-articles']>;
  exportArticles(origin?: 'user' | 'all', after?: string): Promise<ReplyValues['export-articles']>;
  settings(): Promise<Settings>;
  updateSettings(changes: Partial<Settings>): Promise<Settings>;
}

const DEFAULT_SETTINGS: Settings = { rememberArticles: false, disabledSites: [] };

/** An imported article, as a corpus article (cleaned, annotated, identified by its canonical URL). */
export function articleFromRecord(page: PageInput): CorpusArticle {
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

/** The records of an import file (or a shared corpus) as corpus articles: the record's outlet and wire win. */
export function articlesFromRecords(records: ImportRecord[], origin: CorpusArticle['origin']): CorpusArticle[] {
  return records.map((r) => {
    const article = articleFromRecord({
      text: r.text,
      ...(r.url && { url: r.url }),
      ...(r.canonicalUrl && { canonical: r.canonicalUrl }),
      ...(r.headline && { headline: r.headline }),
      ...(r.published && { published: r.published }),
    });
    return { ...article, origin, outlet: r.outlet ? r.outlet.toLowerCase() : article.outlet, wire: r.wire ?? null };
  });
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

  return {
    status: () =>
      after(async () => {
        const [articles, user, feed, shared, version] = await Promise.all([
          articleCount(db),
          originCount(db, 'user'),
          originCount(db, 'feed'),
          originCount(db, 'shared'),
          db.settings.get('corpusVersion'),
        ]);
        const bundled = articles - user - feed - shared;
        return { articles, bundled, user, feed, shared, version: (version?.value as string | undefined) ?? null };
      }),
    mentionsOf: (actorId, exclude) => after(() => mentionsOf(db, actorId, exclude)),
    figuresLike: (figure, exclude) => after(() => figuresLikeIn(db, figure, exclude)),
    quotesLike: (text, exclude) => after(() => quotesLikeIn(db, text, exclude)),
    storyMatchOf: (page) => after(() => storyMatchIn(db, page)),
    coverageGapsOf: (page) => after(() => coverageGapsIn(db, page)),
    syndicationDiff: (a, b) =>
      after(async () => {
        // A page being read is not stored yet: its kept reading has its text.
        const text = async (id: string) => ((await db.articles.get(id)) ?? (await readingOf(db, id))?.article)?.text;
        const [x, y] = await Promise.all([text(a), text(b)]);
        if (x === undefined || y === undefined)
          return { ok: false, error: `no article ${x === undefined ? a : b} in the corpus` };
        return { ok: true, value: syndicationDiff(x, y) };
      }),
    importArticles: (data, format, firstLine) =>
      after(async () => {
        const parsed = parseImport(data, format, firstLine);
        if (!parsed.ok) return parsed;
        return importInBatches(db, parsed.value, (records) => articlesFromRecords(records, 'user'));
      }),
    importProgress: () => importProgress(db),
    cancelImport: () => cancelImport(db),
    deleteArticle: (id) => after(() => deleteArticle(db, id)),
    articleText: (id) =>
      after(async () => {
        const article = await articleText(db, id);
        return article ? { ok: true, value: article } : { ok: false, error: `no article ${id} in the corpus` };
      }),
    listArticles: (query, offset, limit) => after(() => listArticles(db, dictionary(), query, offset, limit)),
    exportArticles: (origin, from) => after(() => exportPage(db, origin, from ?? null)),
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
