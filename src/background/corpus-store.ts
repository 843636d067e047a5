import type { BundledCorpus, CorpusArticle } from '../core/corpus/types';
import { quoteShingles, summarize } from '../core/match';
import type { Result } from '../messages';
import { ALL_TABLES, type CorpusDb } from './db';
import { indexRows } from './index-rows';
import { isQuotaError } from './storage-errors';

const CORPUS_VERSION = 'corpusVersion';
// Kept as settings because counting a large table in IndexedDB costs tens of milliseconds
// (150 ms for 10,000 articles in Chromium), and the popup asks every time it opens.
const ARTICLE_COUNT = 'articleCount';
const USER_COUNT = 'userArticleCount';

/** How many articles the corpus holds. */
export async function articleCount(db: CorpusDb): Promise<number> {
  const row = await db.settings.get(ARTICLE_COUNT);
  return typeof row?.value === 'number' ? row.value : db.articles.count();
}

/** How many articles the user added (the rest are bundled). */
export async function userArticleCount(db: CorpusDb): Promise<number> {
  const row = await db.settings.get(USER_COUNT);
  return typeof row?.value === 'number' ? row.value : db.articles.where('origin').equals('user').count();
}

async function addToCount(db: CorpusDb, delta: number, origin: CorpusArticle['origin']): Promise<void> {
  await db.settings.put({ key: ARTICLE_COUNT, value: (await articleCount(db)) + delta });
  if (origin === 'user') await db.settings.put({ key: USER_COUNT, value: (await userArticleCount(db)) + delta });
}

/** Write one article and its index rows. Call inside a transaction over ALL_TABLES. */
async function insertArticle(db: CorpusDb, article: CorpusArticle): Promise<void> {
  const rows = indexRows(article, quoteShingles);
  // Counted before the article is in: a missing count falls back to counting the table.
  await addToCount(db, 1, article.origin);
  await db.articles.add({ ...article, addedAt: Date.now() });
  await db.summaries.put(summarize(article));
  await db.heads.put({
    id: article.id,
    outlet: article.outlet,
    published: article.published,
    headline: article.headline,
    url: article.url,
    lead: leadOf(article),
  });
  await db.mentions.bulkAdd(rows.mentions);
  await db.figures.bulkAdd(rows.figures);
  await db.quotes.bulkAdd(rows.quotes);
  const stats = await db.actorStats.bulkGet(rows.actorIds);
  await db.actorStats.bulkPut(
    rows.actorIds.map((actorId, i) => ({ actorId, articles: (stats[i]?.articles ?? 0) + 1 })),
  );
}

/** Remove one article and everything derived from it (not the user's notes on it). */
async function removeArticle(db: CorpusDb, id: string): Promise<void> {
  await addToCount(db, -1, (await db.articles.get(id))?.origin ?? 'user');
  const actorIds = [...new Set((await db.mentions.where('articleId').equals(id).toArray()).map((m) => m.actorId))];
  await Promise.all([db.mentions, db.figures, db.quotes].map((t) => t.where('articleId').equals(id).delete()));
  await db.summaries.delete(id);
  await db.heads.delete(id);
  await db.articles.delete(id);
  const stats = await db.actorStats.bulkGet(actorIds);
  await db.actorStats.bulkPut(
    actorIds.map((actorId, i) => ({ actorId, articles: Math.max(0, (stats[i]?.articles ?? 1) - 1) })),
  );
}

/** The stored article this one duplicates, by canonical URL or by content, if any. */
async function duplicateOf(db: CorpusDb, article: Pick<CorpusArticle, 'canonicalUrl' | 'contentHash'>) {
  const byUrl = article.canonicalUrl
    ? await db.articles.where('canonicalUrl').equals(article.canonicalUrl).first()
    : undefined;
  return byUrl ?? (await db.articles.where('contentHash').equals(article.contentHash).first());
}

/**
 * Put the bundled corpus in the database. Idempotent: the same version changes nothing. A new
 * version replaces the bundled articles only; articles the user added and their notes stay.
 */
