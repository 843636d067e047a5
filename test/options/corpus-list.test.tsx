// @vitest-environment happy-dom
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { eachTestRoot, flush } from '../preact-dom';
import { describe, expect, it } from 'vitest';
import type { ArticleListItem, Request } from '../../src/messages';
import type { Ask } from '../../src/shared/ask';
import { CorpusList } from '../../src/options/CorpusList';

const outlet = (name: string) => ({ id: name.toLowerCase(), name, profile: null });

/** 120 articles, newest first; every third names Lavrov, one has no headline or URL. */
function corpus(): ArticleListItem[] {
  return Array.from({ length: 120 }, (_, i) => ({
    articleId: `a${i}`,
    outlet: outlet(i % 2 ? 'RT' : 'CBC News'),
    published: `2024-${String(12 - Math.floor(i / 10)).padStart(2, '0')}-${String(28 - (i % 10)).padStart(2, '0')}`,
    headline: i === 5 ? null : `Story ${i}${i % 3 ? '' : ' with Lavrov'}`,
    url: i === 5 ? null : `https://example.org/${i}`,
    origin: i < 2 ? 'user' : 'bundled',
  }));
}

/** A background that answers list and delete from memory and records every request. */
function fakeAsk(items = corpus(), fail?: string) {
  const sent: Request[] = [];
  const ask = (async (request: Request) => {
    sent.push(request);
    if (fail) return { ok: false, error: fail };
    if (request.type === 'list-articles') {
      const q = request.query ?? '';
      const actor = q === 'Lavrov' ? { id: 'sergey-lavrov', label: 'Sergey Lavrov' } : null;
      const hits = items.filter((a) => (actor ? a.headline?.includes('Lavrov') : (a.headline ?? '').includes(q)));
      const offset = request.offset ?? 0;
      return {
        ok: true,
        value: { total: hits.length, items: hits.slice(offset, offset + (request.limit ?? 50)), actor },
      };
    }
    if (request.type === 'delete-article') {
      items = items.filter((a) => a.articleId !== request.articleId);
      return { ok: true, value: { id: request.articleId } };
    }
    return { ok: false, error: `unexpected ${request.type}` };
  }) as Ask;
  return { ask, sent };
}

function Harness({ ask }: { ask: Ask }) {
  const [version, setVersion] = useState(0);
  return <CorpusList ask={ask} version={version} onChange={() => setVersion((v) => v + 1)} />;
}

let root: HTMLElement;
const text = (selector: string) => [...root.querySelectorAll(selector)].map((e) => e.textContent ?? '');
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === name || b.textContent?.startsWith(`${name} `))!;
const click = (el: Element) => act(() => void (el as HTMLElement).click());

eachTestRoot((el) => (root = el));

