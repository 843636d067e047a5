import { describe, expect, it } from 'vitest';
import { dropRepeatedTeaser, normaliseLines, spaceGluedSentences } from '../../../src/core/corpus/repair';

describe('normaliseLines', () => {
  it('turns odd spaces into plain ones, drops invisible characters and blank lines, and trims', () => {
    expect(normaliseLines('\ufeffFirst\u00a0line.\u00a0\u00a0 \r\n\r\n\r\n\tSecond\u200b line\u202fhere \n\n')).toEqual(
      ['First line.', 'Second line here'],
    );
  });

  it('keeps joiners that spellings need', () => {
    expect(normaliseLines('می\u200cخواهم')).toEqual(['می\u200cخواهم']);
  });
});

describe('dropRepeatedTeaser', () => {
  const lede = 'Russia and China vetoed a draft resolution on Syria at the Security Council on Saturday.';

  it('keeps one copy when a sentence, a truncated fragment and the same sentence are run together', () => {
    expect(dropRepeatedTeaser(`${lede}Western diplo...${lede}`)).toBe(lede);
    expect(dropRepeatedTeaser(`${lede} Western diplo… ${lede} More text.`)).toBe(`${lede} More text.`);
  });

  it('keeps the full text when the teaser is a truncated copy of it', () => {
    expect(dropRepeatedTeaser(`${lede} Western diplomats sa...${lede} Western diplomats said so.`)).toBe(
      `${lede} Western diplomats said so.`,
    );
  });

  it('leaves ordinary ellipses alone', () => {
    const line = 'He said the talks would go on... and then they did. The talks went on.';
    expect(dropRepeatedTeaser(line)).toBe(line);
    const quote = '"We will wait ... we will wait for the council," he said.';
    expect(dropRepeatedTeaser(quote)).toBe(quote);
  });
});

describe('spaceGluedSentences', () => {
  it('adds the missing space between glued sentences', () => {
    expect(spaceGluedSentences('held behind closed doors.The talks did not end')).toBe(
      'held behind closed doors. The talks did not end',
    );
    expect(spaceGluedSentences('similar to Libya.The US says')).toBe('similar to Libya. The US says');
    expect(spaceGluedSentences('he told AFP.Mass rallies')).toBe('he told AFP. Mass rallies');
    expect(spaceGluedSentences('to be launched.“I cannot say')).toBe('to be launched. “I cannot say');
    expect(spaceGluedSentences('it was firm,” he said.”The talks')).toBe('it was firm,” he said.” The talks');
    expect(spaceGluedSentences('up 5%.Analysts said? Why?Because.')).toBe('up 5%. Analysts said? Why? Because.');
    expect(spaceGluedSentences('in 2011.A new round')).toBe('in 2011. A new round');
  });

  it('leaves abbreviations, decimals and web addresses alone', () => {
    for (const text of [
      'the U.S. and the U.N. Security Council',
      'a U.N.-backed plan',
      'grew 7.5 percent',
      'Gen. Assad',
      'see rt.com.Moscow',
      'at https://example.com/index.php?Id=4',
      'Washington D.C.',
    ]) {
      expect(spaceGluedSentences(text)).toBe(text);
    }
  });
});
