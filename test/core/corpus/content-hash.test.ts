import { describe, expect, it } from 'vitest';
import { articleFromRecord } from '../../../src/background/corpus-service';
import { contentHash, fnv1a64, normaliseForHash } from '../../../src/core/corpus/content-hash';
import { pageArticle } from '../../../src/core/corpus/page-article';

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes of any text', () => {
    expect(fnv1a64('Лавров')).toMatch(/^[0-9a-f]{16}$/);
    expect(fnv1a64('Лавров')).not.toBe(fnv1a64('Лавроь'));
  });
});

describe('contentHash', () => {
  const article =
    'Washington is trying to drum up Moscow’s support.\n\nThe meeting was held behind closed doors. The talks did not end with a breakthrough.';

  it('is the same for a copy that differs in spacing, punctuation and case', () => {
    const copy =
      "  WASHINGTON is trying to drum up Moscow's support\n\n\n\nThe meeting was held behind closed\u00a0doors.The talks did not end — with a breakthrough!  ";
    expect(normaliseForHash(copy)).toBe(normaliseForHash(article));
    expect(contentHash(copy)).toBe(contentHash(article));
    expect(contentHash(article)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs for different text', () => {
    expect(contentHash(article.replace('Moscow', 'Beijing'))).not.toBe(contentHash(article));
    expect(contentHash(article.replace('did not end', 'did end'))).not.toBe(contentHash(article));
    expect(contentHash('7,500 killed')).not.toBe(contentHash('7,600 killed'));
  });

  it('hashes a 2 MB text, its first and last words counting', () => {
    const big = article.repeat(Math.ceil(2_000_000 / article.length));
    const t = performance.now();
    const hash = contentHash(big);
    console.log(`contentHash: ${(performance.now() - t).toFixed(0)} ms for ${big.length} characters`);
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(contentHash(big)).toBe(hash);
    expect(contentHash(big.replace('Washington', 'Berlin'))).not.toBe(hash);
    expect(contentHash(`${big.slice(0, -'breakthrough.'.length)}deadlock.`)).not.toBe(hash);
  });
});

describe('one identity for a page', () => {
  it('gives a page read in the browser the id an import of it gets, whatever URL it was reached by', () => {
    const page = {
      text: 'Sergey Lavrov spoke.',
      url: 'https://www.cbc.ca/news/world/x-1.1?utm_source=rss#top',
      canonical: 'https://www.cbc.ca/news/world/x-1.1',
    };
    const read = pageArticle(page);
    expect(read.canonicalUrl).toBe('https://cbc.ca/news/world/x-1.1');
    expect(read.id).toBe(articleFromRecord(page).id);
    expect(pageArticle({ ...page, url: 'https://cbc.ca/news/world/x-1.1?ref=home', canonical: undefined }).id).toBe(
      read.id,
    );
  });

  it('gives a page without a URL the id of its text, the same wherever it is computed', () => {
    const page = { text: 'Sergey Lavrov spoke in Geneva.' };
    expect(pageArticle(page).id).toBe(articleFromRecord(page).id);
    expect(pageArticle(page).id).not.toBe(pageArticle({ text: 'Ban Ki-moon spoke in Geneva.' }).id);
  });
});
