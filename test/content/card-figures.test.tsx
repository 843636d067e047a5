// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { Card } from '../../src/content/card/Card';
import type { FigureAlongside, FigureLikeItem, FiguresLike } from '../../src/core/match';
import type { FigureAnnotation } from '../../src/core/types';
import { storedFigure } from '../core/match/invented';
import { eachTestRoot } from '../preact-dom';

let root: HTMLElement;
eachTestRoot((el) => (root = el));

const figure: FigureAnnotation = {
  id: 'f0',
  kind: 'figure',
  start: 0,
  end: 11,
  text: 'at least 12',
  confidence: 0.85,
  value: 12,
  unit: 'people',
  counts: 'killed',
  qualifier: 'at least',
  subject: 'Ruritania',
};
const other = (text: string, value: number, over: Partial<FigureLikeItem> = {}): FigureLikeItem => ({
  ...storedFigure({ counts: 'killed', subject: 'Ruritania', value, text }),
  articleId: `x-${value}`,
  outlet: 'Harbour Post',
  published: '2031-05-02',
  sentence: `Officials said ${text} people were killed in the port city.`,
  agrees: true,
  days: 0,
  ...over,
});
const alongside = (text: string, value: number): FigureAlongside => {
  const { agrees: _, ...rest } = other(text, value, { outlet: 'Valley Times', published: '2031-04-20', days: -12 });
  return rest;
};
const cardText = (result: FiguresLike) => {
  act(() => render(<Card annotation={figure} data={{ state: 'figure', result }} id="card" />, root));
  return root.textContent ?? '';
};

describe('the card of a figure', () => {
  it('judges the figures that measure the same thing, and shows the others beside them without a verdict', () => {
    const text = cardText({
      items: [other('12', 12)],
      alongside: [alongside('30', 30)],
      verdict: 'agree',
      explanation: 'Harbour Post gives the same toll.',
    });
    expect(text).toContain('Harbour Post');
    expect(text).toContain('(agrees)');
    expect(text).toContain('Not compared (another incident, place or time):');
    const unjudged = root.querySelector('[aria-label="Figures of this kind not compared"]')!.textContent!;
    expect(unjudged).toContain('Valley Times');
    expect(unjudged).not.toMatch(/agrees|differs/);
  });

  it('shows other incidents alone, with no verdict, when nothing measures the same thing', () => {
    const text = cardText({
      items: [],
      alongside: [alongside('30', 30)],
      verdict: null,
      explanation: 'No other outlet gives a toll for this incident.',
    });
    expect(text).toContain('No other outlet gives a toll for this incident.');
    expect(text).toContain('Valley Times');
    expect(text).not.toMatch(/agrees|differs/);
  });

  it('says so when no other outlet gives a figure of the kind', () => {
    expect(cardText({ items: [], alongside: [], verdict: null, explanation: '' })).toContain(
      'No other outlet in your corpus gives this figure.',
    );
  });
});
