import { describe, expect, it } from 'vitest';
import { outletOf } from '../../../src/core/corpus/canonical-url';
import { outletProfiles } from '../../../src/core/corpus/outlets';
import { DEFAULT_FEEDS } from '../../../src/core/feeds/default-feeds';
import { feedOrigins } from '../../../src/core/feeds/origins';

describe('DEFAULT_FEEDS', () => {
  it('ties every feed to a known outlet, one feed per outlet, each an https address', () => {
    const ids = new Set(outletProfiles().map((o) => o.id));
    expect(DEFAULT_FEEDS.length).toBeGreaterThanOrEqual(30);
    for (const f of DEFAULT_FEEDS) {
      expect(ids.has(f.outlet), f.outlet).toBe(true);
      expect(new URL(f.url).protocol, f.url).toBe('https:');
      expect(f.title.trim(), f.url).not.toBe('');
    }
    expect(new Set(DEFAULT_FEEDS.map((f) => f.outlet)).size).toBe(DEFAULT_FEEDS.length);
    expect(new Set(DEFAULT_FEEDS.map((f) => f.url)).size).toBe(DEFAULT_FEEDS.length);
  });

  it('serves each feed from its outlet’s domains or a feed host named in docs/feeds.md', () => {
    // Hosts that are not the outlet's own domain: asked for as optional permissions when following starts.
    const feedHosts = new Set(['bbci.co.uk', 'dj.com', 'xinhuanet.com', 'tass.com']);
    const profiles = new Map(outletProfiles().map((o) => [o.id, [o.id, ...(o.domains ?? [])]]));
    for (const f of DEFAULT_FEEDS) {
      const domain = outletOf(f.url);
      expect(profiles.get(f.outlet)!.includes(domain) || feedHosts.has(domain), f.url).toBe(true);
    }
  });
});

describe('feedOrigins', () => {
  it('gives one sorted match pattern per host, in the feed’s own scheme', () => {
    expect(
      feedOrigins([
        { url: 'https://feeds.bbci.co.uk/news/world/rss.xml' },
        { url: 'https://feeds.bbci.co.uk/news/politics/rss.xml' },
        { url: 'http://www.example.org:8080/news.rss' },
        { url: 'https://www.cbc.ca/webfeed/rss/rss-world' },
        { url: 'not a url' },
        { url: 'ftp://files.example.org/feed.xml' },
      ]),
    ).toEqual(['http://www.example.org/*', 'https://feeds.bbci.co.uk/*', 'https://www.cbc.ca/*']);
  });

  it('covers every default feed', () => {
    const origins = feedOrigins(DEFAULT_FEEDS);
    for (const f of DEFAULT_FEEDS) expect(origins).toContain(`https://${new URL(f.url).hostname}/*`);
  });
});
