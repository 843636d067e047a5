import { describe, expect, it } from 'vitest';
import { decodeFeed } from '../../../src/core/feeds/decode';
import { parseFeed } from '../../../src/core/feeds/parse';
import { feedBytes } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('decodeFeed', () => {
  it('reads the encoding an XML declaration names: ISO-8859-1 and windows-1251 fixtures', () => {
    const french = decodeFeed(feedBytes('latin1.xml'), 'application/rss+xml');
    expect(french).toContain('<title>Négociations à Genève : la délégation française reçoit');
    const russian = decodeFeed(feedBytes('cp1251.xml'), null);
    expect(russian).toContain('<title>Министры иностранных дел встретились в Женеве</title>');
    // And the decoded text parses as the feed it is.
    const r = parseFeed(russian, 'https://tass.ru/rss/v2.xml');
    expect(r.ok && r.value.items[0]?.summary).toBe('Стороны договорились продолжить переговоры в июле.');
  });

  it('lets the Content-Type charset override the declaration', () => {
    const body = utf8('<?xml version="1.0" encoding="ISO-8859-1"?><rss><title>Genève</title></rss>');
    expect(decodeFeed(body, 'text/xml; charset="UTF-8"')).toContain('Genève');
    expect(decodeFeed(body, null)).toContain('GenÃ¨ve'); // the declaration, believed, misreads UTF-8
  });

  it('lets a byte order mark decide before anything else, and drops it', () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<rss>Genève</rss>')]);
    expect(decodeFeed(body, 'text/xml; charset=windows-1251')).toBe('<rss>Genève</rss>');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('<rss>é</rss>', (c) => [c.charCodeAt(0), 0]).flat()]);
    expect(decodeFeed(utf16, null)).toBe('<rss>é</rss>');
  });

  it('falls back to UTF-8 without a label or for an unknown one', () => {
    expect(decodeFeed(utf8('{"title": "Genève"}'), 'application/feed+json')).toBe('{"title": "Genève"}');
    expect(decodeFeed(utf8('<rss>Genève</rss>'), 'text/xml; charset=x-no-such-charset')).toBe('<rss>Genève</rss>');
    const declared = latin1('<?xml version="1.0" encoding="x-unknown"?><rss>Gen\u00e8ve</rss>');
    expect(decodeFeed(declared, null)).toContain('Gen\uFFFDve'); // not UTF-8: the byte shows as a replacement
  });
});
