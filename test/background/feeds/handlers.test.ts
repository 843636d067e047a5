// The following requests through the background's handler, over the real feeds service (a
// fake-indexeddb database), with a fake web, fake alarms and fake permissions.
import { describe, expect, it } from 'vitest';
import { corpusService } from '../../../src/background/corpus-service';
import { seedBundled } from '../../../src/background/corpus-store';
import { POLL_ALARM, feedsService } from '../../../src/background/feeds/service';
import { type HandlerContext, handleMessage } from '../../../src/background/handle-message';
import { notesService } from '../../../src/background/notes-service';
import { pageService } from '../../../src/background/page-service';
import { type FollowingState, parseReply, type RequestType } from '../../../src/messages';
import { bundled, freshDb } from '../corpus-db';
import { fakeFeedsDeps, TEST_DEFAULTS } from './fake-feeds';
import { answer, fakeWeb, hanging } from './fake-web';
import { NOW, rss } from './feeds-fixtures';

const ID = 'crosswire-id';
const ORIGIN = `chrome-extension://${ID}/`;
const OPTIONS = { id: ID, url: `${ORIGIN}options.html` };
const PAGE_SCRIPT = { id: ID, url: 'https://www.cbc.ca/news/x', tab: { id: 3 } };
const WIRE = 'https://feeds.example-wire.org/world.rss';
const CBC = 'https://www.cbc.ca/world.xml';

async function world(routes: Parameters<typeof fakeWeb>[0] = {}, timeoutMs = 50) {
  const db = freshDb();
  const ready = seedBundled(db, bundled);
  const web = fakeWeb(routes);
  const fake = fakeFeedsDeps(web.fetch, { now: NOW });
  fake.deps.timeoutMs = timeoutMs;
  const feeds = feedsService(db, ready, fake.deps);
  const corpus = corpusService(db, ready);
  const fail = async () => ({ ok: false as const, error: 'no tabs here' });
  const context: HandlerContext = {
    extensionId: ID,
    extensionOrigin: ORIGIN,
    version: '1.0.0',
    corpus,
    notes: notesService(db, ready, corpus),
    pages: pageService(db, ready, corpus, fail),
    feeds,
    fullText: async () => ({ ok: false, error: 'no feed entries here' }),
    highlightTab: fail,
    revealInTab: fail,
    alwaysOnSite: fail,
    registeredSites: async () => ({ ok: true, value: { origins: [] } }),
    warm: () => true,
  };
  /** Send a request from the options page; the reply as the page reads it (checked). */
  const send = async <K extends RequestType>(request: { type: K; [field: string]: unknown }) =>
    parseReply(request.type, await handleMessage(request, OPTIONS, context));
  const value = async <K extends RequestType>(request: { type: K; [field: string]: unknown }) => {
    const reply = await send(request);
    if (!reply.ok) throw new Error(`${request.type}: ${reply.error}`);
    return reply.value;
  };
  await feeds.start();
  return { db, web, feeds, send, value, context, ...fake };
}

const urlsOf = (state: FollowingState, kind: 'feeds' | 'subscriptions' = 'feeds') =>
  state[kind].map((f) => f.url).sort();

