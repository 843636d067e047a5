import { describe, expect, it } from 'vitest';
import { figuresLike, type FigureCandidate, type FigureQuery } from '../../../src/core/match';
import { storedFigure } from './invented';
import { figureCandidates, stories } from './stories';

let articles = 0;
/** A candidate figure written inline, from an article of its own: deaths in Syria unless told otherwise. */
function candidate(over: Partial<FigureCandidate>): FigureCandidate {
  return {
    ...storedFigure({ counts: 'deaths', subject: 'Syria' }),
    articleId: `a${++articles}`,
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
    const about30 = query({ counts: 'killed', value: 30, qualifier: 'about' });
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
      alongside: [],
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

describe('figuresLike judges only figures that measure the same thing', () => {
  // Invented: one outlet's "about 30 men" killed in Harlow Vale on Sunday, another's
  // "at least 16 people" killed in Ostermark on Monday.
  const sunday = query({
    counts: 'killed',
    subject: 'Harlow Vale',
    value: 30,
    qualifier: 'about',
    published: '2019-05-05',
  });
  const other = (over: Partial<FigureCandidate>) =>
    candidate({ counts: 'killed', value: 16, qualifier: 'at least', text: 'at least 16 people', ...over });

  it('shows another incident’s toll side by side, without a verdict', () => {
    const result = figuresLike(sunday, [other({ subject: 'Ostermark', published: '2019-05-06' })]);
    expect(result.items).toEqual([]);
    expect(result.verdict).toBeNull();
    expect(result.alongside.map((a) => [a.text, a.days])).toEqual([['at least 16 people', 1]]);
    expect(result.explanation).toBe(
      '1 other article gives a figure of this kind for another incident, place or time: shown side by side, not compared.',
    );
  });

  it('judges one place’s incident toll within two days, and not a week later or with no place named', () => {
    const sameDay = figuresLike(sunday, [other({ subject: 'Harlow Vale', published: '2019-05-05' })]);
    expect([sameDay.verdict, sameDay.items.length, sameDay.alongside.length]).toEqual(['differ', 1, 0]);
    // A day later the count may have changed.
    const nextDay = figuresLike(sunday, [other({ subject: 'Harlow Vale', published: '2019-05-06' })]);
    expect([nextDay.verdict, nextDay.items.length]).toEqual(['differ-dates-explain', 1]);
    const later = figuresLike(sunday, [other({ subject: 'Harlow Vale', published: '2019-05-12' })]);
    expect([later.verdict, later.alongside.length]).toEqual([null, 1]);
    const unplaced = figuresLike(sunday, [other({ subject: null, published: '2019-05-05' })]);
    expect([unplaced.verdict, unplaced.alongside.length]).toEqual([null, 1]);
  });

  it('does not judge tolls from an article, or a page, that reports several incidents at one place', () => {
    // The other article gives 16 and 45 killed in Harlow Vale: two incidents there, so neither names one.
    const several = figuresLike(sunday, [
      other({ subject: 'Harlow Vale', articleId: 'two-incidents' }),
      other({ subject: 'Harlow Vale', articleId: 'two-incidents', value: 45, text: 'at least 45' }),
    ]);
    expect([several.verdict, several.alongside.length]).toEqual([null, 2]);
    const page = figuresLike({ ...sunday, severalIncidents: true }, [other({ subject: 'Harlow Vale' })]);
    expect([page.verdict, page.alongside.length]).toEqual([null, 1]);
  });

  it('counts the articles that differ, not their figures', () => {
    // Two other articles: one gives an older toll beside one that agrees, the other a lower one that day.
    const result = figuresLike(query({ value: 7500 }), [
      candidate({ articleId: 'recalls', outlet: 'recalls.example', value: 5000 }),
      candidate({ articleId: 'recalls', outlet: 'recalls.example', value: 7500 }),
      candidate({ articleId: 'lower', outlet: 'lower.example', value: 3000 }),
    ]);
    expect(result.verdict).toBe('differ');
    expect(result.explanation).toMatch(/^1 of 2 other articles differ; lower\.example gives 3,000/);
  });
});
