import { describe, expect, it } from 'vitest';
import { checkJsonLines, parseImport, problemsError } from '../../../src/core/corpus/import-format';

const article = {
  text: 'Sergey Lavrov met Hillary Clinton at the UN on Monday.',
  url: 'https://www.voanews.com/a/x',
  published: '2012-03-12',
  headline: 'Talks',
};

describe('the import format', () => {
  it('reads a JSON array, an {articles} object and JSON Lines', () => {
    expect(parseImport(JSON.stringify([article]))).toEqual({ ok: true, value: [article] });
    expect(parseImport(JSON.stringify({ articles: [article, article] }))).toMatchObject({
      ok: true,
      value: [article, article],
    });
    expect(
      parseImport(`${JSON.stringify(article)}\n\n${JSON.stringify({ text: 'Kofi Annan left Syria.' })}\n`),
    ).toMatchObject({ ok: true, value: [article, { text: 'Kofi Annan left Syria.' }] });
  });

  it('says what is wrong and where, for every problem', () => {
    const bad = [
      article,
      { text: '' },
      { text: 'ok text here', published: '2012-13-40', colour: 'red' },
      'nope',
      { text: 'words here', url: 'javascript:alert(1)' },
    ];
    const r = parseImport(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/^nothing was imported; 5 problems:/);
    expect(r.error).toContain('article 2: "text" is required and must contain words');
    expect(r.error).toContain('article 3: unknown field "colour"');
    expect(r.error).toContain('article 3: "published" must be a date like 2012-03-12, not "2012-13-40"');
    expect(r.error).toContain('article 4: expected an object');
    expect(r.error).toContain('article 5: "url" must be an http(s) URL');
  });

  it('names the line of a broken JSON Lines file', () => {
    const r = parseImport(`${JSON.stringify(article)}\n{"text": "broken"\n`, 'jsonl');
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.error).toMatch(/^line 2: not valid JSON/);
  });

  it('numbers the lines of a part of a larger file from its first line', () => {
    const part = `${JSON.stringify(article)}\n\n{"text": "broken"\n`;
    expect(
      !parseImport(part, 'jsonl', 5001).ok && (parseImport(part, 'jsonl', 5001) as { error: string }).error,
    ).toMatch(/^line 5003: not valid JSON/);
    expect(checkJsonLines(part, 5001)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^line 5003: not valid JSON/),
    });
    const bad = `${JSON.stringify(article)}\n${JSON.stringify({ text: 'x', colour: 'red' })}\n\n${JSON.stringify(article)}\n`;
    expect(checkJsonLines(bad, 101)).toEqual({
      ok: true,
      articles: 3,
      problems: [
        'line 102: unknown field "colour" (fields: text, url, canonicalUrl, outlet, published, headline, wire)',
        'line 102: "text" is required and must contain words',
      ],
    });
    expect(checkJsonLines(`${JSON.stringify(article)}\n`, 1)).toEqual({ ok: true, articles: 1, problems: [] });
    // The problems of several parts are said as one file's.
    expect(problemsError(['line 102: a', 'line 9001: b'])).toBe(
      'nothing was imported; 2 problems:\nline 102: a\nline 9001: b',
    );
    expect(
      problemsError(Array.from({ length: 25 }, (_, i) => `line ${i + 1}: a`))
        .split('\n')
        .at(-1),
    ).toBe('…and 5 more');
  });

  it('rejects empty files, non-JSON and the wrong shape', () => {
    expect(parseImport('   ')).toEqual({ ok: false, error: 'the file is empty' });
    expect(parseImport('[]')).toEqual({ ok: false, error: 'the file holds no articles' });
    expect(parseImport('[{"text": "a"')).toMatchObject({ ok: false, error: expect.stringMatching(/^not valid JSON/) });
    expect(parseImport('{"title": "x"}', 'json')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/expected a JSON array/),
    });
  });

  it('refuses an article over the size limit, saying so, before anything is built', () => {
    const huge = 'Sergey Lavrov said the talks would go on. '.repeat(200_000);
    const r = parseImport(
      `${JSON.stringify({ text: 'Annan met Lavrov.' })}\n${JSON.stringify({ text: huge })}\n`,
      'jsonl',
    );
    expect(r).toEqual({
      ok: false,
      error: `nothing was imported; 1 problem:\nline 2: "text" is ${huge.length.toLocaleString('en-US')} characters; an article may have at most 8,000,000`,
    });
  });
});
