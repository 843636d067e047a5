/**
 * How many articles the corpus holds, in all and by origin. Kept as settings because
 * counting a large table in IndexedDB costs tens of milliseconds (150 ms for 10,000 articles
 * in Chromium), and the popup asks every time it opens. A count that is missing (a database
 * older than it) falls back to counting the table, so every write counts before it writes.
 */
import type { CorpusArticle } from '../core/corpus/types';
import type { CorpusDb } from './db';

const ARTICLE_COUNT = 'articleCount';
/** The origins counted apart; the bundled articles are the rest. */
export type CountedOrigin = Exclude<CorpusArticle['origin'], 'bundled'>;
const ORIGIN_COUNT: Record<CountedOrigin, string> = {
  user: 'userArticleCount',
  feed: 'feedArticleCount',
  shared: 'sharedArticleCount',
};

/** How many articles the corpus holds. */
export async function articleCount(db: CorpusDb): Promise<number> {
  const row = await db.settings.get(ARTICLE_COUNT);
  return typeof row?.value === 'number' ? row.value : db.articles.count();
}

/** How many articles came from one origin other than the bundle. */
export async function originCount(db: CorpusDb, origin: CountedOrigin): Promise<number> {
  const row = await db.settings.get(ORIGIN_COUNT[origin]);
  return typeof row?.value === 'number' ? row.value : db.articles.where('origin').equals(origin).count();
}

/** Count `delta` more (or fewer) articles of `origin`. */
export async function addToCount(db: CorpusDb, delta: number, origin: CorpusArticle['origin']): Promise<void> {
  if (origin === 'bundled') {
    await db.settings.put({ key: ARTICLE_COUNT, value: (await articleCount(db)) + delta });
    return;
  }
  // Both read before either is written.
  const { total, ofOrigin } = await readCounts(db, origin);
  await putCounts(db, origin, { total: total + delta, ofOrigin: ofOrigin + delta });
}

/** Both counts as they are now (a missing one counted from its table), read together. */
export async function readCounts(db: CorpusDb, origin: CountedOrigin): Promise<{ total: number; ofOrigin: number }> {
  const [total, ofOrigin] = await Promise.all([articleCount(db), originCount(db, origin)]);
  return { total, ofOrigin };
}

/** Store both counts: from then on neither falls back to counting its table. */
export const putCounts = (db: CorpusDb, origin: CountedOrigin, counts: { total: number; ofOrigin: number }) =>
  db.settings.bulkPut([
    { key: ARTICLE_COUNT, value: counts.total },
    { key: ORIGIN_COUNT[origin], value: counts.ofOrigin },
  ]);
