import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { articleId, buildArticle } from '../../../src/core/corpus/build-article';
import { contentHash } from '../../../src/core/corpus/content-hash';
import type { ArticleMeta } from '../../../src/core/corpus/types';

const rt = readFileSync(new URL('../../../src/core/corpus/seeds/002_377b34821ee142f4.txt', import.meta.url), 'utf8');
const meta: ArticleMeta = {
  url: 'https://www.rt.com/news/russia-us-urgent-meeting-903/',
  canonicalUrl: null,
  outlet: 'rt.com',
  published: '2011-09-20',
  headline: null,
  wire: null,
};

describe('buildArticle', () => {
  const a = buildArticle(rt, meta, 'bundled');

  it('cleans, splits and annotates the text', () => {
    expect(a.text.startsWith('Lavrov rebuffs Clinton call to turn screw on Syria\n\n')).toBe(true);
    expect(a.blocks.map((b) => b.kind)).toEqual(['headline', 'paragraph', 'paragraph', 'subhead', 'paragraph']);
    // "doors.The talks" is two sentences.
    expect(a.sentences.map((s) => a.text.slice(s.start, s.end))).toContain(
      'The meeting of Russian Foreign Minister Sergey Lavrov with US Secretary of State Hillary Clinton was held behind closed doors.',
    );
    expect(a.annotations.length).toBeGreaterThan(50);
    for (const ann of a.annotations) expect(a.text.slice(ann.start, ann.end)).toBe(ann.text);
    expect(a.annotations.some((x) => x.kind === 'actor' && x.text === 'Lavrov' && x.start < 10)).toBe(true);
  });

  it('takes the canonical URL from the URL, the headline from the text, and an id from the URL', () => {
    expect(a.canonicalUrl).toBe('https://rt.com/news/russia-us-urgent-meeting-903');
    expect(a.headline).toBe('Lavrov rebuffs Clinton call to turn screw on Syria');
    expect(a.id).toMatch(/^a-[0-9a-f]{12}$/);
    expect(a.id).toBe(articleId(a.canonicalUrl, a.contentHash));
    expect(a.contentHash).toBe(contentHash(a.text));
    expect({ origin: a.origin, outlet: a.outlet, published: a.published, url: meta.url }).toEqual({
      origin: 'bundled',
      outlet: 'rt.com',
      published: '2011-09-20',
      url: a.url,
    });
  });

  it('keeps the id when the text is edited, and when the same page is reached by another URL', () => {
    const edited = buildArticle(rt.replace('2,700', '2,800'), meta, 'user');
    expect(edited.id).toBe(a.id);
    expect(edited.contentHash).not.toBe(a.contentHash);
    expect(
      buildArticle(rt, { ...meta, url: 'http://rt.com/news/russia-us-urgent-meeting-903?utm_source=x#top' }, 'user').id,
    ).toBe(a.id);
  });

  it('without a URL, derives the id from the content, so a re-spaced copy gets the same id', () => {
    const noUrl = { ...meta, url: null };
    const x = buildArticle(rt, noUrl, 'user');
    const y = buildArticle(rt.replace(/\. /g, '.  ').toUpperCase(), noUrl, 'user');
    expect(x.canonicalUrl).toBeNull();
    expect(x.id).toBe(articleId(null, x.contentHash));
    expect(y.id).toBe(x.id);
    expect(x.id).not.toBe(a.id);
  });

  it('prefers the metadata given over what it finds', () => {
    const b = buildArticle(rt, { ...meta, canonicalUrl: 'https://rt.com/x', headline: 'Given' }, 'user');
    expect(b.canonicalUrl).toBe('https://rt.com/x');
    expect(b.headline).toBe('Given');
  });

  it('builds an empty article from junk, without throwing', () => {
    const empty = buildArticle(
      'Advertisement\n\nShare on Facebook Share on Twitter Email',
      { ...meta, url: null },
      'user',
    );
    expect(empty).toMatchObject({ text: '', blocks: [], sentences: [], annotations: [] });
  });
});
