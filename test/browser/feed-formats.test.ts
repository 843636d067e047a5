// Feed formats and encodings in real Chromium (issue 13), with the local HTTPS server answering
// on the feeds' own hostnames: an RDF (RSS 1.0) feed; feeds sent as ISO-8859-1 and
// windows-1252 bytes whose XML declaration alone names the encoding (no charset in the
// Content-Type); named, numeric and HTML entities, in CDATA and in escaped HTML; relative links,
// resolved against the feed's address (after a redirect, the address it ended at); an item with
// no date; a GUID given twice; and a feed that changes between polls (a new item and a new ETag),
// of which only the new item is added. Every headline is invented.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedExtension } from '../../src/demo/chromium';
import type { NewsServer, Responder } from '../../src/demo/server';
import { ensureBuilt } from '../ensure-built';
import { followOnly } from './following';
import { askFrom } from './service-worker';

declare const chrome: { alarms: { clear(name: string): Promise<boolean> } };

// Today's news: items older than the retention (30 days) are not taken.
const NOW = new Date(Date.now() - 2 * 3_600_000);
const DAY = NOW.toISOString().slice(0, 10);
const RFC822 = NOW.toUTCString();

// Hosts the manifest grants, so following needs no permission prompt.
const FEEDS = {
  rdf: 'https://rss.dw.com/rdf/rss-en-world',
  latin1: 'https://www.lemonde.fr/en/international/rss_full.xml',
  windows1252: 'https://www.spiegel.de/international/index.rss',
  entities: 'https://www.euronews.com/rss',
  relative: 'https://www.thehindu.com/news/international/feeder/default.rss',
  moved: 'https://www.dawn.com/feeds/world',
  undated: 'https://www.japantimes.co.jp/feed/',
  duplicates: 'https://www.timesofisrael.com/feed/',
  changing: 'https://www.politico.eu/feed/',
} as const;
type FeedName = keyof typeof FEEDS;
const NAMES = Object.keys(FEEDS) as FeedName[];
/** Where the moved feed redirects: its relative links resolve against this address. */
const MOVED_TO = 'https://www.dawn.com/rss/world/latest.xml';

/** An RSS 2.0 item. Every field is XML source, escaped (or not) on purpose. */
const rssItem = (f: { title: string; link: string; guid?: string; description?: string; undated?: true }) =>
  `<item><title>${f.title}</title><link>${f.link}</link>` +
  (f.guid ? `<guid isPermaLink="false">${f.guid}</guid>` : '') +
  (f.description ? `<description>${f.description}</description>` : '') +
  (f.undated ? '' : `<pubDate>${RFC822}</pubDate>`) +
  '</item>';

const rss = (title: string, items: string[], encoding = 'UTF-8') =>
  `<?xml version="1.0" encoding="${encoding}"?>\n<rss version="2.0"><channel><title>${title}</title>\n${items.join('\n')}\n</channel></rss>`;

const rdfItem = (about: string, title: string) =>
  `<item rdf:about="${about}"><title>${title}</title><link>${about}</link>` +
  `<description>Invented for Crosswire's tests.</description><dc:date>${NOW.toISOString()}</dc:date></item>`;

