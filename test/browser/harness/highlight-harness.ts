// Bundled by test/browser/highlighter.test.ts and loaded into a plain page: the content
// script's DOM modules and the engine, exposed for the test to drive.
import { annotate } from '../../../src/core/annotate';
import { Highlighter } from '../../../src/content/highlighter';
import { buildTextMap, segmentsFor } from '../../../src/content/text-map';

/** Annotate the element's text and highlight every annotation, outer ones first. */
function highlightElement(root: Element, published?: string) {
  const map = buildTextMap(root);
  const anns = annotate(map.text, published ? { published } : {}).sort((a, b) => a.start - b.start || b.end - a.end);
  const highlighter = new Highlighter(document);
  for (const a of anns) {
    const id = a.kind === 'actor' ? (a.actorId ?? a.id) : a.id;
    const label =
      a.kind === 'actor'
        ? a.label
        : a.kind === 'figure'
          ? `figure: ${a.text}`
          : `quote${a.speaker ? ` by ${a.speaker}` : ''}`;
    highlighter.highlight(segmentsFor(map, a.start, a.end), { kind: a.kind, id, label });
  }
  return { text: map.text, highlighter, count: anns.length };
}

(globalThis as Record<string, unknown>).crosswireHarness = {
  buildTextMap,
  segmentsFor,
  Highlighter,
  highlightElement,
  annotate,
};
