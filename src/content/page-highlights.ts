import type { Note } from '../core/notes/types';
import type { Annotation } from '../core/types';
import { type Painted, Painter } from './painter';
import { buildTextMapInSlices, segmentsFor, type TextMap } from './text-map';
import { taskSince } from './timing';

/** A task may run this long before it yields to the page (well under the 50 ms budget). */
const SLICE_MS = 8;

/** What a highlight shows: a detection, or the reader's note on text they chose. */
export type Target = { annotation: Annotation } | { note: Note };
export type Highlighted = Painted<Target>;

export const annotationOf = (item: Highlighted | null): Annotation | null =>
  item && 'annotation' in item.data ? item.data.annotation : null;
export const noteOf = (item: Highlighted | null): Note | null => (item && 'note' in item.data ? item.data.note : null);

export interface HighlightRun {
  /** How many annotations were painted. */
  count: number;
  painter: Painter<Target>;
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
 * paint it here in slices, yielding to the page between them. Nothing is written to the
 * page's DOM. Aborting the signal removes everything painted so far.
 */
export async function highlightArticle(
  root: Element,
  annotateText: (text: string) => Promise<Annotation[]>,
  signal: AbortSignal,
  painter = new Painter<Target>(root.ownerDocument),
): Promise<HighlightRun> {
  signal.addEventListener('abort', () => painter.clear(), { once: true });
  const map = await buildTextMapInSlices(
    root,
    () => false,
    SLICE_MS,
    yieldToPage,
    (start) => taskSince(start, 'text map'),
  );
  const found = await annotateText(map.text);
  let sliceStart = performance.now();
  const annotations = found.sort((a, b) => a.start - b.start || b.end - a.end);
  // A long first pass fills the highlights before they are registered (see Painter.hold).
  const first = painter.all().length === 0;
  if (first) painter.hold();
  let count = 0;
  for (const a of annotations) {
    if (signal.aborted) break;
    const type = a.kind === 'actor' && a.actorId ? a.actorType : undefined;
    if (painter.paint(segmentsFor(map, a.start, a.end), a.kind, { annotation: a }, type)) count++;
    if (performance.now() - sliceStart > SLICE_MS) {
      taskSince(sliceStart, 'highlight');
      await yieldToPage();
      sliceStart = performance.now();
    }
  }
  if (first) painter.release();
  taskSince(sliceStart, 'highlight');
  return { count, painter, text: map.text, map, annotations };
}
