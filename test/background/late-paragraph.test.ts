// Text a page adds after it was read (a late paragraph) is annotated as the next paragraph of
// the page's kept reading, so the article's full names resolve its surnames; without a
// reading it is annotated alone, as before. Over a real corpus in fake-indexeddb.
import { describe, expect, it, vi } from 'vitest';
import { corpusService } from '../../src/background/corpus-service';
import { seedBundled } from '../../src/background/corpus-store';
import { type Extract, pageService } from '../../src/background/page-service';
import type { Annotation } from '../../src/core/types';
import { bundled, freshDb } from './corpus-db';

/** An invented article that names both people in full. */
const PAGE = {
  text: 'Aid talks in Geneva\n\nU.S. Secretary of State Hillary Clinton met U.N. Secretary-General Ban Ki-moon in Geneva on Friday to discuss aid for Syria.\n\nThe two spoke for an hour, officials said.',
  url: 'https://www.example-news.com/world/geneva-aid-talks',
  published: '2012-03-09',
};
/** What the page adds later: the same two people by surname only. */
const LATE = 'Later, Clinton told reporters that Ban had promised more monitors.';

async function setup() {
  const db = freshDb();
  const ready = seedBundled(db, bundled);
  const extract = vi.fn<Extract>(async () => ({ ok: false, error: 'no tabs in this test' }));
  const pages = pageService(db, ready, corpusService(db, ready), extract);
  await ready;
  return { pages };
}

const actors = (found: Annotation[]) =>
  found.flatMap((a) => (a.kind === 'actor' ? [{ text: LATE.slice(a.start, a.end), actorId: a.actorId }] : []));

describe('a late paragraph of a page', () => {
  it('is read with the article’s context: its surnames resolve, with offsets into the paragraph only', async () => {
    const { pages } = await setup();
    const read = await pages.readPage(PAGE, 5);
    if (!read.ok) throw new Error(read.error);
    // The people the article named in full, as the engine identified them there.
    const idOf = (name: string) => {
      const a = read.value.annotations.find((a) => a.kind === 'actor' && a.text === name);
      if (a?.kind !== 'actor' || !a.actorId) throw new Error(`the article should name ${name}`);
      return a.actorId;
    };

    const found = await pages.annotateText(LATE, PAGE.published, read.value.articleId);

    expect(actors(found)).toEqual([
      { text: 'Clinton', actorId: idOf('Hillary Clinton') },
      { text: 'Ban', actorId: idOf('Ban Ki-moon') },
    ]);
    expect(found.map((a) => [a.start, a.end])).toEqual([
      [LATE.indexOf('Clinton'), LATE.indexOf('Clinton') + 'Clinton'.length],
      [LATE.indexOf('Ban'), LATE.indexOf('Ban') + 'Ban'.length],
    ]);
    // Nothing of the article comes back: every annotation is the paragraph's own text.
    expect(found.every((a) => a.end <= LATE.length && a.text === LATE.slice(a.start, a.end))).toBe(true);
  });

  it('is annotated alone, as before, without a kept reading', async () => {
    const { pages } = await setup();
    await pages.readPage(PAGE, 5);
    const alone = await pages.annotateText(LATE, PAGE.published);
    expect(actors(alone)).toEqual([]);
    // An id nothing was read under is no context either.
    expect(await pages.annotateText(LATE, PAGE.published, 'a-000000000001')).toEqual(alone);
  });
});
