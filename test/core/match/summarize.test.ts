import { describe, expect, it } from 'vitest';
import { annotate } from '../../../src/core/annotate';
import { jaccardEstimate, quoteShingles, summarize } from '../../../src/core/match';
import { stories } from './stories';
import { SYRIA_TOLL } from '../../fixtures/seed-figures';

describe('summarize', () => {
  it('counts actors by id, without role descriptions or ambiguous mentions', () => {
    const text =
      'Foreign Minister Sergey Lavrov met Hillary Clinton. The foreign minister said Lavrov would return. Russia and the US disagreed.';
    const annotations = annotate(text, { published: '2012-03-12' });
    const s = summarize({
      id: 'x',
      outlet: 'example.org',
      published: '2012-03-12',
      headline: null,
      url: null,
      text,
      annotations,
    });
    expect(annotations.some((a) => a.kind === 'actor' && a.via === 'role')).toBe(true);
    expect(s.actors['sergey-lavrov']).toBe(2); // "Sergey Lavrov" and "Lavrov", not "the foreign minister"
    expect(s.labels['sergey-lavrov']).toBe('Sergey Lavrov');
    expect(s.actors.Q159).toBe(1);
    expect(Object.keys(s.actors)).not.toContain('null');
  });

  it('keeps quotes with speakers, figures with their numbers, and the keys matching needs', () => {
    const text =
      'Hillary Clinton said the council cannot "stand silent." The conflict in Syria has killed over 7,500 people, according to the United Nations.';
    const s = summarize({
      id: 'y',
      outlet: 'example.org',
      published: '2012-03-12',
      headline: 'h',
      url: 'https://example.org/y',
      text,
      annotations: annotate(text, { published: '2012-03-12' }),
    });
    expect(s.quotes).toEqual([{ text: 'stand silent.', speakerId: 'Q6294', speaker: 'Hillary Clinton' }]);
    // A summary's figure is dated by its article, not by itself.
    const { published: _published, ...toll } = SYRIA_TOLL;
    expect(s.figures).toEqual([{ ...toll, unit: 'people', attribution: 'United Nations', text: 'over 7,500 people' }]);
    expect(s.quoteShingles).toEqual(quoteShingles('stand silent'));
    expect(s.minhash).toHaveLength(64);
    expect(s).toMatchObject({
      id: 'y',
      outlet: 'example.org',
      published: '2012-03-12',
      headline: 'h',
      url: 'https://example.org/y',
    });
  });

  it('summarises a seed article the same way every time, whatever its id', () => {
    const { cbc } = stories();
    const article = { ...cbc.summary, text: cbc.text, annotations: cbc.annotations };
    const once = summarize(article);
    const t = performance.now();
    const copies = Array.from({ length: 500 }, (_, i) => summarize({ ...article, id: `copy-${i}` }));
    console.info(
      `summarize: ${((performance.now() - t) / 500).toFixed(2)} ms for a ${cbc.text.length}-character article`,
    );
    for (const [i, copy] of copies.entries()) expect(copy).toEqual({ ...once, id: `copy-${i}` });
    expect(jaccardEstimate(once.minhash, cbc.summary.minhash)).toBe(1);
  });
});
