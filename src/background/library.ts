import Dexie from 'dexie';
import type { Dictionary } from '../core/actors/dictionary';
import { stripMarks } from '../core/text/fold';
import type { ImportRecord } from '../core/corpus/import-format';
import type { ArticleList, ArticleListItem, ArticleText } from '../messages';
import type { CorpusDb, HeadRow } from './db';
import { articleCount } from './corpus-counts';
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

/** The user's articles (or all) in the import format: a JSON array the import reads back. */
export async function exportArticles(
  db: CorpusDb,
  origin: 'user' | 'all' = 'user',
): Promise<{ data: string; count: number }> {
  const records = await articleRecords(db, origin);
  return { data: `${JSON.stringify(records, null, 1)}\n`, count: records.length };
}

/** The user's articles (or all) as import records, oldest first. */
export async function articleRecords(db: CorpusDb, origin: 'user' | 'all' = 'user'): Promise<ImportRecord[]> {
  const rows =
    origin === 'all' ? await db.articles.toArray() : await db.articles.where('origin').equals('user').toArray();
  return rows
    .sort((a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id))
    .map((a) => ({
      text: a.text,
      url: a.url,
      canonicalUrl: a.canonicalUrl,
      outlet: a.outlet,
      published: a.published,
      headline: a.headline,
      wire: a.wire,
    }));
}
