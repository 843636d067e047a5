import type { Annotation } from './types';

/** What joins the article and the added text: a paragraph break, as between any two of its blocks. */
const BREAK = '\n\n';
/**
 * How much of the article is read again with each added paragraph. Articles name people in
 * full where they first appear, mostly near the top; reading a whole 1 MB article again for
 * every paragraph a live page adds took about a second each.
 */
export const CONTEXT_LENGTH = 30_000;

/**
 * Annotate text a page added after it was read (a late paragraph) as the article's next
 * paragraph, so that what the article established still holds: "Clinton" after "Hillary
 * Clinton", "Ban" after "Ban Ki-moon". The engine reads the article and the added text
 * together; only the added text's annotations come back, with offsets into `added`.
 * It reads at most `contextLength` characters of the article, from its start.
 */
export function annotateInContext(
  article: string,
  added: string,
  annotate: (text: string) => Annotation[],
  contextLength = CONTEXT_LENGTH,
): Annotation[] {
  const context = headOf(article, contextLength);
  // Blank added text has nothing to find: the article need not be read again for it.
  if (!context || !added.trim()) return annotate(added);
  const offset = context.length + BREAK.length;
  return annotate(context + BREAK + added)
    .filter((a) => a.start >= offset)
    .map((a) => ({ ...a, start: a.start - offset, end: a.end - offset }));
}

/** The start of `text` in at most `length` characters, ending at a paragraph where it can. */
function headOf(text: string, length: number): string {
  if (length <= 0) return '';
  if (text.length <= length) return text;
  const paragraph = text.lastIndexOf(BREAK, length);
  return text.slice(0, paragraph > 0 ? paragraph : length);
}
