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

let db: CorpusDb;
let corpus: CorpusApi;
let versions: string[];
beforeAll(async () => {
  db = freshDb();
  corpus = corpusService(db, Promise.resolve());
  const lines = [
    // More stories on each side than matching reads per actor: in 2009, and from April to August 2012.
    ...Array.from({ length: 150 }, (_, n) => record(n, day(2009, 1 + (n % 12), n), story(`Geneva ${n}`))),
    ...Array.from({ length: 150 }, (_, n) => record(200 + n, day(2012, 4 + (n % 5), n), story(`Vienna ${n}`))),
    record(998, '2012-03-11', VERSION),
    record(999, '2012-03-13', `${VERSION} He spoke to reporters.`),
  ];
  const imported = await corpus.importArticles(lines.join('\n'), 'jsonl');
  if (!imported.ok) throw new Error(imported.error);
  versions = imported.value.added.slice(-2);
}, 60_000);

describe('story matching in a crowded corpus', () => {
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
});
