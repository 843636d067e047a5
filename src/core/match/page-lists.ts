/**
 * A page's annotations as the lists a reader goes through (its actors, figures and quotes,
 * each once), and the one way a figure on a page is put to the corpus. The popup's views, the
 * cards and the page exports all use these, so they agree on what the page holds.
 */
import type { ActorAnnotation, FigureAnnotation, QuoteAnnotation } from '../types';
import { unclearIncidents } from './same-measure';
import { summaryFigure } from './summary-figure';
import type { SummaryFigure } from './types';

export interface PageActor {
  id: string;
  label: string;
  type: string;
  /** How often, and in which spellings, the page names it. */
  mentions: number;
  forms: string[];
}

/** The page's actors with an id, most mentioned first (role descriptions left out: they repeat a named actor). */
export function pageActors(annotations: readonly { kind: string }[]): PageActor[] {
  const byId = new Map<string, PageActor>();
  for (const a of annotations as ActorAnnotation[]) {
    if (a.kind !== 'actor' || !a.actorId || a.via === 'role') continue;
    const actor = byId.get(a.actorId) ?? {
      id: a.actorId,
      label: a.label,
      type: a.actorType.replace('_', ' '),
      mentions: 0,
      forms: [],
    };
    actor.mentions++;
    if (!actor.forms.includes(a.text)) actor.forms.push(a.text);
    byId.set(a.actorId, actor);
  }
  return [...byId.values()].sort((a, b) => b.mentions - a.mentions || a.label.localeCompare(b.label));
}

/** The page's figures, each wording once (a toll repeated word for word in the lead and the body counts once). */
export function pageFigures(annotations: readonly { kind: string }[]): FigureAnnotation[] {
  const seen = new Set<string>();
  return (annotations as FigureAnnotation[]).filter((f) => {
    if (f.kind !== 'figure') return false;
    const key = `${f.counts}|${f.subject ?? ''}|${f.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The page's quotes (whole quotes before fragments), each once. */
export function pageQuotes(annotations: readonly { kind: string }[]): QuoteAnnotation[] {
  const seen = new Set<string>();
  return (annotations as QuoteAnnotation[]).filter((q) => {
    if (q.kind !== 'quote' || seen.has(q.text)) return false;
    seen.add(q.text);
    return true;
  });
}

/** What a figure counts, in words: "deaths (Syria)". */
export const quantity = (f: FigureAnnotation): string =>
  `${f.counts === 'other' ? f.unit : f.counts}${f.subject ? ` (${f.subject})` : ''}`;

/** A figure on a page as the corpus is asked about it: its numbers, and the page's date. */
export type FigureQueryOf = Omit<SummaryFigure, 'attribution'> & {
  published: string | null;
  severalIncidents?: boolean;
};

/**
 * The one way a page's figure is put to the corpus (the card, the Figures view and the
 * exports). Given the page's other figures, an incident toll the page gives beside a
 * disagreeing one for the same place is marked: it names no single incident to compare.
 */
export function figureQuery(
  figure: FigureAnnotation,
  published: string | null,
  onPage: readonly FigureAnnotation[],
): FigureQueryOf {
  const { attribution: _, ...numbers } = summaryFigure(figure);
  return { ...numbers, published, ...(severalIncidents(figure, onPage) && { severalIncidents: true }) };
}

function severalIncidents(figure: FigureAnnotation, onPage: readonly FigureAnnotation[]): boolean {
  const figures = onPage.includes(figure) ? onPage : [figure, ...onPage];
  const numbers = new Map(figures.map((f) => [summaryFigure(f), f]));
  return [...unclearIncidents([...numbers.keys()])].some((n) => numbers.get(n) === figure);
}
