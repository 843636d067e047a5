import type { Annotation } from './types';

/** The most text the engine reads at once (its working set grows with the text). */
export const PART_LENGTH = 1_000_000;

/**
 * Annotate a text of any length: a long one is cut at paragraph breaks into parts of at
 * most `partLength` characters, each annotated on its own (so names and quotes are not
 * linked across a cut), and the parts' offsets and ids shifted back into the whole text.
 */
export function annotateInParts(
  text: string,
  annotate: (part: string) => Annotation[],
  partLength = PART_LENGTH,
): Annotation[] {
  if (text.length <= partLength) return annotate(text);
  const out: Annotation[] = [];
  let offset = 0;
  let part = 0;
  while (offset < text.length) {
    let end = Math.min(text.length, offset + partLength);
    if (end < text.length) {
      const cut = text.lastIndexOf('\n\n', end);
      // A paragraph longer than a part is cut where it must be.
      if (cut > offset) end = cut;
    }
    const shift = offset;
    const found = annotate(text.slice(offset, end));
    out.push(
      ...found.map((a) => ({
        ...a,
        start: a.start + shift,
        end: a.end + shift,
        id: part === 0 ? a.id : `p${part}-${a.id}`,
      })),
    );
    offset = end;
    part++;
  }
  return out;
}
