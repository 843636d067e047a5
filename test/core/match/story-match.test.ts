import { describe, expect, it } from 'vitest';
import {
  storyMatch,
  type ArticleSummary,
  type CorpusStats,
  type MatchReason,
  type StoryMatch,
} from '../../../src/core/match';
import { statsOf, stories, type Stories } from './stories';

type Name = keyof Stories;

/** Each candidate's label and score from `page`'s side, keyed by story name. */
function matchFrom(all: Stories, page: Name, stats?: CorpusStats): Record<string, StoryMatch> {
  const summaries = Object.values(all).map((s) => s.summary);
  const names = new Map(Object.entries(all).map(([name, s]) => [s.summary.id, name]));
  const matches = storyMatch(all[page].summary, summaries, stats ?? statsOf(summaries));
  return Object.fromEntries(matches.map((m) => [names.get(m.articleId)!, m]));
}

const reason = <K extends MatchReason['kind']>(m: StoryMatch, kind: K) =>
  m.reasons.find((r): r is Extract<MatchReason, { kind: K }> => r.kind === kind);

// Rarity as a corpus of 10,000 diplomacy articles would give it: states and the UN are
// everywhere, people and small bodies are rare. The labels must not depend on the six
// articles of the test being the whole corpus.
const CORPUS_DF: Record<string, number> = {
  Q30: 4000,
  Q159: 2000,
  Q148: 1500,
  Q858: 1200,
  Q145: 1500,
  Q142: 1000,
  Q801: 1200,
  Q219060: 800,
  Q16: 500,
  Q43: 700,
  'united-nations': 3000,
  Q37470: 1200,
  'european-union': 1000,
  'arab-league': 200,
  Q6294: 600,
  'sergey-lavrov': 500,
  'bashar-al-assad': 500,
  Q1254: 150,
  Q1253: 400,
  'mahmoud-abbas': 200,
  Q43723: 400,
  Q76: 1500,
};
const corpusStats: CorpusStats = { totalArticles: 10_000, articlesMentioning: (id) => CORPUS_DF[id] ?? 30 };

