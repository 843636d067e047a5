import type { Segment } from './text-map';

/**
 * A custom element rather than a <span>, so page styles written for spans (and page
 * scripts querying them) do not reach our highlights; it is inline like a span.
 */
export const MARK_TAG = 'crosswire-mark';

export interface MarkAttributes {
  /** A detection, or the reader's own note on text they chose. */
  kind: 'actor' | 'figure' | 'quote' | 'note';
  /** Actor id, or the annotation's id. */
  id: string;
  /** Accessible name: what the highlight is, for assistive technology. */
  label: string;
  /** An actor's type (person, state…): the stylesheet colours by it. */
  type?: string;
}

/** A current piece of an original text node, after splits: it starts at `start` of the original. */
interface Piece {
  start: number;
  node: Text;
}

/**
 * Wraps pieces of text nodes in highlight elements and removes them again exactly: the text
 * nodes that were split are joined back, so the page's DOM serialises byte for byte as
 * before. Only text nodes are split and moved into our elements; no page element is moved
 * or re-created. Segments are given against the text nodes as they were before any
 * highlight, so annotations can be applied in any order; nested ones (an actor inside a
 * quote) must come after the one that contains them.
 */
export class Highlighter {
  private readonly marks: HTMLElement[] = [];
  private readonly pieces = new Map<Text, Piece[]>();

  constructor(private readonly doc: Document) {}

  /** Wrap each segment (one annotation may span several text nodes); returns the elements. */
  highlight(segments: readonly Segment[], attrs: MarkAttributes): HTMLElement[] {
    const created: HTMLElement[] = [];
    for (const seg of segments) {
      for (const text of this.cut(seg.node, seg.start, seg.end)) {
        // The page replaced this text since we read it (a ticker, a re-render): nothing to wrap.
        if (!text.parentNode) continue;
        const mark = this.doc.createElement(MARK_TAG);
        mark.dataset.crosswireKind = attrs.kind;
        mark.dataset.crosswireId = attrs.id;
        if (attrs.type) mark.dataset.crosswireType = attrs.type;
        mark.setAttribute('aria-label', attrs.label);
        text.parentNode.insertBefore(mark, text);
        mark.appendChild(text);
        this.marks.push(mark);
        created.push(mark);
      }
    }
    return created;
  }

  /**
   * Unwrap some highlights (a deleted note's). Their text stays split into adjacent text
   * nodes, which serialise as one; removeAll joins them.
   */
  unwrap(marks: readonly HTMLElement[]): void {
    const gone = new Set(marks);
    for (const mark of [...marks].reverse()) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
    }
    this.marks.splice(0, this.marks.length, ...this.marks.filter((m) => !gone.has(m)));
  }

  /** Unwrap every highlight, newest (innermost) first, and join the text nodes that were split. */
  removeAll(): void {
    for (const mark of this.marks.splice(0).reverse()) {
      const parent = mark.parentNode;
      if (!parent) continue; // the page removed it already
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
    }
    for (const pieces of this.pieces.values()) joinPieces(pieces);
    this.pieces.clear();
  }

  /** The current text nodes covering [start, end) of `original`, splitting at the ends. */
  private cut(original: Text, start: number, end: number): Text[] {
    let pieces = this.pieces.get(original);
    if (!pieces) this.pieces.set(original, (pieces = [{ start: 0, node: original }]));
    split(pieces, start);
    split(pieces, end);
    return pieces
      .filter(
        (p, i) =>
          p.start >= start && (pieces[i + 1]?.start ?? p.start + p.node.data.length) <= end && p.node.data.length > 0,
      )
      .map((p) => p.node);
  }
}

/** Split the piece containing `at` (relative to the original node) so a piece starts there. */
function split(pieces: Piece[], at: number): void {
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    const end = p.start + p.node.data.length;
    if (at > p.start && at < end) {
      pieces.splice(i + 1, 0, { start: at, node: p.node.splitText(at - p.start) });
      return;
    }
  }
}

/** Join the pieces of one original text node back into the first (they are adjacent again). */
function joinPieces(pieces: Piece[]): void {
  const [first, ...rest] = pieces;
  if (!first) return;
  for (const p of rest) {
    if (p.node.parentNode && p.node.previousSibling === first.node) {
      first.node.appendData(p.node.data);
      p.node.remove();
    }
  }
}
