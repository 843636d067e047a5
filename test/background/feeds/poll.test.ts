import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { corpusService } from '../../../src/background/corpus-service';
import { deleteArticle, insertEntries, seedBundled } from '../../../src/background/corpus-store';
import { CorpusDb, type HeadRow } from '../../../src/background/db';
import { pollFeeds } from '../../../src/background/feeds/poll';
import { feedArticle } from '../../../src/core/feeds/feed-article';
import { bundled } from '../corpus-db';
import { answer, fakeWeb, hanging } from './fake-web';
import { atom, feedRow, MINUTE, NOW, pollDeps, rss, story } from './feeds-fixtures';

// How many items the poll builds into entries (annotates): the original, counted.
const built = vi.hoisted(() => ({ items: 0 }));
vi.mock('../../../src/core/feeds/feed-article', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/core/feeds/feed-article')>();
  return {
    ...original,
    feedArticle: (...args: Parameters<typeof original.feedArticle>) => (built.items++, original.feedArticle(...args)),
  };
});

let n = 0;
async function seededDb(name = `crosswire-poll-${++n}-${Date.now()}`): Promise<CorpusDb> {
  const db = new CorpusDb(name, { indexedDB, IDBKeyRange });
  await seedBundled(db, bundled);
  return db;
}

/** The feed entries of an outlet, by URL. */
const entriesOf = async (db: CorpusDb, outlet: string) =>
  (await db.articles.where('outlet').equals(outlet).toArray()).map((a) => a.url).sort();
const urls = (site: string, ns: number[]) => ns.map((i) => story(site, i).url).sort();

