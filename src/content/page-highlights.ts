import type { Annotation } from '../core/types';
import { Highlighter, MARK_TAG } from './highlighter';
import { markLabel } from './mark-label';
import { buildTextMapInSlices, segmentsFor, type TextMap } from './text-map';
import { taskSince } from './timing';

/** A task may run this long before it yields to the page (well under the 50 ms budget). */
const SLICE_MS = 8;

export interface HighlightRun {
  /** How many annotations were highlighted. */
  count: number;
  highlighter: Highlighter;
  /** The annotation each highlight element shows. */
  annotationOf: WeakMap<Element, Annotation>;
  /** The text that was annotated (and its map to the DOM), and what the engine found in it. */
  text: string;
  map: TextMap;
  annotations: Annotation[];
}

/**
 * Give the page its thread back until the next task. Through our own MessageChannel, not
 * setTimeout: timer ids are shared with the page, and a page that clears every timer (some
 * ad scripts do) would otherwise stall us mid-article.
 */
export function yieldToPage(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Annotate `root`'s text (the engine runs in the background, off the page's thread) and
 * highlight it here in slices, yielding to the page between them. Aborting the signal
 * removes everything added so far.
 */
export async function highlightArticle(
  root: Element,
  annotateText: (text: string) => Promise<Annotation[]>,
  signal: AbortSignal,
  annotationOf = new WeakMap<Element, Annotation>(),
): Promise<HighlightRun> {
  const highlighter = new Highlighter(root.ownerDocument);
  signal.addEventListener('abort', () => highlighter.removeAll(), { once: true });
  const map = await buildTextMapInSlices(
    root,
    (el) => el.tagName.toLowerCase() === MARK_TAG,
    SLICE_MS,
    yieldToPage,
    (start) => taskSince(start, 'text map'),
  );
  const found = await annotateText(map.text);
  let sliceStart = performance.now();
  const annotations = found.sort((a, b) => a.start - b.start || b.end - a.end);
  let count = 0;
  for (const a of annotations) {
    if (signal.aborted) break;
    const marks = highlighter.highlight(segmentsFor(map, a.start, a.end), {
      kind: a.kind,
      id: a.kind === 'actor' ? (a.actorId ?? a.id) : a.id,
      label: markLabel(a),
      ...(a.kind === 'actor' && { type: a.actorType }),
    });
    marks.forEach((m, i) => {
      annotationOf.set(m, a);
      // Reachable by keyboard once per annotation, not once per piece of it.
      if (i === 0) m.tabIndex = 0;
      m.setAttribute('role', 'mark');
    });
    count++;
    if (performance.now() - sliceStart > SLICE_MS) {
      taskSince(sliceStart, 'highlight');
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  taskSince(sliceStart, 'highlight');
  return { count, highlighter, annotationOf, text: map.text, map, annotations };
}
