import { describe, expect, it } from 'vitest';
import { defaultDictionary } from '../../src/core/actors/load';
import { annotate } from '../../src/core/annotate';
import { checkFigures, checkQuotes, goldFiles, scoreActors } from './gold';

describe('engine against the hand-annotated seed articles', () => {
  const dict = defaultDictionary();
  const runs = goldFiles().map(({ gold, text }) => ({
    gold,
    text,
    anns: annotate(text, { published: gold.published }),
  }));

  it('finds actor mentions with precision and recall of at least 0.95 overall and per article', () => {
    expect(runs.map((r) => r.gold.outlet)).toEqual(['CBC News', 'Voice of America', 'RT']);
    const scores = runs.map((r) => ({ outlet: r.gold.outlet, ...scoreActors(dict, r.gold, r.anns) }));
    const tp = scores.reduce((s, x) => s + x.truePositives, 0);
    const precision = tp / scores.reduce((s, x) => s + x.ours, 0);
    const recall = tp / scores.reduce((s, x) => s + x.gold, 0);
    console.log(`actor mentions: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`);
    for (const s of scores)
      console.log(
        `  ${s.outlet}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}; missed ${s.missed.join(', ') || 'none'}; extra ${s.extra.join(', ') || 'none'}`,
      );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
    for (const s of scores) {
      expect(s.precision, s.outlet).toBeGreaterThanOrEqual(0.95);
      expect(s.recall, s.outlet).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('finds every gold figure with the right value, qualifier and what it counts', () => {
    const results = runs.flatMap((r) => checkFigures(r.text, r.gold, r.anns));
    const wrong = results
      .filter((r) => !r.ok)
      .map(
        (r) =>
          `${r.gold.surface}: got ${JSON.stringify(r.ours && { value: r.ours.value, low: r.ours.low, high: r.ours.high, qualifier: r.ours.qualifier, counts: r.ours.counts })}`,
      );
    console.log(`figures: ${results.length - wrong.length}/${results.length} right`);
    expect(wrong).toEqual([]);
    expect(results.length).toBeGreaterThan(10);
  });

  it('attributes at least 90% of quotes to the right speaker', () => {
    const results = runs.flatMap((r) => checkQuotes(dict, r.gold, r.anns));
    const right = results.filter((r) => r.ok).length;
    console.log(
      `quotes: ${right}/${results.length} with the right speaker; wrong: ${
        results
          .filter((r) => !r.ok)
          .map((r) => `"${r.gold.text.slice(0, 30)}" (${r.gold.speaker} / ours ${r.ours?.speaker})`)
          .join('; ') || 'none'
      }`,
    );
    expect(
      results.every((r) => r.ours),
      'every gold quote is found',
    ).toBe(true);
    expect(right / results.length).toBeGreaterThanOrEqual(0.9);
  });

  it('tags none of the strings the gold lists as not actors in that article', () => {
    for (const r of runs) {
      const notActors = new Set(r.gold.not_actors);
      const tagged = r.anns
        .filter((a) => a.kind === 'actor' && a.via !== 'role' && notActors.has(a.text))
        .map((a) => a.text);
      expect(tagged, r.gold.outlet).toEqual([]);
    }
  });
});
