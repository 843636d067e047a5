import { buildTextMap } from './text-map';

/** The reader's selection in the article: its span in the article's text, its words and where it is on screen. */
export interface SelectionSpot {
  start: number;
  end: number;
  quote: string;
  rect: DOMRect;
}

/**
 * The current selection as a span of `root`'s text (as the text map reads it: our highlights
 * are transparent), or null when there is none, or it is not inside the article.
 */
export function selectionSpot(doc: Document, root: Element): SelectionSpot | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const map = buildTextMap(root);
  const start = offsetOf(map, range.startContainer, range.startOffset);
  const end = offsetOf(map, range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  // Trim the blanks a drag picks up at either end.
  const raw = map.text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const quote = raw.trim();
  if (quote.length < 2) return null;
  return { start: start + lead, end: start + lead + quote.length, quote, rect: range.getBoundingClientRect() };
}

/** A DOM position as an offset into the map's text: in a text node, or between an element's children. */
function offsetOf(map: ReturnType<typeof buildTextMap>, container: Node, offset: number): number | null {
  if (container.nodeType === 3) {
    const i = map.nodes.indexOf(container as Text);
    return i < 0 ? null : map.starts[i]! + Math.min(offset, map.lengths[i]!);
  }
  // Between children: the start of the first text node at or after that child.
  const after = container.childNodes[offset] ?? null;
  for (let i = 0; i < map.nodes.length; i++) {
    const node = map.nodes[i]!;
    if (
      after
        ? after === node ||
          after.contains(node) ||
          (after.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
        : container.contains(node) === false &&
          (container.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
    )
      return map.starts[i]!;
  }
  return map.text.length;
}
