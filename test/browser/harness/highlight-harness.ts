// Bundled by test/browser/highlighter.test.ts and loaded into a plain page: the content
// script's text map, painter and hit test, and the engine, exposed for the test to drive.
import { annotate } from '../../../src/core/annotate';
import type { Annotation } from '../../../src/core/types';
import { highlightAt } from '../../../src/content/hit-test';
import { MARK_CSS } from '../../../src/content/mark-css';
import { Painter } from '../../../src/content/painter';
import { buildTextMap, segmentsFor } from '../../../src/content/text-map';

/** Annotate the element's text and paint every annotation, as the content script does (outer ones first). */
function highlightElement(root: Element, published?: string) {
  const map = buildTextMap(root);
  const anns = annotate(map.text, published ? { published } : {}).sort((a, b) => a.start - b.start || b.end - a.end);
  const painter = new Painter<Annotation>(document);
  let count = 0;
  for (const a of anns) {
    const type = a.kind === 'actor' && a.actorId ? a.actorType : undefined;
    if (painter.paint(segmentsFor(map, a.start, a.end), a.kind, a, type)) count++;
  }
  return { text: map.text, painter, count };
}

/** The id a highlight is known by: an actor's id, else the annotation's. */
const idOf = (a: Annotation) => (a.kind === 'actor' ? (a.actorId ?? a.id) : a.id);

/** Each painted highlight as plain data: its kind, id, and the text of each of its ranges. */
function paintedItems(painter: Painter<Annotation>) {
  return painter.all().map((item) => ({
    kind: item.kind,
    id: idOf(item.data),
    texts: item.ranges.map((r) => r.toString()),
  }));
}

/** The highlight under a viewport point, as plain data (null when none). */
function itemAt(painter: Painter<Annotation>, x: number, y: number) {
  const item = highlightAt(document, painter, x, y);
  return item && { kind: item.kind, id: idOf(item.data), text: item.data.text };
}

(globalThis as Record<string, unknown>).crosswireHarness = {
  buildTextMap,
  segmentsFor,
  Painter,
  highlightElement,
  paintedItems,
  itemAt,
  annotate,
  MARK_CSS,
};
