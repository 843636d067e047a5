import { beforeAll, describe, expect, it } from 'vitest';
import { corpusService, type CorpusApi } from '../../src/background/corpus-service';
import type { CorpusDb } from '../../src/background/db';
import { pageArticle } from '../../src/core/corpus/page-article';
import { summarize } from '../../src/core/match';
import { freshDb } from './corpus-db';

// Invented articles: envoys many stories name (and nobody else), years before the page and in the months after
// it, and the two versions of the page's story, the day before it and the day after. Story
// matching reads only the articles nearest the page's date for each actor, on both sides, so
// the versions are among them however many other stories name the same people.
const PAGE_DATE = '2012-03-12';
const story = (place: string) =>
  `Kofi Annan met Ban Ki-moon in ${place} to discuss a ceasefire, as the Arab League prepared to meet again. ` +
  `Annan said the talks in ${place} had been useful and that both sides would study the proposal.`;
const VERSION =
  'Kofi Annan told Ban Ki-moon that the answer to his proposals had been disappointing. ' +
  'Annan said the answer was disappointing and that he would travel again on Saturday to press for a ceasefire.';
const record = (n: number, published: string, text: string) =>
  JSON.stringify({ text, url: `https://www.example-news.org/world/${n}`, outlet: 'example-news.org', published });
const day = (year: number, month: number, n: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;

/** The page's toll: at least 15 killed in Syria, published on `published`. */
const toll15 = (published: string) => ({
  counts: 'killed',
  subject: 'Syria',
  value: 15,
  low: null,
  high: null,
  qualifier: 'at least' as const,
  published,
});

let db: CorpusDb;
let corpus: CorpusApi;
let versions: string[];
let toll: string;
beforeAll(async () => {
  db = freshDb();
  corpus = corpusService(db, Promise.resolve());
  const lines = [
    // More stories on each side than matching reads per actor: in 2009, and from April to August 2012.
    ...Array.from({ length: 150 }, (_, n) => record(n, day(2009, 1 + (n % 12), n), story(`Geneva ${n}`))),
    ...Array.from({ length: 150 }, (_, n) => record(200 + n, day(2012, 4 + (n % 5), n), story(`Vienna ${n}`))),
    // A hundred later tolls for the same country, and the one given the day after the page.
    ...Array.from({ length: 100 }, (_, n) =>
      record(
        400 + n,
        day(2016, 1 + (n % 12), n),
        `At least ${50 + n} people were killed in Syria on Sunday, activists said.`,
      ),
    ),
    record(997, '2012-03-13', 'At least 16 people were killed in Syria on Monday, activists said.'),
    record(998, '2012-03-11', VERSION),
    record(999, '2012-03-13', `${VERSION} He spoke to reporters.`),
  ];
  const imported = await corpus.importArticles(lines.join('\n'), 'jsonl');
  if (!imported.ok) throw new Error(imported.error);
  versions = imported.value.added.slice(-2);
  toll = imported.value.added.at(-3)!;
}, 60_000);

describe('queries in a crowded corpus', () => {
  it('finds the versions of the day before and the day after the page, past hundreds of stories naming the same actors', async () => {
    const page = pageArticle({
      text:
        'Kofi Annan met Ban Ki-moon on Monday. Annan said the answer was disappointing ' +
        'and that he would travel again on Saturday to press for a ceasefire.',
      url: 'https://www.example-wire.org/syria-annan',
      published: PAGE_DATE,
    });
    const matches = await corpus.storyMatchOf(summarize(page));
    expect(new Set(matches.slice(0, 2).map((m) => m.articleId))).toEqual(new Set(versions));
    expect(matches.slice(0, 2).map((m) => Math.abs(m.days!))).toEqual([1, 1]);
  });

  it('compares a toll with the tolls given nearest its date, not with the newest', async () => {
    const like = await corpus.figuresLike(toll15(PAGE_DATE));
    const given = [...like.items, ...like.alongside];
    expect(given.map((f) => f.articleId)).toContain(toll);
    expect(given.find((f) => f.articleId === toll)?.days).toBe(1);
  });

  it('answers for a date that does not exist as for an undated page, rather than failing', async () => {
    const page = pageArticle({ text: VERSION, url: 'https://www.example-wire.org/annan', published: PAGE_DATE });
    const matches = await corpus.storyMatchOf({ ...summarize(page), published: '2012-13-45' });
    // Undated, the newest stories naming the envoys are read: the crowd of April to August.
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.published! >= '2012-04')).toBe(true);
    const like = await corpus.figuresLike(toll15('2012-13-45'));
    expect(like.items.length + like.alongside.length).toBeGreaterThan(0);
  });
});

describe('queries in a small corpus', () => {
  it('reads every article of an actor few name in one go, and still none from outside the years around the page', async () => {
    const small = corpusService(freshDb(), Promise.resolve());
    const lines = [
      record(1, '2004-05-10', story('Geneva')),
      record(2, '2011-06-20', story('Vienna')),
      record(3, '2012-03-13', VERSION),
    ];
    const imported = await small.importArticles(lines.join('\n'), 'jsonl');
    if (!imported.ok) throw new Error(imported.error);
    const [longAgo, lastYear, version] = imported.value.added;
    const page = pageArticle({ text: VERSION, url: 'https://www.example-wire.org/annan', published: PAGE_DATE });
    const found = (await small.storyMatchOf(summarize(page))).map((m) => m.articleId);
    expect(found).toContain(version);
    expect(found).toContain(lastYear);
    // Eight years before the page: beyond what story matching compares.
    expect(found).not.toContain(longAgo);
  });
});
