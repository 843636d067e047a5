import { describe, expect, it } from 'vitest';
import { figuresLike, type FigureCandidate, type FigureQuery } from '../../../src/core/match';
import { tollSeries } from '../../../src/core/match/toll-series';
import { storedFigure } from './invented';

// Invented: the toll of a war in the invented state of Corvania, as outlets gave it over a year.
const reported = (outlet: string, published: string | null, value: number): FigureCandidate => ({
  ...storedFigure({ counts: 'deaths', subject: 'Corvania', value, text: `${value.toLocaleString('en-US')} people` }),
  articleId: `${outlet}-${published}`,
  outlet,
  published,
  sentence: '',
});
const page: FigureQuery = {
  counts: 'deaths',
  subject: 'Corvania',
  value: 4000,
  low: null,
  high: null,
  qualifier: 'over',
  text: 'over 4,000 people',
  published: '2031-06-01',
};
const series = (candidates: FigureCandidate[]) => tollSeries(page, figuresLike(page, candidates).items);

describe('tollSeries', () => {
  it('puts a cumulative toll’s values in date order, the page among them, each later higher one as growth', () => {
    const points = series([
      reported('late.example', '2031-11-20', 6500),
      reported('early.example', '2031-01-15', 1200),
      reported('same.example', '2031-06-01', 4100),
    ]);
    expect(points!.map((p) => [p.outlet, p.published, p.text, p.change])).toEqual([
      ['early.example', '2031-01-15', '1,200 people', 'first'],
      [null, '2031-06-01', 'over 4,000 people', 'grew'],
      ['same.example', '2031-06-01', '4,100 people', 'same'],
      ['late.example', '2031-11-20', '6,500 people', 'grew'],
    ]);
  });

  it('flags a toll that fell, or two values on one day, and puts undated ones last', () => {
    const points = series([
      reported('fell.example', '2031-09-01', 2500),
      reported('clash.example', '2031-06-01', 9000),
      reported('undated.example', null, 5000),
    ]);
    expect(points!.map((p) => [p.outlet, p.change])).toEqual([
      [null, 'first'],
      ['clash.example', 'differs'],
      ['fell.example', 'fell'],
      ['undated.example', 'undated'],
    ]);
  });

  it('reads two tolls in one article as two sources’ counts, not a contradiction', () => {
    const monitors = reported('both.example', '2031-01-15', 1200);
    const officials = { ...reported('both.example', '2031-01-15', 700), attribution: 'the ministry' };
    expect(series([monitors, officials])!.map((p) => [p.text, p.change])).toEqual([
      ['1,200 people', 'first'],
      ['700 people', 'other source'],
      ['over 4,000 people', 'grew'],
    ]);
  });

  it('is for cumulative tolls only, and only when another article gives one', () => {
    expect(series([])).toBeNull();
    const incident = { ...page, counts: 'killed' };
    expect(
      tollSeries(incident, figuresLike(incident, [{ ...reported('x', '2031-06-01', 40), counts: 'killed' }]).items),
    ).toBeNull();
  });
});
