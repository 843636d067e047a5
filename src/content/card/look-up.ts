import type { Annotation, FigureAnnotation } from '../../core/types';
import { figureQuery } from '../../core/match/page-lists';
import type { Ask } from '../../shared/ask';
import type { CardData } from './Card';

/** What a card needs of the page: its corpus id (to leave it out of "other outlets") and date. */
export interface PageFacts {
  /** The page's id if the corpus stores it, so its own sentences are not shown as another outlet's. */
  articleId: string;
  published: string | null;
}

/**
 * Ask the background what the corpus holds for this annotation. `onPage` is the page's
 * figures: a toll the page gives beside a disagreeing one for the same place names no single
 * incident, so it is compared with nothing.
 */
export async function lookUp(
  a: Annotation,
  ask: Ask,
  page: PageFacts,
  onPage: readonly FigureAnnotation[],
): Promise<CardData> {
  const exclude = { excludeArticleId: page.articleId };
  if (a.kind === 'actor') {
    if (!a.actorId) return { state: 'actor', groups: [] };
    const r = await ask({ type: 'mentions-of', actorId: a.actorId, ...exclude });
    return r.ok ? { state: 'actor', groups: r.value } : { state: 'error', error: r.error };
  }
  if (a.kind === 'figure') {
    const r = await ask({ type: 'figures-like', figure: figureQuery(a, page.published, onPage), ...exclude });
    return r.ok ? { state: 'figure', result: r.value } : { state: 'error', error: r.error };
  }
  const r = await ask({ type: 'quotes-like', text: a.text, ...exclude });
  return r.ok ? { state: 'quote', matches: r.value } : { state: 'error', error: r.error };
}
