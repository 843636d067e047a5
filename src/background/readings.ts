import type { CorpusArticle } from '../core/corpus/types';
import { summarize } from '../core/match';
import type { CorpusDb, ReadingRow } from './db';

/** How many page readings are kept: the popup asks about the pages open now, not last month's. */
export const KEPT_READINGS = 200;

/** A URL without its fragment: the same page scrolled to an anchor is the same page. */
export const pageUrl = (url: string | null | undefined): string | null => (url ? url.replace(/#.*$/, '') : null);

/**
 * Keep a page's reading (replacing an older one of the same article), point its tab at it,
 * and let the oldest readings go past KEPT_READINGS. The content script's reading wins: the
 * extractor (run by a popup opened before the content script had sent its page) never
 * replaces it, nor takes its tab, whichever finishes last. Answers the reading kept.
 */
export async function keepReading(
  db: CorpusDb,
  article: CorpusArticle,
  source: ReadingRow['source'],
  tabId: number | undefined,
): Promise<ReadingRow> {
  let row: ReadingRow = { articleId: article.id, article, summary: summarize(article), source, readAt: Date.now() };
  await db.transaction('rw', db.readings, db.tabs, async () => {
    const tab = tabId === undefined ? undefined : await db.tabs.get(tabId);
    const pageRead = tab && tab.url === pageUrl(article.url) ? await db.readings.get(tab.articleId) : undefined;
    if (source === 'extractor' && pageRead?.source === 'page') {
      row = pageRead;
      return;
    }
    await db.readings.put(row);
    if (tabId !== undefined) await db.tabs.put({ tabId, articleId: article.id, url: pageUrl(article.url) });
    const extra = (await db.readings.count()) - KEPT_READINGS;
    if (extra > 0) {
      const oldest = await db.readings.orderBy('readAt').limit(extra).primaryKeys();
      await db.readings.bulkDelete(oldest);
      await db.tabs.where('articleId').anyOf(oldest).delete();
    }
  });
  return row;
}

/** The kept reading of an article, if any. */
export const readingOf = (db: CorpusDb, articleId: string): Promise<ReadingRow | undefined> =>
  db.readings.get(articleId);

/**
 * The reading a tab shows: the one read there last, if the tab is still at that address
 * (`url`, when the caller knows it). A tab that moved on to a page nobody read has none.
 */
export async function readingOfTab(db: CorpusDb, tabId: number, url?: string): Promise<ReadingRow | undefined> {
  const tab = await db.tabs.get(tabId);
  if (!tab || (url !== undefined && tab.url !== null && tab.url !== pageUrl(url))) return undefined;
  return db.readings.get(tab.articleId);
}

/** Forget a closed tab (its page's reading stays, for the popup of another tab on the same article). */
export const forgetTab = (db: CorpusDb, tabId: number): Promise<void> => db.tabs.delete(tabId);
