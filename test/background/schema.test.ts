import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { CorpusDb } from '../../src/background/db';
import { quoteShingles, summarize } from '../../src/core/match';
import { bundled, freshDb, seed } from './corpus-db';
import { indexRows } from '../../src/background/index-rows';
import { mentionsOf, quotesLikeIn } from '../../src/background/queries';
import { sampleNote } from './sample-note';

// The schema users' databases have, as Dexie reports it (primary key first, then indexes). Changing a table or an index here without adding a
// new `version(n)` (with an upgrade and a test opening a database of version n-1) would
// leave installed databases unable to open; this snapshot makes that change deliberate.
const SCHEMA_V6 = {
  actorStats: 'actorId',
  articleIndex: 'articleId,*actorKeys,*figureKeys,*shingles',
  articles: 'id,canonicalUrl,contentHash,origin,published,outlet,guid,[origin+addedAt]',
  feeds: 'url,kind',
  heads: 'id',
  notes: 'id,articleId,modified,*tags',
  readings: 'articleId,readAt',
  settings: 'key',
  summaries: 'id',
  tabs: 'tabId,articleId',
};

/** Version 1's tables, as it declared them. */
const STORES_V1 = {
  articles: '&id, canonicalUrl, contentHash, origin, published, outlet',
  summaries: '&id',
  heads: '&id',
  mentions: '++id, [actorId+published+articleId], articleId',
  figures: '++id, [counts+subject+published], articleId',
  quotes: '++id, *shingles, articleId',
  actorStats: '&actorId',
  annotations: '++id, articleId, url, createdAt',
  settings: '&key',
};
/** Versions 2 to 4, as they declared their changes. */
const declareUpTo4 = (db: Dexie) => {
  db.version(1).stores(STORES_V1);
  db.version(2).stores({ notes: '&id, articleId, modified, *tags', annotations: null });
  db.version(3).stores({ readings: '&articleId, readAt', tabs: '&tabId, articleId' });
  db.version(4).stores({
    articles: '&id, canonicalUrl, contentHash, origin, published, outlet, guid, [origin+addedAt]',
    feeds: '&url, kind',
  });
};
let n = 0;
const dbName = () => `crosswire-upgrade-${++n}-${Date.now()}`;

