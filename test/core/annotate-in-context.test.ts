import { describe, expect, it } from 'vitest';
import { annotateInContext } from '../../src/core/annotate-in-context';
import type { Annotation } from '../../src/core/types';

/** A stand-in engine: every "Lavrov" is an actor. */
const engine = (text: string): Annotation[] =>
  [...text.matchAll(/Lavrov/g)].map(
    (m, i) =>
      ({ id: `a${i}`, kind: 'actor', start: m.index!, end: m.index! + 6, text: 'Lavrov' }) as unknown as Annotation,
  );

describe('annotateInContext', () => {
  it('reads the article and the added text as one, and answers the added text’s annotations only', () => {
    const read: string[] = [];
    const found = annotateInContext('Lavrov arrived.', 'Then Lavrov left.', (t) => (read.push(t), engine(t)));
    expect(read).toEqual(['Lavrov arrived.\n\nThen Lavrov left.']);
    expect(found.map((a) => [a.start, a.end, a.text])).toEqual([[5, 11, 'Lavrov']]);
  });

  it('lends only the first paragraphs of a long article, where people are named in full', () => {
    const article = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: Lavrov met the envoy.`).join('\n\n');
    const read: string[] = [];
    const found = annotateInContext(article, 'Lavrov left.', (t) => (read.push(t), engine(t)), 200);
    expect(read).toHaveLength(1);
    expect(read[0]!.length).toBeLessThanOrEqual(200 + '\n\nLavrov left.'.length);
    expect(read[0]).toMatch(/^Paragraph 0: .*Paragraph \d+: Lavrov met the envoy\.\n\nLavrov left\.$/s);
    expect(found.map((a) => [a.start, a.end])).toEqual([[0, 6]]);
  });

  it('reads added text alone when the article is empty or the added text blank', () => {
    for (const [article, added] of [
      ['', 'Lavrov left.'],
      ['Lavrov arrived.', '  '],
    ] as const) {
      const read: string[] = [];
      annotateInContext(article, added, (t) => (read.push(t), engine(t)), 200);
      expect(read).toEqual([added]);
    }
  });
});
