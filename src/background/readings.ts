import type { CorpusArticle } from '../core/corpus/types';
import { summarize } from '../core/match';
import type { CorpusDb, ReadingRow } from './db';

/** How many page readings are kept: the popup asks about the pages open now, not last month's. */
export const KEPT_READINGS = 200;

/**
 * The reading each tab shows, as last written or read here, with the count of reading writes
 * (`db.readingsGeneration`) it was true at. It holds while no write to the readings or tabs
 * has been issued since; so the popup's page, asked for just after the page was read, needs
 * no database read (a large row: 3-38 ms in Chromium's worker at 100,000 articles).
 */
interface KnownTab {
  url: string | null;
  reading: ReadingRow;
  generation: number;
}
const knownTabs = new WeakMap<CorpusDb, Map<number, KnownTab>>();

function knowTab(db: CorpusDb, tabId: number, known: KnownTab): void {
  const tabs = knownTabs.get(db) ?? new Map<number, KnownTab>();
  // Those an earlier write made old go; one holds only until the next write anyway.
  for (const [id, other] of tabs) if (other.generation !== known.generation) tabs.delete(id);
  tabs.set(tabId, known);
  knownTabs.set(db, tabs);
}

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
  let written = -1;
  await db.transaction('rw', db.readings, db.tabs, async () => {
    const tab = tabId === undefined ? undefined : await db.tabs.get(tabId);
    const pageRead = tab && tab.url === pageUrl(article.url) ? await db.readings.get(tab.articleId) : undefined;
    if (source === 'extractor' && pageRead?.source === 'page') {
      row = pageRead;
      written = db.readingsGeneration;
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
    written = db.readingsGeneration;
  });
  // Its tab shows it now, unless a write was issued since this one's last.
  if (tabId !== undefined && written === db.readingsGeneration)
    knowTab(db, tabId, { url: pageUrl(article.url), reading: row, generation: written });
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
  const elsewhere = (tab: { url: string | null }) => url !== undefined && tab.url !== null && tab.url !== pageUrl(url);
  const known = knownTabs.get(db)?.get(tabId);
  if (known?.generation === db.readingsGeneration) return elsewhere(known) ? undefined : known.reading;
  const generation = db.readingsGeneration;
  const tab = await db.tabs.get(tabId);
  const reading = tab && (await db.readings.get(tab.articleId));
  if (tab && reading && db.readingsGeneration === generation) knowTab(db, tabId, { url: tab.url, reading, generation });
  return tab && reading && !elsewhere(tab) ? reading : undefined;
}

/** Forget a closed tab (its page's reading stays, for the popup of another tab on the same article). */
export async function forgetTab(db: CorpusDb, tabId: number): Promise<void> {
  const before = db.readingsGeneration;
  await db.tabs.delete(tabId);
  const tabs = knownTabs.get(db);
  tabs?.delete(tabId);
  // When that delete was the only write since, what is known of the other tabs still holds.
  if (tabs && db.readingsGeneration === before + 1)
    for (const known of tabs.values()) if (known.generation === before) known.generation = before + 1;
}
