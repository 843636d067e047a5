import { describe, expect, it } from 'vitest';
import { minhash, shingleHashes, summarize } from '../../../src/core/match';
import { bottomSketch, containmentEstimate, SKETCH_SIZE } from '../../../src/core/match/minhash';
import { soup } from './soup';

/** Exact containment of the smaller shingle set in the larger. */
function exactContainment(a: number[], b: number[]): number {
  const sb = new Set(b);
  const both = new Set(a.filter((x) => sb.has(x))).size;
  return both / Math.min(new Set(a).size, sb.size);
}

const sketchOf = (ws: string[]) => bottomSketch(shingleHashes(ws, 5));
const estimate = (a: string[], b: string[]) => containmentEstimate(sketchOf(a), sketchOf(b)).containment;

describe('bottom-k sketch and containment', () => {
  it('keeps the least hashes, ascending, and counts them all; a small set is kept whole', () => {
    const hashes = shingleHashes(soup(3, 1000), 5);
    const sketch = bottomSketch(hashes);
    expect(sketch.shingles).toBe(new Set(hashes).size);
    expect(sketch.bottom).toHaveLength(SKETCH_SIZE);
    expect(sketch.bottom).toEqual([...hashes].sort((a, b) => a - b).slice(0, SKETCH_SIZE));
    expect(bottomSketch(hashes.slice(0, 40)).bottom).toHaveLength(40);
    expect(bottomSketch([])).toEqual({ bottom: [], shingles: 0 });
  });

  it('a copy cut to its first half, or to a few of its paragraphs, is wholly contained in the original', () => {
    const original = soup(11, 1500);
    expect(estimate(original.slice(0, 750), original)).toBe(1);
    const paragraphs = [...original.slice(100, 220), ...original.slice(900, 1000)];
    expect(estimate(original, paragraphs)).toBeGreaterThan(0.9);
    // Jaccard would say a half copy shares at most half: containment is what tells a copy.
    expect(estimate(original.slice(0, 300), original)).toBeGreaterThan(0.9);
  });

  it('estimates containment of edited, cut copies within 0.15 of the exact share', () => {
    const original = soup(5, 1200);
    // An editor changes one word in `every` of the first 400 words.
    const edited = (every: number) => original.slice(0, 400).map((w, i) => (i % every === 0 ? `edit${i}` : w));
    for (const copy of [edited(40), edited(15), edited(8), edited(4), soup(77, 400)]) {
      const exact = exactContainment(shingleHashes(copy, 5), shingleHashes(original, 5));
      expect(Math.abs(estimate(copy, original) - exact)).toBeLessThan(0.15);
    }
  });

  it('texts that share nothing, or have no words, contain nothing of each other', () => {
    expect(estimate(soup(1, 800), soup(2, 300))).toBeLessThan(0.05);
    expect(containmentEstimate(bottomSketch([]), sketchOf(soup(1, 50)))).toEqual({ containment: 0, shared: 0 });
  });

  it('estimates how many shingles the two share, for telling a shared passage from a shared phrase', () => {
    const original = soup(9, 1000);
    const { shared } = containmentEstimate(sketchOf(original.slice(0, 200)), sketchOf(original));
    expect(shared).toBeGreaterThan(150);
    expect(shared).toBeLessThanOrEqual(196);
  });
});

describe('summarize keeps the sketch', () => {
  it('beside the MinHash, over the same 5-word shingles', () => {
    const text = soup(21, 400).join(' ');
    const s = summarize({ id: 's', outlet: 'o', published: null, headline: null, url: null, text, annotations: [] });
    expect(s.textSketch).toEqual(sketchOf(soup(21, 400)));
    expect(s.minhash).toEqual(minhash(shingleHashes(soup(21, 400), 5)));
  });
});
