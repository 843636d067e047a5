import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { isArticlePage } from '../../src/content/is-article-page';

const page = (head: string, body: string): Document =>
  parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as Document;

const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}.</p>`).join('');

describe('isArticlePage', () => {
  it('recognises Open Graph article metadata', () => {
    expect(isArticlePage(page('<meta property="og:type" content="article">', ''))).toBe(true);
  });

  it('recognises a published time', () => {
    expect(isArticlePage(page('<meta property="article:published_time" content="2024-02-24">', ''))).toBe(true);
  });

  it('recognises schema.org NewsArticle microdata', () => {
    expect(isArticlePage(page('', '<div itemscope itemtype="https://schema.org/NewsArticle"></div>'))).toBe(true);
  });

  it('recognises an <article> with several paragraphs', () => {
    expect(isArticlePage(page('', `<article><h1>Talks resume</h1>${paragraphs(3)}</article>`))).toBe(true);
  });

  it('passes over a section front of teasers', () => {
    const teasers = Array.from({ length: 10 }, (_, i) => `<article><h2>Story ${i}</h2></article>`).join('');
    expect(isArticlePage(page('<meta property="og:type" content="website">', teasers))).toBe(false);
  });

  it('passes over an empty page', () => {
    expect(isArticlePage(page('', ''))).toBe(false);
  });
});
