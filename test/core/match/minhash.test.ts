import { describe, expect, it } from 'vitest';
import { jaccardEstimate, minhash, MINHASH_SIZE, shingleHashes } from '../../../src/core/match';
import { words } from '../../../src/core/match/words';
import { soup } from './soup';

function exactJaccard(a: number[], b: number[]): number {
  const sa = new Set(a);
  const shared = b.filter((x) => sa.has(x)).length;
  return shared / (sa.size + b.length - shared);
}

describe('words', () => {
  it('folds case, diacritics, apostrophes and hyphens between letters', () => {
    expect(words('Erdoğan’s CEASE-FIRE, the U.S. and 7,500 “people”')).toEqual([
      'erdogans',
      'ceasefire',
      'the',
      'u',
      's',
      'and',
      '7',
      '500',
      'people',
    ]);
    expect(words("it's — a year-long war; 50-60 thousand")).toEqual([
      'its',
      'a',
      'yearlong',
      'war',
      '50',
      '60',
      'thousand',
    ]);
    expect(words('Лавров заявил')).toEqual(['лавров', 'заявил']);
    expect(words('  ')).toEqual([]);
  });
});

describe('shingles and MinHash', () => {
  it('is deterministic and independent of shingle order', () => {
    const sh = shingleHashes(soup(1, 300), 5);
    expect(minhash(sh)).toEqual(minhash([...sh].reverse()));
    expect(minhash(sh)).toHaveLength(MINHASH_SIZE);
    expect(minhash(sh).every((v) => Number.isInteger(v) && v >= 0 && v < 2 ** 32)).toBe(true);
    expect(shingleHashes(soup(1, 300), 5)).toEqual(sh);
  });

  it('a text shorter than the shingle is one shingle; an empty one has none and matches nothing', () => {
    expect(shingleHashes(['military', 'machine'], 3)).toHaveLength(1);
    expect(shingleHashes(['military', 'machine'], 3)).not.toEqual(shingleHashes(['machine', 'military'], 3));
    expect(minhash([])).toEqual([]);
    expect(jaccardEstimate([], [])).toBe(0);
  });

  it('estimates the Jaccard similarity of the shingle sets within 0.15', () => {
    const original = soup(7, 800);
    // Rewrite the first `share` of every hundred words, as an editor rewrites passages.
    const edit = (share: number) => original.map((w, i) => (i % 100 < share * 100 ? `edited${i}` : w));
    for (const text of [original, edit(0.02), edit(0.1), edit(0.3), edit(0.6), soup(99, 800)]) {
      const a = shingleHashes(original, 5);
      const b = shingleHashes(text, 5);
      expect(Math.abs(jaccardEstimate(minhash(a), minhash(b)) - exactJaccard(a, b))).toBeLessThan(0.15);
    }
  });
});
