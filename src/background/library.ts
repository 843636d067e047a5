import Dexie, { type Transaction } from 'dexie';
import type { Dictionary } from '../core/actors/dictionary';
import { stripMarks } from '../core/text/fold';
import type { ImportRecord } from '../core/corpus/import-format';
import type { ArticleList, ArticleListItem, ArticleText, ExportPage } from '../messages';
import type { ArticleRow, CorpusDb, HeadRow } from './db';
import { articleCount, originCount } from './corpus-counts';
import { outletRef } from './queries';

// The corpus as a library: listing and searching it (the options page), reading one article
// whole (the popup's side-by-side view) and writing it out in the import format.

const DEFAULT_PAGE = 50;

const fold = (s: string) => stripMarks(s).toLowerCase();

/**
 * Stored articles, newest first. A query that is a name the dictionary knows ("Lavrov",
 * "U.N.", "Moscow") lists the articles naming that actor; any other query lists those whose
 * headline, outlet or URL holds all its words.
 */
export async function listArticles(
  db: CorpusDb,
  dictionary: Dictionary,
  query = '',
  offset = 0,
  limit = DEFAULT_PAGE,
): Promise<ArticleList> {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const actor = query.trim() ? dictionary.lookup(query.trim())[0] : undefined;
  return db.transaction('r', [db.articles, db.heads, db.articleIndex, db.actorStats, db.settings], async () => {
    // The page's ids, and how many there are in all. A page of the whole list or of an actor's
    // articles is read from an index as that page only: at 100,000 articles, reading every
    // key to cut one page out took seconds.
    let ids: string[];
    let total: number;
    if (actor) {
      // The articles naming the actor, in date order (an index's primary keys), newest first.
      const naming = db.articleIndex
        .where('actorKeys')
        .between([actor.id, Dexie.minKey, Dexie.minKey], [actor.id, Dexie.maxKey, Dexie.maxKey]);
      [ids, total] = await Promise.all([
        naming.reverse().offset(offset).limit(limit).primaryKeys() as Promise<string[]>,
        db.actorStats.get(actor.id).then((s) => s?.articles ?? naming.count()),
      ]);
    } else if (words.length) {
      const heads = await db.heads.toArray();
      const matches = (h: HeadRow) => {
        const hay = fold(`${h.headline ?? ''} ${h.outlet} ${h.url ?? ''}`);
        return words.every((w) => hay.includes(w));
      };
      const found = heads.filter(matches).sort(newestFirst);
      ids = found.slice(offset, offset + limit).map((h) => h.id);
      total = found.length;
    } else {
      const byDate = () => db.articles.orderBy('published');
      [ids, total] = await Promise.all([
        byDate().reverse().offset(offset).limit(limit).primaryKeys() as Promise<string[]>,
        articleCount(db),
      ]);
      if (ids.length < limit) {
        // The date index leaves out undated articles (IndexedDB indexes no null key): they
        // come last, as the oldest, found as the ids the index lacks (read only at the list's end).
        const [dated, all] = await Promise.all([
          byDate().primaryKeys() as Promise<string[]>,
          db.articles.toCollection().primaryKeys() as Promise<string[]>,
        ]);
        const indexed = new Set(dated);
        const from = Math.max(0, offset - dated.length);
        ids.push(...all.filter((id) => !indexed.has(id)).slice(from, from + limit - ids.length));
      }
    }
    const heads = (await db.heads.bulkGet(ids)).filter((h): h is HeadRow => !!h);
    // Heads stored before they kept their article's origin: the article says it.
    const older = heads.filter((h) => !h.origin).map((h) => h.id);
    const origins = new Map((await db.articles.bulkGet(older)).map((a, i) => [older[i]!, a?.origin ?? 'bundled']));
    const items: ArticleListItem[] = heads.map((h) => ({
      articleId: h.id,
      outlet: outletRef(h.outlet),
      published: h.published,
      headline: h.headline,
      url: h.url,
      origin: h.origin ?? origins.get(h.id) ?? 'bundled',
    }));
    return { total, items, actor: actor ? { id: actor.id, label: actor.name } : null };
  });
}

// Ties in the same order as the unfiltered list (the published index read backwards).
const newestFirst = (a: HeadRow, b: HeadRow) =>
  (b.published ?? '').localeCompare(a.published ?? '') || b.id.localeCompare(a.id);

/** One stored article whole, or null when there is none by that id. */
export async function articleText(db: CorpusDb, articleId: string): Promise<ArticleText | null> {
  const a = await db.articles.get(articleId);
  if (!a) return null;
  return {
    articleId: a.id,
    outlet: outletRef(a.outlet),
    published: a.published,
    headline: a.headline,
    url: a.url,
    wire: a.wire,
    text: a.text,
    blocks: a.blocks,
    annotations: a.annotations,
  };
}

/**
 * One page of an export reads at most this many stored articles, and carries at most this
 * many characters of JSON Lines (but always one article): a runtime message is limited to
 * 64 MiB, and a corpus is far larger.
 */
export const EXPORT_PAGE = { articles: 200, chars: 8_000_000 };

/**
 * The page of the user's articles (or all) after the article `after`, in article id order:
 * the export is read page by page, each a message of its own, so no export is limited by a
 * message's size or the background's memory. Articles added while an export runs are in it
 * when their ids come after the page being read.
 */
export async function exportPage(
  db: CorpusDb,
  origin: 'user' | 'all' = 'user',
  after: string | null = null,
  limits = EXPORT_PAGE,
): Promise<ExportPage> {
  return db.transaction('r', [db.articles, db.settings], async (tx) => {
    const [rows, total] = await Promise.all([
      origin === 'all'
        ? (after === null ? db.articles.toCollection() : db.articles.where(':id').above(after))
            .limit(limits.articles)
            .toArray()
        : userArticlesAfter(tx, after, limits.articles),
      origin === 'all' ? articleCount(db) : originCount(db, 'user'),
    ]);
    const lines: string[] = [];
    let chars = 0;
    for (const row of rows) {
      const line = `${JSON.stringify(importRecord(row))}\n`;
      if (lines.length && chars + line.length > limits.chars) break;
      lines.push(line);
      chars += line.length;
    }
    const last = rows[lines.length - 1];
    const more = lines.length < rows.length || rows.length === limits.articles;
    return { data: lines.join(''), count: lines.length, next: more && last ? last.id : null, total };
  });
}

/**
 * Up to `limit` of the reader's own articles after the id `after`, in id order, read from
 * the origin index (its entries for one origin are in id order): a cursor that starts past
 * `after` at once, so each page reads only its own rows, however large the corpus.
 */
function userArticlesAfter(tx: Transaction, after: string | null, limit: number): Promise<ArticleRow[]> {
  const articles = tx.idbtrans.objectStore('articles');
  return new Promise((resolve, reject) => {
    const rows: ArticleRow[] = [];
    const request = articles.index('origin').openCursor('user');
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || rows.length >= limit) return resolve(rows);
      const id = cursor.primaryKey as string;
      if (after !== null && id <= after) {
        // On the first row only: past `after` in one step (it may be deleted since).
        if (id < after) cursor.continuePrimaryKey('user', after);
        else cursor.continue();
        return;
      }
      rows.push(cursor.value as ArticleRow);
      if (rows.length >= limit) return resolve(rows);
      cursor.continue();
    };
  });
}

/** A stored article as an import record. */
const importRecord = (a: ArticleRow): ImportRecord => ({
  text: a.text,
  url: a.url,
  canonicalUrl: a.canonicalUrl,
  outlet: a.outlet,
  published: a.published,
  headline: a.headline,
  wire: a.wire,
});
