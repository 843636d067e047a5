// Following the outlets' news in real Chromium, against feeds served over local HTTPS on the
// outlets' own hostnames: a poll that takes what it can (RSS, Atom, a JSON Feed behind a
// redirect) and copes with the rest (429 with Retry-After, malformed XML, a 20 MB feed, a slow
// one), a second poll that the servers answer 304, then the journey: an article on a story the
// feeds covered shows their items in the popup's Story view, each linked to its outlet's
// version; fetched in full, one becomes an article whose figure appears in the Figures view.
// Switching following off clears the schedule.
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askFrom } from './service-worker';
import { launchWithExtension, type LoadedExtension } from '../../src/demo/chromium';
import { articlePage, type NewsServer, type Responder, startNewsServer } from '../../src/demo/server';
import { DIST, ensureBuilt } from '../ensure-built';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  alarms: { getAll(): Promise<{ name: string }[]> };
};

// Today's news: items older than the retention (30 days) are not taken.
const NOW = new Date(Date.now() - 2 * 3_600_000);
const DAY = NOW.toISOString().slice(0, 10);
const RFC822 = NOW.toUTCString();
const READER_PAGE = 'www.reuters.com/world/annan-moscow-lavrov-2012-03-16';
const BBC_ITEM = 'https://www.bbc.com/news/world-middle-east-17398811';
const DW_ITEM = 'https://www.dw.com/en/annan-seeks-russian-backing/a-15812345';

const FEEDS = {
  bbc: 'www.bbc.co.uk/news/world/rss.xml',
  dw: 'rss.dw.com/atom/rss-en-world',
  france24: 'www.france24.com/en/rss',
  france24Final: 'www.france24.com/en/feed.json',
  aljazeera: 'www.aljazeera.com/xml/rss/all.xml',
  guardian: 'www.theguardian.com/world/rss',
  big: 'www.npr.org/rss/rss.php',
  slow: 'www.cnn.com/rss/edition_world.rss',
};

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>BBC News - World</title><link>https://www.bbc.co.uk/news/world</link>
<item><title>Annan seeks Russian support for Syria plan in Moscow</title>
<description><![CDATA[<p>UN-Arab League envoy Kofi Annan met Russian Foreign Minister Sergey Lavrov in Moscow, as the United Nations said more than 8,000 people had been killed in Syria &amp; thousands had fled.</p>]]></description>
<link>${BBC_ITEM}</link><guid isPermaLink="false">bbc-17398811</guid><pubDate>${RFC822}</pubDate></item>
<item><title>Football: a cup final in Madrid</title><description>A match report.</description>
<link>https://www.bbc.com/sport/football/1</link><guid>bbc-sport-1</guid><pubDate>${RFC822}</pubDate></item>
</channel></rss>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>DW | World</title><id>urn:dw:world</id><updated>${NOW.toISOString()}</updated>
<entry><title>Annan seeks Russian backing for Syria peace plan</title><id>urn:dw:15812345</id>
<link href="${DW_ITEM}"/><updated>${NOW.toISOString()}</updated>
<summary>Kofi Annan met Sergey Lavrov in Moscow on Friday. The UN says more than 8,000 people have died in Syria.</summary></entry>
</feed>`;

const jsonFeed = JSON.stringify({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'France 24 - World',
  items: [
    {
      id: 'f24-1',
      url: 'https://www.france24.com/en/middle-east/20120316-annan-moscow',
      title: 'Annan in Moscow for talks on Syria with Lavrov',
      summary: 'Kofi Annan and Sergey Lavrov discussed the Syria crisis in Moscow.',
      date_published: NOW.toISOString(),
    },
  ],
});

const dwArticle = articlePage({
  title: 'Annan seeks Russian backing for Syria peace plan',
  canonical: DW_ITEM,
  published: DAY,
  paragraphs: Array.from(
    { length: 8 },
    (_, i) =>
      `${i === 0 ? '' : `Paragraph ${i + 1}. `}UN envoy Kofi Annan met Russian Foreign Minister Sergey Lavrov in Moscow on Friday to seek support for his plan to end the violence in Syria, where the United Nations says more than 9,000 people have been killed since the uprising began a year ago.`,
  ),
});

const readerArticle = articlePage({
  title: 'Annan presses Moscow over Syria',
  canonical: `https://${READER_PAGE}`,
  published: DAY,
  paragraphs: [
    'UN-Arab League envoy Kofi Annan met Russian Foreign Minister Sergey Lavrov in Moscow on Friday, seeking Russia’s support for his six-point plan to end the bloodshed in Syria.',
    'The United Nations says more than 8,000 people have been killed in Syria since the uprising against President Bashar al-Assad began a year ago.',
    '"We must stop the killing," Annan told reporters after the talks with Lavrov.',
  ],
});