const RDF_LINKS = [
  'https://www.dw.com/en/delegates-gather-in-bonn-on-shared-rivers/a-70000101',
  'https://www.dw.com/en/vienna-talks-set-up-a-danube-commission/a-70000102',
];
const rdf = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="${FEEDS.rdf}"><title>Example DW: World (RDF)</title><link>https://www.dw.com/en/world</link>
<description>Invented</description><items><rdf:Seq>${RDF_LINKS.map((l) => `<rdf:li rdf:resource="${l}"/>`).join('')}</rdf:Seq></items></channel>
${rdfItem(RDF_LINKS[0]!, 'Delegates gather in Bonn for a conference on shared rivers')}
${rdfItem(RDF_LINKS[1]!, 'Vienna talks set up a commission for the Danube')}
</rdf:RDF>`;

const latin1 = rss(
  'Actualités internationales',
  [
    rssItem({
      title: 'Négociations à Genève : les délégués reprennent leurs travaux',
      link: 'https://www.lemonde.fr/en/international/article/negociations-a-geneve',
      description: "Les délégués ont évoqué un « accord-cadre » avant l'été.",
    }),
    rssItem({
      title: 'Zürich accueille une réunion sur le commerce régional',
      link: 'https://www.lemonde.fr/en/international/article/zurich-reunion-commerce',
    }),
  ],
  'ISO-8859-1',
);

// Curly quotes and the euro sign: bytes 0x80–0x9F, where windows-1252 and ISO-8859-1 differ.
const windows1252 = rss(
  'Europa und die Welt',
  [
    rssItem({
      title: 'Köln’s council backs a €40 million Rhine bridge repair',
      link: 'https://www.spiegel.de/international/koeln-rhine-bridge-repair',
    }),
    rssItem({
      title: 'Düsseldorf hosts “open skies” talks with Baltic ministers',
      link: 'https://www.spiegel.de/international/duesseldorf-open-skies-talks',
    }),
  ],
  'windows-1252',
);

// XML entities, HTML entities XML does not declare (&eacute;), CDATA holding entities, and
// escaped HTML whose own entities stand for text ("&amp;lt;" is the character "<").
const entities = rss('Example Euronews', [
  rssItem({
    title: 'Trade &amp; security talks open in Montr&#233;al, the &quot;Atlantic round&quot;',
    link: 'https://www.euronews.com/2026/trade-security-talks-montreal',
    description:
      '&lt;p&gt;Delegates from &lt;b&gt;Qu&amp;eacute;bec&lt;/b&gt; and Wallonia said a quota of &amp;lt;10% was &amp;quot;within reach&amp;quot;.&lt;/p&gt;',
  }),
  rssItem({
    title: 'Envoys from S&#xE3;o Tom&eacute; meet in Lom&eacute;',
    link: 'https://www.euronews.com/2026/envoys-sao-tome-lome',
  }),
  rssItem({
    title: '<![CDATA[Ports &amp; harbours: Baltic states sign a &#8220;green corridor&#8221; pact]]>',
    link: 'https://www.euronews.com/2026/baltic-green-corridor-pact',
  }),
]);

const relative = rss('Example The Hindu: International', [
  rssItem({
    title: 'Coastal states sign a fisheries pact in Kochi',
    link: '/news/international/coastal-states-sign-a-fisheries-pact/article70000201.ece',
  }),
  rssItem({ title: 'Island nations plan a shared undersea cable', link: 'island-nations-plan-a-cable.ece' }),
]);

const atomEntry = (id: string, title: string, href: string) =>
  `<entry><id>${id}</id><title>${title}</title><link href="${href}"/><updated>${NOW.toISOString()}</updated>` +
  '<summary>Invented for Crosswire’s tests.</summary></entry>';
const moved = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Dawn: World</title><id>urn:example:dawn</id><updated>${NOW.toISOString()}</updated>
${atomEntry('urn:example:dawn:1', 'Desert locust talks resume in Karachi', 'desert-locust-talks-resume')}
${atomEntry('urn:example:dawn:2', 'Regional ministers agree on a monsoon early-warning network', '/news/1900002/monsoon-warning-network')}
</feed>`;

const UNDATED_HEADLINE = 'Hokkaido hosts an Arctic shipping forum';
const undated = rss('Example Japan Times', [
  rssItem({
    title: 'Pacific envoys meet in Osaka on fishing quotas',
    link: 'https://www.japantimes.co.jp/news/osaka-quotas',
  }),
  rssItem({
    title: UNDATED_HEADLINE,
    link: 'https://www.japantimes.co.jp/news/arctic-forum',
    undated: true,
  }),
]);

// The GUID given twice: the first copy in feed order is the one kept.
const duplicates = rss('Example Times of Israel', [
  rssItem({
    title: 'Port authority opens a ferry terminal in Eilat',
    link: 'https://www.timesofisrael.com/ferry-terminal-eilat',
    guid: 'toi-31',
  }),
  rssItem({
    title: 'Water ministers from three states meet at the Dead Sea',
    link: 'https://www.timesofisrael.com/water-ministers-dead-sea',
    guid: 'toi-32',
  }),
  rssItem({
    title: 'Port authority opens a ferry terminal in Eilat, second copy',
    link: 'https://www.timesofisrael.com/ferry-terminal-eilat-updated',
    guid: 'toi-31',
  }),
]);

