import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import type { FigureAnnotation } from '../../src/core/types';

const figures = (text: string) => annotate(text).filter((a): a is FigureAnnotation => a.kind === 'figure');
const one = (text: string) => {
  const found = figures(text);
  expect(found, `one figure in: ${text}`).toHaveLength(1);
  return found[0]!;
};

describe('figures', () => {
  it('reads separators, decimals and scaled forms', () => {
    expect(one('The war has killed 7,500 people.').value).toBe(7500);
    expect(one('Donors pledged $1.2bn on Tuesday.')).toMatchObject({ value: 1.2e9, unit: 'USD', counts: 'money' });
    expect(one('Canada will give $6M to Syria.')).toMatchObject({ value: 6e6, unit: 'CAD', counts: 'money' });
    expect(one('The EU gave €30 million in aid.')).toMatchObject({ value: 3e7, unit: 'EUR' });
    expect(one('Britain pledged £2.5 billion.')).toMatchObject({ value: 2.5e9, unit: 'GBP' });
    expect(one('Ottawa sent C$12 million.')).toMatchObject({ value: 1.2e7, unit: 'CAD' });
    expect(one('It costs 40 million dollars a year.')).toMatchObject({ value: 4e7, unit: 'USD', counts: 'money' });
  });

  it('reads European separators when the text writes them', () => {
    const text =
      'Nach Angaben der UNO wurden 7.500 Menschen getötet; 1.200.000 sind geflohen. Das Budget liegt bei 2,5 Millionen.';
    expect(figures(text).map((f) => f.value)).toEqual(expect.arrayContaining([7500, 1200000]));
  });

  it('reads number words, vague quantities and ranges', () => {
    expect(one('Gunmen killed twenty-five civilians.')).toMatchObject({ value: 25, counts: 'killed', unit: 'people' });
    expect(one('Dozens of men were shot dead.')).toMatchObject({ value: null, counts: 'killed' });
    expect(one('The fighting has displaced thousands.')).toMatchObject({ value: null, counts: 'displaced' });
    expect(one('Some 50-60 thousand people used to live there.')).toMatchObject({
      value: null,
      low: 50000,
      high: 60000,
      qualifier: 'about',
      counts: 'residents',
    });
    expect(one('Between 50,000 and 60,000 people fled the city.')).toMatchObject({
      low: 50000,
      high: 60000,
      counts: 'displaced',
    });
  });

  it('keeps qualifiers', () => {
    expect(one('The conflict has killed over 7,500 people.')).toMatchObject({
      value: 7500,
      qualifier: 'over',
      counts: 'deaths',
    });
    expect(one('More than 200 people were wounded.')).toMatchObject({ qualifier: 'over', counts: 'wounded' });
    expect(one('At least 16 people were killed on Monday.')).toMatchObject({ qualifier: 'at least', counts: 'killed' });
    expect(one('Nearly 3,000 were arrested.')).toMatchObject({ qualifier: 'nearly', counts: 'arrested' });
    expect(one('Up to 400 refugees crossed the border.')).toMatchObject({ qualifier: 'up to', counts: 'refugees' });
    expect(one('An estimated 2,700 people have died.')).toMatchObject({ qualifier: 'estimated', counts: 'deaths' });
    expect(one('Officials estimate that 7,500 people have died.')).toMatchObject({ qualifier: 'estimated' });
  });

  it('reads percentages and votes', () => {
    expect(one('Turnout was 62% in the capital.')).toMatchObject({ value: 62, counts: 'percent', unit: 'percent' });
    expect(one('Support fell to 40 per cent.')).toMatchObject({ value: 40, counts: 'percent' });
    expect(one('The resolution passed with 13 votes in favour.')).toMatchObject({ value: 13, counts: 'votes' });
    expect(one('It needs a two-thirds majority in the Assembly.')).toMatchObject({
      value: 0.6667,
      counts: 'votes',
      unit: 'fraction of votes',
    });
  });

  it('ignores dates, years, clock times, ages, ordinals, durations and document numbers', () => {
    const text = [
      'On March 12, 2012, at 10:30 a.m., the council met for the 3rd time since 2011.',
      'Resolution 242 and Article 51 were cited by a 45-year-old diplomat aged 45.',
      'The two-day trip ended; the two countries agreed on a two-state solution within three years.',
      'They spoke with one voice.',
    ].join(' ');
    expect(figures(text).map((f) => f.text)).toEqual([]);
  });

  it('names what a bare number counts from the noun after it, across abbreviations', () => {
    expect(
      one('Russia and China have vetoed two U.S. and European-backed Security Council resolutions.'),
    ).toMatchObject({ value: 2, counts: 'other', unit: 'resolutions' });
    expect(one('Russia launched 145 drones overnight.')).toMatchObject({ counts: 'other', unit: 'drones' });
  });

  it('takes the subject from the sentence, else from the state named just before', () => {
    expect(one('The conflict in Syria has killed 7,500 people.').subject).toBe('Syria');
    expect(
      one('Syria rejected the plan.\n\nOfficials estimate that 7,500 people have died in the year-long violence.')
        .subject,
    ).toBe('Syria');
  });

  it('says who gives a figure', () => {
    expect(one('The conflict has killed 7,500 people, according to the United Nations.').attribution).toEqual({
      label: 'United Nations',
      actorId: 'united-nations',
    });
    expect(one('U.N. officials estimate that 7,500 people have died.').attribution?.actorId).toBe('united-nations');
    expect(one('Syrian activists say that gunmen killed at least 16 people.').attribution).toEqual({
      label: 'Syrian activists',
    });
    expect(one('"We counted 45 bodies," Valerie Amos said.').attribution?.label).toBe('Valerie Amos');
    expect(one('The army killed 12 fighters.').attribution).toBeUndefined();
  });

  it('tells a cumulative death toll from one incident', () => {
    expect(one('The uprising has killed 9,000 people since March.').counts).toBe('deaths');
    expect(one('The death toll rose to 9,000.').counts).toBe('deaths');
    expect(one('A car bomb killed 30 people in Aleppo.').counts).toBe('killed');
  });
});
