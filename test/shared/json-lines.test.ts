import { describe, expect, it } from 'vitest';
import {
  checkLinesFile,
  firstLineOf,
  type LinesPart,
  LineTooLong,
  linesParts,
  PART_LIMITS,
} from '../../src/shared/json-lines';

async function partsOf(content: BlobPart, limits = PART_LIMITS): Promise<LinesPart[]> {
  const parts: LinesPart[] = [];
  for await (const part of linesParts(new Blob([content]), limits)) parts.push(part);
  return parts;
}

describe('linesParts', () => {
  it('gives a small file as one part, its last newline optional', async () => {
    expect(await partsOf('{"a":1}\n{"b":2}\n')).toEqual([{ text: '{"a":1}\n{"b":2}\n', firstLine: 1, lines: 2 }]);
    expect(await partsOf('{"a":1}\n{"b":2}')).toEqual([{ text: '{"a":1}\n{"b":2}\n', firstLine: 1, lines: 2 }]);
    expect(await partsOf('')).toEqual([]);
  });

  it('cuts parts at the line and character limits, numbering lines as the file does, blank ones included', async () => {
    const file = ['{"n":1}', '', '{"n":3}', '{"n":4}', '{"n":5}'].join('\n');
    const byLines = await partsOf(file, { ...PART_LIMITS, lines: 2 });
    expect(byLines).toEqual([
      { text: '{"n":1}\n\n', firstLine: 1, lines: 2 },
      { text: '{"n":3}\n{"n":4}\n', firstLine: 3, lines: 2 },
      { text: '{"n":5}\n', firstLine: 5, lines: 1 },
    ]);
    // A line longer than the character limit is a part alone.
    const long = `{"text":"${'x'.repeat(50)}"}`;
    const byChars = await partsOf(`{"n":1}\n${long}\n{"n":3}\n`, { ...PART_LIMITS, chars: 20 });
    expect(byChars.map((p) => [p.firstLine, p.lines])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    expect(byChars.map((p) => p.text).join('')).toBe(`{"n":1}\n${long}\n{"n":3}\n`);
  });

  it('reads the file a few bytes at a time without splitting a line or a character', async () => {
    const lines = ['{"text":"Лавров встретился с Клинтон"}', '{"text":"لافروف"}', '{"text":"Genève 🇨🇭"}'];
    const bytes = new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
    for (const readBytes of [1, 2, 3, 5, 7, 64]) {
      const parts = await partsOf(bytes, { ...PART_LIMITS, readBytes });
      expect(parts.map((p) => p.text).join('')).toBe(`${lines.join('\r\n')}\r\n`);
      expect(
        parts.flatMap((p) =>
          p.text
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l).text),
        ),
      ).toEqual(lines.map((l) => JSON.parse(l).text));
    }
  });

  it('stops at a line longer than its limit, however it is read, naming the line', async () => {
    const file = `{"n":1}\n{"n":2}\n{"text":"${'x'.repeat(100)}"}\n{"n":4}\n`;
    for (const readBytes of [7, 64, 4096]) {
      const reading = partsOf(file, { ...PART_LIMITS, lines: 1, readBytes, lineChars: 50 });
      await expect(reading).rejects.toThrow(LineTooLong);
      await expect(reading).rejects.toThrow('line 3 is longer than 50 characters');
    }
    // An unended last line too.
    await expect(partsOf(`{"n":1}\n${'y'.repeat(60)}`, { ...PART_LIMITS, lineChars: 50 })).rejects.toThrow('line 2 is');
  });
});

describe('checkLinesFile', () => {
  const record = (n: number) => JSON.stringify({ text: `Envoys met for round ${n} of the talks.` });
  const file = (lines: string[]) => new Blob([`${lines.join('\n')}\n`]);
  const twoLines = { ...PART_LIMITS, lines: 2 };

  it('counts the articles of each part, blank lines holding none', async () => {
    const checked = await checkLinesFile(file([record(1), record(2), '', '', record(5)]), twoLines);
    expect(checked).toEqual({ ok: true, value: { parts: [2, 0, 1], total: 3 } });
  });

  it('lists the problems of every part, numbered as the file is, and refuses a file of nothing', async () => {
    const bad = file([record(1), '{"text": 3}', record(3), '{"text": "Talks", "colour": "red"}']);
    const checked = await checkLinesFile(bad, twoLines);
    expect(checked.ok).toBe(false);
    const error = checked.ok ? '' : checked.error;
    expect(error).toMatch(/^nothing was imported; 3 problems:\nline 2: .*\nline 2: .*\nline 4: unknown field "colour"/);
    expect(await checkLinesFile(file(['', '']), twoLines)).toEqual({ ok: false, error: 'the file holds no articles' });
    // Unless a file of none may be (a backup of notes alone).
    expect(await checkLinesFile(file(['', '']), twoLines, 1, true)).toEqual({
      ok: true,
      value: { parts: [0], total: 0 },
    });
    expect(await checkLinesFile(file([record(1), 'not json']), twoLines)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^line 2: not valid JSON/),
    });
    expect(await checkLinesFile(file([record(1), 'z'.repeat(80)]), { ...twoLines, lineChars: 60 })).toEqual({
      ok: false,
      error: 'line 2 is longer than 60 characters: an article may have at most 8,000,000; nothing was imported',
    });
  });
});

describe('firstLineOf', () => {
  it('gives the first line and the bytes it takes, so the rest of the file is a slice', async () => {
    const header = '{"format":"crosswire-backup","note":"Genève, Лавров 🇨🇭"}';
    for (const readBytes of [1, 3, 7, 4096]) {
      for (const [bom, eol] of [
        ['', '\n'],
        ['\ufeff', '\r\n'],
      ]) {
        const file = new Blob([`${bom}${header}${eol}{"text":"one"}${eol}`]);
        const first = await firstLineOf(file, 1000, readBytes);
        expect(first.text).toBe(header);
        expect(await file.slice(first.bytes).text()).toBe(`{"text":"one"}${eol}`);
      }
    }
    // A file of one line with no newline: all of it.
    const one = new Blob([header]);
    expect(await firstLineOf(one, 1000, 5)).toEqual({ text: header, bytes: one.size });
  });

  it('stops at a first line longer than its limit', async () => {
    await expect(firstLineOf(new Blob([`${'x'.repeat(100)}\n`]), 50, 16)).rejects.toThrow(LineTooLong);
  });
});
