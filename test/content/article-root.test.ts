import { readFileSync } from 'node:fs';
import { DOMParser, parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleRoot, rootOfText } from '../../src/content/article-root';
import { extractArticle } from '../../src/shared/article-text';
import { HAVE_PAGES, PAGES, warnIfNoPages } from '../fixtures/paths';

const page = (body: string): Document =>
  parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`)
    .document as unknown as Document;
const prose = (n: number, topic = 'talks') =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i} about the ${topic} at the Security Council, where the envoys argued for most of the afternoon about a ceasefire.</p>`,
  ).join('');
const teasers =
  '<ul class="related">' +
  Array.from(
    { length: 6 },
    (_, i) => `<li><a href="/s${i}">Another story ${i} that is long enough to look like a paragraph of text</a></li>`,
  ).join('') +
  '</ul>';

beforeAll(() => {
  // Readability's article is parsed into an inert document.
  (globalThis as { DOMParser?: unknown }).DOMParser ??= DOMParser;
});

describe('articleRoot', () => {
  it('takes the schema.org article body when the page marks one', () => {
    const doc = page(`<nav>${teasers}</nav><div itemprop="articleBody" id="body">${prose(6)}</div>${teasers}`);
    expect(articleRoot(doc)?.id).toBe('body');
  });

  it('takes the one <article> that holds text, not the teaser cards beside it', () => {
    const doc = page(
      `<article><h2>Teaser</h2></article><article id="story"><h1>Talks</h1>${prose(5)}</article><article><h2>Other</h2></article>`,
    );
    expect(articleRoot(doc)?.id).toBe('story');
  });

  it('takes the outermost container named like an article body when nothing else marks it', () => {
    const doc = page(
      `<div class="site">${teasers}<div class="story-body" id="body"><h1>Talks</h1><div class="story-body__inner">${prose(8)}</div></div></div>`,
    );
    expect(articleRoot(doc)?.id).toBe('body');
  });

  it('does not take a named container holding a minority of the page text', () => {
    const doc = page(`<div class="post-content">${prose(3, 'weather')}</div><div id="main">${prose(12)}</div>`);
    expect(articleRoot(doc)?.getAttribute('class')).not.toBe('post-content');
  });

  it('leaves a page that marks no body to Readability: rootOfText roots at the paragraphs it kept', () => {
    const doc = page(
      `<div id="nav">${teasers}</div><div id="wrap"><div id="x">${prose(8)}</div></div><div id="foot">${teasers}</div>`,
    );
    expect(articleRoot(doc)).toBeNull();
    // What the extractor (extract.js) reads in the tab: Readability on a clone.
    const { text } = extractArticle(
      doc.cloneNode(true) as Document,
      (html) => new DOMParser().parseFromString(html, 'text/html') as unknown as Document,
    );
    expect(rootOfText(doc, text)?.id).toBe('x');
  });

  it('finds nothing on a page without prose, nor for a text the page does not hold', () => {
    const bare = page('<ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul><p>Sign in</p>');
    expect(articleRoot(bare)).toBeNull();
    expect(
      rootOfText(bare, 'Paragraph 1 about the talks at the Security Council, where the envoys argued.'),
    ).toBeNull();
  });
});

warnIfNoPages('article-root.test: articleRoot on real news pages');
describe.skipIf(!HAVE_PAGES)('articleRoot on real news pages (../shared/pages)', () => {
  // What each page's body is, read by hand from the snapshots.
  const expected: Record<string, (el: Element) => boolean> = {
    'bbc-1': (el) => el.getAttribute('class') === 'story-body',
    'herald-sun-1': (el) => el.getAttribute('class') === 'story-body',
    'guardian-1': (el) => el.getAttribute('itemprop') === 'articleBody',
    'lemonde-1': (el) => el.getAttribute('itemprop') === 'articleBody',
    'nytimes-2': (el) => el.tagName === 'ARTICLE',
    'wapo-1': (el) => el.tagName === 'ARTICLE',
  };
  for (const [name, isBody] of Object.entries(expected)) {
    it(`finds ${name}'s article body without a full Readability parse`, () => {
      const { document } = parseHTML(readFileSync(`${PAGES}${name}.html`, 'utf8'));
      const root = articleRoot(document as unknown as Document);
      expect(root && isBody(root)).toBe(true);
    });
  }
});
