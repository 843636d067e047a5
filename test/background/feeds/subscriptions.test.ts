import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { corpusService } from '../../../src/background/corpus-service';
import { seedBundled } from '../../../src/background/corpus-store';
import { CorpusDb, type HeadRow } from '../../../src/background/db';
import { newRow } from '../../../src/background/feeds/feed-rows';
import {
  pollSubscription,
  SUBSCRIPTION_LIMITS,
  type SubscriptionLimits,
} from '../../../src/background/feeds/subscriptions';
import type { FeedRow } from '../../../src/background/db';
import { bundled } from '../corpus-db';
import { answer, fakeWeb } from './fake-web';
import { NOW, pollDeps } from './feeds-fixtures';
import { IDLE_SHARED_CHUNK } from '../../../src/background/feeds/store-entries';

const CORPUS = 'https://team.example.org/corpus.jsonl';
const row = () => newRow(CORPUS, 'corpus', { outlet: null, title: null, addedBy: 'reader' });

/** Record `n` of a shared corpus (invented text), one line of JSON Lines. */
const record = (n: number, more: Record<string, unknown> = {}) =>
  JSON.stringify({
    text: `Delegates met in Vienna for round ${n} of the talks. The envoy said progress was slow but real.`,
    url: `https://wire.example.org/world/vienna-round-${n}`,
    headline: `Vienna talks, round ${n}`,
    published: '2026-02-20',
    outlet: 'wire.example.org',
    ...more,
  });
const jsonl = (ns: number[]) => `${ns.map((n) => record(n)).join('\n')}\n`;

let n = 0;
async function setup() {
  const name = `crosswire-shared-${++n}-${Date.now()}`;
  const db = new CorpusDb(name, { indexedDB, IDBKeyRange });
  await seedBundled(db, bundled);
  await db.feeds.put(row());
  return { db, name };
}
const sharedUrls = async (db: CorpusDb) =>
  (await db.articles.where('origin').equals('shared').toArray()).map((a) => a.url).sort();
const roundUrls = (ns: number[]) => ns.map((i) => `https://wire.example.org/world/vienna-round-${i}`).sort();
/** The whole corpus, to show that something changed nothing. */
const corpusOf = async (db: CorpusDb) => ({
  articles: (await db.articles.toCollection().primaryKeys()).sort(),
  settings: await db.settings.toArray(),
});

