import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/core/annotate';
import { codePointIndex, toWebAnnotation } from '../../src/core/export/web-annotation';
import { CONTEXT } from '../../src/core/export/crosswire-context';
import { toTable } from '../../src/core/export/table';

const now = new Date('2026-01-02T03:04:05Z');

describe('W3C Web Annotation export', () => {
  const text = 'Sergey Lavrov said 7,500 people had died, "a tragedy," he said.';
  const anns = annotate(text, { published: '2012-03-12' });
  const doc = toWebAnnotation(text, anns, { source: 'https://example.org/a', now }) as any;

  it('is one AnnotationCollection of identifying Annotations with both selectors', () => {
    expect(doc['@context']).toEqual(CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(anns.length);
    for (const item of doc.items) {
      expect(item.type).toBe('Annotation');
      expect(item.motivation).toBe('identifying');
      expect(item.created).toBe('2026-01-02T03:04:05.000Z');
      const [quote, position] = item.target.selector;
      expect(quote.type).toBe('TextQuoteSelector');
      expect(position.type).toBe('TextPositionSelector');
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(text.slice(0, position.start).endsWith(quote.prefix)).toBe(true);
      expect(text.slice(position.end).startsWith(quote.suffix)).toBe(true);
    }
  });

  it('carries Crosswire data under the crosswire: prefix', () => {
    const bodies = doc.items.map((i: any) => i.body);
    expect(bodies).toContainEqual(
      expect.objectContaining({
        'crosswire:kind': 'actor',
        'crosswire:id': 'sergey-lavrov',
        'crosswire:label': 'Sergey Lavrov',
        'crosswire:actorType': 'person',
      }),
    );
    expect(bodies).toContainEqual(
      expect.objectContaining({
        'crosswire:kind': 'figure',
        'crosswire:value': 7500,
        'crosswire:unit': 'people',
        'crosswire:counts': 'deaths',
        'crosswire:qualifier': null,
      }),
    );
    expect(bodies).toContainEqual(
      expect.objectContaining({
        'crosswire:kind': 'quote',
        'crosswire:speaker': 'Sergey Lavrov',
        'crosswire:speakerId': 'sergey-lavrov',
      }),
    );
  });

  it('counts positions in code points, not UTF-16 units', () => {
    const astral = '𝐀𝐁 Kofi Annan 😀 said.';
    const items = (toWebAnnotation(astral, annotate(astral), { source: 'urn:x', now }) as any).items;
    const annan = items.find((i: any) => i.body['crosswire:label'] === 'Kofi Annan');
    expect(annan.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 3, end: 13 });
    expect(Array.from(astral).slice(3, 13).join('')).toBe('Kofi Annan');
    expect([...codePointIndex('a😀b')]).toEqual([0, 1, 2, 2, 3]);
  });

  it('prints a readable table', () => {
    const table = toTable(anns);
    expect(table.split('\n')[0]).toMatch(/^kind\s+offsets\s+text\s+details$/);
    expect(table).toContain('person Sergey Lavrov [sergey-lavrov] via name');
    expect(table).toContain('deaths: 7500 people');
  });
});
