import { describe, expect, it } from 'vitest';
import { articleFromPage } from '../../../src/background/corpus-service';
import { contentHash, fnv1a64, normaliseForHash, pageIdentity } from '../../../src/core/corpus/content-hash';

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

  it('hashes a 2 MB text quickly', () => {
    const big = article.repeat(Math.ceil(2_000_000 / article.length));
    const t = performance.now();
    contentHash(big);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('pageIdentity', () => {
  it('gives a page the id the corpus gives it when stored, whatever URL it was reached by', () => {
    const page = {
      text: 'Sergey Lavrov spoke.',
      url: 'https://www.cbc.ca/news/world/x-1.1?utm_source=rss#top',
      canonical: 'https://www.cbc.ca/news/world/x-1.1',
    };
    const { articleId, canonical } = pageIdentity(page);
    expect(canonical).toBe('https://cbc.ca/news/world/x-1.1');
    expect(articleId).toBe(articleFromPage(page).id);
    expect(pageIdentity({ url: 'https://cbc.ca/news/world/x-1.1?ref=home' }).articleId).toBe(articleId);
    expect(pageIdentity({})).toEqual({ articleId: 'a-unknown', canonical: null });
  });
});
