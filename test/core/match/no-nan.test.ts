import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  coverageGaps,
  figuresLike,
  quoteShingles,
  storyMatch,
  summarize,
  type ArticleSummary,
  type CorpusStats,
  type SummaryFigure,
} from '../../../src/core/match';

/** Every number anywhere in a value, with where it is. */
function numbersIn(value: unknown, path = '$'): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  return [];
}

const notFinite = (value: unknown) => numbersIn(value).filter(([, n]) => !Number.isFinite(n));

const ACTOR_IDS = ['veloria', 'astrania', 'ilse-marrow', 'tarvic-union', 'karsk'];
const COUNTS = ['deaths', 'killed', 'wounded', 'displaced', 'refugees', 'money', 'votes', 'percent', 'other'];

/** Numbers as a summary could hold them, degenerate ones included; `finite` leaves out NaN and infinities. */
const anyNumber = (finite: boolean) =>
  fc.oneof(
    fc.constantFrom(0, -0, 1, -1, 1e-300, 1e15, 1e300, Number.MAX_VALUE, -Number.MAX_VALUE),
    fc.integer({ min: -1000, max: 1_000_000 }),
    fc.double({ noNaN: finite, noDefaultInfinity: finite }),
  );

const text = fc.oneof(
  fc.constantFrom('', ' ', '.', '…', '"', '“”', '—', '!!!', ' . , ; ', '12', 'Marrow'),
  fc.string({ maxLength: 40 }),
  fc
    .array(fc.constantFrom('the', 'ministers', 'met', 'in', 'Karsk', 'said', 'crossings', '1,200'), {
      maxLength: 30,
    })
    .map((ws) => ws.join(' ')),
);

const date = fc.option(
  fc.oneof(
    fc.constantFrom('2031-05-06', '2031-05-07', '1970-01-01', '0000-00-00', '9999-99-99', 'soon', ''),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  ),
);

const figure = (finite: boolean): fc.Arbitrary<SummaryFigure> =>
  fc.record({
    counts: fc.constantFrom(...COUNTS),
    subject: fc.option(fc.constantFrom('Veloria', 'Astrania', '')),
    value: fc.option(anyNumber(finite)),
    low: fc.option(anyNumber(finite)),
    high: fc.option(anyNumber(finite)),
    qualifier: fc.option(fc.constantFrom('over', 'at least', 'about', 'estimated', 'nearly', 'up to', 'under')),
    unit: fc.constantFrom('people', 'USD', 'percent', 'votes', ''),
    attribution: fc.option(fc.constantFrom('Tarvic Union', '')),
    text: fc.constantFrom('', 'dozens', 'thousands of people', '1,200 people', '30 percent', 'up to 60%'),
  });

/** A summary of a random text, then its fields made random or degenerate. */
const summary = (finite: boolean): fc.Arbitrary<ArticleSummary> =>
  fc
    .record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      published: date,
      text,
      actors: fc.dictionary(fc.constantFrom(...ACTOR_IDS), anyNumber(finite)),
      quotes: fc.array(text, { maxLength: 4 }),
      figures: fc.array(figure(finite), { maxLength: 4 }),
      sketch: fc.constantFrom('kept', 'absent', 'empty', 'odd'),
      minhash: fc.constantFrom('kept', 'empty', 'short'),
    })
    .map((r) => {
      const s = summarize({
        id: r.id,
        outlet: 'example.org',
        published: r.published,
        headline: null,
        url: null,
        text: r.text,
        annotations: [],
      });
      s.actors = r.actors;
      s.labels = Object.fromEntries(Object.keys(r.actors).map((id) => [id, id]));
      s.quotes = r.quotes.map((q) => ({ text: q, speakerId: null, speaker: null }));
      s.quoteShingles = s.quotes.flatMap((q) => quoteShingles(q.text));
      s.figures = r.figures;
      if (r.sketch === 'absent') delete s.textSketch;
      if (r.sketch === 'empty') s.textSketch = { bottom: [], shingles: 0 };
      if (r.sketch === 'odd') s.textSketch = { bottom: [5, 3, 3], shingles: finite ? 1 : Number.NaN };
      if (r.minhash === 'empty') s.minhash = [];
      if (r.minhash === 'short') s.minhash = s.minhash.slice(0, 3);
      return s;
    });

const stats = (finite: boolean): fc.Arbitrary<CorpusStats> =>
  fc
    .record({ total: anyNumber(finite), df: fc.dictionary(fc.constantFrom(...ACTOR_IDS), anyNumber(finite)) })
    .map(({ total, df }) => ({ totalArticles: total, articlesMentioning: (id: string) => df[id] ?? 0 }));

describe('no NaN or infinite score, whatever the articles', () => {
  it('storyMatch: every number in every match is finite, scores within 0..1', () => {
    fc.assert(
      fc.property(summary(false), fc.array(summary(false), { maxLength: 5 }), stats(false), (page, others, st) => {
        const matches = storyMatch(page, others, st);
        expect(notFinite(matches)).toEqual([]);
        for (const m of matches) {
          expect(m.score).toBeGreaterThanOrEqual(0);
          expect(m.score).toBeLessThanOrEqual(1);
          expect(m.similarity).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a quote that is only punctuation, empty texts, no actors and no dates give finite zeros', () => {
    const blank = (id: string, quote: string) => {
      const s = summarize({ id, outlet: 'o', published: null, headline: null, url: null, text: '', annotations: [] });
      s.quotes = [{ text: quote, speakerId: null, speaker: null }];
      return s;
    };
    for (const quote of ['…', '"', ' ', '']) {
      const [m] = storyMatch(blank('a', quote), [blank('b', quote)], { totalArticles: 0, articlesMentioning: () => 0 });
      expect(notFinite(m)).toEqual([]);
      expect(m).toMatchObject({ score: 0, similarity: 0, label: 'unrelated' });
    }
  });

  it('coverageGaps and figuresLike: finite numbers in, finite numbers out', () => {
    fc.assert(
      fc.property(summary(true), fc.array(summary(true), { maxLength: 4 }), (page, others) => {
        expect(notFinite(coverageGaps(page, others))).toEqual([]);
        for (const f of page.figures) {
          const candidates = others.flatMap((o) =>
            o.figures.map((g) => ({ ...g, articleId: o.id, outlet: o.outlet, published: o.published, sentence: '' })),
          );
          expect(notFinite(figuresLike({ ...f, published: page.published }, candidates))).toEqual([]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