describe('the database schema', () => {
  it('is version 6, exactly as shipped', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(6);
    const tables = Object.fromEntries(
      db.tables
        .map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(',')])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(tables).toEqual(SCHEMA_V6);
    db.close();
  });

  it('upgrades a version-1 database: its articles stay, note-shaped rows move to the notes table', async () => {
    const name = dbName();
    // A database as version 1 shipped it, written by a Dexie that knows only version 1.
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores(STORES_V1);
    await v1.table('heads').put({ id: 'a-1', outlet: 'cbc.ca', published: '2012-03-12', headline: 'Kept', url: null });
    await v1.table('annotations').bulkAdd([
      { ...sampleNote({ id: 'n-kept' }), createdAt: 1 },
      { articleId: 'a-1', url: 'x', createdAt: 2 },
    ]);
    v1.close();
    const db = new CorpusDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(6);
    expect((await db.heads.get('a-1'))?.headline).toBe('Kept');
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['n-kept']);
    db.close();
  });

  it('upgrades a version-2 database: its articles, notes and settings stay, and it starts with no readings', async () => {
    const name = dbName();
    // A database as version 2 shipped it, written by a Dexie that knows only versions 1 and 2.
    const v2 = new Dexie(name, { indexedDB, IDBKeyRange });
    v2.version(1).stores(STORES_V1);
    v2.version(2).stores({ notes: '&id, articleId, modified, *tags', annotations: null });
    const article = { ...seed('cbc.ca'), addedAt: 1 };
    await v2.table('articles').put(article);
    await v2.table('heads').put({ id: article.id, outlet: 'cbc.ca', published: article.published, headline: 'Kept' });
    await v2
      .table('mentions')
      .add({ articleId: article.id, actorId: 'sergey-lavrov', published: '', outlet: 'cbc.ca' });
    const notes = [sampleNote({ id: 'n-1', articleId: article.id }), sampleNote({ id: 'n-2', tags: ['a', 'b'] })];
    await v2.table('notes').bulkPut(notes);
    await v2.table('settings').put({ key: 'user', value: { rememberArticles: true, disabledSites: ['www.rt.com'] } });
    v2.close();

    const db = new CorpusDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.articles.get(article.id)).toEqual(article);
    expect((await db.heads.get(article.id))?.headline).toBe('Kept');
    // Its index is rebuilt from the article itself (version 5), not copied from the old rows.
    expect((await db.articleIndex.get(article.id))?.actorKeys).toContainEqual([
      'sergey-lavrov',
      article.published,
      article.id,
    ]);
    expect(await db.notes.orderBy('id').toArray()).toEqual(notes);
    // The notes' indexes came through: found by article and by tag.
    expect((await db.notes.where('articleId').equals(article.id).toArray()).map((x) => x.id)).toEqual(['n-1']);
    expect((await db.notes.where('tags').equals('b').toArray()).map((x) => x.id)).toEqual(['n-2']);
    expect((await db.settings.get('user'))?.value).toEqual({ rememberArticles: true, disabledSites: ['www.rt.com'] });
    expect([await db.readings.count(), await db.tabs.count()]).toEqual([0, 0]);
    // The new tables work: a reading kept by article id, found by tab.
    await db.readings.put({ articleId: article.id, article, summary: summarize(article), source: 'page', readAt: 5 });
    await db.tabs.put({ tabId: 3, articleId: article.id, url: article.url });
    expect((await db.tabs.where('articleId').equals(article.id).first())?.tabId).toBe(3);
    expect((await db.readings.orderBy('readAt').first())?.articleId).toBe(article.id);
    db.close();
  });

  it('upgrades a version-3 database: everything stays, articles are found by origin and arrival, and it follows no feed', async () => {
    const name = dbName();
    // A database as version 3 shipped it, written by a Dexie that knows only versions 1 to 3.
    const v3 = new Dexie(name, { indexedDB, IDBKeyRange });
    v3.version(1).stores(STORES_V1);
    v3.version(2).stores({ notes: '&id, articleId, modified, *tags', annotations: null });
    v3.version(3).stores({ readings: '&articleId, readAt', tabs: '&tabId, articleId' });
    const article = { ...seed('cbc.ca'), addedAt: 7 };
    await v3.table('articles').put(article);
    await v3.table('notes').put(sampleNote({ id: 'n-1', articleId: article.id }));
    await v3.table('settings').bulkPut([
      { key: 'articleCount', value: 1 },
      { key: 'userArticleCount', value: 0 },
    ]);
    await v3
      .table('readings')
      .put({ articleId: 'a-r', article, summary: summarize(article), source: 'page', readAt: 5 });
    await v3.table('tabs').put({ tabId: 3, articleId: 'a-r', url: null });
    v3.close();

    const db = new CorpusDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(6);
    expect(await db.articles.get(article.id)).toEqual(article);
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['n-1']);
    expect((await db.tabs.get(3))?.articleId).toBe('a-r');
    expect((await db.settings.get('articleCount'))?.value).toBe(1);
    // The new index holds the old rows: found by origin and the time they were added.
    const found = await db.articles.where('[origin+addedAt]').between(['bundled', 0], ['bundled', 10]).primaryKeys();
    expect(found).toEqual([article.id]);
    expect(await db.feeds.count()).toBe(0);
    // The new table and index work: a feed row, and an entry found by its GUID.
    await db.feeds.put({
      url: 'https://example.org/feed.xml',
      kind: 'feed',
      outlet: 'example.org',
      title: null,
      addedBy: 'reader',
      etag: null,
      lastModified: null,
      lastSuccess: null,
      lastError: null,
      lastErrorAt: null,
      failures: 0,
      retryAt: null,
      items: 0,
    });
    await db.articles.put({ ...article, id: 'a-feed', origin: 'feed', guid: 'tag:example.org,2026:1', addedAt: 9 });
    expect(await db.articles.where('guid').equals('tag:example.org,2026:1').primaryKeys()).toEqual(['a-feed']);
    expect((await db.feeds.where('kind').equals('feed').first())?.url).toBe('https://example.org/feed.xml');
    db.close();
  });

  it('upgrades a version-4 database: one index record per article, rebuilt from the articles, and the queries find them', async () => {
    const name = dbName();
    const v4 = new Dexie(name, { indexedDB, IDBKeyRange });
    declareUpTo4(v4);
    const articles = bundled.articles.map((a, i) => ({ ...a, addedAt: i }));
    await v4.table('articles').bulkPut(articles);
    await v4
      .table('heads')
      .bulkPut(
        articles.map((a) => ({ id: a.id, outlet: a.outlet, published: a.published, headline: a.headline, url: a.url })),
      );
    // Version 4's row-per-mention tables: whatever they held is dropped, not trusted.
    await v4.table('mentions').add({ articleId: 'gone', actorId: 'nobody', published: '', outlet: 'x', sentence: 0 });
    await v4.table('notes').put(sampleNote({ id: 'n-1', articleId: articles[0]!.id }));
    v4.close();

    const db = new CorpusDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(6);
    expect(db.tables.map((t) => t.name)).not.toContain('mentions');
    const index = await db.articleIndex.orderBy('articleId').toArray();
    expect(index).toEqual(
      [...articles].sort((a, b) => a.id.localeCompare(b.id)).map((a) => indexRows(a, quoteShingles).row),
    );
    expect((await db.notes.toArray()).map((x) => x.id)).toEqual(['n-1']);
    // What the cards and the story match read, through the new indexes.
    const cbc = seed('cbc.ca');
    const lavrov = await mentionsOf(db, 'sergey-lavrov');
    expect(lavrov.flatMap((g) => g.articles.map((a) => a.articleId)).sort()).toEqual(
      articles
        .filter((a) => a.annotations.some((x) => x.kind === 'actor' && x.actorId === 'sergey-lavrov'))
        .map((a) => a.id)
        .sort(),
    );
    const quote = cbc.annotations.find((a) => a.kind === 'quote')!;
    expect((await quotesLikeIn(db, quote.text)).map((q) => q.articleId)).toContain(cbc.id);
    db.close();
  });

  it('upgrades a version-5 database: each summary is made again from its article, with the text sketch', async () => {
    const name = dbName();
    const v5 = new Dexie(name, { indexedDB, IDBKeyRange });
    declareUpTo4(v5);
    v5.version(5).stores({
      articleIndex: '&articleId, *actorKeys, *figureKeys, *shingles',
      mentions: null,
      figures: null,
      quotes: null,
    });
    const articles = bundled.articles.map((a, i) => ({ ...a, addedAt: i }));
    await v5.table('articles').bulkPut(articles);
    // A summary as version 5 stored it: no sketch of the text.
    await v5.table('summaries').bulkPut(
      articles.map((a) => {
        const { textSketch: _, ...old } = summarize(a);
        return old;
      }),
    );
    v5.close();

    const db = new CorpusDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(6);
    const summaries = await db.summaries.orderBy('id').toArray();
    expect(summaries).toEqual([...articles].sort((a, b) => a.id.localeCompare(b.id)).map((a) => summarize(a)));
    expect(summaries.every((s) => (s.textSketch?.shingles ?? 0) > 0)).toBe(true);
    db.close();
  });
});

describe('the corpus’s write count', () => {
  it('counts the writes that change what the corpus answers, and not the pages read or the notes', async () => {
    const db = freshDb();
    await db.open();
    const start = db.generation;
    await db.readings.put({
      articleId: 'a-1',
      article: seed('cbc.ca'),
      summary: summarize(seed('cbc.ca')),
      source: 'page',
      readAt: 1,
    });
    await db.tabs.put({ tabId: 1, articleId: 'a-1', url: null });
    await db.notes.put(sampleNote());
    expect(db.generation).toBe(start);
    await db.summaries.put(summarize(seed('cbc.ca')));
    expect(db.generation).toBeGreaterThan(start);
    const after = db.generation;
    await db.actorStats.where('actorId').equals('nobody').delete();
    await db.settings.put({ key: 'corpusVersion', value: 'x' });
    expect(db.generation).toBeGreaterThan(after + 1);
    db.close();
  });
});
