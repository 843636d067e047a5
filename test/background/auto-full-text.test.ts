// The opt-in automatic fetch: the page's best matches that are headline entries, within the
// daily limit, and nothing at all without the opt-in.
import { describe, expect, it, vi } from 'vitest';
import { type AutoFullTextDeps, autoFetchFullText } from '../../src/background/full-text';

function deps(opts: { on: boolean; limit: number; today?: number }) {
  let today = opts.today ?? 0;
  const d: AutoFullTextDeps = {
    settings: async () => ({ autoFullText: opts.on, dailyFullTextLimit: opts.limit }),
    versions: async () => [
      { articleId: 'a-1', label: 'syndicated', depth: 'headline' },
      { articleId: 'a-2', label: 'same event', depth: 'full' },
      { articleId: 'a-3', label: 'same event', depth: 'headline' },
      { articleId: 'a-4', label: 'same event', depth: 'headline' },
    ],
    fetchFullText: vi.fn(async (id: string) =>
      id === 'a-3' ? { ok: false as const, error: 'paywall' } : { ok: true as const, value: { id } },
    ),
    fetchedToday: async () => today,
    countFetch: async () => void today++,
  };
  return { d, today: () => today };
}

describe('autoFetchFullText', () => {
  it('fetches the headline entries among the top three matches, and counts each try', async () => {
    const { d, today } = deps({ on: true, limit: 20 });
    expect(await autoFetchFullText(d)).toEqual(['a-1']);
    expect(d.fetchFullText).toHaveBeenCalledTimes(2); // a-1 and a-3 (a paywall); a-4 is not in the top three
    expect(today()).toBe(2);
  });

  it('stops at the daily limit', async () => {
    const { d } = deps({ on: true, limit: 5, today: 5 });
    expect(await autoFetchFullText(d)).toEqual([]);
    expect(d.fetchFullText).not.toHaveBeenCalled();
  });

  it('does nothing without the reader’s opt-in', async () => {
    const { d } = deps({ on: false, limit: 20 });
    expect(await autoFetchFullText(d)).toEqual([]);
    expect(d.fetchFullText).not.toHaveBeenCalled();
  });
});
