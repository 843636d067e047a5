import { describe, expect, it } from 'vitest';
import {
  CONTENT_COMMAND_TYPES,
  CONTENT_REQUEST_TYPES,
  PAGE_REQUEST_TYPES,
  parseContentCommand,
  parseContentRequest,
  parsePageRequest,
  parseReply,
  REPLY_TYPES,
} from '../src/messages';
import { sampleNote } from './background/sample-note';
import { SYRIA_TOLL } from './fixtures/seed-figures';

const PARSERS = [
  ['parseContentRequest', parseContentRequest],
  ['parsePageRequest', parsePageRequest],
  ['parseContentCommand', parseContentCommand],
] as const;

const PAGE = {
  text: 'Lavrov met Clinton.',
  url: 'https://www.cbc.ca/news/x#top',
  canonical: 'https://www.cbc.ca/news/x',
  ogUrl: 'https://www.cbc.ca/news/x',
  headline: 'Talks',
  published: '2012-03-12',
};
/** Requests the contracts dropped in issue 12: no sender may make them any more. */
const REMOVED = ['add-active-tab', 'add-tab', 'read-tab', 'highlight-active-tab', 'article-read', 'crosswire-page'];

describe('every contract', () => {
  it.each(PARSERS)('%s refuses what is not a request, and unknown types', (_name, parse) => {
    expect(parse(null)).toEqual({ ok: false, error: 'request must be an object' });
    expect(parse('ping')).toEqual({ ok: false, error: 'request must be an object' });
    expect(parse([{ type: 'ping' }])).toEqual({ ok: false, error: 'request must be an object' });
    expect(parse({})).toEqual({ ok: false, error: 'unknown request type: none' });
    expect(parse({ type: 1 })).toEqual({ ok: false, error: 'unknown request type: 1' });
    for (const type of ['delete-everything', '__proto__', 'constructor', 'toString', ''])
      expect(parse({ type })).toEqual({ ok: false, error: `unknown request type: ${JSON.stringify(type)}` });
  });

  it.each(REMOVED)('no contract has the removed request %s', (type) => {
    for (const [, parse] of PARSERS)
      expect(parse({ type, tabId: 1 })).toEqual({ ok: false, error: `unknown request type: "${type}"` });
  });

  it('shares the corpus questions, settings and notes; the page itself is the content script’s, files ours', () => {
    const shared = CONTENT_REQUEST_TYPES.filter((t) => (PAGE_REQUEST_TYPES as string[]).includes(t));
    expect(shared.sort()).toEqual(
      [
        'delete-note',
        'figures-like',
        'get-settings',
        'mentions-of',
        'notes-for',
        'ping',
        'quotes-like',
        'save-note',
      ].sort(),
    );
    expect(CONTENT_REQUEST_TYPES.filter((t) => !shared.includes(t)).sort()).toEqual([
      'annotate-text',
      'extract-article',
      'read-page',
      'wake',
    ]);
    expect(CONTENT_COMMAND_TYPES).toEqual(['crosswire-highlights', 'crosswire-note-selection', 'crosswire-reveal']);
    // Every request has a reply check, and nothing else does.
    expect([...REPLY_TYPES].sort()).toEqual([...new Set([...CONTENT_REQUEST_TYPES, ...PAGE_REQUEST_TYPES])].sort());
  });
});

