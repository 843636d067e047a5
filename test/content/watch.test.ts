// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { watchPage, whenArticleArrives } from '../../src/content/watch';

/** An article of two paragraphs in the document, watched; what the watcher reported. */
function watched() {
  document.body.innerHTML =
    '<article><p id="a">Sergey Lavrov met Kofi Annan in Moscow on Tuesday for talks.</p><p id="b">The talks went on.</p></article>';
  const root = document.querySelector('article')!;
  const seen = { replaced: 0, added: [] as Element[], changed: [] as Element[] };
  const stop = new AbortController();
  watchPage(
    document,
    root,
    {
      replaced: () => void seen.replaced++,
      added: (el) => void seen.added.push(el),
      changed: (el) => void seen.changed.push(el),
    },
    stop.signal,
  );
  return { root, seen, stop };
}

/**
 * Past the watcher's wait for quiet: its timer is set when it is called back, which is before
 * a timer of ours set after this turn's tasks (however long the callback took), and is shorter.
 */
const settled = async () => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => setTimeout(resolve, 450));
};

describe('watchPage', () => {
  let stop: AbortController | undefined;
  afterEach(() => stop?.abort());

  it('reads a paragraph whose text changed once, when the page has settled', async () => {
    const page = watched();
    stop = page.stop;
    await Promise.resolve();
    const text = document.getElementById('a')!.firstChild as Text;
    text.data = 'UPDATED: Sergey Lavrov met Kofi Annan in Moscow.';
    text.data = 'UPDATED AGAIN: Sergey Lavrov met Kofi Annan in Moscow.';
    await Promise.resolve();
    expect(page.seen.changed).toEqual([]);
    await settled();
    expect(page.seen.changed).toEqual([document.getElementById('a')]);
  });

  it('keeps up with a page that makes tens of thousands of changes at once', async () => {
    const page = watched();
    stop = page.stop;
    await Promise.resolve();
    const text = document.getElementById('b')!.firstChild as Text;
    for (let i = 0; i < 25_000; i++) text.data = `The talks went on, round ${i}.`;
    const added = document.createElement('p');
    added.textContent = 'A paragraph the page added later, long enough to be worth reading again.';
    page.root.append(added);
    await settled();
    expect(page.seen.changed).toEqual([document.getElementById('b')]);
    expect(page.seen.added).toEqual([added]);
    expect(page.seen.replaced).toBe(0);
  });
});

describe('whenArticleArrives', () => {
  it('asks a finder that answers later once at a time, and tries again after a change that came meanwhile', async () => {
    document.body.innerHTML = '<p>Loading…</p>';
    const asked: string[] = [];
    let answer!: (el: Element | null) => void;
    const find = () => {
      asked.push(document.body.textContent ?? '');
      return new Promise<Element | null>((resolve) => (answer = resolve));
    };
    const arrived = whenArticleArrives(document, find, new AbortController().signal);
    document.body.innerHTML = '<p>Still loading…</p>';
    await settled();
    expect(asked).toEqual(['Still loading…']);
    // The page changes while the finder is still working: not asked twice at once…
    document.body.innerHTML = '<article><p>Sergey Lavrov met Kofi Annan.</p></article>';
    await settled();
    expect(asked).toEqual(['Still loading…']);
    // …but again once it has answered, about the page as it is now.
    answer(null);
    await settled();
    expect(asked).toEqual(['Still loading…', 'Sergey Lavrov met Kofi Annan.']);
    answer(document.querySelector('article'));
    expect((await arrived)?.tagName).toBe('ARTICLE');
  });

  it('gives up when the signal aborts, and asks nothing after', async () => {
    document.body.innerHTML = '<p>Loading…</p>';
    let asked = 0;
    const stop = new AbortController();
    const arrived = whenArticleArrives(document, () => (asked++, null), stop.signal);
    stop.abort();
    expect(await arrived).toBeNull();
    document.body.innerHTML = '<p>Loaded.</p>';
    await settled();
    expect(asked).toBe(0);
  });
});
