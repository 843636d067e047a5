// A service worker that Chrome stops in the middle of a feed poll loses nothing and stores
// nothing twice (docs/following.md, "Safe to stop at any moment"), in real Chromium. Three
// feeds answer at once and are stored; a fourth sends half its body and waits, and the worker
// is stopped there. The next poll asks the finished feeds conditionally (their validators were
// stored with their items) and fetches the interrupted one whole (it stored neither), and
// every item is in the corpus once.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedExtension } from '../../src/demo/chromium';
import type { NewsServer, Responder } from '../../src/demo/server';
import { ensureBuilt } from '../ensure-built';
import { followOnly } from './following';
import { askFrom, stopServiceWorker } from './service-worker';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  alarms: { clear(name: string): Promise<boolean> };
};

type FeedName = 'bbc' | 'dw' | 'france24' | 'cnn';
type Format = 'rss' | 'atom' | 'json';

// Hosts the manifest grants, so following needs no permission prompt. CNN is the slow one.
const FEEDS: Record<FeedName, { url: string; format: Format }> = {
  bbc: { url: 'https://www.bbc.co.uk/news/world/rss.xml', format: 'rss' },
  dw: { url: 'https://rss.dw.com/atom/rss-en-world', format: 'atom' },
  france24: { url: 'https://www.france24.com/en/feed.json', format: 'json' },
  cnn: { url: 'https://www.cnn.com/rss/edition_world.rss', format: 'rss' },
};
const NAMES = Object.keys(FEEDS) as FeedName[];
const FINISHED: FeedName[] = ['bbc', 'dw', 'france24'];
const ITEMS_PER_FEED = 3;

// Today's news: items older than the retention (30 days) are not taken.
const NOW = new Date(Date.now() - 2 * 3_600_000);
// DW answers with Last-Modified only, the others with an ETag: both validators are exercised.
const LAST_MODIFIED = NOW.toUTCString();
const etagOf = (name: FeedName) => `"${name}-v1"`;

interface Item {
  title: string;
  url: string;
  summary: string;
}

const itemsOf = (name: FeedName): Item[] =>
  Array.from({ length: ITEMS_PER_FEED }, (_, i) => ({
    title: `${name.toUpperCase()} world report ${i + 1}: ministers meet in Geneva on talks number ${i + 1}`,
    url: `https://${new URL(FEEDS[name].url).host}/world/${name}-story-${i + 1}`,
    summary: `Report ${i + 1} from ${name}: the foreign ministers held meeting number ${i + 1} on ${NOW.toDateString()}.`,
  }));

const rss = (name: FeedName, items: Item[]) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${name} world</title><link>${FEEDS[name].url}</link>
${items.map((i) => `<item><title>${i.title}</title><description>${i.summary}</description><link>${i.url}</link><guid>${i.url}</guid><pubDate>${NOW.toUTCString()}</pubDate></item>`).join('\n')}
</channel></rss>`;

const atom = (name: FeedName, items: Item[]) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${name} world</title><id>urn:${name}:world</id><updated>${NOW.toISOString()}</updated>
${items.map((i) => `<entry><title>${i.title}</title><id>${i.url}</id><link href="${i.url}"/><updated>${NOW.toISOString()}</updated><summary>${i.summary}</summary></entry>`).join('\n')}
</feed>`;

const jsonFeed = (name: FeedName, items: Item[]) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: `${name} world`,
    items: items.map((i) => ({ id: i.url, url: i.url, title: i.title, summary: i.summary, date_published: NOW })),
  });

const BODY: Record<Format, (name: FeedName, items: Item[]) => string> = { rss, atom, json: jsonFeed };
const TYPE: Record<Format, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** Answers to CNN that the browser cut off before their end. */
let cutOff = 0;

/** What each feed's server was asked, in order: the validators each request carried. */
const requests: Record<FeedName, { ifNoneMatch?: string; ifModifiedSince?: string }[]> = {
  bbc: [],
  dw: [],
  france24: [],
  cnn: [],
};

const validatorsOf = (name: FeedName): Record<string, string> =>
  name === 'dw' ? { 'last-modified': LAST_MODIFIED } : { etag: etagOf(name) };
const unchangedFor = (name: FeedName, req: IncomingMessage) =>
  name === 'dw' ? req.headers['if-modified-since'] === LAST_MODIFIED : req.headers['if-none-match'] === etagOf(name);

/**
 * A feed's server: 304 to a request with its validators, else the whole feed. `held`, when
 * given, keeps the second half of the body until it resolves: the poll is then in flight,
 * its headers and half its items read.
 */
const feedServer =
  (name: FeedName, held?: Promise<void>): Responder =>
  (req: IncomingMessage, res: ServerResponse) => {
    requests[name].push({
      ifNoneMatch: req.headers['if-none-match'] as string | undefined,
      ifModifiedSince: req.headers['if-modified-since'] as string | undefined,
    });
    if (unchangedFor(name, req)) return void res.writeHead(304).end();
    const body = BODY[FEEDS[name].format](name, itemsOf(name));
    res.writeHead(200, { 'content-type': TYPE[FEEDS[name].format], ...validatorsOf(name) });
    if (!held) return void res.end(body);
    res.on('close', () => {
      if (!res.writableFinished) cutOff++;
    });
    res.write(body.slice(0, body.length / 2));
    // The worker that asked may be gone by then, and its connection with it.
    void held.then(() => res.destroyed || res.end(body.slice(body.length / 2)));
  };