describe('CorpusList', () => {
  it('says it is loading, then lists the first 50 articles and the total', async () => {
    const { ask, sent } = fakeAsk();
    act(() => render(<Harness ask={ask} />, root));
    expect(text('[role="status"]')[0]).toBe('Loading the corpus…');
    await flush();
    expect(sent[0]).toEqual({ type: 'list-articles', offset: 0, limit: 50 });
    expect(text('.summary')).toEqual(['Showing 1–50 of 120']);
    expect(root.querySelectorAll('li.article')).toHaveLength(50);
    const first = root.querySelector('li.article')!;
    expect(first.querySelector('a')!.getAttribute('href')).toBe('https://example.org/0');
    expect(first.textContent).toContain('CBC News');
    expect(first.textContent).toContain('28 December 2024');
    expect(first.querySelector('.badge')!.textContent).toBe('Added by you');
    expect(root.querySelectorAll('li.article')[2]!.querySelector('.badge')!.textContent).toBe('Bundled');
    const untitled = root.querySelectorAll('li.article')[5]!;
    expect(untitled.querySelector('.headline')!.textContent).toBe('(no headline)');
    expect(untitled.querySelector('a')).toBeNull();
  });

  it('pages with Older and Newer, asking for the right offset', async () => {
    const { ask, sent } = fakeAsk();
    act(() => render(<Harness ask={ask} />, root));
    await flush();
    expect(button('Newer').getAttribute('aria-disabled')).toBe('true');
    await click(button('Older'));
    await flush();
    expect(sent.at(-1)).toEqual({ type: 'list-articles', offset: 50, limit: 50 });
    await click(button('Older'));
    await flush();
    expect(sent.at(-1)).toMatchObject({ offset: 100 });
    expect(text('.summary')).toEqual(['Showing 101–120 of 120']);
    expect(button('Older').getAttribute('aria-disabled')).toBe('true');
    await click(button('Older')); // at the end: nothing more to ask for
    await click(button('Newer'));
    await flush();
    expect(sent.at(-1)).toMatchObject({ offset: 50 });
    expect(sent).toHaveLength(4);
  });

  async function search(query: string) {
    const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    await act(() => {
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(button('Search'));
    await flush();
  }

  it('searches by actor, says which actor it read, and says when nothing matches', async () => {
    const { ask, sent } = fakeAsk();
    act(() => render(<Harness ask={ask} />, root));
    await flush();
    expect(root.querySelector('label[for="corpus-query"]')!.textContent).toBe('Search by actor or words');
    await search(' Lavrov ');
    expect(sent.at(-1)).toEqual({ type: 'list-articles', offset: 0, limit: 50, query: 'Lavrov' });
    expect(text('.summary p')).toEqual(['Articles naming Sergey Lavrov', 'Showing 1–40 of 40']);
    await search('Kofi');
    expect(text('.summary p')).toEqual(['No articles match “Kofi”.']);
    expect(root.querySelectorAll('li.article')).toHaveLength(0);
  });

  it('asks before removing, then removes, says what and lists the corpus again', async () => {
    const { ask, sent } = fakeAsk();
    act(() => render(<Harness ask={ask} />, root));
    await flush();
    const row = () => root.querySelector('li.article')!;
    await click(row().querySelector('button')!);
    expect(row().querySelector('[role="group"]')!.textContent).toContain('Remove this article from the corpus?');
    expect(document.activeElement?.textContent).toBe('Cancel');
    await act(
      () => void document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(row().querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement?.textContent).toBe('Remove Story 0 with Lavrov');
    await click(row().querySelector('button')!);
    await click(button('Cancel'));
    expect(sent.some((r) => r.type === 'delete-article')).toBe(false);
    expect(document.activeElement?.textContent).toBe('Remove Story 0 with Lavrov');
    await click(row().querySelector('button')!);
    await click(button('Yes, remove'));
    await flush();
    expect(sent.filter((r) => r.type === 'delete-article')).toEqual([{ type: 'delete-article', articleId: 'a0' }]);
    expect(sent.at(-1)).toEqual({ type: 'list-articles', offset: 0, limit: 50 });
    expect(text('p[role="status"]')).toContain(
      'Removed “Story 0 with Lavrov” (CBC News, 28 December 2024) from the corpus.',
    );
    expect(text('.summary')).toEqual(['Showing 1–50 of 119']);
    expect(row().textContent).toContain('Story 1');
    expect(document.activeElement?.textContent).toMatch(/^Removed /);
  });

  it('shows the page before when the last page’s only article is removed', async () => {
    const { ask, sent } = fakeAsk(corpus().slice(0, 51));
    act(() => render(<Harness ask={ask} />, root));
    await flush();
    await click(button('Older'));
    await flush();
    expect(text('.summary')).toEqual(['Showing 51–51 of 51']);
    await click(root.querySelector('li.article button')!);
    await click(button('Yes, remove'));
    await flush();
    expect(sent.slice(-2)).toEqual([
      { type: 'list-articles', offset: 50, limit: 50 },
      { type: 'list-articles', offset: 0, limit: 50 },
    ]);
    expect(text('.summary')).toEqual(['Showing 1–50 of 50']);
    expect(root.querySelector('.pager')).toBeNull();
  });

  it('shows an error reply in an alert, with a way to try again', async () => {
    const { ask, sent } = fakeAsk(corpus(), 'the corpus database is closed');
    act(() => render(<Harness ask={ask} />, root));
    await flush();
    expect(text('[role="alert"]')).toEqual(['the corpus database is closed']);
    expect(text('.summary')).toEqual(['The corpus could not be listed.']);
    await click(button('Try again'));
    await flush();
    expect(sent).toHaveLength(2);
  });
});
