import type { Painted, Painter } from './painter';

/** The text position under a point of the viewport: caretPositionFromPoint, or Chromium's older caretRangeFromPoint. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) {
    const at = d.caretPositionFromPoint(x, y);
    return at ? { node: at.offsetNode, offset: at.offset } : null;
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

const inside = (rect: DOMRect, x: number, y: number) =>
  x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

const length = (item: Painted<unknown>) => item.ranges.reduce((n, r) => n + r.toString().length, 0);

/**
 * The highlight under a point of the viewport, or null: the caret position there, then the
 * highlights painted over it whose text boxes hold the point (the caret snaps to the nearest
 * text even from a margin). Where highlights nest, the innermost wins, and a detection wins
 * over the reader's note on it, whose card lists that note anyway.
 */
export function highlightAt<T>(doc: Document, painter: Painter<T>, x: number, y: number): Painted<T> | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const under = painter
    .at(caret.node, caret.offset)
    .filter((item) => item.ranges.some((r) => [...r.getClientRects()].some((rect) => inside(rect, x, y))));
  under.sort((a, b) => Number(a.kind === 'note') - Number(b.kind === 'note') || length(a) - length(b));
  return under[0] ?? null;
}
