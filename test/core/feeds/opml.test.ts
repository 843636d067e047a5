import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS } from '../../../src/core/feeds/default-feeds';
import { feedsFromOpml, feedsToOpml } from '../../../src/core/feeds/opml';
import type { FeedSource } from '../../../src/core/feeds/types';
import { feedText } from './fixtures';

function feeds(text: string): FeedSource[] {
  const r = feedsFromOpml(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

function refusal(text: string): string {
  const r = feedsFromOpml(text);
  if (r.ok) throw new Error(`read ${r.value.length} feeds`);
  return r.error;
}

describe('feedsFromOpml', () => {
  it('reads nested outlines, each feed tied to its outlet by our attribute, a default feed or its host', () => {
    expect(feeds(feedText('feeds.opml'))).toEqual<FeedSource[]>([
      { url: 'https://feeds.bbci.co.uk/news/world/rss.xml', outlet: 'bbc.com', title: 'BBC News: World' },
      { url: 'https://www.theguardian.com/world/rss', outlet: 'theguardian.com', title: 'The Guardian & world' },
      { url: 'https://rss.dw.com/rdf/rss-en-world', outlet: 'dw.com', title: 'DW: World (RDF)' },
      { url: 'http://www.example.org/news.rss', outlet: 'example.org', title: 'Untitled by text' },
    ]);
  });

  it('takes an outlet profile’s id for a host under one of its domains, and lists each address once', () => {
    const opml = `<opml version="1.0"><body>
      <outline text="A" xmlUrl="https://rss.tass.ru/world.xml"/>
      <outline text="A again" xmlUrl="https://rss.tass.ru/world.xml"/>
      <outline xmlUrl="https://feeds.example.net/x"/>
    </body></opml>`;
    expect(feeds(opml)).toEqual([
      { url: 'https://rss.tass.ru/world.xml', outlet: 'tass.com', title: 'A' },
      { url: 'https://feeds.example.net/x', outlet: 'example.net', title: 'feeds.example.net' },
    ]);
  });

  it('says what is wrong with a file that lists no feed', () => {
    expect(refusal('')).toBe('the file is empty');
    expect(refusal('<opml version="2.0"><body><outline text="x"></body></opml>')).toMatch(
      /^not an OPML file: malformed XML at line 1: /,
    );
    expect(refusal('<rss version="2.0"><channel/></rss>')).toBe(
      'not an OPML file: expected <opml> with a <body> of <outline> elements',
    );
    expect(refusal('<opml version="2.0"><body><outline text="Folder"/></body></opml>')).toBe(
      'the file lists no feeds (no outline has an xmlUrl)',
    );
    expect(refusal('<opml version="2.0"><body><outline xmlUrl="file:///feed.xml"/></body></opml>')).toBe(
      'the file lists no feed with a web address (http or https): file:///feed.xml',
    );
  });
});

describe('feedsToOpml', () => {
  const now = new Date(Date.UTC(2025, 5, 3, 12, 0, 0));

  it('writes OPML 2.0 dated now, declaring the namespace of the outlet attribute', () => {
    const text = feedsToOpml(
      [{ url: 'https://a.example.com/f?x=1&y=2', outlet: 'example.com', title: 'A & "B" <C>' }],
      now,
    );
    expect(text).toContain('<opml version="2.0" xmlns:crosswire="urn:x-crosswire:opml">');
    expect(text).toContain('<dateCreated>Tue, 03 Jun 2025 12:00:00 GMT</dateCreated>');
    expect(text).toContain(
      '<outline type="rss" text="A &amp; &quot;B&quot; &lt;C&gt;" title="A &amp; &quot;B&quot; &lt;C&gt;" ' +
        'xmlUrl="https://a.example.com/f?x=1&amp;y=2" crosswire:outlet="example.com"/>',
    );
  });

  it('round-trips the default list and awkward titles exactly', () => {
    const awkward: FeedSource = {
      url: 'https://www.dw.com/f?a=1&b=2',
      outlet: 'dw.com',
      title: 'Tabs\tand < & > "quotes"',
    };
    const list = [...DEFAULT_FEEDS, awkward];
    const back = feeds(feedsToOpml(list, now));
    expect(back).toEqual([...DEFAULT_FEEDS, { ...awkward, title: 'Tabs and < & > "quotes"' }]);
  });
});
