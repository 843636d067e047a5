import { describe, expect, it } from 'vitest';
import { feedDate } from '../../../src/core/feeds/feed-date';
import { clip, htmlText } from '../../../src/core/feeds/plain-text';

describe('htmlText', () => {
  it('strips tags, decodes entities after stripping, and folds whitespace', () => {
    expect(htmlText('<p>The <b>UN</b>&nbsp;envoy&#8217;s\n\n  plan &amp; &lt;b&gt; tags</p>')).toBe(
      'The UN envoy\u2019s plan & <b> tags',
    );
    expect(htmlText('<a href="/x" title="a > b">Link</a> text')).toBe('Link text');
    expect(htmlText('one<br/>two<li>three</li>')).toBe('one two three');
  });

  it('leaves text that only looks like markup, and gives null for nothing', () => {
    expect(htmlText('a < b and AT&T')).toBe('a < b and AT&T');
    expect(htmlText('<img src="x.jpg">  ')).toBeNull();
    expect(htmlText(undefined)).toBeNull();
  });
});

describe('clip', () => {
  it('keeps short text and cuts long text at a word, marking the cut', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('one two three four', 15)).toBe('one two three…');
    expect(clip('abcdefghijklmnop', 10)).toBe('abcdefghij…'); // no space near the limit
  });
});

describe('feedDate', () => {
  it('keeps the date as written, in the feed’s own offset', () => {
    expect(feedDate('Tue, 03 Jun 2025 22:15:00 -0400')).toBe('2025-06-03');
    expect(feedDate('2025-06-03T00:30:00+02:00')).toBe('2025-06-03');
    expect(feedDate('2025-06-03')).toBe('2025-06-03');
  });

  it('reads RFC 822 variants: no weekday, one-digit day, full month, two-digit year', () => {
    expect(feedDate('2 Jun 2025 07:00 GMT')).toBe('2025-06-02');
    expect(feedDate('Monday, 2 June 2025 07:00:00 EST')).toBe('2025-06-02');
    expect(feedDate('Tue, 03 Jun 25 22:15:00 GMT')).toBe('2025-06-03');
  });

  it('is null for nothing, for no date and for a day that does not exist', () => {
    expect(feedDate(undefined)).toBeNull();
    expect(feedDate('  ')).toBeNull();
    expect(feedDate('yesterday')).toBeNull();
    expect(feedDate('2025-02-30T10:00:00Z')).toBeNull();
    expect(feedDate('31 Foo 2025')).toBeNull();
  });
});

describe('htmlText on hostile input', () => {
  it('drops an unclosed script to the end, and reads only the first 100,000 characters', () => {
    expect(htmlText('Kept.<script>never shown')).toBe('Kept.');
    const huge = `${'word '.repeat(30_000)}<p>tail</p>`;
    const text = htmlText(huge)!;
    expect(text.startsWith('word word')).toBe(true);
    expect(text).not.toContain('tail');
  });
});
