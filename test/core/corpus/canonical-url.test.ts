import { describe, expect, it } from 'vitest';
import { canonicalUrl, outletOf } from '../../../src/core/corpus/canonical-url';

describe('canonicalUrl', () => {
  it('normalises scheme, host, fragment, trailing slash and tracking parameters', () => {
    expect(canonicalUrl('http://WWW.RT.com/news/russia-us-urgent-meeting-903/#comments')).toBe(
      'https://rt.com/news/russia-us-urgent-meeting-903',
    );
    expect(
      canonicalUrl('https://www.bbc.co.uk/news/world-17340000?at_medium=RSS&at_campaign=KARANGA&utm_source=twitter'),
    ).toBe('https://bbc.co.uk/news/world-17340000');
    expect(
      canonicalUrl(
        'https://edition.cnn.com/2012/03/12/world/syria/?fbclid=abc&gclid=x&mc_cid=1&mc_eid=2&ocid=3&cmpid=4&ref=5&ref_src=6&igshid=7&_ga=8&spm=9&CMP=share_btn_tw',
      ),
    ).toBe('https://edition.cnn.com/2012/03/12/world/syria');
  });

  it('keeps the parameters that pick the article, sorted and as written', () => {
    expect(canonicalUrl('https://example.org/article.php?id=42&utm_medium=email&page=2&lang=en')).toBe(
      'https://example.org/article.php?id=42&lang=en&page=2',
    );
    expect(canonicalUrl('https://example.org/search?q=Ban%20Ki-moon&UTM_SOURCE=x')).toBe(
      'https://example.org/search?q=Ban%20Ki-moon',
    );
  });

  it('keeps the root slash and a non-default port, drops credentials', () => {
    expect(canonicalUrl('http://www.voanews.com')).toBe('https://voanews.com/');
    expect(canonicalUrl('https://user:secret@news.example.com:8443/a/')).toBe('https://news.example.com:8443/a');
    expect(canonicalUrl('http://news.example.com:443/a')).toBe('https://news.example.com/a');
  });

  it('prefers rel=canonical, then og:url, resolved against the page URL', () => {
    const page = 'https://m.example.com/story/123?utm_source=app';
    expect(canonicalUrl(page, { canonical: '/world/story-123', ogUrl: 'https://example.com/og' })).toBe(
      'https://m.example.com/world/story-123',
    );
    expect(
      canonicalUrl(page, { canonical: 'https://www.example.com/world/story-123/', ogUrl: 'https://example.com/og' }),
    ).toBe('https://example.com/world/story-123');
    expect(canonicalUrl(page, { canonical: null, ogUrl: 'https://example.com/og' })).toBe('https://example.com/og');
    expect(canonicalUrl(page, { canonical: 'javascript:void(0)', ogUrl: '' })).toBe('https://m.example.com/story/123');
  });

  it('gives null for garbage', () => {
    for (const bad of [
      '',
      'not a url',
      'javascript:alert(1)',
      'ftp://example.com/file',
      'mailto:a@b.org',
      'https://',
      'https://localhost/x',
      'about:blank',
    ]) {
      expect(canonicalUrl(bad), bad).toBeNull();
    }
    expect(canonicalUrl('garbage', { canonical: '/relative-only' })).toBeNull();
    expect(canonicalUrl('garbage', { ogUrl: 'https://www.example.com/a' })).toBe('https://example.com/a');
  });
});

describe('outletOf', () => {
  it('gives the registrable domain', () => {
    expect(outletOf('https://www.bbc.co.uk/news/world')).toBe('bbc.co.uk');
    expect(outletOf('https://news.un.org/en/story/2012/03/405')).toBe('un.org');
    expect(outletOf('https://edition.cnn.com/x')).toBe('cnn.com');
    expect(outletOf('https://www.abc.net.au/news')).toBe('abc.net.au');
    expect(outletOf('https://www3.nhk.or.jp/nhkworld/')).toBe('nhk.or.jp');
    expect(outletOf('https://en.yna.co.kr/view')).toBe('yna.co.kr');
    expect(outletOf('https://english.news.cn/20240101/x.html')).toBe('news.cn');
    expect(outletOf('https://www.japantimes.co.jp/news/')).toBe('japantimes.co.jp');
  });

  it('takes bare host names, in any case', () => {
    expect(outletOf('WWW.VOANews.com')).toBe('voanews.com');
    expect(outletOf('rt.com')).toBe('rt.com');
    expect(outletOf('co.uk')).toBe('co.uk');
  });

  it('gives "" for garbage', () => {
    expect(outletOf('')).toBe('');
    expect(outletOf('not a host')).toBe('');
    expect(outletOf('javascript:alert(1)')).toBe('');
  });
});
