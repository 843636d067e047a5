import { describe, expect, it } from 'vitest';
import { parseReply, parseRequest } from '../src/messages';

describe('parseRequest', () => {
  it('accepts a ping', () => {
    expect(parseRequest({ type: 'ping' })).toEqual({ ok: true, value: { type: 'ping' } });
  });

  it('accepts annotate-text with and without a publication date', () => {
    expect(parseRequest({ type: 'annotate-text', text: 'Lavrov met Blinken.' })).toEqual({
      ok: true,
      value: { type: 'annotate-text', text: 'Lavrov met Blinken.' },
    });
    expect(parseRequest({ type: 'annotate-text', text: '', published: '2024-02-24' })).toEqual({
      ok: true,
      value: { type: 'annotate-text', text: '', published: '2024-02-24' },
    });
  });

  it('treats an undefined publication date as absent', () => {
    // Firefox's structured clone keeps `published: undefined` where Chrome's JSON drops it.
    expect(parseRequest({ type: 'annotate-text', text: 'x', published: undefined })).toEqual({
      ok: true,
      value: { type: 'annotate-text', text: 'x' },
    });
  });

  it.each([
    ['null', null],
    ['a string', 'ping'],
    ['an array', [{ type: 'ping' }]],
    ['no type', {}],
    ['an unknown type', { type: 'delete-everything' }],
    ['a non-string type', { type: 1 }],
    ['ping with extra keys', { type: 'ping', text: 'x' }],
    ['annotate-text without text', { type: 'annotate-text' }],
    ['annotate-text with non-string text', { type: 'annotate-text', text: 42 }],
    ['annotate-text with an extra key', { type: 'annotate-text', text: 'x', url: 'https://a.b' }],
    ['annotate-text with a numeric date', { type: 'annotate-text', text: 'x', published: 1708766400 }],
    ['annotate-text with a free-form date', { type: 'annotate-text', text: 'x', published: 'Feb 24, 2024' }],
    ['annotate-text with a date and time', { type: 'annotate-text', text: 'x', published: '2024-02-24T09:30:00Z' }],
    ['annotate-text with a huge text', { type: 'annotate-text', text: 'x'.repeat(4_000_001) }],
  ])('rejects %s', (_name, message) => {
    const result = parseRequest(message);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/\w/);
  });
});

describe('parseReply', () => {
  it('passes a well-formed success or failure through', () => {
    expect(parseReply('ping', { ok: true, value: { version: '0.1.0' } })).toEqual({
      ok: true,
      value: { version: '0.1.0' },
    });
    expect(parseReply('annotate-text', { ok: true, value: [] })).toEqual({ ok: true, value: [] });
    expect(parseReply('ping', { ok: false, error: 'boom' })).toEqual({ ok: false, error: 'boom' });
  });

  it.each([
    ['no reply', undefined],
    ['a value of the wrong shape', { ok: true, value: { version: 1 } }],
    ['a success without a value', { ok: true }],
    ['a failure without a message', { ok: false }],
  ])('turns %s into an error', (_name, reply) => {
    expect(parseReply('ping', reply).ok).toBe(false);
  });

  it('accepts annotations and rejects what is not one', () => {
    const mention = { kind: 'actor', id: 'a1', start: 0, end: 6, text: 'Lavrov', confidence: 1 };
    expect(parseReply('annotate-text', { ok: true, value: [mention] }).ok).toBe(true);
    expect(parseReply('annotate-text', { ok: true, value: ['Lavrov'] }).ok).toBe(false);
    expect(parseReply('annotate-text', { ok: true, value: [{ ...mention, kind: 'rumour' }] }).ok).toBe(false);
    expect(parseReply('annotate-text', { ok: true, value: [{ ...mention, start: '0' }] }).ok).toBe(false);
  });
});

describe('corpus requests', () => {
  it.each([
    [{ type: 'corpus-status' }],
    [{ type: 'mentions-of', actorId: 'sergey-lavrov' }],
    [
      {
        type: 'figures-like',
        figure: {
          counts: 'deaths',
          subject: 'Syria',
          value: 7500,
          low: null,
          high: null,
          qualifier: 'over',
          published: '2012-03-12',
        },
      },
    ],
    [{ type: 'quotes-like', text: 'bear a huge share of responsibility', excludeArticleId: 'a-1' }],
    [{ type: 'story-match', page: { articleId: 'a-1' } }],
    [
      {
        type: 'story-match',
        page: { text: 'Lavrov met Clinton.', url: 'https://www.cbc.ca/news/x', published: '2012-03-12' },
      },
    ],
    [{ type: 'coverage-gaps', page: { articleId: 'a-1' } }],
    [{ type: 'syndication-diff', articleId: 'a-1', otherArticleId: 'a-2' }],
    [{ type: 'add-page', page: { text: 'Lavrov met Clinton.', url: 'https://www.cbc.ca/news/x', headline: 'Talks' } }],
    [{ type: 'import-articles', data: '[]', format: 'jsonl' }],
    [{ type: 'delete-article', articleId: 'a-1' }],
  ])('accepts %j', (message) => {
    expect(parseRequest(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    [{ type: 'mentions-of', actorId: '' }, 'mentions-of: actorId must be an id'],
    [{ type: 'figures-like', figure: { counts: 'deaths' } }, 'figures-like: figure subject is required'],
    [
      {
        type: 'figures-like',
        figure: {
          counts: 'deaths',
          subject: null,
          value: 'many',
          low: null,
          high: null,
          qualifier: null,
          published: null,
        },
      },
      'figures-like: figure value must be a number',
    ],
    [{ type: 'story-match', page: { text: 42 } }, 'story-match: page text must be a string'],
    [{ type: 'story-match', page: { articleId: 'a-1', text: 'x' } }, 'story-match: page unexpected text'],
    [
      { type: 'add-page', page: { text: 'x', published: 'yesterday' } },
      'add-page: page published must be a YYYY-MM-DD date',
    ],
    [{ type: 'import-articles', data: '[]', format: 'csv' }, 'import-articles: format must be one of json, jsonl'],
    [{ type: 'delete-article', articleId: 'a-1', force: true }, 'delete-article: unexpected force'],
  ])('rejects %j', (message, error) => {
    expect(parseRequest(message)).toEqual({ ok: false, error });
  });
});