const requests: Record<string, { ifNoneMatch: string | undefined; cookie: string | undefined }[]> = {};
const record = (name: string, req: IncomingMessage) =>
  (requests[name] ??= []).push({
    ifNoneMatch: req.headers['if-none-match'] as string | undefined,
    cookie: req.headers.cookie,
  });
const serve =
  (name: string, body: string | (() => string), type: string, etag?: string): Responder =>
  (req, res) => {
    record(name, req);
    if (etag && req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': type, ...(etag && { etag }) });
    res.end(typeof body === 'string' ? body : body());
  };

let server: NewsServer;
let extension: LoadedExtension;
let options: Page;
const ask = (request: unknown) => askFrom(options, request);

beforeAll(async () => {
  ensureBuilt();
  const big = `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${'<item><title>x</title></item>'.repeat(800_000)}</channel></rss>`;
  server = await startNewsServer({
    [READER_PAGE]: readerArticle,
    'www.dw.com/en/annan-seeks-russian-backing/a-15812345': dwArticle,
    [FEEDS.bbc]: serve('bbc', rss, 'application/rss+xml; charset=utf-8', '"bbc-v1"'),
    [FEEDS.dw]: serve('dw', atom, 'application/atom+xml', '"dw-v1"'),
    [FEEDS.france24]: (req: IncomingMessage, res: ServerResponse) => {
      record('france24', req);
      res.writeHead(301, { location: `https://${FEEDS.france24Final}` }).end();
    },
    [FEEDS.france24Final]: serve('france24Final', jsonFeed, 'application/feed+json'),
    [FEEDS.aljazeera]: (req: IncomingMessage, res: ServerResponse) => {
      record('aljazeera', req);
      res.writeHead(429, { 'retry-after': '3600' }).end('Too many requests');
    },
    [FEEDS.guardian]: serve(
      'guardian',
      '<?xml version="1.0"?><rss><channel><title>Broken</channel></rss>',
      'application/rss+xml',
    ),
    [FEEDS.big]: serve('big', big, 'application/rss+xml'),
    [FEEDS.slow]: (req: IncomingMessage, res: ServerResponse) => {
      record('slow', req);
      setTimeout(
        () =>
          serve(
            'slowBody',
            rss.replaceAll('bbc-', 'cnn-').replaceAll('www.bbc.com', 'edition.cnn.com'),
            'application/rss+xml',
          )(req, res),
        3000,
      );
    },
  });
  extension = await launchWithExtension(join(DIST, 'chrome'), server.chromiumArgs);
  options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  // Only the feeds this test serves: the default list's hosts are not on this machine.
  const state = await ask({ type: 'get-following' });
  for (const feed of state.value.feeds) await ask({ type: 'remove-feed', url: feed.url });
  for (const url of Object.entries(FEEDS)
    .filter(([k]) => k !== 'france24Final')
    .map(([, u]) => `https://${u}`))
    expect(await ask({ type: 'add-feed', url })).toMatchObject({ ok: true });
}, 120_000);

afterAll(async () => {
  await extension?.close();
  await server?.close();
});

describe('following the outlets’ news', () => {
  it('polls: takes RSS, Atom and a redirected JSON Feed, and reports each feed that failed, without stopping', async () => {
    expect(await ask({ type: 'poll-now' })).toMatchObject({ ok: false }); // following is off: nothing is fetched
    expect(requests.bbc).toBeUndefined();
    expect(await ask({ type: 'set-following', on: true })).toMatchObject({
      ok: true,
      value: { settings: { on: true } },
    });
    const report = await ask({ type: 'poll-now' });
    expect(report.ok).toBe(true);
    expect(report.value.added).toBeGreaterThanOrEqual(4); // BBC 2, DW 1, France 24 1, the slow one 2
    const failed = Object.fromEntries(
      report.value.failed.map((f: { url: string; error: string }) => [new URL(f.url).host, f.error]),
    );
    expect(Object.keys(failed).sort()).toEqual(['www.aljazeera.com', 'www.npr.org', 'www.theguardian.com']);
    expect(failed['www.theguardian.com']).toMatch(/malformed|XML/i);
    expect(failed['www.npr.org']).toMatch(/MB/);
    // No cookies, and the redirect was followed to the JSON Feed.
    expect(
      Object.values(requests)
        .flat()
        .every((r) => r.cookie === undefined),
    ).toBe(true);
    expect(requests.france24Final?.length).toBe(1);
    const state = await ask({ type: 'get-following' });
    const row = (host: string) => state.value.feeds.find((f: { url: string }) => new URL(f.url).host === host);
    expect(row('www.aljazeera.com').retryAt).toBeGreaterThan(Date.now() + 50 * 60_000); // Retry-After: 3600
    expect(row('www.bbc.co.uk')).toMatchObject({ lastError: null, failures: 0 });
    expect(row('www.bbc.co.uk').lastSuccess).toBeGreaterThan(0);
  }, 120_000);

  it('polls again with the validators: a 304 changes nothing, and the backing-off feed is left alone', async () => {
    const before = (await ask({ type: 'corpus-status' })).value.articles;
    const aljazeera = requests.aljazeera!.length;
    const report = await ask({ type: 'poll-now' });
    expect(report.value.added).toBe(0);
    expect(requests.bbc!.at(-1)!.ifNoneMatch).toBe('"bbc-v1"');
    expect(requests.aljazeera!.length).toBe(aljazeera);
    expect((await ask({ type: 'corpus-status' })).value.articles).toBe(before);
  }, 120_000);

  it('shows the feeds’ items as versions of a page’s story, and fetches one in full, whose figure then counts', async () => {
    const article = await extension.context.newPage();
    await article.goto(`https://${READER_PAGE}`);
    const [tab] = await extension.worker.evaluate((u) => chrome.tabs.query({ url: u }), `https://${READER_PAGE}`);
    await expect
      .poll(async () => (await ask({ type: 'page-of-tab', tabId: tab!.id })).value?.source, { timeout: 20_000 })
      .toBe('page');
    const popup = await extension.context.newPage();
    await popup.goto(`chrome-extension://${extension.extensionId}/popup.html?tab=${tab!.id}`);
    const panel = popup.getByRole('tabpanel');
    await expect.poll(() => panel.innerText(), { timeout: 20_000 }).toContain('Headline and summary only');
    const text = await panel.innerText();
    expect(text).toContain('Annan seeks Russian support for Syria plan in Moscow');
    expect(text).toContain('Annan seeks Russian backing for Syria peace plan');
    expect(text).not.toContain('cup final');
    expect(
      await popup.getByRole('link', { name: 'Annan seeks Russian backing for Syria peace plan' }).getAttribute('href'),
    ).toBe(DW_ITEM);
    const dw = popup.locator('li.version').filter({ hasText: 'Annan seeks Russian backing for Syria peace plan' });
    await dw.getByRole('button', { name: 'Fetch the full text' }).click();
    await expect
      .poll(() => popup.locator('li.version').filter({ hasText: 'backing' }).innerText(), { timeout: 20_000 })
      .not.toContain('Headline and summary only');
    await popup.getByRole('tab', { name: /^Figures/ }).click();
    await expect.poll(() => panel.innerText(), { timeout: 20_000 }).toContain('more than 9,000 people');
    await popup.close();
    await article.close();
  }, 120_000);

  it('stops when switched off: no schedule is left', async () => {
    expect(await extension.worker.evaluate(() => chrome.alarms.getAll().then((a) => a.map((x) => x.name)))).toContain(
      'crosswire-poll',
    );
    expect(await ask({ type: 'set-following', on: false })).toMatchObject({
      ok: true,
      value: { settings: { on: false } },
    });
    expect(await extension.worker.evaluate(() => chrome.alarms.getAll())).toEqual([]);
    expect(await ask({ type: 'poll-now' })).toMatchObject({ ok: false });
  });
});