const CHANGING_ITEMS = [
  { title: 'Brussels proposes a common rail ticket for the Union', slug: 'common-rail-ticket' },
  { title: 'Parliament committee backs new rules on drone exports', slug: 'drone-export-rules' },
  { title: 'Nordic ministers sign a grid-sharing agreement in Oslo', slug: 'nordic-grid-sharing' },
];
/** The changing feed's version: 1 at first, 2 (one more item, a new ETag) once the test says so. */
let changingVersion = 1;
const changing = () =>
  rss(
    'Example Politico Europe',
    CHANGING_ITEMS.slice(0, changingVersion + 1)
      .reverse()
      .map((i) => rssItem({ title: i.title, link: `https://www.politico.eu/article/${i.slug}/`, guid: i.slug })),
  );

/** Text as bytes in a single-byte encoding; a character it cannot hold fails the test's setup. */
function singleByte(text: string, extras: Record<string, number> = {}): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const byte = extras[c] ?? c.charCodeAt(0);
      if (byte > 0xff) throw new Error(`"${c}" has no single-byte form here`);
      return byte;
    }),
  );
}
const WINDOWS_1252 = { '€': 0x80, '’': 0x92, '“': 0x93, '”': 0x94 };

interface FeedBody {
  body: string | Buffer;
  type: string;
  etag?: string;
}

// The non-UTF-8 feeds carry no charset in their Content-Type: the XML declaration decides.
const BODIES: Record<FeedName, () => FeedBody> = {
  rdf: () => ({ body: rdf, type: 'application/rdf+xml' }),
  latin1: () => ({ body: singleByte(latin1), type: 'application/rss+xml' }),
  windows1252: () => ({ body: singleByte(windows1252, WINDOWS_1252), type: 'text/xml' }),
  entities: () => ({ body: entities, type: 'application/rss+xml; charset=utf-8' }),
  relative: () => ({ body: relative, type: 'application/rss+xml' }),
  moved: () => ({ body: moved, type: 'application/atom+xml' }),
  undated: () => ({ body: undated, type: 'application/rss+xml' }),
  duplicates: () => ({ body: duplicates, type: 'application/rss+xml' }),
  changing: () => ({ body: changing(), type: 'application/rss+xml', etag: `"politico-v${changingVersion}"` }),
};

/** The If-None-Match each feed's requests carried, in order. */
const requests: Partial<Record<FeedName, (string | undefined)[]>> = {};

const feedServer =
  (name: FeedName): Responder =>
  (req: IncomingMessage, res: ServerResponse) => {
    const ifNoneMatch = req.headers['if-none-match'];
    (requests[name] ??= []).push(ifNoneMatch);
    const { body, type, etag } = BODIES[name]();
    if (etag && ifNoneMatch === etag) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': type, ...(etag && { etag }) });
    res.end(body);
  };

const pathOf = (url: string) => {
  const { host, pathname } = new URL(url);
  return `${host}${pathname}`;
};

let server: NewsServer;
let extension: LoadedExtension;
let options: Page;
const ask = (request: unknown) => askFrom(options, request);

interface Entry {
  articleId: string;
  headline: string | null;
  url: string | null;
  published: string | null;
}

/** The feed entries the options page's corpus list shows (no query: newest first), by headline. */
async function listedEntries(): Promise<Map<string, Entry>> {
  const list = await ask({ type: 'list-articles', limit: 500 });
  const entries: Entry[] = list.value.items.filter((a: { origin: string }) => a.origin === 'feed');
  return new Map(entries.map((e) => [e.headline ?? '', e]));
}

/**
 * The stored entries with exactly this headline, found by searching for it (a search reads
 * every stored article's head, dated or not): one, when the item was stored once.
 */
async function entriesNamed(headline: string): Promise<Entry[]> {
  const found = await ask({ type: 'list-articles', query: headline, limit: 500 });
  return found.value.items.filter((a: Entry & { origin: string }) => a.origin === 'feed' && a.headline === headline);
}

/** The one stored entry with this headline; none, or two, fails the test. */
async function entryNamed(headline: string): Promise<Entry> {
  const found = await entriesNamed(headline);
  expect(found, headline).toHaveLength(1);
  return found[0]!;
}

/** A stored entry's whole text: its headline, a blank line and its summary. */
async function textOf(headline: string): Promise<string> {
  const article = await ask({ type: 'article-text', articleId: (await entryNamed(headline)).articleId });
  return article.value.text;
}