describe('parseContentRequest (a content script to the background)', () => {
  it.each([
    [{ type: 'ping' }],
    [{ type: 'read-page', page: PAGE }],
    [{ type: 'read-page', page: { text: '' } }],
    [{ type: 'annotate-text', text: 'Lavrov met Blinken.' }],
    [{ type: 'annotate-text', articleId: 'a-000000000001', text: '', published: '2024-02-24' }],
    [{ type: 'mentions-of', actorId: 'sergey-lavrov', excludeArticleId: 'a-1' }],
    [{ type: 'figures-like', figure: SYRIA_TOLL, excludeArticleId: 'a-1' }],
    [{ type: 'figures-like', figure: { ...SYRIA_TOLL, unit: 'people', text: 'over 7,500 people' } }],
    [{ type: 'quotes-like', text: 'bear a huge share of responsibility', excludeArticleId: 'a-1' }],
    [{ type: 'get-settings' }],
    [{ type: 'save-note', note: sampleNote() }],
    [{ type: 'delete-note', id: 'n-0000000000000001' }],
    [{ type: 'notes-for', articleId: 'a-000000000001' }],
  ])('accepts %j', (message) => {
    expect(parseContentRequest(message)).toEqual({ ok: true, value: message });
  });

  it('treats an undefined field as absent', () => {
    // Firefox's structured clone keeps `published: undefined` where Chrome's JSON drops it.
    expect(parseContentRequest({ type: 'annotate-text', text: 'x', published: undefined })).toEqual({
      ok: true,
      value: { type: 'annotate-text', text: 'x' },
    });
  });

  it.each([
    [{ type: 'ping', text: 'x' }, 'ping: unexpected text'],
    [{ type: 'annotate-text' }, 'annotate-text: text is required'],
    [{ type: 'annotate-text', text: 42 }, 'annotate-text: text must be a string'],
    [{ type: 'annotate-text', text: 'x', url: 'https://a.b' }, 'annotate-text: unexpected url'],
    [{ type: 'annotate-text', text: 'x', articleId: '' }, 'annotate-text: articleId must be an id'],
    [{ type: 'annotate-text', text: 'x', published: 1708766400 }, 'annotate-text: published must be a YYYY-MM-DD date'],
    [
      { type: 'annotate-text', text: 'x', published: 'Feb 24, 2024' },
      'annotate-text: published must be a YYYY-MM-DD date',
    ],
    [
      { type: 'annotate-text', text: 'x', published: '2024-02-24T09:30:00Z' },
      'annotate-text: published must be a YYYY-MM-DD date',
    ],
    [{ type: 'read-page' }, 'read-page: page is required'],
    [{ type: 'read-page', page: 'Lavrov met Clinton.' }, 'read-page: page must be Object'],
    [{ type: 'read-page', page: { text: 42 } }, 'read-page: page.text must be a string'],
    [{ type: 'read-page', page: { ...PAGE, evil: '<script>' } }, 'read-page: unexpected page.evil'],
    [
      { type: 'read-page', page: { text: 'x', published: 'yesterday' } },
      'read-page: page.published must be a YYYY-MM-DD date',
    ],
    [
      { type: 'read-page', page: { text: 'x', url: 'x'.repeat(2049) } },
      'read-page: page.url is longer than 2,048 characters',
    ],
    [{ type: 'read-page', page: { articleId: 'a-1' } }, 'read-page: page.text is required'],
    [{ type: 'mentions-of' }, 'mentions-of: actorId is required'],
    [{ type: 'mentions-of', actorId: '' }, 'mentions-of: actorId must be an id'],
    [{ type: 'figures-like', figure: { counts: 'deaths' } }, 'figures-like: figure.subject is required'],
    [{ type: 'figures-like', figure: { ...SYRIA_TOLL, value: 'many' } }, 'figures-like: figure.value must be a number'],
    [
      { type: 'figures-like', figure: { ...SYRIA_TOLL, value: Number.NaN } },
      'figures-like: figure.value must be a number',
    ],
    [
      { type: 'save-note', note: { ...sampleNote(), stance: 'maybe' } },
      'save-note: note.stance must be verified, disputed, follow-up or null, not "maybe"',
    ],
    [
      { type: 'save-note', note: sampleNote({ url: 'javascript:alert(1)' }) },
      'save-note: note url must be an http(s) URL of at most 2048 characters, not "javascript:alert(1)"',
    ],
  ])('refuses %j, saying where', (message, error) => {
    expect(parseContentRequest(message)).toEqual({ ok: false, error });
  });

  it('refuses a text beyond the limit without echoing it', () => {
    expect(parseContentRequest({ type: 'annotate-text', text: 'x'.repeat(8_000_001) })).toEqual({
      ok: false,
      error: 'annotate-text: text is longer than 8,000,000 characters',
    });
  });

  it('refuses every request that is our pages’ alone, however well-formed', () => {
    const pageOnly = PAGE_REQUEST_TYPES.filter((t) => !(CONTENT_REQUEST_TYPES as string[]).includes(t));
    expect(pageOnly).toEqual(expect.arrayContaining(['import-articles', 'set-settings', 'page-of-tab', 'export-page']));
    for (const type of pageOnly)
      expect(parseContentRequest({ type }), type).toEqual({ ok: false, error: `unknown request type: "${type}"` });
    // Well-formed for our pages, and still refused from a page.
    expect(parseContentRequest({ type: 'import-articles', data: '[]' })).toEqual({
      ok: false,
      error: 'unknown request type: "import-articles"',
    });
    expect(parsePageRequest({ type: 'import-articles', data: '[]' }).ok).toBe(true);
  });
});