describe('following the news, through the handler', () => {
  it('starts off: the default feeds are listed, nothing is fetched and no alarm is set', async () => {
    const w = await world();
    const state = await w.value({ type: 'get-following' });
    expect(state.settings).toEqual({
      on: false,
      intervalMinutes: 30,
      retentionDays: 30,
      autoFullText: false,
      dailyFullTextLimit: 20,
    });
    expect(urlsOf(state)).toEqual(TEST_DEFAULTS.map((f) => f.url).sort());
    expect(state.feeds.find((f) => f.url === CBC)).toEqual({
      url: CBC,
      kind: 'feed',
      outlet: 'cbc.ca',
      title: 'CBC World',
      addedBy: 'default',
      lastSuccess: null,
      lastError: null,
      lastErrorAt: null,
      failures: 0,
      retryAt: null,
      items: 0,
    });
    expect(state).toMatchObject({ subscriptions: [], entries: 0, storage: { usage: 1234, quota: 10_000_000 } });
    expect(w.web.sent).toEqual([]);
    expect(w.alarms.size).toBe(0);
    // The alarm of a worker that starts with following off is cleared, in case one survived.
    expect(w.calls).toEqual([['alarms.clear', POLL_ALARM]]);
  });

  it('schedules the polls when switched on, reschedules on a new interval, and stops everything when off', async () => {
    // A server that never answers, and a timeout that will not end the wait first.
    const w = await world({ [WIRE]: hanging }, 60_000);
    w.calls.length = 0;
    const on = await w.value({ type: 'set-following', on: true });
    expect(on.settings.on).toBe(true);
    expect(w.calls).toEqual([['alarms.create', { name: POLL_ALARM, delayInMinutes: 1, periodInMinutes: 30 }]]);
    await w.value({ type: 'set-following', intervalMinutes: 60 });
    expect(w.alarms.get(POLL_ALARM)).toEqual({ delayInMinutes: 60, periodInMinutes: 60 });
    // A new start finds its alarm and leaves it be.
    w.calls.length = 0;
    await w.feeds.start();
    expect(w.calls).toEqual([]);

    // A poll is under way (the wire's server hangs) when the reader switches following off.
    const poll = w.send({ type: 'poll-now' });
    while (!w.web.sent.some((r) => r.url === WIRE)) await new Promise((resolve) => setTimeout(resolve, 5));
    w.calls.length = 0;
    const off = await w.value({ type: 'set-following', on: false });
    expect(off.settings).toMatchObject({ on: false, intervalMinutes: 60 });
    // The alarm went, and the permissions of the feed hosts off the manifest were given back.
    expect(w.calls).toEqual([
      ['alarms.clear', POLL_ALARM],
      ['permissions.remove', { origins: ['https://feeds.example-wire.org/*'] }],
    ]);
    expect(w.alarms.size).toBe(0);
    const report = await poll;
    expect(report.ok && report.value.failed).toContainEqual({
      url: WIRE,
      error: 'stopped: following was switched off',
    });
    // Off, nothing is fetched: the alarm does nothing and "Check now" says why.
    const sent = w.web.sent.length;
    await w.feeds.onAlarm(POLL_ALARM);
    expect(await w.send({ type: 'poll-now' })).toEqual({
      ok: false,
      error: 'Following the news is off: turn it on to fetch the feeds.',
    });
    expect(w.web.sent.length).toBe(sent);
  });

  it('gives back no permission the reader granted for something else', async () => {
    const w = await world();
    await w.value({ type: 'add-feed', url: 'https://always.example.org/rss' });
    await w.value({ type: 'add-feed', url: 'http://plain.example.org/rss' });
    await w.value({ type: 'set-following', on: true });
    w.calls.length = 0;
    await w.value({ type: 'set-following', on: false });
    // cbc.ca is the manifest's, always.example.org runs "always on": neither is removed.
    expect(w.calls).toContainEqual([
      'permissions.remove',
      { origins: ['http://plain.example.org/*', 'https://feeds.example-wire.org/*'] },
    ]);
  });

  it('polls now and on the alarm, and reports what each feed did', async () => {
    const w = await world({
      [CBC]: answer(rss('www.cbc.ca', [1, 2])),
      [WIRE]: answer('', { status: 503, headers: { 'retry-after': '120' } }),
    });
    await w.value({ type: 'set-following', on: true });
    expect(await w.value({ type: 'poll-now' })).toEqual({
      feeds: 2,
      added: 2,
      unchanged: 0,
      failed: [{ url: WIRE, error: 'HTTP 503: the server asked to wait until 2026-03-02T12:02:00.000Z' }],
    });
    const state = await w.value({ type: 'get-following' });
    expect(state.entries).toBe(2);
    expect(state.feeds.find((f) => f.url === WIRE)).toMatchObject({
      failures: 1,
      lastErrorAt: NOW,
      retryAt: NOW + 120_000,
    });
    expect(state.feeds.find((f) => f.url === CBC)).toMatchObject({ lastSuccess: NOW, items: 2, lastError: null });
    expect((await w.value({ type: 'corpus-status' })).feed).toBe(2);
    // The alarm polls too (the wire is still waiting out its two minutes); other alarms are not ours.
    const sent = w.web.sent.length;
    await w.feeds.onAlarm('someone-elses-alarm');
    expect(w.web.sent.length).toBe(sent);
    await w.feeds.onAlarm(POLL_ALARM);
    expect(w.web.sent.slice(sent).map((r) => r.url)).toEqual([CBC]);
  });

  it('after a poll, a page on a story the feeds covered finds their entries among its versions', async () => {
    const item = (site: string, n: number, title: string, summary: string) =>
      `<item><guid>https://${site}/world/${n}</guid><link>https://${site}/world/${n}</link><title>${title}</title>
        <description>${summary}</description><pubDate>Tue, 13 Mar 2012 09:00:00 GMT</pubDate></item>`;
    const feed = (site: string, items: string[]) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>${site}</title>${items.join('')}</channel></rss>`;
    const w = await world({
      [WIRE]: answer(
        feed('feeds.example-wire.org', [
          item(
            'feeds.example-wire.org',
            1,
            'Annan meets Lavrov in Moscow as Syria toll passes 8,000',
            'UN envoy Kofi Annan held talks with Russian Foreign Minister Sergey Lavrov in Moscow on Syria, where more than 8,000 people have been killed.',
          ),
          item('feeds.example-wire.org', 2, 'Harvest festival opens', 'Farmers gathered for the annual festival.'),
        ]),
      ),
    });
    w.clock.now = Date.parse('2012-03-13T12:00:00Z'); // the items are a day old, not past retention
    await w.value({ type: 'set-following', on: true });
    expect(await w.value({ type: 'poll-now' })).toMatchObject({ added: 2 });
    const page = {
      text: 'Foreign Minister Sergey Lavrov met Kofi Annan in Moscow on Tuesday. "The violence must stop," Annan said after the talks, which Lavrov called useful. More than 8,000 people have been killed in Syria.',
      url: 'https://www.reuters.com/world/annan-moscow-2012-03-13',
      headline: 'Annan in Moscow',
      published: '2012-03-13',
    };
    const read = await handleMessage({ type: 'read-page', page }, PAGE_SCRIPT, w.context);
    if (!read?.ok) throw new Error('the page was not read');
    const versions = await w.value({ type: 'story-match', articleId: (read.value as { articleId: string }).articleId });
    const fromFeed = versions.find((v) => v.headline?.startsWith('Annan meets Lavrov'));
    expect(fromFeed).toMatchObject({ label: 'same event', url: 'https://feeds.example-wire.org/world/1' });
    expect(versions.some((v) => v.headline === 'Harvest festival opens' && v.label !== 'unrelated')).toBe(false);
  });

  it('adds and removes feeds, keeping what a removed feed brought', async () => {
    const w = await world({ [CBC]: answer(rss('www.cbc.ca', [1])) });
    const added = await w.value({
      type: 'add-feed',
      url: 'https://news.example.net/world/feed',
      outlet: 'Example.NET',
    });
    expect(added.feeds.find((f) => f.url === 'https://news.example.net/world/feed')).toMatchObject({
      outlet: 'example.net',
      addedBy: 'reader',
    });
    // Credited to its host's outlet when none is given.
    const byHost = await w.value({ type: 'add-feed', url: 'https://rss.example.co.uk/news.xml' });
    expect(byHost.feeds.find((f) => f.url === 'https://rss.example.co.uk/news.xml')?.outlet).toBe('example.co.uk');
    expect(await w.send({ type: 'add-feed', url: CBC })).toEqual({
      ok: false,
      error: `${CBC} is followed already (a feed)`,
    });
    expect(await w.send({ type: 'add-feed', url: 'file:///etc/passwd' })).toEqual({
      ok: false,
      error: 'add-feed: url must be an http(s) address like https://example.org/feed.xml',
    });
    await w.value({ type: 'set-following', on: true });
    await w.value({ type: 'poll-now' });
    const removed = await w.value({ type: 'remove-feed', url: CBC });
    expect(urlsOf(removed)).not.toContain(CBC);
    expect(removed.entries).toBe(1);
    expect(await w.send({ type: 'remove-feed', url: CBC })).toEqual({
      ok: false,
      error: `${CBC} is not a feed Crosswire follows`,
    });
    // A removed default feed does not come back with the next start.
    await w.feeds.start();
    expect(urlsOf(await w.value({ type: 'get-following' }))).not.toContain(CBC);
  });

  it('exports the feeds as OPML and imports them back, adding only those not followed', async () => {
    const w = await world();
    await w.value({ type: 'add-feed', url: 'https://news.example.net/world/feed', outlet: 'example.net' });
    const file = await w.value({ type: 'export-opml' });
    expect(file.filename).toBe('crosswire-feeds-2026-03-02.opml');
    expect(file.data).toContain('xmlUrl="https://news.example.net/world/feed"');

    const other = await world();
    await other.value({ type: 'remove-feed', url: CBC });
    expect(await other.value({ type: 'import-opml', data: file.data })).toEqual({
      added: 2,
      skipped: [`${WIRE} is followed already (a feed)`],
    });
    const state = await other.value({ type: 'get-following' });
    expect(state.feeds.find((f) => f.url === 'https://news.example.net/world/feed')).toMatchObject({
      outlet: 'example.net',
      addedBy: 'reader',
    });
    expect(state.feeds.find((f) => f.url === CBC)).toMatchObject({ outlet: 'cbc.ca', title: 'CBC World' });
    // Importing the same file again adds nothing; a broken file changes nothing and says why.
    expect(await other.value({ type: 'import-opml', data: file.data })).toMatchObject({ added: 0 });
    const broken = await other.send({ type: 'import-opml', data: '<opml><body><outline xmlUrl="x"' });
    expect(broken).toMatchObject({ ok: false, error: expect.stringMatching(/^not an OPML file/) });
    expect(await other.value({ type: 'get-following' })).toEqual(state);
  });

  it('subscribes to a shared corpus, importing it at once, and shows a broken one’s error', async () => {
    const good = 'https://team.example.org/corpus.jsonl';
    const bad = 'https://team.example.org/broken.jsonl';
    const line = (n: number) =>
      JSON.stringify({
        text: `Envoys met in Oslo for round ${n} of the talks on Friday.`,
        url: `https://wire.example.org/oslo-${n}`,
      });
    const w = await world({
      [good]: answer(`${line(1)}\n${line(2)}\n`),
      [bad]: answer(`${line(3)}\n{"text": 5}\n`),
    });
    const state = await w.value({ type: 'subscribe-corpus', url: good });
    expect(state.subscriptions).toEqual([
      expect.objectContaining({ url: good, kind: 'corpus', items: 2, lastSuccess: NOW }),
    ]);
    expect(state.entries).toBe(2);
    const broken = await w.value({ type: 'subscribe-corpus', url: bad });
    expect(broken.subscriptions.find((s) => s.url === bad)).toMatchObject({
      items: 0,
      failures: 1,
      lastError: expect.stringMatching(/^nothing was imported; 2 problems:\nline 2: "text" must be a string\n/),
    });
    expect(broken.entries).toBe(2);
    expect(await w.send({ type: 'subscribe-corpus', url: good })).toEqual({
      ok: false,
      error: `${good} is followed already (a shared corpus)`,
    });
    const left = await w.value({ type: 'unsubscribe-corpus', url: bad });
    expect(urlsOf(left, 'subscriptions')).toEqual([good]);
    expect(await w.send({ type: 'unsubscribe-corpus', url: CBC })).toEqual({
      ok: false,
      error: `${CBC} is not a shared corpus Crosswire follows`,
    });
  });

  it('checks the settings it is sent, and keeps them when the reader changes one', async () => {
    const w = await world();
    expect(await w.send({ type: 'set-following', intervalMinutes: 1 })).toEqual({
      ok: false,
      error: 'set-following: intervalMinutes must be a whole number from 5 to 1440',
    });
    expect(await w.send({ type: 'set-following', retentionDays: 0.5 })).toMatchObject({ ok: false });
    expect(await w.send({ type: 'set-following', colour: 'red' })).toEqual({
      ok: false,
      error: 'set-following: unexpected colour',
    });
    const set = await w.value({ type: 'set-following', retentionDays: 90, autoFullText: true, dailyFullTextLimit: 5 });
    expect(set.settings).toEqual({
      on: false,
      intervalMinutes: 30,
      retentionDays: 90,
      autoFullText: true,
      dailyFullTextLimit: 5,
    });
    expect((await w.value({ type: 'set-following', intervalMinutes: 120 })).settings.retentionDays).toBe(90);
    // No alarm for a new interval while following is off.
    expect(w.alarms.size).toBe(0);
  });

  it('refuses every following request from a content script', async () => {
    const w = await world();
    const context = { extensionId: ID, extensionOrigin: ORIGIN } as HandlerContext;
    for (const request of [
      { type: 'get-following' },
      { type: 'set-following', on: true },
      { type: 'poll-now' },
      { type: 'export-opml' },
      { type: 'subscribe-corpus', url: 'https://evil.example/corpus.jsonl' },
    ])
      expect(await handleMessage(request, PAGE_SCRIPT, context)).toEqual({
        ok: false,
        error: `${request.type}: not allowed from a web page`,
      });
    expect(w.web.sent).toEqual([]);
  });
});
