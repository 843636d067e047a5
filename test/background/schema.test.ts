import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { CorpusDb } from '../../src/background/db';
import { freshDb } from './corpus-db';
import { sampleNote } from './sample-note';

// The schema users' databases have, as Dexie reports it (primary key first, then indexes). Changing a table or an index here without adding a
// new `version(n)` (with an upgrade and a test opening a database of version n-1) would
// leave installed databases unable to open; this snapshot makes that change deliberate.
const SCHEMA_V2 = {
  actorStats: 'actorId',
  articles: 'id,canonicalUrl,contentHash,origin,published,outlet',
  figures: '++id,[counts+subject+published],articleId',
  heads: 'id',
  mentions: '++id,[actorId+published+articleId],articleId',
  notes: 'id,articleId,modified,*tags',
  quotes: '++id,*shingles,articleId',
  settings: 'key',
  summaries: 'id',
};

describe('the database schema', () => {
  it('is version 2, exactly as shipped', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(2);
    const tables = Object.fromEntries(
      db.tables
        .map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(',')])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(tables).toEqual(SCHEMA_V2);
    db.close();
  });

  it('upgrades a version-1 database: its articles stay, note-shaped rows move to the notes table', async () => {
    const name = `crosswire-upgrade-${Date.now()}`;
    // A database as version 1 shipped it, written by a Dexie that knows only version 1.
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores({
      articles: '&id, canonicalUrl, contentHash, origin, published, outlet',
      summaries: '&id',
      heads: '&id',
      mentions: '++id, [actorId+published+articleId], articleId',
      figures: '++id, [counts+subject+published], articleId',
      quotes: '++id, *shingles, articleId',
      actorStats: '&actorId',
      annotations: '++id, articleId, url, createdAt',
      settings: '&key',
    });
    await v1.table('heads').put({ id: 'a-1', outlet: 'cbc.ca', published: '2012-03-12', headline: 'Kept', url: null });
    await v1.table('annotations').bulkAdd([
      { ...sampleNote({ id: 'n-kept' }), createdAt: 1 },
      { articleId: 'a-1', url: 'x', createdAt: 2 },
    ]);
    v1.close();
    const db = new CorpusDb(name, { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect((await db.heads.get('a-1'))?.headline).toBe('Kept');
    expect((await db.notes.toArray()).map((n) => n.id)).toEqual(['n-kept']);
    db.close();
  });
});