let releaseSlowFeed = () => {};
const slowFeedHeld = new Promise<void>((resolve) => {
  releaseSlowFeed = resolve;
});

let server: NewsServer;
let extension: LoadedExtension;
let options: Page;
const ask = (request: unknown) => askFrom(options, request);

/** The feed entries' addresses in the corpus, sorted: a duplicate shows twice. */
async function storedItemUrls(): Promise<string[]> {
  const list = await ask({ type: 'list-articles', limit: 500 });
  return list.value.items
    .filter((a: { origin: string }) => a.origin === 'feed')
    .map((a: { url: string }) => a.url)
    .sort();
}
const urlsOf = (names: FeedName[]) => names.flatMap((n) => itemsOf(n).map((i) => i.url)).sort();

/** Each followed feed's status, by name. */
async function feedStatus(): Promise<Record<FeedName, any>> {
  const state = await ask({ type: 'get-following' });
  const byUrl = new Map(state.value.feeds.map((f: { url: string }) => [f.url, f]));
  return Object.fromEntries(NAMES.map((n) => [n, byUrl.get(FEEDS[n].url)])) as Record<FeedName, any>;
}

beforeAll(async () => {
  ensureBuilt();
  const pages = Object.fromEntries(
    NAMES.map((n) => {
      const { host, pathname } = new URL(FEEDS[n].url);
      return [`${host}${pathname}`, feedServer(n, n === 'cnn' ? slowFeedHeld : undefined)];
    }),
  );
  ({ server, extension, options } = await followOnly(
    pages,
    NAMES.map((n) => FEEDS[n].url),
  ));
}, 120_000);

afterAll(async () => {
  releaseSlowFeed();
  await extension?.close();
  await server?.close();
});

describe('a service worker stopped in the middle of a poll', () => {
  it('loses nothing and stores nothing twice', async () => {
    // 1. A poll in flight: three feeds stored, the fourth half read.
    const interrupted = options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'poll-now' }).then(
        (answer) => ({ answer }),
        (error: unknown) => ({ error: String(error) }),
      ),
    );
    await expect.poll(() => storedItemUrls(), { timeout: 20_000 }).toEqual(urlsOf(FINISHED));
    expect(requests.cnn).toHaveLength(1);
    const during = await feedStatus();
    for (const name of FINISHED) expect(during[name]).toMatchObject({ items: ITEMS_PER_FEED, lastError: null });
    expect(during.cnn).toMatchObject({ lastSuccess: null, lastError: null, items: 0 });

    // 2. Chrome stops the worker: the half-read answer is dropped and the poll never answers.
    await stopServiceWorker(options);
    await expect.poll(() => cutOff, { timeout: 10_000 }).toBe(1);
    expect(await interrupted).toEqual({ error: expect.any(String) });

    // 3. The slow feed's server finishes; a message wakes a new worker, which kept the
    // finished feeds and nothing of the interrupted one.
    releaseSlowFeed();
    expect(await storedItemUrls()).toEqual(urlsOf(FINISHED));
    expect((await feedStatus()).cnn).toMatchObject({ lastSuccess: null, lastError: null, items: 0 });

    // 4. The next poll: the finished feeds are asked with their validators (304), the
    // interrupted one without (it is fetched whole), and each item is stored once.
    const second = await ask({ type: 'poll-now' });
    expect(second).toMatchObject({ ok: true, value: { feeds: 4, added: ITEMS_PER_FEED, unchanged: 3, failed: [] } });
    expect(requests.bbc[1]).toMatchObject({ ifNoneMatch: etagOf('bbc') });
    expect(requests.france24[1]).toMatchObject({ ifNoneMatch: etagOf('france24') });
    expect(requests.dw[1]).toMatchObject({ ifModifiedSince: LAST_MODIFIED });
    expect(requests.cnn[1]).toEqual({ ifNoneMatch: undefined, ifModifiedSince: undefined });
    expect(await storedItemUrls()).toEqual(urlsOf(NAMES));
    const after = await feedStatus();
    for (const name of NAMES)
      expect(after[name]).toMatchObject({
        lastSuccess: expect.any(Number),
        lastError: null,
        failures: 0,
        items: ITEMS_PER_FEED,
      });

    // 5. The interrupted feed's validators were stored with its items: now it too is unchanged.
    const third = await ask({ type: 'poll-now' });
    expect(third).toMatchObject({ ok: true, value: { feeds: 4, added: 0, unchanged: 4, failed: [] } });
    expect(requests.cnn[2]).toMatchObject({ ifNoneMatch: etagOf('cnn') });
    expect(await storedItemUrls()).toEqual(urlsOf(NAMES));
  }, 120_000);
});
