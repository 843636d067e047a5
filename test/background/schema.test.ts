import { describe, expect, it } from 'vitest';
import { freshDb } from './corpus-db';

// The schema users' databases have, as Dexie reports it (primary key first, then indexes). Changing a table or an index here without adding a
// new `version(n)` (with an upgrade and a test opening a database of version n-1) would
// leave installed databases unable to open; this snapshot makes that change deliberate.
const SCHEMA_V1 = {
  actorStats: 'actorId',
  annotations: '++id,articleId,url,createdAt',
  articles: 'id,canonicalUrl,contentHash,origin,published,outlet',
  figures: '++id,[counts+subject+published],articleId',
  heads: 'id',
  mentions: '++id,[actorId+published+articleId],articleId',
  quotes: '++id,*shingles,articleId',
  settings: 'key',
  summaries: 'id',
};

describe('the database schema', () => {
  it('is version 1, exactly as shipped', async () => {
    const db = freshDb();
    await db.open();
    expect(db.verno).toBe(1);
    const tables = Object.fromEntries(
      db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(',')]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
    expect(tables).toEqual(SCHEMA_V1);
    db.close();
  });
});
