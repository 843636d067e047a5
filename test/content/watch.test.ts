// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { watchPage } from '../../src/content/watch';

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
