// A poll stores what it read in short chunks, one poll write at a time, so a query that
// arrives while sixty items are stored waits for one chunk, not for the feed or the poll.
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { seedBundled } from '../../../src/background/corpus-store';
import { CorpusDb, type FeedRow } from '../../../src/background/db';
import { pollFeeds } from '../../../src/background/feeds/poll';
import { CHUNK } from '../../../src/background/feeds/store-entries';
import { bundled } from '../corpus-db';
import { answer, fakeWeb } from './fake-web';
import { feedRow, pollDeps, rss } from './feeds-fixtures';

const SITES = ['alpha.example.org', 'beta.example.org'];
const ITEMS = Array.from({ length: 3 * CHUNK }, (_, i) => i + 1);

let n = 0;
async function setup() {
  const db = new CorpusDb(`crosswire-chunks-${++n}-${Date.now()}`, { indexedDB, IDBKeyRange });
  await seedBundled(db, bundled);
  await db.feeds.bulkPut(SITES.map((site) => feedRow(site)));
  const web = fakeWeb(
    Object.fromEntries(
      SITES.map((site) => [`https://${site}/feed.xml`, answer(rss(site, ITEMS), { headers: { etag: `"${site}"` } })]),
    ),
  );
  return { db, web };
}

/** Each write of a feed's row during the poll: its items so far and its validator. */
function rowWrites(db: CorpusDb, onWrite: (row: FeedRow) => void = () => {}) {
  const writes: { url: string; items: number; etag: string | null }[] = [];
  const put = db.feeds.put.bind(db.feeds);
  db.feeds.put = ((row: FeedRow, key?: string) => {
    writes.push({ url: row.url, items: row.items, etag: row.etag });
    onWrite(row);
    return put(row, key);
  }) as typeof db.feeds.put;
  return writes;
}

describe('storing a poll', () => {
  it('stores a feed of sixty items in chunks, each counted, the validators only with the last', async () => {
    const { db, web } = await setup();
    const writes = rowWrites(db);
    expect(await pollFeeds(pollDeps(db, web.fetch))).toMatchObject({ added: 2 * ITEMS.length, failed: [] });
    const alpha = writes.filter((w) => w.url === 'https://alpha.example.org/feed.xml');
    expect(alpha).toEqual([
      { url: alpha[0]!.url, items: CHUNK, etag: null },
      { url: alpha[0]!.url, items: 2 * CHUNK, etag: null },
      { url: alpha[0]!.url, items: 3 * CHUNK, etag: '"alpha.example.org"' },
    ]);
  });

  it('answers a query asked while a chunk is written as soon as that chunk is stored, before the other feeds’ chunks', async () => {
    const { db, web } = await setup();
    let answered: Promise<number> | undefined;
    rowWrites(db, () => {
      // The first chunk's transaction is writing: ask what a query would, outside it.
      answered ??= Dexie.ignoreTransaction(() =>
        db.transaction('r', db.articles, () => db.articles.where('origin').equals('feed').count()),
      );
    });
    await pollFeeds(pollDeps(db, web.fetch));
    // The query saw the one chunk being written when it asked, and none queued after it.
    expect(await answered).toBe(CHUNK);
    expect(await db.articles.where('origin').equals('feed').count()).toBe(2 * ITEMS.length);
  });
});
