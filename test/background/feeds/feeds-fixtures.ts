/**
 * Feeds for the background's tests, written here with invented headlines: an RSS 2.0 and
 * an Atom feed of numbered stories, a row for each, and a poll's dependencies over a fake web.
 */
import { newRow } from '../../../src/background/feeds/feed-rows';
import type { PollDeps } from '../../../src/background/feeds/row-fetch';
import type { CorpusDb, FeedRow } from '../../../src/background/db';

export const NOW = Date.parse('2026-03-02T12:00:00Z');
export const MINUTE = 60_000;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Story `n` of a site: its link, headline and summary (invented). */
export function story(site: string, n: number) {
  return {
    url: `https://${site}/world/story-${n}`,
    title: `Envoys resume talks in Geneva, day ${n}`,
    summary: `Negotiators from ${site} sources said day ${n} of the talks on the ceasefire ended without a deal.`,
  };
}

/** An RSS 2.0 feed of stories `ns` of `site`, dated `published` (RFC 822). */
export function rss(site: string, ns: number[], published = 'Mon, 02 Mar 2026 09:00:00 GMT'): string {
  const items = ns.map((n) => {
    const s = story(site, n);
    return `<item><guid>${s.url}</guid><link>${s.url}</link><title>${esc(s.title)}</title>
      <description>${esc(s.summary)}</description><pubDate>${published}</pubDate></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${site} world</title>
    <link>https://${site}/</link>${items.join('\n')}</channel></rss>`;
}

/** An Atom feed of stories `ns` of `site`, with relative links resolved against the feed's address. */
export function atom(site: string, ns: number[]): string {
  const entries = ns.map((n) => {
    const s = story(site, n);
    return `<entry><id>tag:${site},2026:${n}</id><link href="/world/story-${n}"/><title>${esc(s.title)}</title>
      <summary>${esc(s.summary)}</summary><updated>2026-03-02T09:00:00Z</updated></entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>${site}</title>
    <id>tag:${site},2026:feed</id><updated>2026-03-02T09:00:00Z</updated>${entries.join('\n')}</feed>`;
}

/** A followed feed's row: `https://<site>/feed.xml`, credited to `site`. */
export const feedRow = (site: string, more: Partial<FeedRow> = {}): FeedRow => ({
  ...newRow(`https://${site}/feed.xml`, 'feed', { outlet: site, title: null, addedBy: 'reader' }),
  ...more,
});

/** A poll's dependencies: following on, a month's retention, a 50 ms timeout, a clock the test moves. */
export function pollDeps(db: CorpusDb, fetch: typeof globalThis.fetch, clock = { now: NOW }): PollDeps {
  return {
    db,
    fetch,
    now: () => clock.now,
    retentionDays: 30,
    isOn: async () => true,
    timeoutMs: 50,
  };
}
