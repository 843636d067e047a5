import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import { extractArticle } from '../../src/cli/html-text';
import type { Annotation } from '../../src/core/types';
import { HAVE_PAGES, PAGES, SEEDS, warnIfNoPages } from '../fixtures/paths';

const pages = HAVE_PAGES ? readdirSync(PAGES).filter((f) => f.endsWith('.html')) : [];
warnIfNoPages('robustness.test: the real-page cases');

/** Every annotation's offsets are inside the text and its `text` is exactly that slice. */
function wellFormed(text: string, anns: Annotation[]) {
  for (const a of anns) {
    expect(a.start).toBeGreaterThanOrEqual(0);
    expect(a.end).toBeGreaterThan(a.start);
    expect(a.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(a.start, a.end)).toBe(a.text);
  }
  const actors = anns.filter((a) => a.kind === 'actor');
  for (let i = 1; i < actors.length; i++) expect(actors[i]!.start).toBeGreaterThanOrEqual(actors[i - 1]!.end);
}

describe('robustness', () => {
  // Without snapshots, one skipped test stands for them, so the run's summary counts the skip.
  if (pages.length === 0) it.skip('annotates the real page snapshots without errors', () => {});
  it.each(pages)('annotates the real page %s without errors', (name) => {
    const page = extractArticle(readFileSync(`${PAGES}${name}`, 'utf8'));
    expect(page.text.length).toBeGreaterThan(500);
    const anns = annotate(page.text, page.published ? { published: page.published } : {});
    wellFormed(page.text, anns);
  });

  it('copes with hostile text: unbalanced quotes, digit runs, endless abbreviations, control characters', () => {
    const hostile = [
      '"'.repeat(5000),
      '“unclosed quote '.repeat(2000),
      '9'.repeat(20000),
      '1,2,3,4,5,6,7,8,9,0,'.repeat(2000),
      'U.S.'.repeat(5000),
      'al-al-al-al-'.repeat(3000),
      '\u0000\u0007\u202e\ufeff<script>alert(1)</script>'.repeat(500),
      '$$$€€€£££%%%'.repeat(1000),
      'Lavrov '.repeat(5000),
    ].join('\n\n');
    const anns = annotate(hostile);
    wellFormed(hostile, anns);
    expect(anns.filter((a) => a.kind === 'actor' && a.text === 'U.S.').length).toBe(0); // glued, not words
  });

  it('handles an empty text and one of whitespace only', () => {
    expect(annotate('')).toEqual([]);
    expect(annotate(' \n\n\t ')).toEqual([]);
  });

  it('annotates a 2 MB article', () => {
    const base = readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(`${SEEDS}${f}`, 'utf8'))
      .join('\n\n');
    const big = base.repeat(Math.ceil(2_000_000 / base.length));
    const anns = annotate(big);
    expect(anns.length).toBeGreaterThan(1000);
    wellFormed(
      big.slice(0, 20000),
      anns.filter((a) => a.end <= 20000),
    );
  });
});
