import { describe, expect, it } from 'vitest';
import { type LinesPart, linesParts, PART_LIMITS } from '../../src/options/json-lines';

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
});
