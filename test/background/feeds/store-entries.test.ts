// A poll stores what it read in short chunks while a reader is about, one poll write at a time,
// so a query that arrives while a feed's items are stored waits for one chunk, not for the feed
// or the poll. With no reader about, a feed's items go in one transaction, which costs less.
import Dexie from 'dexie';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedBundled } from '../../../src/background/corpus-store';
import { CorpusDb, type FeedRow } from '../../../src/background/db';
import { pollFeeds } from '../../../src/background/feeds/poll';
import { asForeground } from '../../../src/background/foreground';
import {
  CHUNK,
  IDLE_CHUNK,
  IDLE_SHARED_CHUNK,
  READER_GONE_MS,
  storeEntries,
} from '../../../src/background/feeds/store-entries';
import { feedArticle } from '../../../src/core/feeds/feed-article';
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

/** A request a reader waits on (a card, the popup), answered at once. */
const readerAsks = () => asForeground(() => Promise.resolve());

afterEach(() => {
  vi.restoreAllMocks();
});

describe('storing a poll', () => {
  it('stores a feed’s items in chunks while a reader is about, each counted, the validators only with the last', async () => {
    const { db, web } = await setup();
    const writes = rowWrites(db);
    await readerAsks();
    expect(await pollFeeds(pollDeps(db, web.fetch))).toMatchObject({ added: 2 * ITEMS.length, failed: [] });
    const alpha = writes.filter((w) => w.url === 'https://alpha.example.org/feed.xml');
    expect(alpha).toEqual([
      { url: alpha[0]!.url, items: CHUNK, etag: null },
      { url: alpha[0]!.url, items: 2 * CHUNK, etag: null },
      { url: alpha[0]!.url, items: 3 * CHUNK, etag: '"alpha.example.org"' },
    ]);
  });

  it('stores nothing more of a feed once the reader removes it, after the chunk being written', async () => {
    const { db, web } = await setup();
    await readerAsks();
    const alpha = 'https://alpha.example.org/feed.xml';
    // Removed while its first chunk is written (outside that chunk's transaction).
    let removed: Promise<void> | undefined;
    rowWrites(db, (row) => {
      if (row.url === alpha) removed ??= Dexie.ignoreTransaction(() => db.feeds.delete(alpha));
    });
    const report = await pollFeeds(pollDeps(db, web.fetch));
    await removed;
    expect(report.added).toBe(CHUNK + ITEMS.length);
    const outlets = (await db.articles.where('origin').equals('feed').toArray()).map((a) => a.outlet);
    expect(outlets.filter((o) => o === 'alpha.example.org')).toHaveLength(CHUNK);
    expect(outlets.filter((o) => o === 'beta.example.org')).toHaveLength(ITEMS.length);
    expect(await db.feeds.get(alpha)).toBeUndefined();
  });

  it('answers a query asked while a chunk is written as soon as that chunk is stored, before the other feeds’ chunks', async () => {
    const { db, web } = await setup();
    await readerAsks();
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

  it('stores a feed in one transaction when no reader has asked anything for a while', async () => {
    expect(IDLE_CHUNK).toBeGreaterThanOrEqual(ITEMS.length);
    const { db, web } = await setup();
    const writes = rowWrites(db);
    await readerAsks();
    // The reader's last request is now further back than READER_GONE_MS.
    const later = performance.now() + READER_GONE_MS + 1;
    vi.spyOn(performance, 'now').mockReturnValue(later);
    expect(await pollFeeds(pollDeps(db, web.fetch))).toMatchObject({ added: 2 * ITEMS.length, failed: [] });
    expect(writes.filter((w) => w.url === 'https://alpha.example.org/feed.xml')).toEqual([
      { url: 'https://alpha.example.org/feed.xml', items: ITEMS.length, etag: '"alpha.example.org"' },
    ]);
    expect(await db.articles.where('origin').equals('feed').count()).toBe(2 * ITEMS.length);
  });

  it('stores a shared corpus’s whole articles in short chunks while a reader is about, in longer ones otherwise', async () => {
    const { db } = await setup();
    const row = feedRow('wire.example.org', { kind: 'corpus' });
    await db.feeds.put(row);
    const articles = Array.from({ length: 2 * IDLE_SHARED_CHUNK }, (_, i) =>
      feedArticle(
        {
          guid: `w-${i}`,
          url: `https://wire.example.org/${i}`,
          title: `Wire story ${i}`,
          summary: `Talks, day ${i}.`,
          published: '2026-03-01',
        },
        'wire.example.org',
      ),
    );
    const chunks = async (from: number, to: number) => {
      const sizes: number[] = [];
      const stored = await storeEntries(
        db,
        row,
        row,
        articles.slice(from, to),
        (chunk) => {
          sizes.push(chunk.length);
          return chunk.flatMap((a) => (a ? [a] : []));
        },
        { origin: 'shared', now: Date.now() },
      );
      expect(stored).toEqual({ ok: true, value: to - from });
      return sizes;
    };
    await readerAsks();
    expect(await chunks(0, IDLE_SHARED_CHUNK)).toEqual(Array(IDLE_SHARED_CHUNK / CHUNK).fill(CHUNK));
    vi.spyOn(performance, 'now').mockReturnValue(performance.now() + READER_GONE_MS + 1);
    expect(await chunks(IDLE_SHARED_CHUNK, 2 * IDLE_SHARED_CHUNK)).toEqual([IDLE_SHARED_CHUNK]);
  });
});
