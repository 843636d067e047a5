import type { FigureAnnotation } from '../types';
import type { SummaryFigure } from './types';

/**
 * A figure annotation's numbers, without offsets: what matching and the cards compare. A
 * module of its own: the cards need it on every page, and summarize.ts would bring the
 * text sketches (minhash.ts works out its seeds when loaded).
 */
export function summaryFigure(f: FigureAnnotation): SummaryFigure {
  return {
    counts: f.counts,
    subject: f.subject ?? null,
    value: f.value,
    low: f.low ?? null,
    high: f.high ?? null,
    qualifier: f.qualifier,
    unit: f.unit,
    attribution: f.attribution?.label ?? null,
    text: f.text,
  };
}