/** How many entries from feeds the corpus holds. */
const feedEntryCount = async (): Promise<number> => (await ask({ type: 'corpus-status' })).value.feed;

/** A followed feed's status row. */
async function feedRow(name: FeedName) {
  const state = await ask({ type: 'get-following' });
  return state.value.feeds.find((f: { url: string }) => f.url === FEEDS[name]);
}

/** The headlines the first poll should store: each item once, the second copy of a GUID left out. */
const FIRST_HEADLINES = [
  'Delegates gather in Bonn for a conference on shared rivers',
  'Vienna talks set up a commission for the Danube',
  'Négociations à Genève : les délégués reprennent leurs travaux',
  'Zürich accueille une réunion sur le commerce régional',
  'Köln’s council backs a €40 million Rhine bridge repair',
  'Düsseldorf hosts “open skies” talks with Baltic ministers',
  'Trade & security talks open in Montréal, the "Atlantic round"',
  'Envoys from São Tomé meet in Lomé',
  'Ports & harbours: Baltic states sign a “green corridor” pact',
  'Coastal states sign a fisheries pact in Kochi',
  'Island nations plan a shared undersea cable',
  'Desert locust talks resume in Karachi',
  'Regional ministers agree on a monsoon early-warning network',
  'Pacific envoys meet in Osaka on fishing quotas',
  UNDATED_HEADLINE,
  'Port authority opens a ferry terminal in Eilat',
  'Water ministers from three states meet at the Dead Sea',
  CHANGING_ITEMS[0]!.title,
  CHANGING_ITEMS[1]!.title,
];

beforeAll(async () => {
  ensureBuilt();
  // The fixtures must really be non-UTF-8, or the encoding tests prove nothing.
  for (const name of ['latin1', 'windows1252'] as const)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(BODIES[name]().body as Buffer)).toThrow();
  const pages: Record<string, Responder> = Object.fromEntries(NAMES.map((n) => [pathOf(FEEDS[n]), feedServer(n)]));
  pages[pathOf(FEEDS.moved)] = (_req, res) => void res.writeHead(301, { location: MOVED_TO }).end();
  pages[pathOf(MOVED_TO)] = feedServer('moved');
  ({ server, extension, options } = await followOnly(
    pages,
    NAMES.map((n) => FEEDS[n]),
  ));
}, 120_000);

afterAll(async () => {
  await extension?.close();
  await server?.close();
});

