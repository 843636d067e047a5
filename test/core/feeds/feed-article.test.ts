import { describe, expect, it } from 'vitest';
import { pageArticle } from '../../../src/core/corpus/page-article';
import { feedArticle } from '../../../src/core/feeds/feed-article';
import { parseFeed } from '../../../src/core/feeds/parse';
import type { FeedItem } from '../../../src/core/feeds/types';
import { feedText } from './fixtures';

const item = (over: Partial<FeedItem> = {}): FeedItem => ({
  guid: 'g-1',
  url: 'https://www.cbc.ca/news/world/geneva-talks-1.7000001?utm_source=rss',
  title: 'Foreign ministers of France and Brazil meet in Geneva',
  summary: 'The two ministers said on Tuesday they would open talks next month.',
  published: '2025-06-03',
  ...over,
});

describe('feedArticle', () => {
  it('makes a headline-and-summary entry from the feed, identified like the page it links to', () => {
    const a = feedArticle(item(), 'cbc.ca')!;
    expect(a).toMatchObject({
      origin: 'feed',
      depth: 'headline',
      guid: 'g-1',
      outlet: 'cbc.ca',
      url: 'https://www.cbc.ca/news/world/geneva-talks-1.7000001?utm_source=rss',
      canonicalUrl: 'https://cbc.ca/news/world/geneva-talks-1.7000001',
      published: '2025-06-03',
      headline: 'Foreign ministers of France and Brazil meet in Geneva',
      text:
        'Foreign ministers of France and Brazil meet in Geneva\n\n' +
        'The two ministers said on Tuesday they would open talks next month.',
    });
    expect(a.blocks.map((b) => b.kind)).toEqual(['headline', 'paragraph']);
    // The same id as the page read in full, so fetching it later upgrades this entry.
    const page = pageArticle({ text: 'Whole article text.', url: 'https://cbc.ca/news/world/geneva-talks-1.7000001' });
    expect(a.id).toBe(page.id);
  });

  it('is annotated like any article', () => {
    const a = feedArticle(item(), 'cbc.ca')!;
    const actors = a.annotations.filter((x) => x.kind === 'actor').map((x) => x.text);
    expect(actors).toEqual(expect.arrayContaining(['France', 'Brazil']));
    expect(a.sentences.length).toBeGreaterThanOrEqual(2);
  });

  it('shares its content hash with the same wire text from another outlet', () => {
    const a = feedArticle(item(), 'cbc.ca')!;
    const b = feedArticle(item({ guid: 'x', url: 'https://www.voanews.com/a/geneva/1.html' }), 'voanews.com')!;
    expect(b.id).not.toBe(a.id);
    expect(b.contentHash).toBe(a.contentHash);
  });

  it('keeps a summary that repeats the title once, and is identified by its text without a link', () => {
    const a = feedArticle(item({ summary: item().title, url: null }), 'cbc.ca')!;
    expect(a.text).toBe('Foreign ministers of France and Brazil meet in Geneva');
    expect(a.canonicalUrl).toBeNull();
    expect(a.id).toMatch(/^a-[0-9a-f]{12}$/);
  });

  it('is null for an item with neither title nor summary', () => {
    expect(feedArticle(item({ title: null, summary: null }), 'cbc.ca')).toBeNull();
  });

  it('turns every fixture item with text into an entry', () => {
    const r = parseFeed(feedText('rss2.xml'), 'https://www.cbc.ca/webfeed/rss/rss-world');
    if (!r.ok) throw new Error(r.error);
    const entries = r.value.items.map((i) => feedArticle(i, 'cbc.ca'));
    expect(entries.map((e) => e?.headline ?? null)).toEqual([
      'Foreign ministers meet in Geneva & agree on the talks\u2019 agenda',
      'Security Council delays vote on "ceasefire" text',
      'Donors pledge $1.2 billion for reconstruction',
      null,
      null,
    ]);
    expect(entries[3]?.text).toBe('Envoys from the African Union arrived in Addis Ababa.');
    expect(entries[4]).toBeNull(); // a link without title or summary
  });
});
