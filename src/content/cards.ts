import { h } from 'preact';
import type { Annotation } from '../core/types';
import type { Reply, Request } from '../messages';
import { Card, type CardData } from './card/Card';
import { CARD_CSS } from './card/card-css';
import { placeCard } from './card/place';
import { ShadowHost } from './card/shadow-host';
import { MARK_TAG } from './highlighter';
import { summaryFigure } from '../core/match/summarize';

type Ask = <R extends Request>(request: R) => Promise<Reply<R['type']>>;

export interface PageFacts {
  /** The page's id if the corpus stores it, so its own sentences are not shown as another outlet's. */
  articleId: string;
  published: string | null;
}

const OPEN_DELAY = 150;
const CLOSE_DELAY = 300;
const CARD_ID = 'crosswire-card';

/**
 * Hover or keyboard focus on a highlight opens its card; leaving both the highlight and the
 * card, or Escape, closes it. One shadow-rooted host holds the card; the signal removes it
 * and every listener.
 */
export function attachCards(root: Element, annotationOf: WeakMap<Element, Annotation>, ask: Ask, page: PageFacts, signal: AbortSignal): void {
  const doc = root.ownerDocument;
  // Created on the first card, so a page nobody hovers carries nothing of ours but highlights.
  let shadow: ShadowHost | null = null;
  const host = {
    get: () => (shadow ??= new ShadowHost(doc, CARD_CSS)),
    contains: (target: EventTarget | null) => shadow?.contains(target) ?? false,
  };
  signal.addEventListener('abort', () => shadow?.destroy(), { once: true });
  let current: Element | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  /** The highlight Escape just closed: focus goes back to it without reopening its card. */
  let dismissed: Element | null = null;

  const markOf = (target: EventTarget | null) => (target instanceof Element ? target.closest(MARK_TAG) : null);
  const later = (f: () => void, ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(f, ms);
  };

  const close = () => {
    clearTimeout(timer);
    current?.removeAttribute('aria-describedby');
    current = null;
    generation++;
    shadow?.render(null);
  };

  const open = (mark: Element) => {
    const annotation = annotationOf.get(mark);
    if (!annotation || mark === current) return;
    current = mark;
    mark.setAttribute('aria-describedby', CARD_ID);
    const mine = ++generation;
    const show = (data: CardData) => {
      if (mine !== generation) return; // another card opened meanwhile
      host.get().render(h(Card, { annotation, data, id: CARD_ID }));
      position(mark);
    };
    show({ state: 'loading' });
    void lookUp(annotation, ask, page).then(show);
  };

  const position = (mark: Element) => {
    const rect = mark.getBoundingClientRect();
    const view = doc.defaultView!;
    const { left, top } = placeCard(rect, { width: 380, height: 380 }, { width: view.innerWidth, height: view.innerHeight, scrollX: view.scrollX, scrollY: view.scrollY });
    host.get().place(left, top);
  };

  const listen = <K extends keyof DocumentEventMap>(type: K, f: (e: DocumentEventMap[K]) => void) => doc.addEventListener(type, f, { signal, capture: true });
  listen('mouseover', (e) => {
    const mark = markOf(e.target);
    if (mark && annotationOf.has(mark)) later(() => open(mark), OPEN_DELAY);
    else if (host.contains(e.target)) clearTimeout(timer);
    else if (current) later(close, CLOSE_DELAY);
  });
  listen('focusin', (e) => {
    const mark = markOf(e.target);
    if (mark && mark === dismissed) dismissed = null;
    else if (mark && annotationOf.has(mark)) open(mark);
    else if (!host.contains(e.target) && current) later(close, CLOSE_DELAY);
  });
  listen('keydown', (e) => {
    if (e.key !== 'Escape' || !current) return;
    const mark = current;
    close();
    // Focus returns to the highlight (a hovered one gets it now; a focused one keeps it, and
    // no focusin comes), without reopening its card.
    if (doc.activeElement !== mark) {
      dismissed = mark;
      (mark as HTMLElement).focus();
    }
  });
}

/** Ask the background what the corpus holds for this annotation. */
async function lookUp(a: Annotation, ask: Ask, page: PageFacts): Promise<CardData> {
  const exclude = { excludeArticleId: page.articleId };
  if (a.kind === 'actor') {
    if (!a.actorId) return { state: 'actor', groups: [] };
    const r = await ask({ type: 'mentions-of', actorId: a.actorId, ...exclude });
    return r.ok ? { state: 'actor', groups: r.value } : { state: 'error', error: r.error };
  }
  if (a.kind === 'figure') {
    const { attribution: _, ...numbers } = summaryFigure(a);
    const figure = { ...numbers, published: page.published };
    const r = await ask({ type: 'figures-like', figure, ...exclude });
    return r.ok ? { state: 'figure', result: r.value } : { state: 'error', error: r.error };
  }
  const r = await ask({ type: 'quotes-like', text: a.text, ...exclude });
  return r.ok ? { state: 'quote', matches: r.value } : { state: 'error', error: r.error };
}
