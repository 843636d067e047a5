import { describe, expect, it } from 'vitest';
import { figureEvidence, pageFigures } from '../../../src/core/match/figure-evidence';
import type { ArticleSummary, SummaryFigure } from '../../../src/core/match';

// Invented: two reports from the invented port of Saltmere.
const figure = (over: Partial<SummaryFigure>): SummaryFigure => ({
  counts: 'killed',
  subject: 'Saltmere',
  value: 9,
  low: null,
  high: null,
  qualifier: null,
  unit: 'people',
  attribution: null,
  text: 'nine people',
  ...over,
});
const article = (id: string, published: string, figures: SummaryFigure[]): ArticleSummary => ({
  id,
  outlet: `${id}.example`,
  published,
  headline: null,
  url: null,
  actors: {},
  labels: {},
  quotes: [],
  figures,
  minhash: [],
  quoteShingles: [],
});

describe('figureEvidence', () => {
  it('counts an agreeing toll of the same incident, and none from an article reporting several there', () => {
    const page = article('page', '2022-08-01', [figure({})]);
    const same = article('same', '2022-08-02', [figure({ value: 9, text: '9 dead' })]);
    expect(figureEvidence(pageFigures(page), same)?.compared).toEqual([
      { counts: 'killed', page: 'nine people', other: '9 dead', agree: true },
    ]);
    const several = article('several', '2022-08-01', [figure({ text: '9' }), figure({ value: 30, text: '30' })]);
    expect(figureEvidence(pageFigures(page), several)).toBeNull();
    const weekLater = article('later', '2022-08-09', [figure({ text: '9 dead' })]);
    expect(figureEvidence(pageFigures(page), weekLater)).toBeNull();
  });

  it('does not read a cumulative toll that grew between the two dates as a difference', () => {
    const deaths = (value: number) => figure({ counts: 'deaths', subject: 'Estland', value, text: `${value}` });
    const page = article('page', '2022-08-01', [deaths(3000)]);
    expect(figureEvidence(pageFigures(page), article('earlier', '2022-03-01', [deaths(1000)]))).toBeNull();
    expect(figureEvidence(pageFigures(page), article('fell', '2022-12-01', [deaths(1000)]))?.compared).toEqual([
      { counts: 'deaths', page: '3000', other: '1000', agree: false },
    ]);
  });
});