export async function seedBundled(
  db: CorpusDb,
  corpus: BundledCorpus,
): Promise<{ changed: boolean; articles: number }> {
  return db.transaction('rw', ALL_TABLES, async () => {
    const current = await db.settings.get(CORPUS_VERSION);
    if (current?.value === corpus.version)
      return { changed: false, articles: await db.articles.where('origin').equals('bundled').count() };
    for (const id of await db.articles.where('origin').equals('bundled').primaryKeys()) await removeArticle(db, id);
    let articles = 0;
    for (const article of corpus.articles) {
      if (await duplicateOf(db, article)) continue; // the user added it first: theirs stays
      await insertArticle(db, { ...article, origin: 'bundled' });
      articles++;
    }
    await db.settings.put({ key: CORPUS_VERSION, value: corpus.version });
    return { changed: true, articles };
  });
}

/** Add one article the user read or chose; refused when the corpus already holds it. */
export async function addArticle(db: CorpusDb, article: CorpusArticle): Promise<Result<{ id: string }>> {
  return guardStorage(() =>
    db.transaction('rw', ALL_TABLES, async (): Promise<Result<{ id: string }>> => {
      const existing = await duplicateOf(db, article);
      if (existing) return { ok: false, error: `already in the corpus: ${describe(existing)}` };
      await insertArticle(db, { ...article, origin: 'user' });
      return { ok: true, value: { id: article.id } };
    }),
  );
}

export interface ImportReport {
  added: string[];
  /** Articles already in the corpus (or twice in the file), with the reason. */
  skipped: { index: number; reason: string }[];
}

/** Add many articles in one transaction: all are written or, on any failure, none. */
export async function importArticles(db: CorpusDb, articles: CorpusArticle[]): Promise<Result<ImportReport>> {
  return guardStorage(() =>
    db.transaction('rw', ALL_TABLES, async (): Promise<Result<ImportReport>> => {
      const report: ImportReport = { added: [], skipped: [] };
      for (const [index, article] of articles.entries()) {
        const existing = await duplicateOf(db, article);
        if (existing) {
          report.skipped.push({ index, reason: `already in the corpus: ${describe(existing)}` });
          continue;
        }
        await insertArticle(db, { ...article, origin: 'user' });
        report.added.push(article.id);
      }
      return { ok: true, value: report };
    }),
  );
}

/** Delete an article the user added (bundled ones come back with the next seeding). */
export async function deleteArticle(db: CorpusDb, id: string): Promise<Result<{ id: string }>> {
  return db.transaction('rw', ALL_TABLES, async (): Promise<Result<{ id: string }>> => {
    if (!(await db.articles.get(id))) return { ok: false, error: `no article ${id} in the corpus` };
    await removeArticle(db, id);
    return { ok: true, value: { id } };
  });
}

const describe = (a: CorpusArticle) => (a.headline ? `"${a.headline}"` : (a.canonicalUrl ?? a.url ?? a.id));

/**
 * A failed write aborts its transaction, so nothing of it is stored; say so in words a user
 * can act on (a full disk), or with the browser's reason.
 */
async function guardStorage<T>(write: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await write();
  } catch (error) {
    if (isQuotaError(error)) {
      return {
        ok: false,
        error:
          'Storage is full: nothing was added. Remove articles you no longer need, or free disk space, and try again.',
      };
    }
    // Dexie appends its inner error on further lines; the first says it.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
    return { ok: false, error: `Nothing was added: the browser could not write to Crosswire's database (${reason}).` };
  }
}

const LEAD_LENGTH = 320;

/** An article's first paragraph, clipped at a word near LEAD_LENGTH characters. */
export function leadOf(article: Pick<CorpusArticle, 'text' | 'blocks'>): string | null {
  const block = article.blocks.find((b) => b.kind === 'paragraph');
  if (!block) return null;
  const text = article.text.slice(block.start, block.end).trim();
  if (text.length <= LEAD_LENGTH) return text;
  const cut = text.lastIndexOf(' ', LEAD_LENGTH);
  return `${text.slice(0, cut > LEAD_LENGTH / 2 ? cut : LEAD_LENGTH)}…`;
}