describe('story matching on the seeds and the fixtures', () => {
  it('CBC (AP) and VOA are the same event, RT the related earlier event', () => {
    const all = stories();
    const fromCbc = matchFrom(all, 'cbc');
    const fromVoa = matchFrom(all, 'voa');
    expect(fromCbc.voa!.label).toBe('same event');
    expect(fromVoa.cbc!.label).toBe('same event');
    expect(fromCbc.rt!.label).toBe('related earlier event');
    expect(fromVoa.rt!.label).toBe('related earlier event');
    expect(fromCbc.rt!.days).toBe(-174);
    const fromRt = matchFrom(all, 'rt');
    expect(fromRt.cbc!.label).toBe('related later event');
    expect(fromRt.voa!.label).toBe('related later event');
  });

  it('the AP story run by another outlet is syndicated copy of CBC', () => {
    const fromCbc = matchFrom(stories(), 'cbc');
    expect(fromCbc.reprint).toMatchObject({ label: 'syndicated', score: 1 });
    expect(reason(fromCbc.reprint!, 'text')!.similarity).toBeGreaterThan(0.6);
    // Not VOA's: the same event, written independently.
    expect(matchFrom(stories(), 'voa').reprint!.label).toBe('same event');
  });

  it('a three-sentence brief is the same event as CBC and VOA, ranked above RT', () => {
    const all = stories();
    for (const page of ['cbc', 'voa'] as const) {
      const m = matchFrom(all, page);
      expect(m.brief!.label).toBe('same event');
      expect(m.brief!.score).toBeGreaterThan(m.rt!.score);
    }
    expect(matchFrom(all, 'brief').rt!.label).toBe('related earlier event');
  });

  it('an ASEAN summit sharing only the United States and China is unrelated to all', () => {
    const all = stories();
    for (const page of ['cbc', 'voa', 'rt', 'reprint', 'brief'] as const)
      expect(matchFrom(all, page).asean!.label).toBe('unrelated');
    expect(Object.values(matchFrom(all, 'asean')).map((m) => m.label)).toEqual(Array(5).fill('unrelated'));
  });

  it('ranks syndicated copy, then the same event, then related events, then unrelated ones; never the page itself', () => {
    const all = stories();
    const summaries = Object.values(all).map((s) => s.summary);
    const ranked = storyMatch(all.cbc.summary, summaries, statsOf(summaries));
    expect(ranked.map((m) => m.label)).toEqual([
      'syndicated',
      'same event',
      'same event',
      'related earlier event',
      'unrelated',
    ]);
    expect(ranked.some((m) => m.articleId === all.cbc.summary.id)).toBe(false);
    for (const m of ranked) {
      expect(m.score).toBeGreaterThanOrEqual(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
  });

  it('labels hold with the rarity of a large corpus', () => {
    const all = stories();
    const expected: Record<Name, Partial<Record<Name, string>>> = {
      cbc: {
        reprint: 'syndicated',
        voa: 'same event',
        brief: 'same event',
        rt: 'related earlier event',
        asean: 'unrelated',
      },
      voa: {
        cbc: 'same event',
        reprint: 'same event',
        brief: 'same event',
        rt: 'related earlier event',
        asean: 'unrelated',
      },
      rt: { cbc: 'related later event', voa: 'related later event', brief: 'related later event', asean: 'unrelated' },
      reprint: { cbc: 'syndicated' },
      brief: { cbc: 'same event', voa: 'same event' },
      asean: { cbc: 'unrelated', voa: 'unrelated', rt: 'unrelated' },
    };
    for (const [page, want] of Object.entries(expected)) {
      const got = matchFrom(all, page as Name, corpusStats);
      expect(Object.fromEntries(Object.keys(want).map((n) => [n, got[n]!.label]))).toEqual(want);
    }
  });

  it('explains itself: rare shared actors weigh more, shared quotes and agreeing figures are named', () => {
    const all = stories();
    const voa = matchFrom(all, 'cbc', corpusStats).voa!;
    const actors = reason(voa, 'actors')!;
    const rarity = (id: string) => actors.shared.find((a) => a.id === id)!.rarity;
    expect(rarity('Q1254')).toBeGreaterThan(rarity('Q30')); // Kofi Annan over the United States
    expect(actors.shared.reduce((sum, a) => sum + a.contribution, 0)).toBeCloseTo(actors.similarity, 2);
    expect(reason(voa, 'quotes')!.shared.map((q) => q.text)).toEqual(
      expect.arrayContaining(['bear a huge share of responsibility', 'military machine']),
    );
    expect(reason(voa, 'figures')!.compared).toContainEqual({
      counts: 'deaths',
      page: 'over 7,500 people',
      other: '7,500 people',
      agree: true,
    });
    expect(reason(voa, 'date')).toMatchObject({ days: 0, factor: 1, summary: 'Published the same day' });
    for (const r of voa.reasons) expect(r.summary.length).toBeGreaterThan(0);
    // Bev Oda, named only by CBC, is not a shared actor.
    expect(actors.shared.some((a) => a.id === 'bev-oda')).toBe(false);
  });

  it('an article without a date is judged on content alone', () => {
    const all = stories();
    const undated: ArticleSummary = { ...all.brief.summary, id: 'undated-brief', published: null };
    const [m] = storyMatch(all.cbc.summary, [undated], statsOf([all.cbc.summary, undated]));
    expect(m).toMatchObject({ label: 'same event', days: null });
    expect(reason(m!, 'date')!.summary).toBe('Publication date unknown');
  });

  it('scores 200 candidates, each as it scores alone, best first', () => {
    const all = stories();
    const base = Object.values(all).map((s) => s.summary);
    // Mostly versions of the same story, the costly case: every quote and figure is compared.
    const candidates = Array.from({ length: 200 }, (_, i) => ({ ...base[i % base.length]!, id: `candidate-${i}` }));
    const stats = statsOf(candidates);
    const t = performance.now();
    const matches = storyMatch(all.cbc.summary, candidates, stats);
    console.log(`storyMatch: ${(performance.now() - t).toFixed(1)} ms for ${candidates.length} candidates`);
    expect(matches).toHaveLength(200);
    const scores = matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const m of matches) {
      const alone = storyMatch(all.cbc.summary, [candidates.find((c) => c.id === m.articleId)!], stats);
      expect(m).toEqual(alone[0]);
    }
  });
});
