import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { CorpusDb } from '../../src/background/db';
import { summarize } from '../../src/core/match';
import { freshDb, seed } from './corpus-db';
import { sampleNote } from './sample-note';

// The schema users' databases have, as Dexie reports it (primary key first, then indexes). Changing a table or an index here without adding a
// new `version(n)` (with an upgrade and a test opening a database of version n-1) would
// leave installed databases unable to open; this snapshot makes that change deliberate.
const SCHEMA_V3 = {
  actorStats: 'actorId',
  articles: 'id,canonicalUrl,contentHash,origin,published,outlet',
  figures: '++id,[counts+subject+published],articleId',
  heads: 'id',
  mentions: '++id,[actorId+published+articleId],articleId',
  notes: 'id,articleId,modified,*tags',
  quotes: '++id,*shingles,articleId',
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
let n = 0;
const dbName = () => `crosswire-upgrade-${++n}-${Date.now()}`;

describe('the database schema', () => {
  it('is version 3, exactly as shipped', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(3);
    const tables = Object.fromEntries(
      db.tables
        .map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(',')])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(tables).toEqual(SCHEMA_V3);
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
    expect(db.verno).toBe(3);
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
    expect(db.verno).toBe(3);
    expect(await db.articles.get(article.id)).toEqual(article);
    expect((await db.heads.get(article.id))?.headline).toBe('Kept');
    expect(await db.mentions.where('articleId').equals(article.id).count()).toBe(1);
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
});