describe('shared corpora', () => {
  it('imports a JSON Lines corpus as shared articles, checked like a file import', async () => {
    const { db } = await setup();
    const web = fakeWeb({ [CORPUS]: answer(jsonl([1, 2, 3]), { headers: { etag: '"c1"' } }) });
    expect(await pollSubscription(row(), pollDeps(db, web.fetch))).toEqual({ status: 'added', added: 3 });
    expect(await sharedUrls(db)).toEqual(roundUrls([1, 2, 3]));
    const stored = await db.articles.where('origin').equals('shared').first();
    expect(stored).toMatchObject({ outlet: 'wire.example.org', published: '2026-02-20' });
    expect(stored?.depth).toBeUndefined(); // a whole article, not a headline entry
    expect(await db.feeds.get(CORPUS)).toMatchObject({ etag: '"c1"', lastSuccess: NOW, items: 3, lastError: null });
    expect((await corpusService(db, Promise.resolve()).status()).shared).toBe(3);
    expect(web.sent[0]?.init).toMatchObject({ credentials: 'omit', cache: 'no-store' });
  });

  it('imports nothing again when the corpus has not changed: 304, the same body, or the same articles', async () => {
    const { db } = await setup();
    const web = fakeWeb({
      [CORPUS]: (r) =>
        r.headers['if-none-match'] === '"c1"'
          ? answer(null, { status: 304 })
          : answer(jsonl([1, 2]), { headers: { etag: '"c1"' } }),
    });
    const poll = async () => pollSubscription((await db.feeds.get(CORPUS))!, pollDeps(db, web.fetch));
    await poll();
    const before = await corpusOf(db);
    expect(await poll()).toEqual({ status: 'unchanged' });
    expect(web.sent[1]?.headers['if-none-match']).toBe('"c1"');
    // A server without validators sends the same file again: it is not even parsed.
    web.routes[CORPUS] = answer(jsonl([1, 2]));
    expect(await poll()).toEqual({ status: 'unchanged' });
    expect(await poll()).toEqual({ status: 'unchanged' });
    expect(await corpusOf(db)).toEqual({ ...before, settings: expect.any(Array) });
    // The same articles in another order, with one more: only that one is added.
    web.routes[CORPUS] = answer(jsonl([2, 3, 1]));
    expect(await poll()).toEqual({ status: 'added', added: 1 });
    expect(await sharedUrls(db)).toEqual(roundUrls([1, 2, 3]));
    const round3 = (await db.articles
      .where('canonicalUrl')
      .equals(roundUrls([3])[0]!)
      .primaryKeys()) as string[];
    expect((await corpusOf(db)).articles).toEqual([...before.articles, ...round3].sort());
    expect((await db.feeds.get(CORPUS))?.items).toBe(3);
  });

  it('rejects a broken update whole: the corpus stays as it was, and the row says what is wrong', async () => {
    const { db } = await setup();
    const web = fakeWeb({ [CORPUS]: answer(jsonl([1])) });
    await pollSubscription(row(), pollDeps(db, web.fetch));
    const before = await corpusOf(db);
    const broken = `${record(2)}\n${record(3, { published: 'last Tuesday' })}\n{"text": "Round four"\n`;
    web.routes[CORPUS] = answer(broken);
    const result = await pollSubscription((await db.feeds.get(CORPUS))!, pollDeps(db, web.fetch));
    expect(result).toEqual({
      status: 'failed',
      error: expect.stringMatching(/^line 3: not valid JSON .*; nothing was imported$/),
    });
    expect(await corpusOf(db)).toEqual(before);
    expect(await db.feeds.get(CORPUS)).toMatchObject({
      failures: 1,
      lastError: result.status === 'failed' && result.error,
      items: 1,
    });
    // Every record checked: a file whose lines parse but break the format names each problem.
    web.routes[CORPUS] = answer(`${record(2)}\n${record(3, { published: 'last Tuesday', colour: 'red' })}\n`);
    const again = await pollSubscription((await db.feeds.get(CORPUS))!, pollDeps(db, web.fetch));
    expect(again).toEqual({ status: 'failed', error: expect.stringContaining('nothing was imported; 2 problems:') });
    expect(again.status === 'failed' && again.error).toContain('line 2: "published" must be a date like 2012-03-12');
    expect(await corpusOf(db)).toEqual(before);
  });

  it('imports a large corpus in chunks; a worker stopped between them loses nothing and adds nothing twice', async () => {
    const { db, name } = await setup();
    const ns = Array.from({ length: 700 }, (_, i) => i + 1);
    const web = fakeWeb({
      [CORPUS]: (r) =>
        r.headers['if-none-match'] === '"big"'
          ? answer(null, { status: 304 })
          : answer(jsonl(ns), { headers: { etag: '"big"' } }),
    });
    // The worker stops in the chunk that would store the 550th article: the chunks before it stay.
    const stopAt = 550;
    // No reader is about: the poll writes a shared corpus's idle chunks.
    const committed = (Math.ceil(stopAt / IDLE_SHARED_CHUNK) - 1) * IDLE_SHARED_CHUNK;
    let heads = 0;
    const put = db.heads.bulkPut;
    db.heads.bulkPut = function (this: unknown, ...args: Parameters<typeof put>) {
      heads += (args[0] as HeadRow[]).filter((h) => h.outlet === 'wire.example.org').length;
      if (heads >= stopAt) {
        db.close();
        throw new Error('the worker stopped');
      }
      return put.apply(this, args);
    } as typeof put;
    await pollSubscription(row(), pollDeps(db, web.fetch)).catch(() => undefined);

    const again = new CorpusDb(name, { indexedDB, IDBKeyRange });
    expect(await again.articles.where('origin').equals('shared').count()).toBe(committed);
    // The file is not marked read (no validators), but what was imported is counted.
    expect(await again.feeds.get(CORPUS)).toMatchObject({ etag: null, items: committed, lastSuccess: null });
    expect(await pollSubscription((await again.feeds.get(CORPUS))!, pollDeps(again, web.fetch))).toEqual({
      status: 'added',
      added: 700 - committed,
    });
    expect(web.sent[1]?.headers).not.toHaveProperty('if-none-match');
    expect((await sharedUrls(again)).length).toBe(700);
    expect(await again.feeds.get(CORPUS)).toMatchObject({ etag: '"big"', items: 700 });
    const status = await corpusService(again, Promise.resolve()).status();
    expect([status.articles, status.shared]).toEqual([await again.articles.count(), 700]);
    again.close();
  }, 60_000);

  describe('a JSON Lines corpus larger than one part', () => {
    /** Parts of four lines, read 64 bytes at a time: a file of ten records is three parts. */
    const small: SubscriptionLimits = {
      ...SUBSCRIPTION_LIMITS,
      jsonBytes: 2_000,
      parts: { ...SUBSCRIPTION_LIMITS.parts, lines: 4, readBytes: 64 },
    };
    const ten = Array.from({ length: 10 }, (_, i) => i + 1);
    /** The row as each write to it left it. */
    const rowWrites = (db: CorpusDb) => {
      const writes: FeedRow[] = [];
      const put = db.feeds.put;
      db.feeds.put = function (this: unknown, ...args: Parameters<typeof put>) {
        writes.push(structuredClone(args[0]));
        return put.apply(this, args);
      } as typeof put;
      return writes;
    };

    it('imports it part by part, over the size a JSON file may be, the new validators with the last part', async () => {
      const { db } = await setup();
      // Blank lines too: the second part holds nothing, and the last part still writes the row.
      const body = `${jsonl([1, 2, 3, 4])}\n\n\n\n${jsonl(ten.slice(4))}`;
      expect(body.length).toBeGreaterThan(small.jsonBytes);
      const web = fakeWeb({ [CORPUS]: answer(body, { headers: { etag: '"parts"' } }) });
      const writes = rowWrites(db);
      expect(await pollSubscription(row(), pollDeps(db, web.fetch), small)).toEqual({ status: 'added', added: 10 });
      expect(await sharedUrls(db)).toEqual(roundUrls(ten));
      // Each part's writes count what it added; only the last marks the file read.
      expect(writes.map((w) => [w.items, w.etag])).toEqual([
        [4, null],
        [4, null],
        [8, null],
        [10, '"parts"'],
      ]);
      expect(await db.feeds.get(CORPUS)).toMatchObject({ etag: '"parts"', items: 10, lastError: null });
    });

    it('imports nothing when a line of a later part is bad, and names the line', async () => {
      const { db } = await setup();
      const before = await corpusOf(db);
      const lines = ten.map((n) => record(n));
      lines[8] = record(9, { published: 'yesterday' });
      const web = fakeWeb({ [CORPUS]: answer(`${lines.join('\n')}\n`) });
      const result = await pollSubscription(row(), pollDeps(db, web.fetch), small);
      expect(result).toEqual({
        status: 'failed',
        error: 'nothing was imported; 1 problem:\nline 9: "published" must be a date like 2012-03-12, not "yesterday"',
      });
      expect(await corpusOf(db)).toEqual(before);
    });

    it('refuses a JSON file over its size, and a line longer than any article, importing nothing', async () => {
      const { db } = await setup();
      const before = await corpusOf(db);
      const array = `[${ten.map((n) => record(n)).join(',\n')}]`;
      const web = fakeWeb({
        [CORPUS]: answer(array),
        'https://team.example.org/long.jsonl': answer(`${record(1)}\n${record(2, { headline: 'x'.repeat(300) })}\n`),
      });
      const json = await pollSubscription(row(), pollDeps(db, web.fetch), small);
      expect(json.status === 'failed' && json.error).toMatch(
        /^the file is a JSON array, and the file is \d+ MB: a JSON file is read whole, so at most .* MB; as JSON Lines \(one article a line\) it can be up to 1 GB; nothing was imported$/,
      );
      // The same file within the JSON limit imports.
      expect(await pollSubscription(row(), pollDeps(db, web.fetch))).toEqual({ status: 'added', added: 10 });
      await db.articles.where('origin').equals('shared').delete();
      const long = newRow('https://team.example.org/long.jsonl', 'corpus', {
        outlet: null,
        title: null,
        addedBy: 'reader',
      });
      await db.feeds.put(long);
      const tight = { ...small, parts: { ...small.parts, lineChars: 300 } };
      expect(await pollSubscription(long, pollDeps(db, web.fetch), tight)).toEqual({
        status: 'failed',
        error: 'line 2 is longer than 300 characters: an article may have at most 8,000,000; nothing was imported',
      });
      expect((await corpusOf(db)).articles).toEqual(before.articles);
    });

    it('imports every part when following is off: subscribing fetches the file at once', async () => {
      const { db } = await setup();
      const web = fakeWeb({ [CORPUS]: answer(jsonl(ten)) });
      const deps = { ...pollDeps(db, web.fetch), isOn: async () => false };
      expect(await pollSubscription(row(), deps, small)).toEqual({ status: 'added', added: 10 });
    });

    it('keeps the earlier parts when storage fills up in a later one, and says so on the row', async () => {
      const { db } = await setup();
      const web = fakeWeb({ [CORPUS]: answer(jsonl(ten), { headers: { etag: '"full"' } }) });
      let writes = 0;
      const quota = () => {
        // The fifth article's index record: the second part's first.
        if (++writes > 4)
          throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      };
      db.articleIndex.hook('creating', quota);
      const result = await pollSubscription(row(), pollDeps(db, web.fetch), small);
      expect(result).toEqual({
        status: 'failed',
        error: expect.stringMatching(
          /^Storage is full: nothing was added\..* The 4 articles from the file's earlier lines stay; the next poll adds the rest\.$/,
        ),
      });
      expect((await sharedUrls(db)).length).toBe(4);
      expect(await db.feeds.get(CORPUS)).toMatchObject({
        etag: null,
        items: 4,
        failures: 1,
        lastError: result.status === 'failed' && result.error,
      });
      // Room again: the next poll adds the rest.
      db.articleIndex.hook('creating').unsubscribe(quota);
      expect(await pollSubscription((await db.feeds.get(CORPUS))!, pollDeps(db, web.fetch), small)).toEqual({
        status: 'added',
        added: 6,
      });
      expect(await db.feeds.get(CORPUS)).toMatchObject({ etag: '"full"', items: 10, failures: 0, lastSuccess: NOW });
    });

    it('stops between parts when following is switched off; the next poll adds the rest', async () => {
      const { db } = await setup();
      const web = fakeWeb({ [CORPUS]: answer(jsonl(ten), { headers: { etag: '"t"' } }) });
      const off = new AbortController();
      const deps = { ...pollDeps(db, web.fetch), signal: off.signal };
      const storePut = db.heads.bulkPut;
      db.heads.bulkPut = function (this: unknown, ...args: Parameters<typeof storePut>) {
        off.abort(); // switched off while the first part is stored
        return storePut.apply(this, args);
      } as typeof storePut;
      expect(await pollSubscription(row(), deps, small)).toEqual({
        status: 'failed',
        error: "stopped after 4 of the file's 10 articles",
      });
      expect((await sharedUrls(db)).length).toBe(4);
      expect(await db.feeds.get(CORPUS)).toMatchObject({ etag: null, items: 4 });
      db.heads.bulkPut = storePut;
      const next = pollDeps(db, web.fetch);
      expect(await pollSubscription((await db.feeds.get(CORPUS))!, next, small)).toEqual({ status: 'added', added: 6 });
      expect(await sharedUrls(db)).toEqual(roundUrls(ten));
      expect(await db.feeds.get(CORPUS)).toMatchObject({ etag: '"t"', items: 10 });
    });
  });
});