describe('pollFeeds', () => {
  it('adds every feed’s items as headline entries of its outlet, then asks conditionally and adds nothing', async () => {
    const db = await seededDb();
    await db.feeds.bulkPut([feedRow('alpha.example.org'), feedRow('beta.example.org')]);
    const web = fakeWeb({
      'https://alpha.example.org/feed.xml': (r) =>
        r.headers['if-none-match'] === '"a1"'
          ? answer(null, { status: 304 })
          : answer(rss('alpha.example.org', [1, 2, 3]), { headers: { etag: '"a1"' } }),
      'https://beta.example.org/feed.xml': (r) =>
        r.headers['if-modified-since'] === 'Mon, 02 Mar 2026 10:00:00 GMT'
          ? answer(null, { status: 304 })
          : answer(atom('beta.example.org', [1, 2]), { headers: { 'last-modified': 'Mon, 02 Mar 2026 10:00:00 GMT' } }),
    });
    const clock = { now: NOW };
    expect(await pollFeeds(pollDeps(db, web.fetch, clock))).toEqual({ feeds: 2, added: 5, unchanged: 0, failed: [] });
    expect(await entriesOf(db, 'alpha.example.org')).toEqual(urls('alpha.example.org', [1, 2, 3]));
    // The Atom feed's relative links were resolved against the feed's address.
    expect(await entriesOf(db, 'beta.example.org')).toEqual(urls('beta.example.org', [1, 2]));
    const entry = await db.articles.where('canonicalUrl').equals(story('alpha.example.org', 1).url).first();
    expect(entry).toMatchObject({ origin: 'feed', depth: 'headline', headline: story('alpha.example.org', 1).title });
    expect(entry?.guid).toBe(story('alpha.example.org', 1).url);
    expect(await db.feeds.get('https://alpha.example.org/feed.xml')).toMatchObject({
      etag: '"a1"',
      lastSuccess: NOW,
      failures: 0,
      retryAt: null,
      items: 3,
      title: 'alpha.example.org world',
    });
    expect((await corpusService(db, Promise.resolve()).status()).feed).toBe(5);

    clock.now += 30 * MINUTE;
    expect(await pollFeeds(pollDeps(db, web.fetch, clock))).toEqual({ feeds: 2, added: 0, unchanged: 2, failed: [] });
    expect(web.sent.slice(2).map((r) => r.headers)).toEqual([
      { accept: expect.any(String), 'if-none-match': '"a1"' },
      { accept: expect.any(String), 'if-modified-since': 'Mon, 02 Mar 2026 10:00:00 GMT' },
    ]);
    expect(await db.feeds.get('https://alpha.example.org/feed.xml')).toMatchObject({
      lastSuccess: clock.now,
      items: 3,
    });
    expect(await db.articles.where('origin').equals('feed').count()).toBe(5);
  });

  it('adds only the new items of a feed that changed, and reads the same body again as unchanged', async () => {
    const db = await seededDb();
    await db.feeds.put(feedRow('alpha.example.org'));
    // A server with no validators at all.
    const web = fakeWeb({ 'https://alpha.example.org/feed.xml': answer(rss('alpha.example.org', [1, 2])) });
    await pollFeeds(pollDeps(db, web.fetch));
    web.routes['https://alpha.example.org/feed.xml'] = answer(rss('alpha.example.org', [2, 3, 4]));
    expect(await pollFeeds(pollDeps(db, web.fetch))).toMatchObject({ added: 2, unchanged: 0 });
    expect(await pollFeeds(pollDeps(db, web.fetch))).toMatchObject({ added: 0, unchanged: 1 });
    // The story that left the feed stays in the corpus.
    expect(await entriesOf(db, 'alpha.example.org')).toEqual(urls('alpha.example.org', [1, 2, 3, 4]));
    expect((await db.feeds.get('https://alpha.example.org/feed.xml'))?.items).toBe(4);
  });

  it('builds only the items the feed did not list last time, and brings back no entry the reader deleted', async () => {
    const db = await seededDb();
    await db.feeds.put(feedRow('alpha.example.org'));
    const web = fakeWeb({ 'https://alpha.example.org/feed.xml': answer(rss('alpha.example.org', [1, 2, 3])) });
    await pollFeeds(pollDeps(db, web.fetch));
    const second = await db.articles.where('canonicalUrl').equals(story('alpha.example.org', 2).url).first();
    expect((await deleteArticle(db, second!.id)).ok).toBe(true);
    // The feed moved on: two new items on top of the three it listed.
    web.routes['https://alpha.example.org/feed.xml'] = answer(rss('alpha.example.org', [4, 5, 1, 2, 3]));
    built.items = 0;
    expect(await pollFeeds(pollDeps(db, web.fetch))).toMatchObject({ added: 2, failed: [] });
    expect(built.items).toBe(2);
    expect(await entriesOf(db, 'alpha.example.org')).toEqual(urls('alpha.example.org', [1, 3, 4, 5]));
  });

  it('never lets a failing feed stop the others, and backs each one off by itself', async () => {
    const db = await seededDb();
    const sites = ['ok', 'error', 'slow', 'broken', 'busy', 'html'].map((s) => `${s}.example.org`);
    await db.feeds.bulkPut(sites.map((site) => feedRow(site)));
    const feed = (site: string) => `https://${site}/feed.xml`;
    const web = fakeWeb({
      [feed('ok.example.org')]: answer(rss('ok.example.org', [1])),
      [feed('error.example.org')]: answer('oops', { status: 500, statusText: 'Internal Server Error' }),
      [feed('slow.example.org')]: hanging,
      [feed('broken.example.org')]: answer(
        '<?xml version="1.0"?>\n<rss><channel><item><title>x</item></channel></rss>',
      ),
      [feed('busy.example.org')]: answer('', { status: 429, headers: { 'retry-after': '3600' } }),
      [feed('html.example.org')]: answer('<!doctype html><html><body>Moved</body></html>'),
    });
    const clock = { now: NOW };
    const report = await pollFeeds(pollDeps(db, web.fetch, clock));
    expect(report).toMatchObject({ feeds: 6, added: 1, unchanged: 0 });
    expect(Object.fromEntries(report.failed.map((f) => [new URL(f.url).hostname, f.error]))).toEqual({
      'error.example.org': 'HTTP 500 Internal Server Error',
      'slow.example.org': 'no complete answer within 0.05 seconds',
      'broken.example.org': expect.stringMatching(/^malformed XML at line 2/),
      'busy.example.org': 'HTTP 429: the server asked to wait until 2026-03-02T13:00:00.000Z',
      'html.example.org': 'not a feed: an HTML page, not RSS, Atom, RDF or JSON Feed',
    });
    expect(await db.feeds.get(feed('error.example.org'))).toMatchObject({
      failures: 1,
      lastError: 'HTTP 500 Internal Server Error',
      lastErrorAt: NOW,
      retryAt: NOW + 15 * MINUTE,
      lastSuccess: null,
    });
    expect((await db.feeds.get(feed('busy.example.org')))?.retryAt).toBe(NOW + 60 * MINUTE);

    // Five minutes on, only the healthy feed is asked.
    const asked = () => web.sent.slice(sent).map((r) => new URL(r.url).hostname.split('.')[0]);
    let sent = web.sent.length;
    clock.now = NOW + 5 * MINUTE;
    expect(await pollFeeds(pollDeps(db, web.fetch, clock))).toMatchObject({ feeds: 1, unchanged: 1, failed: [] });
    expect(asked()).toEqual(['ok']);
    // After its 15 minutes, the server error is asked again; failing again doubles its wait.
    sent = web.sent.length;
    clock.now = NOW + 16 * MINUTE;
    await pollFeeds(pollDeps(db, web.fetch, clock));
    expect(asked().sort()).toEqual(['broken', 'error', 'html', 'ok', 'slow']);
    expect(await db.feeds.get(feed('error.example.org'))).toMatchObject({
      failures: 2,
      retryAt: clock.now + 30 * MINUTE,
    });
    // Once the server mends, the feed is healthy again; its last error stays on record with its time.
    web.routes[feed('error.example.org')] = answer(rss('error.example.org', [7]));
    sent = web.sent.length;
    clock.now = NOW + 61 * MINUTE;
    await pollFeeds(pollDeps(db, web.fetch, clock));
    expect(await db.feeds.get(feed('error.example.org'))).toMatchObject({
      failures: 0,
      retryAt: null,
      lastSuccess: clock.now,
      lastError: 'HTTP 500 Internal Server Error',
      items: 1,
    });
    expect(asked()).toContain('busy'); // its hour is up
  });

  it('never backs off for more than a day', async () => {
    const db = await seededDb();
    await db.feeds.put(feedRow('down.example.org', { failures: 12 }));
    await pollFeeds(pollDeps(db, fakeWeb().fetch));
    expect(await db.feeds.get('https://down.example.org/feed.xml')).toMatchObject({
      failures: 13,
      lastError: 'network error: Failed to fetch',
      retryAt: NOW + 24 * 60 * MINUTE,
    });
  });

  it('after a worker stopped mid-poll, the next poll adds what was lost and nothing twice', async () => {
    const name = `crosswire-restart-${Date.now()}`;
    const db = await seededDb(name);
    const sites = ['a.example.org', 'b.example.org', 'c.example.org'];
    await db.feeds.bulkPut(sites.map((site) => feedRow(site)));
    const web = fakeWeb(
      Object.fromEntries(
        sites.map((site) => [
          `https://${site}/feed.xml`,
          (r: { headers: Record<string, string> }) =>
            r.headers['if-none-match'] === `"${site}"`
              ? answer(null, { status: 304 })
              : answer(rss(site, [1, 2, 3]), { headers: { etag: `"${site}"` } }),
        ]),
      ),
    );
    // The worker stops while it writes feed b's entries: the database goes with it.
    let writes = 0;
    const put = db.heads.bulkPut;
    db.heads.bulkPut = function (this: unknown, ...args: Parameters<typeof put>) {
      writes += (args[0] as HeadRow[]).filter((h) => h.outlet === 'b.example.org').length;
      if (writes >= 2) {
        db.close();
        throw new Error('the worker stopped');
      }
      return put.apply(this, args);
    } as typeof put;
    await pollFeeds({ ...pollDeps(db, web.fetch), atOnce: 1 }).catch(() => undefined);

    // A new worker opens the database again and polls.
    const again = new CorpusDb(name, { indexedDB, IDBKeyRange });
    expect(await entriesOf(again, 'a.example.org')).toEqual(urls('a.example.org', [1, 2, 3]));
    expect(await entriesOf(again, 'b.example.org')).toEqual([]);
    expect(await again.feeds.get('https://b.example.org/feed.xml')).toMatchObject({ etag: null, items: 0 });
    // The stopped worker never reached feed c.
    const sent = web.sent.length;
    expect(sent).toBe(2);
    expect(await pollFeeds(pollDeps(again, web.fetch))).toEqual({ feeds: 3, added: 6, unchanged: 1, failed: [] });
    for (const site of sites) {
      expect(await entriesOf(again, site), site).toEqual(urls(site, [1, 2, 3]));
      expect((await again.feeds.get(`https://${site}/feed.xml`))?.items, site).toBe(3);
    }
    // Feed a was asked conditionally (its poll had committed); feed b whole again.
    const second = Object.fromEntries(web.sent.slice(sent).map((r) => [new URL(r.url).hostname, r.headers]));
    expect(second['a.example.org']).toHaveProperty('if-none-match', '"a.example.org"');
    expect(second['b.example.org']).not.toHaveProperty('if-none-match');
    // The counts agree with the tables: nothing counted twice, nothing lost.
    const status = await corpusService(again, Promise.resolve()).status();
    expect([status.articles, status.feed]).toEqual([await again.articles.count(), 9]);
    again.close();
  });

  it('stops between feeds when following is switched off', async () => {
    const db = await seededDb();
    await db.feeds.bulkPut([feedRow('a.example.org'), feedRow('b.example.org')]);
    const web = fakeWeb({
      'https://a.example.org/feed.xml': answer(rss('a.example.org', [1])),
      'https://b.example.org/feed.xml': answer(rss('b.example.org', [1])),
    });
    let on = true;
    const report = await pollFeeds({
      ...pollDeps(db, web.fetch),
      atOnce: 1,
      isOn: async () => {
        const was = on;
        on = false;
        return was;
      },
    });
    expect(report.feeds).toBe(1);
    expect(web.sent).toHaveLength(1);
  });

  it('skips items older than the retention, and prunes entries past it once the poll is done', async () => {
    const db = await seededDb();
    await db.feeds.put(feedRow('a.example.org'));
    const web = fakeWeb({
      'https://a.example.org/feed.xml': answer(rss('a.example.org', [1], 'Mon, 05 Jan 2026 09:00:00 GMT')),
    });
    const old = feedArticle({ ...story('z.example.org', 1), guid: null, published: '2026-01-01' }, 'z.example.org')!;
    await insertEntries(db, [old], 'feed', { now: NOW - 31 * 24 * 60 * MINUTE });
    expect(await pollFeeds(pollDeps(db, web.fetch))).toMatchObject({ feeds: 1, added: 0, failed: [] });
    expect(await db.articles.where('origin').equals('feed').count()).toBe(0);
  });

  it('does not bring back a feed the reader removed while it was being polled, nor store its items', async () => {
    const db = await seededDb();
    await db.feeds.put(feedRow('a.example.org'));
    const web = fakeWeb({
      'https://a.example.org/feed.xml': async () => {
        await db.feeds.delete('https://a.example.org/feed.xml');
        return answer(rss('a.example.org', [1]));
      },
    });
    await pollFeeds(pollDeps(db, web.fetch));
    expect(await db.feeds.count()).toBe(0);
    // Nor add what it brought: removing a feed (or a shared corpus) stops its storing, so an
    // unsubscribe cancels a long import. What earlier polls stored stays (store-entries.test.ts).
    expect(await entriesOf(db, 'a.example.org')).toEqual([]);
  });

  it('decodes a feed by the charset its answer declares', async () => {
    const db = await seededDb();
    await db.feeds.put(feedRow('latin.example.org'));
    const body = rss('latin.example.org', [1])
      .replace('Envoys resume', 'Les émissaires reprennent')
      .replace('UTF-8', 'ISO-8859-1');
    const bytes = Uint8Array.from([...body].map((c) => c.charCodeAt(0)));
    const web = fakeWeb({
      'https://latin.example.org/feed.xml': answer(bytes, {
        headers: { 'content-type': 'application/rss+xml; charset=ISO-8859-1' },
      }),
    });
    await pollFeeds(pollDeps(db, web.fetch));
    expect((await db.articles.where('outlet').equals('latin.example.org').first())?.headline).toMatch(
      /^Les émissaires reprennent/,
    );
  });
});