describe('feed formats and encodings', () => {
  it('takes every feed in one poll, each item once', async () => {
    const report = await ask({ type: 'poll-now' });
    expect(report).toMatchObject({
      ok: true,
      value: { feeds: NAMES.length, added: FIRST_HEADLINES.length, unchanged: 0, failed: [] },
    });
    expect(await feedEntryCount()).toBe(FIRST_HEADLINES.length);
    for (const headline of FIRST_HEADLINES) await entryNamed(headline);
    for (const name of NAMES) expect(await feedRow(name), name).toMatchObject({ lastError: null, failures: 0 });
  }, 120_000);

  it('reads RDF (RSS 1.0): items beside the channel, dated by Dublin Core', async () => {
    expect(await entryNamed('Delegates gather in Bonn for a conference on shared rivers')).toMatchObject({
      url: RDF_LINKS[0],
      published: DAY,
    });
    expect(await entryNamed('Vienna talks set up a commission for the Danube')).toMatchObject({
      url: RDF_LINKS[1],
      published: DAY,
    });
    expect(await feedRow('rdf')).toMatchObject({ title: 'Example DW: World (RDF)', items: 2 });
  });

  it('decodes ISO-8859-1 and windows-1252 bytes by the XML declaration alone', async () => {
    // Each headline is found only if it was decoded exactly, accents, euro sign and curly quotes included.
    await entryNamed('Négociations à Genève : les délégués reprennent leurs travaux');
    await entryNamed('Zürich accueille une réunion sur le commerce régional');
    await entryNamed('Köln’s council backs a €40 million Rhine bridge repair');
    await entryNamed('Düsseldorf hosts “open skies” talks with Baltic ministers');
    expect(await textOf('Négociations à Genève : les délégués reprennent leurs travaux')).toContain(
      "Les délégués ont évoqué un « accord-cadre » avant l'été.",
    );
    expect(await feedRow('latin1')).toMatchObject({ title: 'Actualités internationales', items: 2 });
    expect(await feedRow('windows1252')).toMatchObject({ title: 'Europa und die Welt', items: 2 });
  });

  it('decodes named, numeric and HTML entities, in CDATA and in escaped HTML', async () => {
    expect((await entryNamed('Trade & security talks open in Montréal, the "Atlantic round"')).url).toBe(
      'https://www.euronews.com/2026/trade-security-talks-montreal',
    );
    await entryNamed('Envoys from São Tomé meet in Lomé');
    await entryNamed('Ports & harbours: Baltic states sign a “green corridor” pact');
    // The summary's tags are gone and its entities decoded once: "&lt;10%" is text, not a tag.
    const text = await textOf('Trade & security talks open in Montréal, the "Atlantic round"');
    expect(text).toContain('Delegates from Québec and Wallonia said a quota of <10% was "within reach".');
    expect(text).not.toMatch(/&[#\w]+;|<\/?[bp]>/);
  });

  it('resolves relative links against the feed’s address, after a redirect the address it ended at', async () => {
    expect((await entryNamed('Coastal states sign a fisheries pact in Kochi')).url).toBe(
      'https://www.thehindu.com/news/international/coastal-states-sign-a-fisheries-pact/article70000201.ece',
    );
    expect((await entryNamed('Island nations plan a shared undersea cable')).url).toBe(
      'https://www.thehindu.com/news/international/feeder/island-nations-plan-a-cable.ece',
    );
    expect((await entryNamed('Desert locust talks resume in Karachi')).url).toBe(
      'https://www.dawn.com/rss/world/desert-locust-talks-resume',
    );
    expect((await entryNamed('Regional ministers agree on a monsoon early-warning network')).url).toBe(
      'https://www.dawn.com/news/1900002/monsoon-warning-network',
    );
  });

  it('stores an item with no date, undated', async () => {
    expect(await entryNamed(UNDATED_HEADLINE)).toMatchObject({
      url: 'https://www.japantimes.co.jp/news/arctic-forum',
      published: null,
    });
    expect(await entryNamed('Pacific envoys meet in Osaka on fishing quotas')).toMatchObject({ published: DAY });
    expect(await feedRow('undated')).toMatchObject({ items: 2 });
  });

  // The options page's list reads the date index, which leaves out undated articles: they must be listed too.
  it('lists the undated entry with the others when the list has no query', async () => {
    const list = await ask({ type: 'list-articles', limit: 500 });
    expect(list.value.items.map((a: Entry) => a.headline)).toContain(UNDATED_HEADLINE);
    expect(list.value.total).toBe((await ask({ type: 'corpus-status' })).value.articles);
  });

  it('stores an item whose GUID the feed gives twice once: the first copy', async () => {
    expect((await entryNamed('Port authority opens a ferry terminal in Eilat')).url).toBe(
      'https://www.timesofisrael.com/ferry-terminal-eilat',
    );
    expect(await entriesNamed('Port authority opens a ferry terminal in Eilat, second copy')).toEqual([]);
    expect(await feedRow('duplicates')).toMatchObject({ items: 2 });
  });

  it('adds only the new item when a feed changes, and nothing when it then answers 304', async () => {
    const before = await feedEntryCount();
    const listedBefore = [...(await listedEntries()).keys()];
    changingVersion = 2;
    const second = await ask({ type: 'poll-now' });
    expect(second).toMatchObject({
      ok: true,
      value: { feeds: NAMES.length, added: 1, unchanged: NAMES.length - 1, failed: [] },
    });
    expect(requests.changing).toEqual([undefined, '"politico-v1"']);
    expect(await feedEntryCount()).toBe(before + 1);
    const listedAfter = [...(await listedEntries()).keys()];
    expect(listedAfter.filter((h) => !listedBefore.includes(h))).toEqual([CHANGING_ITEMS[2]!.title]);
    for (const item of CHANGING_ITEMS) await entryNamed(item.title);
    expect(await feedRow('changing')).toMatchObject({ items: 3, lastError: null });

    const third = await ask({ type: 'poll-now' });
    expect(third).toMatchObject({ ok: true, value: { added: 0, unchanged: NAMES.length, failed: [] } });
    expect(requests.changing?.at(-1)).toBe('"politico-v2"');
    expect(await feedEntryCount()).toBe(before + 1);
  }, 120_000);
});
