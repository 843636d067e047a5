import { describe, expect, it } from 'vitest';
import type { DatedFigure } from '../../../src/core/match/same-measure';
import { related, sameMeasure, tollChange, tollGrew, unclearIncidents } from '../../../src/core/match/same-measure';

// Invented tolls in an invented country, Meridia, and its town of Calder Rise.
const toll = (over: Partial<DatedFigure>): DatedFigure => ({
  counts: 'killed',
  subject: 'Calder Rise',
  value: 12,
  low: null,
  high: null,
  qualifier: null,
  unit: 'people',
  published: '2020-02-10',
  ...over,
});

describe('sameMeasure', () => {
  it('takes one incident’s tolls as the same measure only at one named place within two days', () => {
    expect(sameMeasure(toll({}), toll({ value: 20, published: '2020-02-12' }))).toBe(true);
    expect(sameMeasure(toll({}), toll({ published: '2020-02-13' }))).toBe(false);
    expect(sameMeasure(toll({}), toll({ subject: 'Meridia' }))).toBe(false);
    expect(sameMeasure(toll({}), toll({ subject: null }))).toBe(false);
    expect(sameMeasure(toll({}), toll({ published: null }))).toBe(false);
  });

  it('takes a cumulative toll for one place as one series at any date, and other figures by kind and subject', () => {
    const deaths = (over: Partial<DatedFigure>) => toll({ counts: 'deaths', subject: 'Meridia', ...over });
    expect(sameMeasure(deaths({}), deaths({ published: '2021-07-01', value: 900 }))).toBe(true);
    expect(sameMeasure(deaths({}), deaths({ subject: null }))).toBe(false);
    const aid = (over: Partial<DatedFigure>) => toll({ counts: 'money', unit: 'EUR', subject: null, ...over });
    expect(sameMeasure(aid({}), aid({ subject: 'Meridia', published: '2024-01-01' }))).toBe(true);
    expect(sameMeasure(aid({}), aid({ unit: 'USD' }))).toBe(false);
  });

  it('shows a toll anywhere beside another of its kind, but other figures only about the same subject', () => {
    expect(related(toll({}), toll({ subject: 'Meridia' }))).toBe(true);
    expect(related(toll({}), toll({ counts: 'wounded' }))).toBe(false);
    const aid = (subject: string) => toll({ counts: 'money', unit: 'EUR', subject });
    expect(related(aid('Meridia'), aid('Calder Rise'))).toBe(false);
  });
});

describe('unclearIncidents', () => {
  it('marks every toll of one kind at one place when the article gives two that disagree', () => {
    const a = toll({ value: 12 });
    const b = toll({ value: 40, qualifier: 'at least' });
    const elsewhere = toll({ subject: 'Meridia', value: 3 });
    const wounded = toll({ counts: 'wounded', value: 70 });
    expect(unclearIncidents([a, b, elsewhere, wounded])).toEqual(new Set([a, b]));
    // "about 12" and "a dozen" agree: one incident, told twice.
    expect(unclearIncidents([a, toll({ value: 12, qualifier: 'about' })]).size).toBe(0);
  });
});

describe('tollGrew', () => {
  it('reads a later, higher cumulative toll as growth, and a later, lower one or another kind as not', () => {
    const deaths = (value: number, published: string) => toll({ counts: 'deaths', value, published });
    expect(tollGrew(deaths(800, '2020-01-01'), deaths(1200, '2020-06-01'))).toBe(true);
    expect(tollGrew(deaths(1200, '2020-06-01'), deaths(800, '2020-01-01'))).toBe(true);
    expect(tollGrew(deaths(1200, '2020-01-01'), deaths(800, '2020-06-01'))).toBe(false);
    expect(tollGrew(deaths(800, '2020-01-01'), deaths(1200, '2020-01-01'))).toBe(false);
    expect(tollGrew(toll({ value: 8 }), toll({ value: 12, published: '2020-03-01' }))).toBe(false);
  });
});

describe('tollChange', () => {
  it('says whether a cumulative toll grew or fell from the earlier report to the later, either way round', () => {
    const deaths = (over: Partial<DatedFigure>) => toll({ counts: 'deaths', subject: 'Meridia', ...over });
    const january = deaths({ value: 800, published: '2020-01-01' });
    expect(tollChange(january, deaths({ value: 1200, published: '2020-06-01' }))).toBe('grew');
    expect(tollChange(deaths({ value: 1200, published: '2020-06-01' }), january)).toBe('grew');
    expect(tollChange(january, deaths({ value: 500, published: '2020-06-01' }))).toBe('fell');
    expect(tollChange(deaths({ value: 500, published: '2020-06-01' }), january)).toBe('fell');
    // Values that agree ("about 820"), the same day, an unknown date, another kind of count: neither.
    expect(tollChange(january, deaths({ value: 820, qualifier: 'about', published: '2020-06-01' }))).toBeNull();
    expect(tollChange(january, deaths({ value: 1200, published: '2020-01-01' }))).toBeNull();
    expect(tollChange(january, deaths({ value: 1200, published: null }))).toBeNull();
    expect(tollChange(toll({ value: 8 }), toll({ value: 4, published: '2020-03-01' }))).toBeNull();
  });
});
