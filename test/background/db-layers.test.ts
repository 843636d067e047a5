import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freshDb } from './corpus-db';

// The corpus database leaves out Dexie's live-query layers (db.ts): for each small write they
// worked out every index key it touched and broadcast them when it committed, which cost a
// poll about 13% of its CPU. Dexie announces such a commit as a 'storagemutated' event.
describe("the corpus database and Dexie's live-query layers", () => {
  const heard: unknown[] = [];
  const listen = (parts: unknown) => heard.push(parts);
  Dexie.on('storagemutated', listen);
  afterEach(() => {
    heard.length = 0;
  });
  afterAll(() => {
    Dexie.on('storagemutated').unsubscribe(listen);
  });

  it('announces no write', async () => {
    const db = freshDb();
    await db.open(); // Creating a database announces its tables once, as a plain one does.
    heard.length = 0;
    await db.transaction('rw', db.settings, db.heads, async () => {
      await db.settings.put({ key: 'k', value: 1 });
      await db.heads.bulkPut([{ id: 'a', outlet: 'x', published: null, headline: 'h', url: null, lead: null }]);
    });
    expect(await db.settings.get('k')).toEqual({ key: 'k', value: 1 });
    expect(heard).toEqual([]);
    db.close();
  });

  // The names the corpus database removes are Dexie's own: a Dexie that renamed them would
  // bring the cost back without a word, and this would fail.
  it('is told apart from a plain Dexie database, which announces its writes', async () => {
    const plain = new Dexie(`plain-${Date.now()}`, { indexedDB, IDBKeyRange });
    plain.version(1).stores({ settings: '&key' });
    await plain.open();
    heard.length = 0;
    await plain.table('settings').put({ key: 'k', value: 1 });
    expect(heard.length).toBeGreaterThan(0);
    plain.close();
  });
});
