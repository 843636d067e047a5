import { describe, expect, it } from 'vitest';
import { annotateInParts } from '../../src/core/annotate-in-parts';
import type { Annotation } from '../../src/core/types';

/** A stand-in engine: every "Lavrov" is an actor. */
const engine = (text: string): Annotation[] =>
  [...text.matchAll(/Lavrov/g)].map(
    (m, i) =>
      ({ id: `a${i}`, kind: 'actor', start: m.index!, end: m.index! + 6, text: 'Lavrov' }) as unknown as Annotation,
  );

describe('annotateInParts', () => {
  it('annotates a short text in one pass', () => {
    let calls = 0;
    annotateInParts('Lavrov spoke.', (t) => (calls++, engine(t)), 100);
    expect(calls).toBe(1);
  });

  it('cuts a long text at paragraph breaks and maps every annotation back into it, with unique ids', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: Lavrov met the envoy.`).join('\n\n');
    const parts: string[] = [];
    const found = annotateInParts(text, (t) => (parts.push(t), engine(t)), 200);
    expect(parts.length).toBeGreaterThan(5);
    expect(parts.every((p) => p.length <= 200 && !p.startsWith('aragraph'))).toBe(true);
    expect(found).toHaveLength(40);
    expect(found.every((a) => text.slice(a.start, a.end) === 'Lavrov')).toBe(true);
    expect(new Set(found.map((a) => a.id)).size).toBe(40);
  });

  it('cuts a paragraph longer than a part where it must', () => {
    const text = `${'x'.repeat(250)} Lavrov`;
    const found = annotateInParts(text, engine, 100);
    expect(found.map((a) => text.slice(a.start, a.end))).toEqual(['Lavrov']);
  });
});
