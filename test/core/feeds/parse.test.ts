import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../../src/core/feeds/parse';
import type { FeedItem, ParsedFeed } from '../../../src/core/feeds/types';
import { feedText } from './fixtures';

function parsed(body: string, baseUrl: string): ParsedFeed {
  const r = parseFeed(body, baseUrl);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function refusal(body: string): string {
  const r = parseFeed(body, 'https://www.example.com/feed');
  if (r.ok) throw new Error(`parsed as ${r.value.format}`);
  return r.error;
}

const rss = (items: string, channel = '') =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>${channel}${items}</channel></rss>`;

describe('parseFeed: RSS 2.0', () => {
  const feed = parsed(feedText('rss2.xml'), 'https://www.cbc.ca/webfeed/rss/rss-world');
  const byGuid = (guid: string) => feed.items.find((i) => i.guid === guid);

  it('reads the channel and its items in order, each GUID once (the first copy)', () => {
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Example World & Politics');
    expect(feed.items.map((i) => i.guid)).toEqual([
      'cbc-7000001',
      'cbc-7000002',
      'https://www.cbc.ca/news/world/aid-pledge-1.7000003',
      null,
      'cbc-7000005',
    ]);
    expect(byGuid('cbc-7000001')?.published).toBe('2025-06-03');
  });

  it('decodes entities and reads CDATA, leaving plain text without tags', () => {
    expect(byGuid('cbc-7000001')).toEqual<FeedItem>({
      guid: 'cbc-7000001',
      url: 'https://www.cbc.ca/news/world/geneva-talks-agenda-1.7000001?cmp=rss',
      title: 'Foreign ministers meet in Geneva & agree on the talks\u2019 agenda',
      summary:
        'The foreign ministers of France and Brazil said on Tuesday they would open talks in Geneva next month. ' +
        'A joint statement is expected & welcome.',
      published: '2025-06-03',
    });
    expect(byGuid('cbc-7000002')?.title).toBe('Security Council delays vote on "ceasefire" text');
    // Escaped HTML whose text holds HTML entities (&amp;mdash; in the XML).
    expect(byGuid('cbc-7000002')?.summary).toBe(
      'The 15-member council postponed a vote \u2014 diplomats said \u201cmore time\u201d was needed.',
    );
  });

  it('resolves a relative link against the feed address, and takes a permalink GUID as the link', () => {
    expect(byGuid('cbc-7000002')?.url).toBe('https://www.cbc.ca/news/world/security-council-vote-1.7000002');
    expect(byGuid('https://www.cbc.ca/news/world/aid-pledge-1.7000003')?.url).toBe(
      'https://www.cbc.ca/news/world/aid-pledge-1.7000003',
    );
    // A GUID that is no URL is never made into one.
    expect(byGuid('cbc-7000005')?.url).toBe('https://www.cbc.ca/news/world/photo-gallery-1.7000005');
    const noLink = parsed(rss('<item><title>A</title><guid>abc-1</guid></item>'), 'https://www.cbc.ca/feed');
    expect(noLink.items[0]?.url).toBeNull();
  });

  it('has null for a missing date, and reads Dublin Core dates and RFC 822 dates without a leading zero', () => {
    expect(byGuid('cbc-7000002')?.published).toBeNull();
    expect(byGuid('https://www.cbc.ca/news/world/aid-pledge-1.7000003')?.published).toBe('2025-06-02');
    const summaryOnly = feed.items.find((i) => i.guid === null)!;
    expect(summaryOnly).toMatchObject({
      title: null,
      summary: 'Envoys from the African Union arrived in Addis Ababa.',
      published: '2025-06-02',
    });
  });

  // feedsmith 3.0.1 reads xml:base on <rss> and <item>, not on <channel> (docs/feeds.md).
  it('honours xml:base on the feed and on an item', () => {
    const body = rss(
      '<item xml:base="https://www.cbc.ca/news/canada/"><title>A</title><link>a-1</link></item>' +
        '<item><title>B</title><link>b-2</link></item>',
    ).replace('<rss version="2.0">', '<rss version="2.0" xml:base="https://www.cbc.ca/news/world/">');
    expect(parsed(body, 'https://feeds.example.net/rss').items.map((i) => i.url)).toEqual([
      'https://www.cbc.ca/news/canada/a-1',
      'https://www.cbc.ca/news/world/b-2',
    ]);
  });

  it('keeps only http(s) links, and drops an item with neither text nor link', () => {
    const body = rss(
      '<item><title>A</title><link>javascript:alert(1)</link></item><item><guid isPermaLink="false">x</guid></item>',
    );
    expect(parsed(body, 'https://www.cbc.ca/feed').items).toEqual([
      { guid: null, url: null, title: 'A', summary: null, published: null },
    ]);
  });

  it('takes content:encoded when there is no description, and clips a long summary at a word', () => {
    const long = `<p>${'Diplomats met again. '.repeat(200)}</p>`;
    const body = rss(`<item><title>A</title><content:encoded><![CDATA[${long}]]></content:encoded></item>`).replace(
      '<rss version="2.0">',
      '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    );
    const summary = parsed(body, 'https://www.cbc.ca/feed').items[0]!.summary!;
    expect(summary.length).toBeLessThanOrEqual(2001);
    expect(summary.length).toBeGreaterThan(1900);
    expect(summary).toMatch(/^Diplomats met again\. Diplomats/);
    expect(summary).toMatch(/(?:again\.|Diplomats|met)…$/);
  });

  it('drops scripts, styles and comments from HTML summaries and keeps words apart across blocks', () => {
    const html =
      '<![CDATA[<p>One</p><p>two<br>three</p><script>var x = "<p>";</script><!-- note --><style>p{}</style>]]>';
    const body = rss(`<item><title>A</title><description>${html}</description></item>`);
    expect(parsed(body, 'https://www.cbc.ca/feed').items[0]!.summary).toBe('One two three');
  });
});

describe('parseFeed: Atom', () => {
  const feed = parsed(feedText('atom.xml'), 'https://www.theguardian.com/world/rss');

  it('resolves links against the feed’s and the entry’s xml:base, taking the alternate link', () => {
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Example World News');
    expect(feed.items.map((i) => i.url)).toEqual([
      'https://www.theguardian.com/world/2025/jun/03/vienna-talks-resume',
      'https://www.theguardian.com/politics/2025/jun/02/sanctions-debate',
      'https://www.theguardian.com/world/2025/jun/01/monitors-deployed',
    ]);
  });

  it('reads html and xhtml text constructs as plain text', () => {
    expect(feed.items[0]).toMatchObject({
      guid: 'tag:crosswire.test,2025:vienna-1',
      title: 'Talks in Vienna resume & envoys sound hopeful',
      summary:
        'Negotiators from Iran and the European Union returned to the table on Tuesday. ' +
        'Both sides called the mood \u201cconstructive\u201d.',
    });
    expect(feed.items[1]?.summary).toBe('Members of parliament argued over the scope of the measures.');
  });

  it('dates an entry by published, else updated, as the feed writes it; null without either', () => {
    // 00:30 at +02:00 is still the 2nd in UTC: the outlet's own date is kept.
    expect(feed.items.map((i) => i.published)).toEqual(['2025-06-03', '2025-06-02', null]);
  });

  it('keeps an id given twice once', () => {
    expect(feed.items.filter((i) => i.guid === 'tag:crosswire.test,2025:vienna-1')).toHaveLength(1);
    expect(feed.items.some((i) => i.title?.includes('second copy'))).toBe(false);
  });
});

describe('parseFeed: leniency', () => {
  it('reads Atom under a namespace prefix and RSS in upper case', () => {
    const atom =
      '<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>T</a:title>' +
      '<a:entry><a:id>x</a:id><a:title>E</a:title><a:link href="/e"/></a:entry></a:feed>';
    expect(parsed(atom, 'https://www.dw.com/f').items).toEqual([
      { guid: 'x', url: 'https://www.dw.com/e', title: 'E', summary: null, published: null },
    ]);
    const upper = '<RSS version="2.0"><CHANNEL><ITEM><TITLE>A</TITLE><LINK>/a</LINK></ITEM></CHANNEL></RSS>';
    expect(parsed(upper, 'https://www.dw.com/f').items[0]?.url).toBe('https://www.dw.com/a');
  });

  it('accepts a bare ampersand in a link, and keeps absolute links when the base address is unusable', () => {
    const body = rss(
      '<item><title>A</title><link>https://www.dw.com/a?x=1&y=2</link></item><item><title>B</title><link>/b</link></item>',
    );
    expect(parsed(body, 'not a url').items.map((i) => i.url)).toEqual(['https://www.dw.com/a?x=1&y=2', null]);
  });
});

describe('parseFeed: RDF (RSS 1.0)', () => {
  const feed = parsed(feedText('rdf.xml'), 'https://rss.dw.com/rdf/rss-en-world');

  it('reads items beside the channel, identified by rdf:about, dated by Dublin Core', () => {
    expect(feed.format).toBe('rdf');
    expect(feed.title).toBe('Example DW: World');
    expect(feed.items).toEqual<FeedItem[]>([
      {
        guid: 'https://www.dw.com/en/eu-summit-opens/a-70000001',
        url: 'https://www.dw.com/en/eu-summit-opens/a-70000001?maca=en-rss-en-world-4025-rdf',
        title: 'EU summit opens in Brussels \u2014 leaders discuss enlargement',
        summary: 'Heads of government gathered on Thursday for two days of talks.',
        published: '2025-06-05',
      },
      {
        guid: 'https://www.dw.com/en/nato-ministers/a-70000002',
        url: 'https://www.dw.com/en/nato-ministers/a-70000002',
        title: 'NATO defense ministers meet',
        summary: 'Ministers discussed spending targets.',
        published: null,
      },
    ]);
  });
});

describe('parseFeed: JSON Feed', () => {
  const feed = parsed(feedText('feed.json'), 'https://www.politico.eu/feed.json');

  it('reads items, resolving a relative url, stripping content_html, each id once', () => {
    expect(feed.format).toBe('json');
    expect(feed.title).toBe('Example Politics');
    expect(feed.items).toEqual<FeedItem[]>([
      {
        guid: 'pe-1',
        url: 'https://www.politico.eu/article/commission-trade-talks/',
        title: 'Commission opens trade talks with Mercosur & Mexico',
        summary: 'Brussels wants a deal before the end of the year.',
        published: '2025-06-03',
      },
      {
        guid: 'pe-2',
        url: 'https://www.politico.eu/article/council-migration-vote/',
        title: 'Council set for migration vote',
        summary: 'Interior ministers will vote on Thursday. Diplomats expect a narrow majority.',
        published: '2025-06-02',
      },
      {
        guid: '4',
        url: 'https://www.politico.eu/newsletter/brussels-playbook/',
        title: null,
        summary: 'The morning newsletter, without a title or a date.',
        published: null,
      },
    ]);
  });
});

describe('parseFeed: what is no feed', () => {
  it('says where XML is malformed', () => {
    expect(refusal(feedText('malformed.xml'))).toBe(
      'malformed XML at line 9: ' +
        "Expected closing tag 'description' (opened in line 8, col 7) instead of closing tag 'item'.",
    );
    expect(refusal('\n\n<rss version="2.0"><channel><item><title>a < b</title></item></channel></rss>')).toMatch(
      /^malformed XML at line 3: /,
    );
    expect(refusal('<rss version="2.0"><channel><item><title>cut off')).toMatch(/^malformed XML at line 1: /);
  });

  it('names an HTML page, other XML, other JSON, broken JSON and an empty body', () => {
    expect(refusal(feedText('not-a-feed.html'))).toBe('not a feed: an HTML page, not RSS, Atom, RDF or JSON Feed');
    expect(refusal('<?xml version="1.0"?>\n<!-- a sitemap -->\n<urlset><url><loc>x</loc></url></urlset>')).toBe(
      'not a feed: the document is <urlset>, not <rss>, <feed> (Atom) or <rdf:RDF>',
    );
    expect(refusal('{"articles": []}')).toMatch(/^not a feed: JSON, but not a JSON Feed/);
    expect(refusal('{"version": "https://jsonfeed.org/version/1.1", "items": [')).toMatch(
      /^not a feed: invalid JSON \(/,
    );
    expect(refusal('  \n')).toBe('not a feed: the response is empty');
    expect(refusal('Service Unavailable')).toBe('not a feed: neither XML nor JSON');
  });

  it('does not expand entities declared in a doctype (no entity bombs)', () => {
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<rss version="2.0"><channel><title>T</title><item><title>&b;&b;&b;</title></item></channel></rss>';
    expect(parsed(bomb, 'https://www.example.com/feed').items[0]?.title).toBe('&b;&b;&b;');
  });

  it('reads a feed with a byte order mark and an empty feed', () => {
    expect(parsed(`\uFEFF${rss('<item><title>A</title></item>')}`, 'https://www.cbc.ca/f').items).toHaveLength(1);
    expect(parsed(rss(''), 'https://www.cbc.ca/f')).toEqual({ format: 'rss', title: 'T', items: [] });
  });
});
