import Dexie from 'dexie';
import type { Dictionary } from '../core/actors/dictionary';
import { stripMarks } from '../core/text/fold';
import type { ImportRecord } from '../core/corpus/import-format';
import type { ArticleList, ArticleListItem, ArticleText } from '../messages';
import type { CorpusDb, HeadRow } from './db';
import { outletRef } from './queries';

// The corpus as a library: listing and searching it (the options page), reading one article
// whole (the popup's side-by-side view) and writing it out in the import format.

const DEFAULT_PAGE = 50;
/** How many articles naming an actor a search lists at most (the newest). */
const ACTOR_ARTICLES = 20_000;

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
  return db.transaction('r', [db.articles, db.heads, db.articleIndex], async () => {
    let ids: string[];
    if (actor) {
      // The articles naming the actor, in date order (an index's primary keys), newest first.
      const naming = (await db.articleIndex
        .where('actorKeys')
        .between([actor.id, Dexie.minKey, Dexie.minKey], [actor.id, Dexie.maxKey, Dexie.maxKey])
        .primaryKeys()) as string[];
      ids = naming.reverse().slice(0, ACTOR_ARTICLES);
    } else if (words.length) {
      const heads = await db.heads.toArray();
      const matches = (h: HeadRow) => {
        const hay = fold(`${h.headline ?? ''} ${h.outlet} ${h.url ?? ''}`);
        return words.every((w) => hay.includes(w));
      };
      ids = heads
        .filter(matches)
        .sort(newestFirst)
        .map((h) => h.id);
    } else {
      // The date index leaves out undated articles (IndexedDB indexes no null key): they
      // come last, as the oldest, found as the ids the index lacks.
      const [dated, all] = await Promise.all([
        db.articles.orderBy('published').reverse().primaryKeys() as Promise<string[]>,
        db.articles.toCollection().primaryKeys() as Promise<string[]>,
      ]);
      const indexed = new Set(dated);
      ids = [...dated, ...all.filter((id) => !indexed.has(id))];
    }
    const heads = (await db.heads.bulkGet(ids.slice(offset, offset + limit))).filter((h): h is HeadRow => !!h);
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
    return { total: ids.length, items, actor: actor ? { id: actor.id, label: actor.name } : null };
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
