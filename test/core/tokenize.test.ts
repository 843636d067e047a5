import { describe, expect, it } from 'vitest';
import { type Tokens, tokenize } from '../../src/core/text/tokenize';

/** Each token as the text it covers, from its offsets. */
const spans = (text: string, tokens: Tokens) =>
  Array.from({ length: tokens.length }, (_, i) => text.slice(tokens.start[i], tokens.end[i]));

describe('tokenize', () => {
  it('splits words, numbers and dotted abbreviations, with their offsets', () => {
    const text = 'The U.N. said 7,500 had died in Homs — Лавров agreed.';
    const tokens = tokenize(text);
    expect(spans(text, tokens)).toEqual([
      'The',
      'U.N.',
      'said',
      '7',
      '500',
      'had',
      'died',
      'in',
      'Homs',
      'Лавров',
      'agreed',
    ]);
    expect(tokens.word.map((w) => w.key).slice(0, 3)).toEqual(['the', 'un', 'said']);
  });

  it('keeps each text’s offsets when the next text is tokenized (short texts share buffers)', () => {
    const first = 'Sergey Lavrov met Kofi Annan';
    const kept = tokenize(first);
    const before = spans(first, kept);
    const second = 'A much longer sentence about the Security Council and the Arab League, in New York';
    tokenize(second);
    tokenize('x');
    expect(spans(first, kept)).toEqual(before);
    expect(kept.start.length).toBe(kept.length);
  });

  it('tokenizes a text longer than the shared buffers, and a short one after it', () => {
    const long = 'Syria '.repeat(20_000);
    const tokens = tokenize(long);
    expect(tokens.length).toBe(20_000);
    expect(tokens.start[19_999]).toBe(6 * 19_999);
    const short = tokenize('Ban Ki-moon');
    expect(spans('Ban Ki-moon', short)).toEqual(['Ban', 'Ki', 'moon']);
    expect(tokens.end[0]).toBe(5);
  });
});
