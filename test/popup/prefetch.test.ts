// The popup asks for its page and the page's story before its first frame, and its
// components take those answers instead of asking again.
import { describe, expect, it } from 'vitest';
import type { Request } from '../../src/messages';
import { askFirstAhead, askingAhead } from '../../src/popup/prefetch';
import type { Ask } from '../../src/shared/ask';

/** A background that answers each request with the number of requests it has had, and logs them. */
function background(page: { ok: boolean; story?: unknown[] } = { ok: true }) {
  const sent: Request[] = [];
  const ask = (async (request: Request) => {
    sent.push(request);
    if (request.type === 'page-of-tab')
      return page.ok
        ? { ok: true, value: { articleId: 'a-000000000007', ...(page.story && { story: page.story }) } }
        : { ok: false, error: 'cannot read this page' };
    return { ok: true, value: sent.length };
  }) as unknown as Ask;
  return { ask, sent };
}

describe('asking ahead', () => {
  it('hands an answer asked ahead to the first component that asks the same, once', async () => {
    const { ask: send, sent } = background();
    const { ask, ahead } = askingAhead(send);
    const early = ahead({ type: 'corpus-status' });
    expect(await ask({ type: 'corpus-status' })).toBe(await early);
    expect(sent).toHaveLength(1);
    // Asked again (a view that reloads): the background answers anew.
    expect(await ask({ type: 'corpus-status' })).toEqual({ ok: true, value: 2 });
    // Another request is never answered with it.
    expect(await ask({ type: 'get-settings' })).toEqual({ ok: true, value: 3 });
    expect(sent.map((r) => r.type)).toEqual(['corpus-status', 'corpus-status', 'get-settings']);
  });

  it('asks for the tab’s page, then that page’s story, before the popup renders', async () => {
    const { ask: send, sent } = background();
    const asking = askingAhead(send);
    const { ask } = asking;
    await askFirstAhead(asking, 5, 'https://www.cbc.ca/news/world/a-1');
    expect(sent).toEqual([
      { type: 'page-of-tab', tabId: 5, url: 'https://www.cbc.ca/news/world/a-1' },
      { type: 'story-match', articleId: 'a-000000000007' },
    ]);
    // The popup's own requests, as its components make them, take both answers.
    expect(await ask({ type: 'page-of-tab', tabId: 5, url: 'https://www.cbc.ca/news/world/a-1' })).toMatchObject({
      ok: true,
    });
    expect(await ask({ type: 'story-match', articleId: 'a-000000000007' })).toEqual({ ok: true, value: 2 });
    expect(sent).toHaveLength(2);
  });

  it('asks for no story when the page came with it (the background had it worked out)', async () => {
    const story = [{ articleId: 'a-000000000008', score: 0.9, label: 'same event', reasons: [] }];
    const { ask: send, sent } = background({ ok: true, story });
    const asking = askingAhead(send);
    await askFirstAhead(asking, 5);
    expect(sent.map((r) => r.type)).toEqual(['page-of-tab']);
    // The story view takes it as the answer to its own request, once.
    expect(await asking.ask({ type: 'story-match', articleId: 'a-000000000007' })).toEqual({ ok: true, value: story });
    expect(sent).toHaveLength(1);
    await asking.ask({ type: 'story-match', articleId: 'a-000000000007' });
    expect(sent.map((r) => r.type)).toEqual(['page-of-tab', 'story-match']);
  });

  it('asks for no story when the page cannot be read, nor for a popup with no tab', async () => {
    const unreadable = background({ ok: false });
    await askFirstAhead(askingAhead(unreadable.ask), 5);
    expect(unreadable.sent.map((r) => r.type)).toEqual(['page-of-tab']);
    const none = background();
    await askFirstAhead(askingAhead(none.ask), null);
    expect(none.sent).toEqual([]);
  });
});
