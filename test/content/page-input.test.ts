import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageInput } from '../../src/content/page-input';

// linkedom stands in for the browser's DOM; pageInput uses the global DOMParser as a content script does.
const html = `<!doctype html><html><head><title>Annan in Moscow | Example News</title>
  <link rel="canonical" href="/world/annan-moscow">
  <meta property="og:url" content="https://www.example-news.org/world/annan-moscow?ref=og">
  <meta property="article:published_time" content="2012-03-13T09:00:00Z"></head>
  <body><nav>Home World Sport</nav><article><h1>Annan in Moscow</h1>
  ${'<p>Kofi Annan met Foreign Minister Sergey Lavrov in Moscow on Tuesday, and the two men talked for more than two hours about a ceasefire in Syria.</p>'.repeat(5)}
  </article><footer>Contact</footer><script>window.pageState = 1</script></body></html>`;

let saved: unknown;
beforeAll(() => {
  saved = (globalThis as { DOMParser?: unknown }).DOMParser;
  (globalThis as { DOMParser?: unknown }).DOMParser = parseHTML('<html></html>').DOMParser;
});
afterAll(() => {
  (globalThis as { DOMParser?: unknown }).DOMParser = saved;
});

describe('reading the page for the corpus', () => {
  it('extracts the article text, its date and its identity, leaving the page untouched', () => {
    const { document } = parseHTML(html);
    const before = document.documentElement.outerHTML;
    const result = pageInput(
      document as unknown as Document,
      'https://www.example-news.org/world/annan-moscow?utm_source=x',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      url: 'https://www.example-news.org/world/annan-moscow?utm_source=x',
      canonical: 'https://www.example-news.org/world/annan-moscow',
      ogUrl: 'https://www.example-news.org/world/annan-moscow?ref=og',
      published: '2012-03-13',
    });
    expect(result.value.text.split('\n\n')).toHaveLength(5);
    expect(result.value.text).not.toContain('Home World Sport');
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('says so when the page has no article', () => {
    const { document } = parseHTML('<html><body><nav>Home</nav></body></html>');
    expect(pageInput(document as unknown as Document, 'https://a.example/')).toEqual({
      ok: false,
      error: 'no article body found in this page',
    });
  });
});
