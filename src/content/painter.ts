import type { Segment } from './text-map';

/** Our highlight names start with this; the page's own names are never touched. */
export const HIGHLIGHT_PREFIX = 'crosswire-';
/** The highlight the keyboard list has selected, painted over the others. */
export const FOCUS_HIGHLIGHT = `${HIGHLIGHT_PREFIX}focus`;

export type PaintKind = 'actor' | 'figure' | 'quote' | 'note';

/** The registry name of a kind's highlight: one per kind, and one per actor type (the stylesheet colours by it). */
export const highlightName = (kind: PaintKind, type?: string): string =>
  `${HIGHLIGHT_PREFIX}${kind}${kind === 'actor' && type ? `-${type}` : ''}`;

/** Where highlights overlap, the higher paints over: names over the quote they sit in, notes over both. */
const PRIORITY: Record<PaintKind, number> = { quote: 0, actor: 1, figure: 1, note: 2 };

/** One painted highlight: a detection or a note, over one or more pieces of text nodes. */
export interface Painted<T> {
  kind: PaintKind;
  /** Live Ranges: they follow the page's edits around them (an edit inside collapses them). */
  ranges: Range[];
  data: T;
  /** The named highlight its ranges are in. */
  name: string;
}

/** The document's highlight registry, as far as we use it (CSS.highlights). */
export interface HighlightRegistryLike {
  get(name: string): unknown;
  set(name: string, highlight: never): unknown;
  delete(name: string): unknown;
}

interface Api {
  registry: HighlightRegistryLike;
  create: () => Highlight;
}

/** The page's CSS.highlights and Highlight, or null where the browser has neither (it then shows no highlights). */
export function highlightApi(view: Window & typeof globalThis): Api | null {
  const registry = (view.CSS as { highlights?: HighlightRegistryLike } | undefined)?.highlights;
  const Ctor = (view as { Highlight?: typeof Highlight }).Highlight;
  if (!registry || !Ctor) return null;
  return { registry, create: () => new Ctor() };
}

/**
 * Paints highlights with the CSS Custom Highlight API: each is a set of live Ranges in one
 * of a few named highlights, so nothing goes into the page's DOM and nothing in it moves.
 * Finds what is painted at a point of a text node for hit testing, and puts our highlights
 * back when a page script empties or overwrites the registry.
 */
export class Painter<T> {
  private readonly highlights = new Map<string, Highlight>();
  private readonly byNode = new WeakMap<Node, Set<Painted<T>>>();
  private readonly items = new Set<Painted<T>>();
  /** While held, highlights fill without being registered (see hold). */
  private held = false;

  constructor(
    private readonly doc: Document,
    private readonly api: Api | null = doc.defaultView ? highlightApi(doc.defaultView) : null,
  ) {}

  /** Paint the pieces of one detection or note; null when none of them is in the page any more. */
  paint(segments: readonly Segment[], kind: PaintKind, data: T, type?: string): Painted<T> | null {
    const ranges: Range[] = [];
    const nodes: Text[] = [];
    for (const seg of segments) {
      const range = this.rangeOf(seg);
      if (!range) continue;
      ranges.push(range);
      nodes.push(seg.node);
    }
    if (!ranges.length) return null;
    const name = highlightName(kind, type);
    const item: Painted<T> = { kind, ranges, data, name };
    const highlight = this.highlight(name, PRIORITY[kind]);
    for (const range of ranges) highlight?.add(range);
    // The segments' nodes, not the ranges' startContainer: each read of that crosses into the DOM.
    for (const node of nodes) this.index(node).add(item);
    this.items.add(item);
    return item;
  }

  /**
   * Fill the highlights made from now on without registering them, until `release`: a browser
   * paints a registered highlight again each time it grows, so a long article filled slice by
   * slice costs it seconds where filling first and registering once costs it a fraction.
   */
  hold(): void {
    this.held = true;
  }

  /** Register what was filled while held. */
  release(): void {
    this.held = false;
    this.restore();
  }

  /** Remove some highlights (a deleted note's, a paragraph that changed). */
  erase(items: Iterable<Painted<T>>): void {
    for (const item of items) {
      const highlight = this.highlights.get(item.name);
      for (const range of item.ranges) {
        highlight?.delete(range);
        this.byNode.get(range.startContainer)?.delete(item);
      }
      this.items.delete(item);
    }
  }

  /** Remove every highlight of ours from the registry (switching off); the page's own stay. */
  clear(): void {
    for (const [name, highlight] of this.highlights)
      if (this.api?.registry.get(name) === highlight) this.api.registry.delete(name);
    this.highlights.clear();
    this.items.clear();
  }

  /** Everything painted, in the order it was painted. */
  all(): Painted<T>[] {
    return [...this.items];
  }

  /** What is painted over the position `offset` of text node `node` (the caret just before or after a character). */
  at(node: Node, offset: number): Painted<T>[] {
    const here = this.byNode.get(node);
    if (!here) return [];
    return [...here].filter((item) =>
      item.ranges.some(
        (r) => !r.collapsed && r.startContainer === node && r.startOffset <= offset && offset <= r.endOffset,
      ),
    );
  }

  /** The highlights painted over text inside `element` (a paragraph the page changed). */
  within(element: Node): Painted<T>[] {
    return [...this.items].filter((item) => item.ranges.some((r) => element.contains(r.startContainer)));
  }

  /** Paint `item` as the keyboard's current highlight, over everything else (null clears it). */
  focus(item: Painted<T> | null): void {
    const highlight = this.highlight(FOCUS_HIGHLIGHT, 3);
    highlight?.clear();
    for (const range of item?.ranges ?? []) highlight?.add(range);
  }

  /**
   * Put back any of our highlights a page script removed from the registry or replaced under
   * our name (CSS.highlights is the page's too).
   */
  restore(): void {
    if (this.held || !this.api) return;
    for (const [name, highlight] of this.highlights)
      if (this.api.registry.get(name) !== highlight) this.api.registry.set(name, highlight as never);
  }

  private highlight(name: string, priority: number): Highlight | null {
    let highlight = this.highlights.get(name);
    if (!highlight && this.api) {
      highlight = this.api.create();
      highlight.priority = priority;
      this.highlights.set(name, highlight);
      if (!this.held) this.api.registry.set(name, highlight as never);
    }
    return highlight ?? null;
  }

  private rangeOf(seg: Segment): Range | null {
    // The page may have shortened or removed the text since we read it.
    if (!seg.node.isConnected || seg.end > seg.node.length) return null;
    const range = this.doc.createRange();
    range.setStart(seg.node, seg.start);
    range.setEnd(seg.node, seg.end);
    return range;
  }

  private index(node: Node): Set<Painted<T>> {
    let set = this.byNode.get(node);
    if (!set) this.byNode.set(node, (set = new Set()));
    return set;
  }
}
