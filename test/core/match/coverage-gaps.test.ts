import { describe, expect, it } from 'vitest';
import { coverageGaps, type ArticleSummary } from '../../../src/core/match';
import { stories } from './stories';

const ids = (gaps: { id: string }[]) => gaps.map((g) => g.id);

describe('coverageGaps on the seeds', () => {
  it("CBC carries Canada's $6M aid and Bev Oda, which VOA leaves out", () => {
    const { cbc, voa } = stories();
    const gaps = coverageGaps(voa.summary, [cbc.summary]);
    expect(ids(gaps.missing.actors)).toEqual(
      expect.arrayContaining(['bev-oda', 'Q16', 'cida', 'quartet-on-the-middle-east']),
    );
    expect(gaps.missing.actors.find((a) => a.id === 'bev-oda')).toEqual({
      id: 'bev-oda',
      label: 'Bev Oda',
      carriedBy: [{ articleId: '000', outlet: 'cbc.ca' }],
    });
    // "$6M" (subhead) and "$6 million" (body) are one figure.
    expect(gaps.missing.figures.filter((f) => f.figure.counts === 'money')).toEqual([
      {
        figure: expect.objectContaining({ value: 6e6, unit: 'CAD', subject: 'Canada' }),
        carriedBy: [{ articleId: '000', outlet: 'cbc.ca' }],
      },
    ]);
    expect(gaps.missing.quotes.map((q) => q.quote.speaker)).toContain('Bev Oda');
    // Both give the toll and quote Lavrov's "huge share": neither is a gap.
    expect(gaps.missing.figures.some((f) => f.figure.counts === 'deaths')).toBe(false);
    expect(gaps.missing.quotes.some((q) => q.quote.text.includes('huge share'))).toBe(false);
  });

  it('VOA carries Valerie Amos and the Syrian Network for Human Rights, which CBC leaves out', () => {
    const { cbc, voa } = stories();
    const gaps = coverageGaps(cbc.summary, [voa.summary]);
    expect(ids(gaps.missing.actors)).toEqual(
      expect.arrayContaining(['valerie-amos', 'syrian-network-for-human-rights', 'william-hague']),
    );
    expect(gaps.missing.quotes.map((q) => q.quote.speaker)).toEqual(
      expect.arrayContaining(['Valerie Amos', 'William Hague']),
    );
    expect(gaps.missing.figures.map((f) => f.figure.text)).toEqual([
      'some 50-60 thousand people',
      'dozens',
      'at least 45 victims',
      'about 30 men',
    ]);
    // The reverse: what only CBC carries.
    expect(ids(gaps.extra.actors)).toEqual(expect.arrayContaining(['bev-oda', 'Q16']));
    expect(gaps.extra.actors.every((a) => a.carriedBy[0]!.articleId === '000')).toBe(true);
    expect(gaps.extra.figures.filter((f) => f.figure.counts === 'money')).toHaveLength(1);
    expect(gaps.extra.quotes.some((q) => q.quote.text.includes('huge share'))).toBe(false);
  });

  it('sorts what is missing by how many other versions carry it, and reports even actors everyone names', () => {
    const { cbc, voa, reprint, brief } = stories();
    const gaps = coverageGaps(brief.summary, [cbc.summary, voa.summary, reprint.summary, brief.summary]);
    const counts = gaps.missing.actors.map((a) => a.carriedBy.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // Kofi Annan, China and Britain are in all three full versions and not in the brief.
    expect(gaps.missing.actors.slice(0, 3).map((a) => a.label)).toEqual(['China', 'Kofi Annan', 'United Kingdom']);
    expect(gaps.missing.actors[1]!.carriedBy.map((c) => c.outlet)).toEqual([
      'cbc.ca',
      'voanews.com',
      'gazette.example',
    ]);
    expect(gaps.missing.actors.at(-1)).toMatchObject({
      label: 'William Hague',
      carriedBy: [{ outlet: 'voanews.com' }],
    });
    // The page itself is not one of the "other versions".
    expect(gaps.missing.actors.flatMap((a) => a.carriedBy).some((c) => c.articleId === brief.summary.id)).toBe(false);
    expect(gaps.extra.actors).toEqual([]);
  });
});

/** A bare summary, as stored, with what a test sets. */
const summaryOf = (id: string, over: Partial<ArticleSummary>): ArticleSummary => ({
  id,
  outlet: `${id}.example`,
  published: '2012-03-12',
  headline: null,
  url: null,
  actors: {},
  labels: {},
  quotes: [],
  figures: [],
  minhash: [],
  quoteShingles: [],
  ...over,
});

describe('coverageGaps', () => {
  const summary = summaryOf;

  it('lists a fragment and the full quote apart, and counts the page as carrying a quote it has in part', () => {
    const page = summary('page', {
      quotes: [{ text: 'stand silent', speakerId: 'Q6294', speaker: 'Hillary Clinton' }],
    });
    const other = summary('other', {
      quotes: [
        {
          text: 'stand silent when governments massacre their own people',
          speakerId: 'Q6294',
          speaker: 'Hillary Clinton',
        },
        { text: 'pull back from the brink', speakerId: 'Q1253', speaker: 'Ban Ki-moon' },
      ],
    });
    const gaps = coverageGaps(page, [other]);
    expect(gaps.missing.quotes.map((q) => q.quote.text)).toEqual(['pull back from the brink']);
    expect(gaps.extra.quotes).toEqual([]);
  });

  it("with no other versions, everything is the page's own", () => {
    const page = summary('page', { actors: { Q30: 3, Q148: 1 }, labels: { Q30: 'United States', Q148: 'China' } });
    const gaps = coverageGaps(page, []);
    expect(gaps.missing).toEqual({ actors: [], figures: [], quotes: [] });
    expect(gaps.extra.actors.map((a) => a.label)).toEqual(['United States', 'China']);
  });
});

describe('coverageGaps per version', () => {
  // Invented: a page and two versions about talks in the invented city of Brennholt.
  const summary = (id: string, over: Partial<ArticleSummary>) =>
    summaryOf(id, { published: '2027-10-04', headline: `${id} headline`, ...over });
  const labels = { A: 'Ana Ferrow', B: 'Brennholt', C: 'Council of Nine', D: 'Dario Quell' };

  it('gives each version what it carries that the page lacks, and what the page carries that it lacks', () => {
    const page = summary('page', { actors: { A: 2, B: 1, C: 1 }, labels });
    const one = summary('one', { actors: { A: 1, D: 3 }, labels });
    const two = summary('two', { actors: { A: 1, B: 1, C: 2 }, labels });
    const gaps = coverageGaps(page, [one, two, page]);
    expect(
      gaps.versions.map((v) => [
        v.articleId,
        v.headline,
        v.missing.actors.map((a) => a.id),
        v.extra.actors.map((a) => a.id),
      ]),
    ).toEqual([
      ['one', 'one headline', ['D'], ['B', 'C']],
      ['two', 'two headline', [], []],
    ]);
    // Against all versions together, only what no version carries is the page's own.
    expect(gaps.extra.actors).toEqual([]);
  });
});
