import { describe, expect, it } from 'vitest';
import { figuresLike, type FigureCandidate, type FigureQuery } from '../../../src/core/match';
import { figureCandidates, stories } from './stories';

/** A candidate figure written inline: deaths in Syria unless told otherwise. */
function candidate(over: Partial<FigureCandidate>): FigureCandidate {
  return {
    counts: 'deaths',
    subject: null,
    value: null,
    low: null,
    high: null,
    qualifier: null,
    unit: 'people',
    attribution: null,
    text: '',
    articleId: 'a',
    outlet: 'example.org',
    published: '2012-03-12',
    sentence: '',
    ...over,
  };
}
const query = (over: Partial<FigureQuery>): FigureQuery => ({
  counts: 'deaths',
  subject: 'Syria',
  value: null,
  low: null,
  high: null,
  qualifier: null,
  published: '2012-03-12',
  ...over,
});

describe('figuresLike on the seeds', () => {
  const tollOf = (name: 'cbc' | 'voa' | 'rt') => figureCandidates(stories()[name]).find((f) => f.counts === 'deaths')!;

  it('CBC\'s "over 7,500 people" agrees with VOA\'s estimated 7,500', () => {
    const cbc = tollOf('cbc');
    expect(cbc).toMatchObject({ text: 'over 7,500 people', subject: 'Syria', qualifier: 'over' });
    const result = figuresLike({ ...cbc, published: cbc.published }, figureCandidates(stories().voa));
    expect(result.verdict).toBe('agree');
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      outlet: 'voanews.com',
      value: 7500,
      qualifier: 'estimated',
      attribution: 'United Nations',
      published: '2012-03-12',
      agrees: true,
      days: 0,
    });
    expect(result.items[0]!.sentence).toBe(
      'U.N. officials estimate that 7,500 people have died in the year-long violence.',
    );
    expect(result.explanation).toBe(
      "voanews.com gives 7,500 people (12 March 2012), which agrees with this article's over 7,500 people (12 March 2012).",
    );
  });

  it("against RT's 2,700 of September 2011 it differs, and the dates may explain it", () => {
    const cbc = tollOf('cbc');
    const result = figuresLike({ ...cbc, published: cbc.published }, figureCandidates(stories().rt));
    expect(result.verdict).toBe('differ-dates-explain');
    expect(result.items.map((i) => [i.text, i.attribution, i.agrees, i.days])).toEqual([
      ['2,700 people', 'United Nations', false, -174],
      ['1,400', 'the government', false, -174],
    ]);
    expect(result.explanation).toContain('rt.com gives 2,700 people (20 September 2011)');
    expect(result.explanation).toContain("this article's figure is the later one");
    expect(result.explanation).toContain('a cumulative toll grows');
  });

  it("from RT's side, the later figures are the other outlets'", () => {
    const rt = tollOf('rt');
    const result = figuresLike({ ...rt, published: rt.published }, [
      ...figureCandidates(stories().cbc),
      ...figureCandidates(stories().voa),
    ]);
    expect(result.verdict).toBe('differ-dates-explain');
    expect(result.items.every((i) => !i.agrees && i.days === 174)).toBe(true);
    expect(result.explanation).toMatch(/(cbc\.ca|voanews\.com)'s figure is the later one/);
  });
});

describe('figuresLike', () => {
  it('reads qualifiers and vague words as ranges', () => {
    const about30 = query({ counts: 'killed', subject: null, value: 30, qualifier: 'about' });
    expect(figuresLike(about30, [candidate({ counts: 'killed', text: 'dozens' })]).verdict).toBe('agree');
    expect(figuresLike(query({ value: 7500, qualifier: 'nearly' }), [candidate({ value: 7000 })]).verdict).toBe(
      'agree',
    );
    expect(figuresLike(query({ value: 7500, qualifier: 'over' }), [candidate({ text: 'thousands' })]).verdict).toBe(
      'agree',
    );
    expect(
      figuresLike(query({ low: 50_000, high: 60_000, qualifier: 'about', counts: 'residents' }), [
        candidate({ counts: 'residents', value: 55_000 }),
      ]).verdict,
    ).toBe('agree');
    // "at least 16" killed in one place is not "at least 45" in another.
    expect(
      figuresLike(query({ counts: 'killed', value: 16, qualifier: 'at least' }), [
        candidate({ counts: 'killed', value: 45, qualifier: 'at least' }),
      ]).verdict,
    ).toBe('differ');
    expect(figuresLike(query({ value: 7500 }), [candidate({ value: 7600 })]).verdict).toBe('differ');
  });

  it('keeps figures of the same kind, subject and currency only', () => {
    const six = query({ counts: 'money', subject: 'Canada', value: 6e6, unit: 'CAD' });
    const result = figuresLike(six, [
      candidate({ counts: 'money', subject: 'Canada', value: 6e6, unit: 'CAD', outlet: 'kept.example' }),
      candidate({ counts: 'money', subject: null, value: 6e6, unit: 'CAD', outlet: 'unnamed-subject.example' }),
      candidate({ counts: 'money', subject: 'Canada', value: 6e6, unit: 'USD', outlet: 'other-currency.example' }),
      candidate({ counts: 'money', subject: 'Britain', value: 6e6, unit: 'CAD', outlet: 'other-subject.example' }),
      candidate({ counts: 'displaced', subject: 'Canada', value: 6e6, outlet: 'other-kind.example' }),
    ]);
    expect(result.items.map((i) => i.outlet)).toEqual(['kept.example', 'unnamed-subject.example']);
  });

  it('says when nothing compares, when the accounts differ on one day, and when a toll fell over time', () => {
    expect(figuresLike(query({ value: 7500 }), [])).toEqual({
      items: [],
      verdict: null,
      explanation: 'No other article gives a figure of this kind.',
    });
    const sameDay = figuresLike(query({ value: 7500 }), [
      candidate({ value: 5000, text: '5,000', outlet: 'b.example' }),
    ]);
    expect(sameDay.verdict).toBe('differ');
    expect(sameDay.explanation).toBe(
      "b.example gives 5,000 (12 March 2012) against this article's 7,500 (12 March 2012), on the same day: the accounts differ.",
    );
    const fell = figuresLike(query({ value: 7500 }), [
      candidate({ value: 5000, text: '5,000', published: '2012-04-01' }),
    ]);
    expect(fell.verdict).toBe('differ');
    expect(fell.explanation).toContain('the later toll is the lower one');
    // Displacement can fall as people go home: another date may explain it.
    const displaced = figuresLike(query({ counts: 'displaced', value: 7500 }), [
      candidate({ counts: 'displaced', value: 5000, published: '2012-04-01' }),
    ]);
    expect(displaced.verdict).toBe('differ-dates-explain');
    expect(displaced.explanation).toContain('the count may have changed in between');
  });

  it('one disagreement on the same day makes the verdict "differ" even when others are months apart', () => {
    const result = figuresLike(query({ value: 7500, qualifier: 'over' }), [
      candidate({ value: 2700, published: '2011-09-20', outlet: 'old.example' }),
      candidate({ value: 3000, published: '2012-03-12', outlet: 'same-day.example' }),
      candidate({ value: 7500, published: '2012-03-12', outlet: 'agrees.example' }),
    ]);
    expect(result.verdict).toBe('differ');
    expect(result.items.map((i) => i.outlet)).toEqual(['old.example', 'agrees.example', 'same-day.example']);
    expect(result.explanation).toMatch(/^2 of 3 other articles differ; same-day\.example gives 3,000/);
  });
});