describe('parsePageRequest (the popup and the options page to the background)', () => {
  it.each([
    [{ type: 'ping' }],
    [{ type: 'corpus-status' }],
    [{ type: 'page-of-tab', tabId: 7 }],
    [{ type: 'page-of-tab', tabId: 7, url: 'https://www.cbc.ca/news/x' }],
    [{ type: 'mentions-of', actorId: 'sergey-lavrov' }],
    [{ type: 'figures-like', figure: SYRIA_TOLL }],
    [{ type: 'quotes-like', text: 'bear a huge share of responsibility' }],
    [{ type: 'story-match', articleId: 'a-000000000001' }],
    [{ type: 'coverage-gaps', articleId: 'a-000000000001' }],
    [{ type: 'syndication-diff', articleId: 'a-1', otherArticleId: 'a-2' }],
    [{ type: 'add-page', articleId: 'a-000000000001' }],
    [{ type: 'import-articles', data: '[]', format: 'jsonl' }],
    [{ type: 'delete-article', articleId: 'a-1' }],
    [{ type: 'highlight-tab', tabId: 0 }],
    [{ type: 'article-text', articleId: 'a-1' }],
    [{ type: 'list-articles', query: 'Lavrov', offset: 50, limit: 500 }],
    [{ type: 'export-articles', origin: 'all' }],
    [{ type: 'export-articles', origin: 'user', after: 'a-000000000001' }],
    [{ type: 'registered-sites' }],
    [{ type: 'page-notes', articleId: 'a-1' }],
    [{ type: 'export-notes', format: 'csv', filter: { site: 'cbc.ca', tag: 'toll', from: '2026-01-01' } }],
    [{ type: 'export-page', articleId: 'a-1', kind: 'jsonld' }],
    [{ type: 'export-page', articleId: 'a-1', kind: 'csv' }],
    [{ type: 'export-page', articleId: 'a-1', kind: 'markdown' }],
    [{ type: 'import-notes', data: '{}' }],
    [{ type: 'always-on-site', origin: 'https://www.example.org', on: true }],
    [{ type: 'set-settings', settings: { rememberArticles: true } }],
    [{ type: 'save-note', note: sampleNote() }],
  ])('accepts %j', (message) => {
    expect(parsePageRequest(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    [{ type: 'corpus-status', force: true }, 'corpus-status: unexpected force'],
    [{ type: 'page-of-tab' }, 'page-of-tab: tabId is required'],
    [{ type: 'page-of-tab', tabId: -1 }, 'page-of-tab: tabId must be a whole number from 0 to 2147483648'],
    [{ type: 'page-of-tab', tabId: 1.5 }, 'page-of-tab: tabId must be a whole number from 0 to 2147483648'],
    [{ type: 'page-of-tab', tabId: '7' }, 'page-of-tab: tabId must be a whole number from 0 to 2147483648'],
    // The page is the background's: story matching and "Add this page" name it by id.
    [{ type: 'story-match', page: { articleId: 'a-1' } }, 'story-match: articleId is required'],
    [{ type: 'story-match', articleId: 5 }, 'story-match: articleId must be an id'],
    [{ type: 'coverage-gaps', articleId: 'a-1', page: PAGE }, 'coverage-gaps: unexpected page'],
    [{ type: 'add-page', page: PAGE }, 'add-page: articleId is required'],
    [{ type: 'syndication-diff', articleId: 'a-1' }, 'syndication-diff: otherArticleId is required'],
    [{ type: 'import-articles', data: '[]', format: 'csv' }, 'import-articles: format must be one of json, jsonl'],
    [{ type: 'delete-article', articleId: 'a-1', force: true }, 'delete-article: unexpected force'],
    [{ type: 'list-articles', limit: 10_000 }, 'list-articles: limit must be a whole number from 0 to 500'],
    [{ type: 'export-articles', origin: 'mine' }, 'export-articles: origin must be one of user, all'],
    [{ type: 'export-articles', after: '' }, 'export-articles: after must be an id'],
    [{ type: 'export-notes', format: 'xml' }, 'export-notes: format must be one of jsonld, csv, backup'],
    [
      { type: 'export-notes', format: 'csv', filter: { from: 'x' } },
      'export-notes: filter.from must be a YYYY-MM-DD date',
    ],
    [{ type: 'export-page', articleId: 'a-1' }, 'export-page: kind is required'],
    [{ type: 'export-page', articleId: 'a-1', kind: 'pdf' }, 'export-page: kind must be one of jsonld, csv, markdown'],
    [
      { type: 'always-on-site', origin: 'ftp://x', on: true },
      'always-on-site: origin must be an origin like https://www.example.org',
    ],
    [{ type: 'always-on-site', origin: 'https://x.org', on: 'yes' }, 'always-on-site: on must be true or false'],
    [
      { type: 'set-settings', settings: { rememberArticles: 'yes' } },
      'set-settings: settings.rememberArticles must be true or false',
    ],
    [{ type: 'set-settings', settings: { theme: 'dark' } }, 'set-settings: unexpected settings.theme'],
    [
      { type: 'set-settings', settings: { disabledSites: Array(10_000).fill('www.rt.com') } },
      'set-settings: settings.disabledSites has too many sites',
    ],
  ])('refuses %j, saying where', (message, error) => {
    expect(parsePageRequest(message)).toEqual({ ok: false, error });
  });

  it('does not take the page itself or a late paragraph: those come from the page’s content script', () => {
    expect(parsePageRequest({ type: 'read-page', page: PAGE })).toEqual({
      ok: false,
      error: 'unknown request type: "read-page"',
    });
    expect(parsePageRequest({ type: 'annotate-text', text: 'x' })).toEqual({
      ok: false,
      error: 'unknown request type: "annotate-text"',
    });
  });
});

describe('parseContentCommand (the background to a content script)', () => {
  it('accepts the three commands', () => {
    for (const message of [
      { type: 'crosswire-highlights', on: true },
      { type: 'crosswire-highlights', on: false },
      { type: 'crosswire-note-selection' },
      { type: 'crosswire-reveal', kind: 'actor', id: 'sergey-lavrov' },
      { type: 'crosswire-reveal', kind: 'quote', id: 'q3' },
    ])
      expect(parseContentCommand(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    [{ type: 'crosswire-highlights' }, 'crosswire-highlights: on is required'],
    [{ type: 'crosswire-highlights', on: 'yes' }, 'crosswire-highlights: on must be true or false'],
    [{ type: 'crosswire-note-selection', text: 'x' }, 'crosswire-note-selection: unexpected text'],
    [
      { type: 'crosswire-reveal', kind: 'note', id: 'n1' },
      'crosswire-reveal: kind must be one of actor, figure, quote',
    ],
    [{ type: 'crosswire-reveal', kind: 'actor', id: '' }, 'crosswire-reveal: id must not be empty'],
    [{ type: 'ping' }, 'unknown request type: "ping"'],
    [{ type: 'read-page', page: PAGE }, 'unknown request type: "read-page"'],
  ])('refuses %j', (message, error) => {
    expect(parseContentCommand(message)).toEqual({ ok: false, error });
  });
});

describe('parseReply', () => {
  const READING = {
    articleId: 'a-000000000001',
    canonical: 'https://www.cbc.ca/news/x',
    url: 'https://www.cbc.ca/news/x',
    headline: 'Talks',
    published: '2012-03-12',
    outlet: { id: 'cbc.ca', name: 'CBC' },
    annotations: [],
    length: 19,
    source: 'page',
    stored: false,
  };

  it('passes a well-formed success or failure through', () => {
    expect(parseReply('ping', { ok: true, value: { version: '0.1.0' } })).toEqual({
      ok: true,
      value: { version: '0.1.0' },
    });
    expect(parseReply('annotate-text', { ok: true, value: [] })).toEqual({ ok: true, value: [] });
    expect(parseReply('ping', { ok: false, error: 'boom' })).toEqual({ ok: false, error: 'boom' });
    expect(parseReply('read-page', { ok: true, value: READING })).toEqual({ ok: true, value: READING });
    expect(parseReply('page-of-tab', { ok: true, value: READING }).ok).toBe(true);
  });

  it.each([
    ['no reply', undefined],
    ['a value of the wrong shape', { ok: true, value: { version: 1 } }],
    ['a success without a value', { ok: true }],
    ['a failure without a message', { ok: false }],
  ])('turns %s into an error', (_name, reply) => {
    expect(parseReply('ping', reply)).toEqual({
      ok: false,
      error: reply === undefined ? 'no reply from the background' : 'malformed reply to ping',
    });
  });

  it('accepts annotations and rejects what is not one', () => {
    const mention = { kind: 'actor', id: 'a1', start: 0, end: 6, text: 'Lavrov', confidence: 1 };
    expect(parseReply('annotate-text', { ok: true, value: [mention] }).ok).toBe(true);
    expect(parseReply('annotate-text', { ok: true, value: ['Lavrov'] }).ok).toBe(false);
    expect(parseReply('annotate-text', { ok: true, value: [{ ...mention, kind: 'rumour' }] }).ok).toBe(false);
    expect(parseReply('annotate-text', { ok: true, value: [{ ...mention, start: '0' }] }).ok).toBe(false);
    const { end: _end, ...noEnd } = mention;
    const { text: _text, ...noText } = mention;
    for (const bad of [noEnd, noText, null, 6])
      expect(parseReply('annotate-text', { ok: true, value: [mention, bad] }).ok).toBe(false);
    expect(parseReply('annotate-text', { ok: true, value: { 0: mention, length: 1 } }).ok).toBe(false);
  });

  it('checks a page reading and a file before they are read', () => {
    const { articleId: _, ...noId } = READING;
    expect(parseReply('read-page', { ok: true, value: noId })).toEqual({
      ok: false,
      error: 'malformed reply to read-page',
    });
    expect(parseReply('page-of-tab', { ok: true, value: { ...READING, annotations: [{ kind: 'x' }] } }).ok).toBe(false);
    expect(parseReply('page-of-tab', { ok: true, value: { ...READING, stored: 'no' } }).ok).toBe(false);
    const file = { data: '{}', filename: 'crosswire-cbc.ca-2012-03-12.jsonld', mime: 'application/ld+json', count: 0 };
    expect(parseReply('export-page', { ok: true, value: file })).toEqual({ ok: true, value: file });
    expect(parseReply('export-page', { ok: true, value: { ...file, data: null } }).ok).toBe(false);
  });
});
